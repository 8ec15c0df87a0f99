import { expect, type Page } from "@playwright/test";
import { OIDC_ISSUER, OIDC_NAME } from "./constants.ts";
import { escapeRegExp } from "./ui.ts";

/**
 * On the test OpenID Provider's pages (after "Continue with Northwind SSO"): logs in as
 * `email` (any password) and allows Lantern, which the provider asks on a first sign-in.
 */
export async function logInAtIdentityProvider(page: Page, email: string) {
  await expect(page).toHaveURL(new RegExp(`^${escapeRegExp(OIDC_ISSUER)}/interaction/`));
  await expect(page.getByRole("heading", { name: OIDC_NAME })).toBeVisible();
  await page.getByRole("textbox", { name: "Email address" }).fill(email);
  await page.getByLabel("Password").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Sign in" }).click();
  // First use of Lantern at this IdP: it asks the person to allow it.
  await expect(page.getByRole("heading", { name: "Allow Lantern to sign you in?" })).toBeVisible();
  await page.getByRole("button", { name: "Allow" }).click();
}
