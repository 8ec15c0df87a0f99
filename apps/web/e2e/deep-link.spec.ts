import { expect, test } from "./support/test.ts";
import { appRow, appRows, expectSignedInAs, signInAsDemoPerson } from "./support/ui.ts";

// Links in emails and Slack messages point at one page; signing in must come back to it.

test("a deep link to an app page comes back to that page after sign-in", async ({
  page,
  context,
}) => {
  let appPath = "";
  await test.step("find GitHub's page (signed in), then sign out", async () => {
    await page.goto("/sign-in");
    await signInAsDemoPerson(page, "Jordan Lee");
    await expect(page).toHaveURL(/\/apps$/);
    const href = await appRow(page, "GitHub")
      .getByRole("link", { name: "GitHub", exact: true })
      .getAttribute("href");
    expect(href).toMatch(/^\/apps\/[0-9a-f-]{36}$/);
    appPath = href!;
    await context.clearCookies();
  });

  await test.step("signed out, the deep link sends to sign-in with the page to come back to", async () => {
    await page.goto(appPath);
    await expect(page).toHaveURL(`/sign-in?callbackUrl=${encodeURIComponent(appPath)}`);
    await expect(page.getByRole("heading", { name: "Sign in to Lantern" })).toBeVisible();
  });

  await test.step("after demo sign-in, the app page itself opens (not /apps)", async () => {
    await signInAsDemoPerson(page, "Marcus Chen");
    await expect(page).toHaveURL(appPath);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("GitHub");
    await expectSignedInAs(page, "Marcus Chen");
  });
});

test("a deep link with a query string comes back with it", async ({ page }) => {
  await page.goto("/apps?q=sales");
  await expect(page).toHaveURL(`/sign-in?callbackUrl=${encodeURIComponent("/apps?q=sales")}`);

  await signInAsDemoPerson(page, "Alex Rivera");
  await expect(page).toHaveURL("/apps?q=sales");
  await expect(page.getByRole("searchbox", { name: "Search applications" })).toHaveValue("sales");
  await expect(appRows(page)).toHaveCount(1);
  await expect(appRow(page, "Salesforce")).toBeVisible();
  await expectSignedInAs(page, "Alex Rivera");
});
