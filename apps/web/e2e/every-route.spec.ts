import { type Page, type TestInfo } from "@playwright/test";
import { axeProblems } from "./support/axe.ts";
import { pageRoutes, ROUTE_VISITS, type Opener, type RouteVisit } from "./support/routes.ts";
import { signInAsAnyone } from "./support/tasks.ts";
import { expect, test } from "./support/test.ts";

// Every page of src/app, opened by a person who can see it, with each of its dialogs and
// menus open in turn, has no serious or critical axe violation (WCAG 2.1 A/AA) — at 1440 px,
// and the main pages at 390 px too. The pages come from support/routes.ts, which must name
// every page.tsx: a new page without a visit fails the first test.

const SERIOUS = ["serious", "critical"] as const;

/** Whatever a step opened: a dialog, a menu, a list of options, or a drawer (its button expanded). */
const OPEN =
  '[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"], button[aria-expanded="true"]';

test("every page of src/app has a visit in support/routes.ts", () => {
  const pages = pageRoutes();
  const visits = Object.keys(ROUTE_VISITS);
  expect(
    pages.filter((route) => !visits.includes(route)),
    "pages without a visit",
  ).toEqual([]);
  expect(
    visits.filter((route) => !pages.includes(route)),
    "visits of pages that no longer exist",
  ).toEqual([]);
});

async function open(page: Page, visit: RouteVisit): Promise<string> {
  if (visit.as) await signInAsAnyone(page, visit.as);
  const path = typeof visit.path === "string" ? visit.path : await visit.path(page);
  await page.goto(path);
  await settle(page);
  return path;
}

/** The page has its heading and its data (no request in flight). */
async function settle(page: Page) {
  await expect(page.locator("h1").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
}

async function step(page: Page, step: Exclude<Opener, unknown[]>) {
  if (typeof step === "function") return step(page);
  const exact = typeof step === "string";
  const target = page
    .getByRole("button", { name: step, exact })
    .or(page.getByRole("menuitem", { name: step, exact }))
    .or(page.getByRole("combobox", { name: step, exact }))
    .first();
  await expect(target, `${step} is there to click`).toBeVisible();
  await target.click();
}

/** Soft: one run reports the violations of the page and of each of its dialogs. */
async function expectNoSeriousViolations(page: Page, what: string, info: TestInfo) {
  const shot = info.outputPath(`${what.replace(/[^\w-]+/g, "_").slice(0, 120)}.png`);
  await page.screenshot({ path: shot });
  await info.attach(what, { path: shot, contentType: "image/png" });
  expect
    .soft(await axeProblems(page, { impacts: SERIOUS }), `${what}: serious or critical`)
    .toEqual([]);
}

/** Opens the page, checks it, then opens and checks each of its dialogs and menus. */
async function checkRoute(page: Page, route: string, visit: RouteVisit, openers: Opener[]) {
  const info = test.info();
  const width = page.viewportSize()!.width;
  const path = await open(page, visit);
  await expectNoSeriousViolations(page, `${route} at ${width}px`, info);
  for (const opener of openers) {
    const steps = Array.isArray(opener) ? opener : [opener];
    const what = `${route} at ${width}px with ${steps.map((s) => (typeof s === "function" ? s.name : String(s))).join(" → ")}`;
    await test.step(what, async () => {
      await page.goto(path);
      await settle(page);
      for (const each of steps) await step(page, each);
      await expect(page.locator(OPEN).first(), `${what} opened a dialog or menu`).toBeVisible();
      await page.waitForLoadState("networkidle");
      await expectNoSeriousViolations(page, what, info);
      // Closed again with Escape (a menu item's dialog, then its menu if still open).
      const stillOpen = page.locator(OPEN).filter({ visible: true });
      for (let i = 0; i < 3 && (await stillOpen.count()) > 0; i++) {
        await page.keyboard.press("Escape");
      }
      await expect(stillOpen).toHaveCount(0);
    });
  }
}

for (const [route, visit] of Object.entries(ROUTE_VISITS)) {
  test(`${route} and its dialogs at 1440 px (as ${visit.as ?? "nobody"})`, async ({ page }) => {
    test.setTimeout(120_000);
    await checkRoute(page, route, visit, visit.opens ?? []);
  });
}

/**
 * The pages people use most, on a phone, with what opens there: the sidebar (and the
 * Account menu in it) is behind Open navigation, and the keyboard Shortcuts are not shown.
 */
const NAVIGATION = "Open navigation";
const ON_A_PHONE: Record<string, Opener[]> = {
  "/sign-in": [],
  "/apps": ["Add application", NAVIGATION, [NAVIGATION, "Account menu"]],
  "/apps/[appId]/accounts": ROUTE_VISITS["/apps/[appId]/accounts"]!.opens!,
  "/apps/[appId]/accounts/[accountId]": ROUTE_VISITS["/apps/[appId]/accounts/[accountId]"]!.opens!,
  "/requests": [/^Mark provisioned #/, /^More actions for task /],
  "/tasks/[number]": ROUTE_VISITS["/tasks/[number]"]!.opens!,
  "/my-access": [],
  "/my-requests": [NAVIGATION],
  "/my-requests/new": ROUTE_VISITS["/my-requests/new"]!.opens!,
};

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  for (const [route, openers] of Object.entries(ON_A_PHONE)) {
    const visit = ROUTE_VISITS[route]!;
    test(`${route} and its dialogs at 390 px (as ${visit.as ?? "nobody"})`, async ({ page }) => {
      test.setTimeout(120_000);
      await checkRoute(page, route, visit, openers);
    });
  }
});
