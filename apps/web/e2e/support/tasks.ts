import {
  expect,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from "@playwright/test";
import { trpcMutation, trpcQuery } from "./trpc.ts";
import { demoSection, whenInteractive } from "./ui.ts";

// Helpers of the task specs (tasks-*.spec.ts). The specs share one demo database per run,
// so each makes its own tasks: people request access through the API (the requests pages
// are another spec's subject), and the tasks that follow are the ones the spec works on.

/**
 * Signs in as anyone in the demo organization: a featured person, or found by name. With
 * `here`, on the sign-in page already open (e.g. after a deep link sent there).
 */
export async function signInAsAnyone(
  page: Page,
  name: string,
  { here = false }: { here?: boolean } = {},
): Promise<void> {
  if (!here) await page.goto("/sign-in");
  const section = demoSection(page);
  const featured = section.getByRole("button", { name: `Sign in as ${name}`, exact: true });
  await whenInteractive(section.getByRole("searchbox"));
  if ((await featured.count()) === 0) {
    await section.getByRole("searchbox").fill(name);
  }
  await section.getByRole("button", { name: `Sign in as ${name}`, exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

export interface Person {
  context: BrowserContext;
  page: Page;
  name: string;
}

/** A browser context of its own, signed in as `name`. */
export async function personIn(browser: Browser, name: string): Promise<Person> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAsAnyone(page, name);
  return { context, page, name };
}

interface Requestable {
  id: string;
  displayName: string;
  app: { name: string };
  held: boolean;
  pending: boolean;
}

export interface CreatedRequest {
  requestId: string;
  state: string;
  task: { number: number; kind: "APPROVAL" | "PROVISION" | "DEPROVISION" } | null;
}

/**
 * The first of `people` who can still ask for one of `wanted` (app, entitlement) asks for it
 * — through the API, as that person — and the request is returned with who asked. Trying
 * several people keeps a retried test independent of its earlier attempt.
 */
export async function requestAccess(
  browser: Browser,
  people: string[],
  wanted: Array<[app: string, entitlement: string]>,
  reason: string,
): Promise<CreatedRequest & { requester: string; entitlement: string; app: string }> {
  for (const name of people) {
    const person = await personIn(browser, name);
    try {
      for (const [app, entitlement] of wanted) {
        const options = await trpcQuery<Requestable[]>(
          person.page.request,
          "requests.requestable",
          { search: entitlement },
        );
        const option = options.find((o) => o.app.name === app && o.displayName === entitlement);
        if (!option || option.held || option.pending) continue;
        const created = await trpcMutation<CreatedRequest>(person.page.request, "requests.create", {
          entitlementId: option.id,
          reason,
        });
        return { ...created, requester: name, entitlement, app };
      }
    } finally {
      await person.context.close();
    }
  }
  throw new Error(`None of ${people.join(", ")} can still request ${JSON.stringify(wanted)}`);
}

/** Slack and Zoom entitlements are auto-approved: a request is at once a provisioning task for Marcus Chen. */
export const MARCUS_AUTO_APPROVED: Array<[string, string]> = [
  ["Slack", "Workspace admin"],
  ["Slack", "Single-channel guest"],
  ["Zoom", "Webinar 500 add-on"],
  ["Zoom", "Account admin"],
];

/** A fresh provisioning task assigned to Marcus Chen (the Slack and Zoom provisioner). */
export async function provisioningTaskForMarcus(
  browser: Browser,
  people: string[],
  reason: string,
): Promise<{ number: number; requester: string; entitlement: string; app: string }> {
  const created = await requestAccess(browser, people, MARCUS_AUTO_APPROVED, reason);
  expect(created.task?.kind, "an auto-approved request opens a provisioning task").toBe(
    "PROVISION",
  );
  return {
    number: created.task!.number,
    requester: created.requester,
    entitlement: created.entitlement,
    app: created.app,
  };
}

/** The inbox table's row of task #`number`. */
export const taskRow = (page: Page, number: number): Locator =>
  page
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: `Task #${number}: details`, exact: true }) });

/** The navigation items with a badge of open work. */
export type BadgedItem = "Requests" | "Revocations" | "Reviews";

/** The number on a navigation item's badge (0 when it shows none). */
export async function badgeCount(page: Page, item: BadgedItem): Promise<number> {
  const link = page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: new RegExp(`^${item}`) });
  const text = (await link.innerText()).replace(item, "").trim();
  return text ? Number(text.replace(/\D/g, "")) : 0;
}

/** Expects the badge of a navigation item to show `count` (it refreshes after an action). */
export async function expectBadge(page: Page, item: BadgedItem, count: number) {
  await expect.poll(() => badgeCount(page, item), { message: `the ${item} badge` }).toBe(count);
}

/** Opens an inbox tab and searches it for one task, so the row is on the first page. */
export async function openInboxTask(
  page: Page,
  path: "/requests" | "/revocations",
  tab: string,
  number: number,
): Promise<Locator> {
  await page.goto(`${path}?tab=${tab}&q=%23${number}`);
  const row = taskRow(page, number);
  await expect(row).toBeVisible();
  await whenInteractive(row.getByRole("checkbox"));
  return row;
}

/** axe's WCAG 2.1 A/AA rules (support/axe.ts). */
export { expectAccessible } from "./axe.ts";
