import { withProductionDb } from "./support/production-db.ts";
import { expect, test } from "./support/test.ts";
import { expectSignedInAs, signInError, whenInteractive } from "./support/ui.ts";
import { OIDC_NAME } from "./support/constants.ts";
import { logInAtIdentityProvider } from "./support/idp.ts";

// Access ends the moment a person is suspended: their session, still signed, no longer
// opens any page, and sign-in says why instead of looping.

const PERSON = "jordan.lee@northwind.example";

async function setStatus(status: "ACTIVE" | "SUSPENDED") {
  await withProductionDb((db) =>
    db.query(`UPDATE "User" SET status = $1 WHERE "emailNormalized" = $2`, [status, PERSON]),
  );
}

test.afterEach(() => setStatus("ACTIVE"));

test("a person suspended after signing in is signed out at once, with the reason", async ({
  page,
}) => {
  await page.goto("/sign-in");
  await (
    await whenInteractive(page.getByRole("button", { name: `Continue with ${OIDC_NAME}` }))
  ).click();
  await logInAtIdentityProvider(page, PERSON);
  await expect(page).toHaveURL("/apps");
  await expectSignedInAs(page, "Jordan Lee");

  // The sign-in is on the audit trail, with its method.
  const events = await withProductionDb(async (db) => {
    const { rows } = await db.query<{ action: string; after: { method: string } }>(
      `SELECT e.action, e.after FROM "Event" e JOIN "User" u ON u.id = e."targetId"::uuid
        WHERE u."emailNormalized" = $1 AND e.action = 'user.signed_in'`,
      [PERSON],
    );
    return rows;
  });
  expect(events.map((e) => e.after.method)).toContain("oidc");

  await setStatus("SUSPENDED");
  await page.goto("/apps");
  await expect(page).toHaveURL(/\/sign-in\?error=AccountInactive$/);
  await expect(signInError(page)).toContainText(
    "Your Lantern account is suspended or deprovisioned.",
  );
  await expect(page.getByRole("heading", { name: "Sign in to Lantern" })).toBeVisible();

  // The API refuses the session too.
  const response = await page.request.get("/api/trpc/me.get");
  expect(response.status()).toBe(401);
});
