import { OIDC_NAME } from "./support/constants.ts";
import { logInAtIdentityProvider } from "./support/idp.ts";
import { expect, test } from "./support/test.ts";
import {
  appRow,
  expectNoSession,
  expectSignedInAs,
  openAccountMenu,
  signInError,
  whenInteractive,
} from "./support/ui.ts";

// Sign-in through the organization's OpenID Provider (a real oidc-provider instance).

test("a person signs in with SSO from a deep link and comes back to it", async ({ page }) => {
  await page.goto("/apps?q=git");
  await expect(page).toHaveURL(`/sign-in?callbackUrl=${encodeURIComponent("/apps?q=git")}`);

  await (
    await whenInteractive(page.getByRole("button", { name: `Continue with ${OIDC_NAME}` }))
  ).click();
  await logInAtIdentityProvider(page, "marcus.chen@northwind.example");

  await expect(page).toHaveURL("/apps?q=git");
  await expect(page.getByRole("heading", { level: 1, name: "Applications" })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Search applications" })).toHaveValue("git");
  await expect(appRow(page, "GitHub")).toBeVisible();
  await expectSignedInAs(page, "Marcus Chen");

  const menu = await openAccountMenu(page);
  await expect(menu).toContainText("Marcus Chen");
  await expect(menu).toContainText("Northwind Labs");
});

test("someone outside every organization is refused with a clear message", async ({ page }) => {
  await page.goto("/sign-in");
  await (
    await whenInteractive(page.getByRole("button", { name: `Continue with ${OIDC_NAME}` }))
  ).click();
  await logInAtIdentityProvider(page, "someone.else@example.com");

  await expect(page).toHaveURL(/\/sign-in\?error=NotInOrganization$/);
  await expect(signInError(page)).toContainText(
    "does not belong to anyone in a Lantern organization",
  );
  await expect(page.getByRole("heading", { name: "Sign in to Lantern" })).toBeVisible();
  await expectNoSession(page);
  await page.goto("/apps");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fapps$/);
});
