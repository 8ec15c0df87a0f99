import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { expect, type Page } from "@playwright/test";
import { WEB_DIR } from "./lantern-process.ts";

// Every page of src/app as a route pattern, and how to visit each one: who can see it, the
// address (dynamic segments found in the demo data by following the app's own links) and
// the buttons on it that open a dialog or a menu. every-route.spec.ts visits them all and
// fails naming any page of src/app that has no entry here: a new page adds one line.

/** Every page of the app as a route: "src/app/(dashboard)/apps/[appId]/page.tsx" → "/apps/[appId]". */
export function pageRoutes(): string[] {
  const appDir = join(WEB_DIR, "src", "app");
  const routes: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) visit(join(dir, entry.name));
      else if (entry.name === "page.tsx") {
        const segments = relative(appDir, dir)
          .split(sep)
          .filter((segment) => segment && !/^\(.*\)$/.test(segment));
        routes.push(`/${segments.join("/")}`);
      }
    }
  };
  visit(appDir);
  return routes;
}

/** The demo people of the sign-in page (packages/seed/src/demo-people.ts), by what they are. */
export const SUPER_ADMIN = "Alex Rivera";
export const PROVISIONER = "Marcus Chen";
export const MANAGER = "Hannah Okafor";
export const APP_OWNER = "Daniel Kim";
export const MEMBER = "Jordan Lee";

/**
 * One step towards a dialog or menu: click the button, menu item or combobox of that
 * accessible name (a string is matched exactly), or do something first (select a row).
 */
export type Step = string | RegExp | ((page: Page) => Promise<void>);
/** What opens a dialog or a menu: one step, or several where the last one opens it. */
export type Opener = Step | Step[];

export interface RouteVisit {
  /** Who opens the page: a demo person who can see it, or null when signed out. */
  as: string | null;
  /** The address, or how to find it in the demo data (the page is open when it returns). */
  path: string | ((page: Page) => Promise<string>);
  /** What opens a dialog or menu there; each is opened, checked and closed in turn. */
  opens?: Opener[];
}

/**
 * The first link on `from` whose address matches `href` (polled: lists load after the page).
 * Dynamic segments come from the demo data this way, as a person would find them.
 */
export async function linkOn(page: Page, from: string, href: RegExp): Promise<string> {
  if (new URL(page.url()).pathname !== from) await page.goto(from);
  let found: string | undefined;
  await expect
    .poll(
      async () => {
        const hrefs = await page
          .locator("a[href]")
          .evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href") ?? ""));
        found = hrefs.find((candidate) => href.test(candidate.split("?")[0]!));
        return found;
      },
      { message: `a link to ${href} on ${from}` },
    )
    .toBeDefined();
  return found!.split("?")[0]!;
}

/** The named application's page, found in the Applications list. */
export const appPath = async (page: Page, name: string) => {
  await page.goto("/apps");
  const link = page.getByRole("link", { name, exact: true });
  await expect(link).toBeVisible();
  return (await link.getAttribute("href"))!;
};

const app =
  (name: string, tail = "") =>
  async (page: Page) =>
    `${await appPath(page, name)}${tail}`;
const accountOf = (name: string) => async (page: Page) =>
  linkOn(page, await app(name, "/accounts")(page), /^\/apps\/[^/]+\/accounts\/[^/]+$/);
const entitlementOf =
  (name: string, tail = "") =>
  async (page: Page) =>
    `${await linkOn(page, await app(name, "/entitlements")(page), /^\/apps\/[^/]+\/entitlements\/[^/]+$/)}${tail}`;

/** Ticks the first row of the page's table: the bulk actions then show. */
const selectFirstRow = async (page: Page) => {
  const box = page.getByRole("table").getByRole("row").nth(1).getByRole("checkbox");
  await expect(box).toBeVisible();
  await box.check();
};

/** The request form's application picker. */
const appPicker = async (page: Page) => {
  await page.getByRole("combobox").first().click();
};

export const ROUTE_VISITS: Record<string, RouteVisit> = {
  "/": { as: SUPER_ADMIN, path: "/" },
  "/sign-in": { as: null, path: "/sign-in" },
  "/sign-in/check-email": { as: null, path: "/sign-in/check-email" },
  "/dev/mailbox": { as: null, path: "/dev/mailbox" },
  "/apps": { as: SUPER_ADMIN, path: "/apps", opens: ["Add application", "Account menu"] },
  "/apps/[appId]": { as: SUPER_ADMIN, path: app("GitHub"), opens: ["More actions for GitHub"] },
  "/apps/[appId]/settings": {
    as: SUPER_ADMIN,
    path: app("GitHub", "/settings"),
    opens: ["Change account mapping"],
  },
  "/apps/[appId]/entitlements": {
    as: SUPER_ADMIN,
    path: app("GitHub", "/entitlements"),
    opens: ["Add entitlement", [selectFirstRow, "Set strategy…"], [selectFirstRow, "Set policy…"]],
  },
  "/apps/[appId]/accounts": {
    as: SUPER_ADMIN,
    path: app("GitHub", "/accounts"),
    opens: [
      /^Actions for account /,
      [/^Actions for account /, "Set account owner"],
      [/^Actions for account /, "Set account type"],
      ["More actions for GitHub", "Import accounts…"],
    ],
  },
  "/apps/[appId]/accounts/[accountId]": {
    as: SUPER_ADMIN,
    path: accountOf("GitHub"),
    opens: [/^Revoke /, /^Actions for account /],
  },
  "/apps/[appId]/entitlements/[entitlementId]": {
    as: SUPER_ADMIN,
    path: entitlementOf("GitHub"),
    opens: [/^Revoke /],
  },
  "/apps/[appId]/entitlements/[entitlementId]/settings": {
    as: SUPER_ADMIN,
    path: entitlementOf("GitHub", "/settings"),
  },
  "/apps/[appId]/entitlements/[entitlementId]/details": {
    as: SUPER_ADMIN,
    path: entitlementOf("GitHub", "/details"),
  },
  "/users": {
    as: SUPER_ADMIN,
    path: "/users",
    opens: ["Import people", "Add person", "Filter by manager"],
  },
  "/users/[userId]": {
    as: SUPER_ADMIN,
    path: (page) => linkOn(page, "/users", /^\/users\/[^/]+$/),
    opens: ["Change role", "Change manager", "Change status", "Sign out everywhere"],
  },
  "/tasks/[number]": {
    as: PROVISIONER,
    path: (page) => linkOn(page, "/requests", /^\/tasks\/\d+$/),
    opens: ["Mark provisioned", "Mark as errored", /^More actions for task /, "Reassign"],
  },
  "/requests": {
    as: PROVISIONER,
    path: "/requests",
    opens: [
      /^Shortcuts/,
      /^Mark provisioned #/,
      /^More actions for task /,
      [selectFirstRow, "Mark provisioned"],
    ],
  },
  "/revocations": {
    as: PROVISIONER,
    path: "/revocations",
    opens: [/^Shortcuts/, /^Mark deprovisioned #/, [selectFirstRow, "Mark deprovisioned"]],
  },
  // Hannah's queue: empty in the demo until a campaign is started (reviews-queue.spec.ts).
  "/reviews/queue": { as: MANAGER, path: "/reviews/queue" },
  "/policies": { as: SUPER_ADMIN, path: "/policies" },
  "/policies/new": { as: SUPER_ADMIN, path: "/policies/new" },
  "/policies/[policyId]": {
    as: SUPER_ADMIN,
    path: (page) => linkOn(page, "/policies", /^\/policies\/(?!new$)[^/]+$/),
    opens: ["Delete"],
  },
  "/audit": { as: SUPER_ADMIN, path: "/audit", opens: ["Anyone"] },
  "/reviews": { as: SUPER_ADMIN, path: "/reviews?state=all" },
  "/reviews/new": { as: SUPER_ADMIN, path: "/reviews/new" },
  "/reviews/[campaignId]": {
    as: SUPER_ADMIN,
    // The demo's running campaign (seeded), found in the list as a person would.
    path: (page) => linkOn(page, "/reviews", /^\/reviews\/(?!new$|queue$)[^/]+$/),
    opens: ["Close campaign"],
  },
  "/settings": { as: SUPER_ADMIN, path: "/settings" },
  "/settings/notifications": { as: MEMBER, path: "/settings/notifications" },
  "/my-access": { as: MEMBER, path: "/my-access" },
  "/my-requests": { as: MEMBER, path: "/my-requests" },
  "/my-requests/new": { as: MEMBER, path: "/my-requests/new", opens: [appPicker] },
};
