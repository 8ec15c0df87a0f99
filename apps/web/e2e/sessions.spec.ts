import type { Browser, Cookie, Page } from "@playwright/test";
import { expect, test } from "./support/test.ts";
import { expectSignedInAs, openAccountMenu, signedIn, whenInteractive } from "./support/ui.ts";
import { expectAccessible } from "./support/tasks.ts";

// Revocable sessions (issue 13, item 6) and a safe sign-out redirect (item 11). A session is
// a signed cookie; signing out, or a super admin's Sign out everywhere, ends it on the server,
// so a copy of the cookie kept anywhere else no longer opens anything.

const PERSON = "Hannah Okafor";

/** A browser context of its own holding these cookies (a copied session), on /apps. */
async function withCookies(browser: Browser, cookies: Cookie[]): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  await context.addCookies(cookies);
  const page = await context.newPage();
  await page.goto("/apps");
  return page;
}

function sessionCookies(cookies: Cookie[]): Cookie[] {
  const session = cookies.filter((c) => c.name.includes("next-auth.session-token"));
  expect(session, "a next-auth session cookie").not.toHaveLength(0);
  return session;
}

/** The session of this page's cookies opens nothing: pages, the API and next-auth agree. */
async function expectEnded(page: Page) {
  await page.goto("/apps");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fapps$/);
  await expect(page.getByRole("heading", { name: "Sign in to Lantern" })).toBeVisible();
  expect((await page.request.get("/api/trpc/me.get")).status()).toBe(401);
  // next-auth's own endpoint says "no session", and clears the ended cookie.
  const session = await page.request.get("/api/auth/session");
  expect(await session.json()).toEqual({});
  expect(
    (await page.context().cookies()).filter((c) => c.name.includes("session-token")),
  ).toHaveLength(0);
}

test("signing out ends the session: a copy of its cookie, replayed, opens nothing", async ({
  browser,
}) => {
  const page = await signedIn(browser, PERSON);
  const copied = sessionCookies(await page.context().cookies());

  // The copy works while the session lives.
  const copy = await withCookies(browser, copied);
  await expect(copy).toHaveURL(/\/apps$/);
  await expectSignedInAs(copy, PERSON);

  const menu = await openAccountMenu(page);
  await menu.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  await expectEnded(copy);
  await expectEnded(await withCookies(browser, copied));
});

test("a super admin signs a person out everywhere from their page; they can sign in again", async ({
  browser,
}) => {
  const person = await signedIn(browser, PERSON);
  const copied = sessionCookies(await person.context().cookies());

  const admin = await signedIn(browser, "Alex Rivera");
  await admin.goto(`/users?q=${encodeURIComponent(PERSON)}`);
  await admin.getByRole("link", { name: new RegExp(PERSON) }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toContainText(PERSON);
  const action = await whenInteractive(
    admin.getByRole("button", { name: "Sign out everywhere", exact: true }),
  );
  await admin.screenshot({ path: test.info().outputPath("person-page.png") });
  await action.click();

  const dialog = admin.getByRole("dialog", { name: `Sign ${PERSON} out everywhere?` });
  await expect(dialog).toContainText("signed out at its next click");
  await expect(dialog).toContainText(`${PERSON} can sign in again right away.`);
  await admin.screenshot({ path: test.info().outputPath("sign-out-everywhere-dialog.png") });
  await expectAccessible(admin, "the Sign out everywhere dialog");
  await dialog.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(admin.getByText(`${PERSON} is signed out everywhere`)).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(admin.getByRole("region", { name: "History" })).toContainText(
    "Signed out everywhere",
  );

  await expectEnded(person);
  await expectEnded(await withCookies(browser, copied));

  // The admin's own session goes on; the person signs in again.
  await admin.goto("/apps");
  await expectSignedInAs(admin, "Alex Rivera");
  const again = await signedIn(browser, PERSON);
  await expectSignedInAs(again, PERSON);
});

test("sign-out with a callbackUrl off the site redirects to a page of the site, never an error", async ({
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const hostile = [
    "\\\\evil.example",
    // This site's origin, continued into another host name.
    `${origin}.evil.example`,
    "//evil.example/phish",
    "https://evil.example/phish",
  ];
  const csrf = async () =>
    ((await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
  for (const callbackUrl of hostile) {
    const query = `callbackUrl=${encodeURIComponent(callbackUrl)}`;
    // next-auth's sign-out page (GET), and the sign-out itself (POST, with its CSRF token)
    // with the callbackUrl in the query or in the form.
    const form = await page.request.get(`/api/auth/signout?${query}`);
    expect(form.status(), `GET signout?${query}`).toBe(200);
    for (const where of ["query", "form"] as const) {
      const csrfToken = await csrf();
      const response = await (where === "query"
        ? page.request.post(`/api/auth/signout?${query}`, {
            form: { csrfToken },
            maxRedirects: 0,
          })
        : page.request.post("/api/auth/signout", {
            form: { csrfToken, callbackUrl },
            maxRedirects: 0,
          }));
      expect(response.status(), `POST signout, ${callbackUrl} in the ${where}`).toBe(302);
      const location = new URL(response.headers().location!, baseURL);
      expect(location.origin, `redirect for ${callbackUrl} in the ${where}`).toBe(origin);
    }
  }

  // A body next-auth cannot read is refused with a 400, not a 500.
  const broken = await page.request.post("/api/auth/signout", {
    headers: { "content-type": "application/json" },
    data: Buffer.from("{"),
  });
  expect(broken.status()).toBe(400);
  expect(await broken.json()).toEqual({
    error: { code: "BAD_REQUEST", message: "The request body is not valid JSON." },
  });

  // A hostile callback-URL cookie (planted from a sibling subdomain) breaks no page either,
  // and the next-auth route drops it
  await page
    .context()
    .addCookies([{ name: "next-auth.callback-url", value: "\\\\evil.example", url: origin }]);
  expect((await page.request.get("/sign-in")).status()).toBe(200);
  expect((await page.request.get("/api/auth/session")).status()).toBe(200);
  // (next-auth may set its own in its place: this site's URL.)
  const left = (await page.context().cookies()).find((c) => c.name === "next-auth.callback-url");
  expect(left ? new URL(decodeURIComponent(left.value)).origin : origin).toBe(origin);
});
