import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";

/**
 * Waits until React has hydrated `locator`'s element, i.e. its event handlers are attached,
 * and returns it. A server-rendered button clicked before that does nothing (on a busy
 * machine hydration can take a second after "load").
 */
export async function whenInteractive(locator: Locator): Promise<Locator> {
  await expect(locator).toBeVisible();
  await expect
    .poll(
      () =>
        locator.evaluate((element) =>
          Object.keys(element).some((key) => key.startsWith("__reactProps$")),
        ),
      { message: "the element is hydrated by React" },
    )
    .toBe(true);
  return locator;
}

/** The "Sign in to the demo organization" section of the sign-in page (demo mode only). */
export const demoSection = (page: Page): Locator =>
  page.getByRole("region", { name: "Sign in to the demo organization" });

/** Picks a person under "Sign in to the demo organization". */
export async function signInAsDemoPerson(page: Page, name: string): Promise<void> {
  const button = demoSection(page).getByRole("button", { name: `Sign in as ${name}` });
  await (await whenInteractive(button)).click();
}

/**
 * A demo person signed in in a browser context of their own (so several people can act in
 * one test), on the Applications page.
 */
export async function signedIn(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await signInAsDemoPerson(page, name);
  await expect(page).toHaveURL(/\/apps$/);
  return page;
}

/** The table of managed applications on the Applications page. */
export const appsTable = (page: Page): Locator => page.getByRole("table");

/** The table's body rows (the header row has column headers, not cells). */
export const appRows = (page: Page): Locator =>
  appsTable(page)
    .getByRole("row")
    .filter({ has: page.getByRole("cell") });

export const appRow = (page: Page, name: string): Locator =>
  appRows(page).filter({ has: page.getByRole("link", { name, exact: true }) });

/** The sidebar button that opens the account menu; it shows who is signed in. */
export const accountMenuButton = (page: Page): Locator =>
  page.getByRole("button", { name: "Account menu" });

/** Opens the account menu and returns it. */
export async function openAccountMenu(page: Page): Promise<Locator> {
  await (await whenInteractive(accountMenuButton(page))).click();
  const menu = page.getByRole("menu");
  await expect(menu).toBeVisible();
  return menu;
}

export async function expectSignedInAs(page: Page, name: string): Promise<void> {
  await expect(accountMenuButton(page)).toContainText(name);
}

/**
 * The sign-in page's error message. (Next.js's route announcer is an empty role=alert too,
 * so the one with text is meant.)
 */
export const signInError = (page: Page): Locator =>
  page.getByRole("alert").filter({ hasText: /\S/ });

/** next-auth answers `{}` when nobody is signed in. */
export async function expectNoSession(page: Page): Promise<void> {
  const response = await page.request.get("/api/auth/session");
  expect(response.ok()).toBe(true);
  expect(await response.json()).toEqual({});
}

/** A path with its query, for comparing against callbackUrl and the final URL. */
export const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
