import type { Page } from "@playwright/test";
import { expect, test } from "./support/test.ts";
import { trpcQuery } from "./support/trpc.ts";
import { signedIn } from "./support/ui.ts";

// No dead ends (issue 14, item 3): a person is shown only what they may open. Signed in as a
// plain member (Jordan Lee) and as a manager (Hannah Okafor, Jordan's manager), the walk
// starts on the navigation's pages and on the apps, entitlements and accounts the person can
// reach, follows every visible link of the page's main region (its header, tabs and
// breadcrumbs included), and fails on any page that answers an error status or refuses them
// ("You can't see…", "Page not found", …). An app's Accounts and Settings tabs, which only its
// owners and super admins may open, are not there for them; an app owner still has them.

const MEMBER = "Jordan Lee";
const MANAGER = "Hannah Okafor";
const APP_OWNER = "Daniel Kim";
const OWNED_APP = "Salesforce";

/** What a refusal or a missing page says (the dashboard's notices and error boundary). */
const REFUSAL =
  /You can(?:’|')t (?:see|open|change)|You cannot (?:see|change)|Page not found|Something went wrong|does not exist, or/;

interface AppItem {
  id: string;
  name: string;
}
interface AppDetails {
  id: string;
  name: string;
  entitlements: Array<{ id: string; liveGrantCount: number }>;
}
interface GrantRow {
  account: { id: string };
  owner: { displayName: string } | null;
}

/**
 * The apps, entitlements and accounts `page`'s person can reach, as the API lists them for
 * them: every managed app, the entitlements they see holders of, the accounts those are.
 */
async function reachable(page: Page) {
  const { items: apps } = await trpcQuery<{ items: AppItem[] }>(page.request, "apps.list", {
    limit: 100,
  });
  const entitlementPages: string[] = [];
  const accountPages: Array<{ url: string; owner: string | null }> = [];
  const appPages: string[] = [];
  for (const app of apps) {
    const details = await trpcQuery<AppDetails>(page.request, "apps.byId", { id: app.id });
    let seen = false;
    for (const e of details.entitlements.filter((x) => x.liveGrantCount > 0)) {
      const { items } = await trpcQuery<{ items: GrantRow[] }>(
        page.request,
        "entitlements.grants",
        { entitlementId: e.id, limit: 100 },
      );
      if (items.length === 0) continue;
      seen = true;
      entitlementPages.push(`/apps/${app.id}/entitlements/${e.id}`);
      for (const row of items) {
        accountPages.push({
          url: `/apps/${app.id}/accounts/${row.account.id}`,
          owner: row.owner?.displayName ?? null,
        });
      }
    }
    if (seen) appPages.push(`/apps/${app.id}`);
  }
  return { apps, appPages, entitlementPages, accountPages };
}

/** Every visible link of the page's main region (header, tabs, breadcrumbs, content). */
async function visibleLinks(page: Page): Promise<string[]> {
  return page
    .locator("main a[href]")
    .evaluateAll((anchors) =>
      anchors
        .filter((a) => a.getClientRects().length > 0 && !a.hasAttribute("download"))
        .map((a) => (a as HTMLAnchorElement).href),
    );
}

/** Pages of one kind share a key: /apps/:id/accounts/:id, /tasks/:n, … */
const patternOf = (url: URL) =>
  url.pathname
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ":id")
    .replace(/\/\d+(?=\/|$)/g, "/:n") + [...url.searchParams.keys()].sort().join("&");

/**
 * Opens every start page and every page a visible link leads to, two links deep (at most
 * `perKind` pages of one kind beyond the starts), asserting each answers and refuses nothing.
 * Returns what was visited, with where each link was found.
 */
async function walk(page: Page, starts: string[], perKind = 4): Promise<string[]> {
  const origin = new URL(page.url()).origin;
  const visited = new Set<string>();
  const perPattern = new Map<string, number>();
  const queue = starts.map((s) => ({ url: new URL(s, origin), from: "start", depth: 0 }));
  const log: string[] = [];
  while (queue.length > 0) {
    const { url, from, depth } = queue.shift()!;
    const start = depth === 0;
    url.hash = "";
    if (url.origin !== origin || url.pathname.startsWith("/api/")) continue;
    if (url.pathname.startsWith("/dev/")) continue;
    if (visited.has(url.href)) continue;
    const kind = patternOf(url);
    if (!start && (perPattern.get(kind) ?? 0) >= perKind) continue;
    visited.add(url.href);
    perPattern.set(kind, (perPattern.get(kind) ?? 0) + 1);
    const where = `${url.pathname}${url.search} (linked from ${from})`;
    log.push(where);
    const response = await page.goto(url.href);
    expect(response?.status(), where).toBeLessThan(400);
    const main = page.locator("main");
    await expect(main, where).toBeVisible();
    expect(await main.innerText(), where).not.toMatch(REFUSAL);
    if (depth < 2) {
      for (const href of await visibleLinks(page)) {
        queue.push({ url: new URL(href), from: `${url.pathname}${url.search}`, depth: depth + 1 });
      }
    }
  }
  return log;
}

const NAVIGATION = ["/apps", "/my-access", "/my-requests", "/my-requests/new", "/requests"];
const MORE_NAVIGATION = ["/revocations", "/settings"];

test.describe.configure({ timeout: 360_000 });

test("a member meets no tab, breadcrumb or link that leads to a refusal", async ({ browser }) => {
  const jordan = await signedIn(browser, MEMBER);
  const found = await reachable(jordan);
  // Jordan holds access in GitHub (an account of his own), so there is something to walk.
  expect(found.accountPages.length, "Jordan's own accounts").toBeGreaterThan(0);
  expect(found.accountPages.every((a) => a.owner === MEMBER)).toBe(true);

  await test.step("an app he has an account in shows no Accounts or Settings tab", async () => {
    await jordan.goto(found.appPages[0]!);
    const tabs = jordan.getByRole("navigation", { name: "App sections" });
    await expect(tabs.getByRole("link", { name: /^Entitlements/ })).toBeVisible();
    await expect(tabs.getByRole("link", { name: /^Accounts/ })).toHaveCount(0);
    await expect(tabs.getByRole("link", { name: /^Settings/ })).toHaveCount(0);
  });

  await test.step("his account's breadcrumb leads only to pages he may open", async () => {
    await jordan.goto(found.accountPages[0]!.url);
    const crumbs = jordan.getByRole("navigation", { name: "Breadcrumb" });
    await expect(crumbs.getByRole("link", { name: "Applications" })).toBeVisible();
    await expect(crumbs.getByRole("link", { name: "Accounts" })).toHaveCount(0);
  });

  await test.step("every page he reaches, and every link on it, opens", async () => {
    const visited = await walk(jordan, [
      ...NAVIGATION,
      ...MORE_NAVIGATION,
      ...found.appPages.slice(0, 4),
      ...found.entitlementPages.slice(0, 6),
      ...found.accountPages.slice(0, 4).map((a) => a.url),
    ]);
    expect(visited.length).toBeGreaterThan(20);
  });
  await jordan.context().close();
});

test("a manager meets no link to a refusal on their reports' accounts", async ({ browser }) => {
  const hannah = await signedIn(browser, MANAGER);
  const found = await reachable(hannah);
  // Her reports' accounts (Jordan's among them): she may see them, not the app's account list.
  const reports = found.accountPages.filter((a) => a.owner !== null && a.owner !== MANAGER);
  expect(reports.map((a) => a.owner)).toContain(MEMBER);

  await test.step("a report's account: no Accounts crumb, no Accounts tab behind it", async () => {
    await hannah.goto(reports[0]!.url);
    const crumbs = hannah.getByRole("navigation", { name: "Breadcrumb" });
    await expect(crumbs.getByRole("link", { name: "Applications" })).toBeVisible();
    await expect(crumbs.getByRole("link", { name: "Accounts" })).toHaveCount(0);
    await crumbs.getByRole("link").nth(1).click();
    const tabs = hannah.getByRole("navigation", { name: "App sections" });
    await expect(tabs.getByRole("link", { name: /^Entitlements/ })).toBeVisible();
    await expect(tabs.getByRole("link", { name: /^Accounts/ })).toHaveCount(0);
  });

  await test.step("every page she reaches, and every link on it, opens", async () => {
    const distinct = [...new Set(reports.map((a) => a.url))];
    await walk(hannah, [
      ...NAVIGATION,
      ...found.appPages.slice(0, 4),
      ...found.entitlementPages.slice(0, 6),
      ...distinct.slice(0, 6),
    ]);
  });
  await hannah.context().close();
});

test("an app's owner still has its Accounts and Settings tabs", async ({ browser }) => {
  const daniel = await signedIn(browser, APP_OWNER);
  await daniel.getByRole("link", { name: OWNED_APP, exact: true }).click();
  const tabs = daniel.getByRole("navigation", { name: "App sections" });
  await tabs.getByRole("link", { name: /^Accounts/ }).click();
  await expect(daniel).toHaveURL(/\/accounts$/);
  await expect(daniel.locator("main")).not.toContainText(REFUSAL);
  await expect(daniel.getByRole("table")).toBeVisible();
  const account = daniel.getByRole("table").getByRole("link").first();
  await account.click();
  await expect(daniel).toHaveURL(/\/accounts\/[0-9a-f-]{36}$/);
  const crumbs = daniel.getByRole("navigation", { name: "Breadcrumb" });
  await crumbs.getByRole("link", { name: "Accounts" }).click();
  await expect(daniel).toHaveURL(/\/accounts$/);
  await expect(tabs.getByRole("link", { name: /^Settings/ })).toBeVisible();
  await daniel.context().close();
});
