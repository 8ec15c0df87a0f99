import { expectAccessible } from "./support/axe.ts";
import { expect, test } from "./support/test.ts";
import { signInAsDemoPerson } from "./support/ui.ts";

// Every page a person reaches in the walking skeleton passes axe's WCAG 2.1 A/AA rules.

test("sign-in, the shell and every page of the skeleton are accessible", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in to Lantern" })).toBeVisible();
  await expectAccessible(page, "the sign-in page");

  await signInAsDemoPerson(page, "Alex Rivera");
  await expect(page).toHaveURL(/\/apps$/);
  await expect(page.getByRole("table")).toBeVisible();
  await expectAccessible(page, "Applications");

  await page.getByRole("link", { name: "GitHub", exact: true }).click();
  await expect(page.getByRole("heading", { name: /GitHub/ })).toBeVisible();
  await expectAccessible(page, "the app page");

  for (const [path, heading] of [
    ["/requests", "Requests"],
    ["/revocations", "Revocations"],
    ["/users", "Users"],
    ["/settings", "Settings"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
    await expectAccessible(page, path);
  }
});
