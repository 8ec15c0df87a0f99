import { DEMO_URL, OIDC_NAME } from "./support/constants.ts";
import { userIdByEmail } from "./support/production-db.ts";
import { expect, test } from "./support/test.ts";
import { demoSection, expectNoSession, signInAsDemoPerson } from "./support/ui.ts";

// Production mode (DATABASE_URL set): the demo sign-in does not exist, whatever is tried.

test("the sign-in page offers SSO and email, and no demo sign-in", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in to Lantern" })).toBeVisible();
  await expect(page.getByRole("button", { name: `Continue with ${OIDC_NAME}` })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Work email" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Email me a sign-in link" })).toBeVisible();
  await expect(demoSection(page)).toHaveCount(0);
  await expect(page.getByText(/demo/i)).toHaveCount(0);
});

test("the providers are email and OIDC, not demo", async ({ request }) => {
  const response = await request.get("/api/auth/providers");
  expect(response.ok()).toBe(true);
  const providers = (await response.json()) as Record<string, { id: string; name: string }>;
  expect(Object.keys(providers).sort()).toEqual(["email", "oidc"]);
  expect(providers.oidc?.name).toBe(OIDC_NAME);
  expect(providers).not.toHaveProperty("demo");
});

test("a forged demo sign-in for a real person signs nobody in", async ({ page, browser }) => {
  // The request the demo button sends, taken from the demo server, so that the forgery
  // below is exactly what works in demo mode (and the test cannot pass by being wrong).
  const demo = await browser.newContext({ baseURL: DEMO_URL });
  let demoForm: URLSearchParams;
  try {
    const demoPage = await demo.newPage();
    await demoPage.goto("/sign-in");
    const [request] = await Promise.all([
      demoPage.waitForRequest(
        (r) => r.method() === "POST" && r.url().endsWith("/api/auth/callback/demo"),
      ),
      signInAsDemoPerson(demoPage, "Alex Rivera"),
    ]);
    demoForm = new URLSearchParams(request.postData() ?? "");
    await expect(demoPage).toHaveURL(/\/apps$/);
  } finally {
    await demo.close();
  }
  expect([...demoForm.keys()].sort()).toEqual(["callbackUrl", "csrfToken", "json", "userId"]);

  // The same request against the production server, with a valid CSRF token there and
  // the id of a real, active super admin in its database.
  const userId = await userIdByEmail("alex.rivera@northwind.example");
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  expect(csrfToken).toBeTruthy();
  for (const providerId of ["demo", "credentials"]) {
    const form = Object.fromEntries(demoForm);
    const forged = await page.request.post(`/api/auth/callback/${providerId}`, {
      form: { ...form, csrfToken, userId },
      maxRedirects: 0,
    });
    // next-auth answers 400 for a provider it does not have; what matters is below.
    expect(forged.status(), `POST /api/auth/callback/${providerId}`).toBeLessThan(500);
    expect(forged.headers()["set-cookie"] ?? "").not.toContain("session-token");
  }
  const cookies = await page.context().cookies();
  expect(cookies.map((c) => c.name)).not.toContain("next-auth.session-token");

  await expectNoSession(page);
  await page.goto("/apps");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fapps$/);
});
