import { randomUUID } from "node:crypto";
import { OIDC_NAME, PRODUCTION_URL } from "./support/constants.ts";
import { logInAtIdentityProvider } from "./support/idp.ts";
import { serveOtherSite } from "./support/other-site.ts";
import { withProductionDb } from "./support/production-db.ts";
import { expect, test } from "./support/test.ts";
import { expectSignedInAs, whenInteractive } from "./support/ui.ts";

// Cross-site requests (src/server/security/cross-site.ts): a page on another port of the same
// host — "same-site", so the browser sends Lantern's session cookie along — posts an HTML form
// to a tRPC mutation. Lantern refuses it and nothing changes; the same mutation made by
// Lantern's own page, as JSON, works. Production mode: the test makes a failed notification in
// the database for notifications.retryAllFailed to retry, and no worker runs to deliver it.

const PRIYA = "priya.shah@northwind.example"; // a super admin
const MUTATION = `${PRODUCTION_URL}/api/trpc/notifications.retryAllFailed`;

/** A failed notification to Priya; returns its id. */
async function failedNotification(): Promise<string> {
  return withProductionDb(async (db) => {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO "Notification"
         (id, "organizationId", "recipientId", channel, template, payload, "idempotencyKey",
          state, attempts, "lastError", "failedAt")
       SELECT gen_random_uuid(), u."organizationId", u.id, 'EMAIL', 'task-reminder', '{}'::jsonb,
              $2, 'FAILED', 5, 'e2e: cross-site', now()
         FROM "User" u WHERE u."emailNormalized" = $1
       RETURNING id`,
      [PRIYA, `e2e-cross-site-${randomUUID()}`],
    );
    return rows[0]!.id;
  });
}

const stateOf = (id: string) =>
  withProductionDb(async (db) => {
    const { rows } = await db.query<{ state: string }>(
      `SELECT state FROM "Notification" WHERE id = $1`,
      [id],
    );
    return rows[0]?.state;
  });

test("a form on another site cannot run a mutation with the person's cookie; Lantern's own page can", async ({
  page,
}) => {
  await page.goto("/sign-in");
  await (
    await whenInteractive(page.getByRole("button", { name: `Continue with ${OIDC_NAME}` }))
  ).click();
  await logInAtIdentityProvider(page, PRIYA);
  await expectSignedInAs(page, "Priya Shah");
  const id = await failedNotification();

  await test.step("a same-site page's form post is refused and changes nothing", async () => {
    const site = await serveOtherSite(`<!doctype html>
      <form method="post" enctype="multipart/form-data" action="${MUTATION}">
        <input name="note" value="hello"><button>Win a prize</button>
      </form>`);
    try {
      await page.goto(site.url);
      const [answer] = await Promise.all([
        page.waitForResponse(MUTATION),
        page.getByRole("button", { name: "Win a prize" }).click(),
      ]);
      expect(answer.status()).toBe(403);
      expect(await answer.json()).toEqual({
        error: {
          code: "FORBIDDEN",
          message: expect.stringContaining(`not from Lantern's own pages at ${PRODUCTION_URL}`),
        },
      });
    } finally {
      await site.close();
    }
    expect(await stateOf(id)).toBe("FAILED");
  });

  await test.step("even from Lantern's own page, a form post is refused", async () => {
    await page.goto("/apps");
    const status = await page.evaluate(async (url) => {
      const body = new FormData();
      body.set("note", "hello");
      return (await fetch(url, { method: "POST", body })).status;
    }, MUTATION);
    expect(status).toBe(415);
    expect(await stateOf(id)).toBe("FAILED");
  });

  await test.step("the same mutation as JSON from Lantern's own page works", async () => {
    const answer = await page.evaluate(async (url) => {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: null }),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    }, MUTATION);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ result: { data: { json: { count: 1 } } } });
    expect(await stateOf(id)).not.toBe("FAILED");
  });
});

test("a script with the session cookie and no Origin (curl) is not a cross-site request", async ({
  page,
}) => {
  await page.goto("/sign-in");
  await (
    await whenInteractive(page.getByRole("button", { name: `Continue with ${OIDC_NAME}` }))
  ).click();
  await logInAtIdentityProvider(page, PRIYA);
  await expectSignedInAs(page, "Priya Shah");
  const id = await failedNotification();

  // Playwright's request context sends the cookie like curl -b: no Origin, no Sec-Fetch-Site.
  const crossSite = await page.request.post(MUTATION, {
    data: { json: null },
    headers: { origin: "http://localhost:1" },
  });
  expect(crossSite.status()).toBe(403);
  expect(await stateOf(id)).toBe("FAILED");

  const script = await page.request.post(MUTATION, { data: { json: null } });
  expect(script.status()).toBe(200);
  expect(await stateOf(id)).not.toBe("FAILED");
});
