import { type Browser, type Locator, type Page } from "@playwright/test";
import {
  expectAccessible,
  personIn,
  provisioningTaskForMarcus,
  requestAccess,
  signInAsAnyone,
  taskRow,
} from "./support/tasks.ts";
import { expect, test } from "./support/test.ts";
import { trpcMutation, trpcQuery } from "./support/trpc.ts";
import { whenInteractive } from "./support/ui.ts";

// The keyboard path (issue 14): a skip link is the first focus stop of every page, and the
// inboxes have shortcuts — j / k move a current row, Enter opens it, a / p / d its main
// action (confirmed in the dialog), x selects it, / searches, ? lists them — never while
// typing in a field or while a dialog is open. Everything here is done with page.keyboard
// alone (no clicks), and the key presses from the inbox to a confirmed action are counted.

/** Presses keys and counts them. */
function keyboard(page: Page) {
  let count = 0;
  return {
    press: async (key: string) => {
      count += 1;
      await page.keyboard.press(key);
    },
    get count() {
      return count;
    },
  };
}

/**
 * Waits until the page's scripts are running: `locator` is hydrated and the effects of that
 * render (the shortcut listener) have run.
 */
async function ready(page: Page, locator: Locator): Promise<void> {
  await whenInteractive(locator);
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))),
  );
}

/** The inbox's screen-reader line about the current row. */
const status = (page: Page): Locator =>
  page.getByRole("main").getByRole("status").filter({ hasText: /\S/ });

/** The row of the task the keyboard is on (there is at most one). */
const currentRow = (page: Page): Locator => page.locator('tbody tr[aria-current="true"]');

/** A fresh deprovisioning task for Marcus Chen (Slack's deprovisioner). */
async function deprovisioningTaskForMarcus(browser: Browser): Promise<number> {
  // Alex Rivera owns Slack and is a super admin: he revokes a Slack grant that a person
  // removes (MANUAL) under a policy without approval, so the task is Marcus's at once.
  const alex = await personIn(browser, "Alex Rivera");
  try {
    const apps = await trpcQuery<{ items: Array<{ id: string; name: string }> }>(
      alex.page.request,
      "apps.list",
      { limit: 100 },
    );
    const slack = apps.items.find((a) => a.name === "Slack")!;
    const detail = await trpcQuery<{
      entitlements: Array<{ id: string; liveGrantCount: number; deprovisioningStrategy: string }>;
    }>(alex.page.request, "apps.byId", { id: slack.id });
    for (const e of detail.entitlements) {
      if (e.liveGrantCount === 0 || e.deprovisioningStrategy !== "MANUAL") continue;
      const policy = await trpcQuery<{ policies: { revocation: { summary: string } | null } }>(
        alex.page.request,
        "entitlements.byId",
        { id: e.id },
      );
      if (!policy.policies.revocation?.summary.startsWith("No approval needed")) continue;
      const grants = await trpcQuery<{
        items: Array<{ grantId: string; pending: unknown; viewerCanRevoke: boolean }>;
      }>(alex.page.request, "entitlements.grants", { entitlementId: e.id, limit: 100 });
      const grant = grants.items.find((g) => g.pending === null && g.viewerCanRevoke);
      if (!grant) continue;
      const revoked = await trpcMutation<{ task: { number: number; kind: string } | null }>(
        alex.page.request,
        "grants.revoke",
        { grantId: grant.grantId, reason: "Left the partner programme (keyboard e2e)." },
      );
      expect(revoked.task?.kind, "a revoke without approval opens a deprovisioning task").toBe(
        "DEPROVISION",
      );
      return revoked.task!.number;
    }
    throw new Error("No Slack grant left to revoke: the demo database has run out of candidates");
  } finally {
    await alex.context.close();
  }
}

test("inbox → first task → Mark provisioned → confirmed: four key presses, keyboard only", async ({
  page,
  browser,
}) => {
  const task = await provisioningTaskForMarcus(
    browser,
    ["Ahmed Karimi", "Aiden Kelly", "Aisha Rahman", "Ava Thompson"],
    "Keyboard-only provisioning.",
  );
  await signInAsAnyone(page, "Marcus Chen");
  await page.goto(`/requests?tab=awaiting_provisioning&q=%23${task.number}`);
  const row = taskRow(page, task.number);
  await ready(page, row.getByRole("checkbox"));
  const keys = keyboard(page);

  // j: the first row becomes current — marked, its task link focused, and said.
  await keys.press("j");
  await expect(currentRow(page)).toHaveCount(1);
  await expect(row).toHaveAttribute("aria-current", "true");
  await expect(row.getByRole("link", { name: `Task #${task.number}: details` })).toBeFocused();
  await expect(status(page)).toContainText(
    `Task #${task.number}, 1 of 1: ${task.entitlement} in ${task.app}`,
  );

  // Enter opens it.
  await keys.press("Enter");
  await expect(page).toHaveURL(`/tasks/${task.number}`);
  const primary = page.getByRole("button", { name: "Mark provisioned", exact: true });
  await ready(page, primary);
  await expect(primary).toHaveAttribute("aria-keyshortcuts", "p");

  // p: the task's main action, confirmed in its dialog; Enter confirms.
  await keys.press("p");
  const dialog = page.getByRole("dialog", { name: `Mark provisioned #${task.number}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Mark provisioned" })).toBeFocused();
  await keys.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Task #${task.number} marked provisioned`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Provisioned");

  expect(keys.count, "key presses from the inbox to a confirmed Mark provisioned").toBe(4);
  expect(keys.count).toBeLessThanOrEqual(6);
});

test("Revocations: j, d, Enter marks the first task deprovisioned from the inbox itself", async ({
  page,
  browser,
}) => {
  const number = await deprovisioningTaskForMarcus(browser);
  await signInAsAnyone(page, "Marcus Chen");
  await page.goto(`/revocations?tab=awaiting_deprovisioning&q=%23${number}`);
  const row = taskRow(page, number);
  await ready(page, row.getByRole("checkbox"));
  await expect(row.getByRole("button", { name: `Mark deprovisioned #${number}` })).toHaveAttribute(
    "aria-keyshortcuts",
    "d",
  );
  const keys = keyboard(page);

  await keys.press("j");
  await expect(row).toHaveAttribute("aria-current", "true");
  // The key of another kind of task does nothing but say which key fits.
  await keys.press("p");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(status(page)).toHaveText(`Task #${number}: press d to mark deprovisioned.`);

  await keys.press("d");
  const dialog = page.getByRole("dialog", { name: `Mark deprovisioned #${number}` });
  await expect(dialog).toBeVisible();
  await keys.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Task #${number} marked deprovisioned`)).toBeVisible();
  await expect(row).toHaveCount(0);
  // j, p (refused), d, Enter.
  expect(keys.count).toBe(4);
});

test("Awaiting approval: j, a, Enter approves", async ({ page, browser }) => {
  // Mateo Fernández's reports ask for Jira's agent seat: his approval (the default policy).
  const request = await requestAccess(
    browser,
    ["Mei Lin", "Oluwaseun Adeyemi", "Liam O'Brien", "Hana Kobayashi"],
    [["Jira", "Jira Service Management agent"]],
    "Covering the help desk (keyboard e2e).",
  );
  expect(request.task?.kind).toBe("APPROVAL");
  const number = request.task!.number;
  await signInAsAnyone(page, "Mateo Fernández");
  await page.goto(`/requests?tab=awaiting_approval&q=%23${number}`);
  const row = taskRow(page, number);
  await ready(page, row.getByRole("checkbox"));
  const keys = keyboard(page);

  await keys.press("j");
  await keys.press("a");
  const dialog = page.getByRole("dialog", { name: `Approve #${number}` });
  await expect(dialog).toBeVisible();
  await keys.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Task #${number} approved`)).toBeVisible();
  expect(keys.count).toBe(3);
});

test("j / k move the current row, x selects it, ? lists the shortcuts; none of them while typing or in a dialog", async ({
  page,
  browser,
}) => {
  const older = await provisioningTaskForMarcus(
    browser,
    ["Beatriz Souza", "Benjamin Carter", "Bianca Ferreira", "Chidi Okeke"],
    "Keyboard moves, older.",
  );
  const newer = await provisioningTaskForMarcus(
    browser,
    ["Daniela Costa", "Dmitri Volkov", "Dominic Walsh", "Dylan Price"],
    "Keyboard moves, newer.",
  );
  await signInAsAnyone(page, "Marcus Chen");
  // Newest first: the two tasks just made lead the list.
  await page.goto("/requests?tab=awaiting_provisioning&sort=newest");
  const first = taskRow(page, newer.number);
  const second = taskRow(page, older.number);
  await ready(page, first.getByRole("checkbox"));
  const body = page.getByRole("row").filter({ has: page.getByRole("cell") });
  await expect(body.nth(0)).toContainText(`#${newer.number}`);
  await expect(body.nth(1)).toContainText(`#${older.number}`);
  await expect(currentRow(page)).toHaveCount(0);

  await test.step("? opens the list of shortcuts; keys do nothing while it is open", async () => {
    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(help).toBeVisible();
    await expect(help).toContainText("Mark provisioned (asks to confirm)");
    await expect(help).toContainText("Select the task for a bulk action");
    await expectAccessible(page, "the Keyboard shortcuts dialog");
    await page.keyboard.press("j");
    await page.keyboard.press("x");
    await expect(currentRow(page)).toHaveCount(0);
    await page.keyboard.press("Escape");
    await expect(help).toBeHidden();
  });

  await test.step("j and k move between rows, the current one marked and focused", async () => {
    await page.keyboard.press("j");
    await expect(first).toHaveAttribute("aria-current", "true");
    await page.keyboard.press("j");
    await expect(second).toHaveAttribute("aria-current", "true");
    await expect(first).not.toHaveAttribute("aria-current", "true");
    await expect(
      second.getByRole("link", { name: `Task #${older.number}: details` }),
    ).toBeFocused();
    await expect(status(page)).toContainText(`Task #${older.number}, 2 of`);
    await page.keyboard.press("k");
    await expect(first).toHaveAttribute("aria-current", "true");
    await expect(currentRow(page)).toHaveCount(1);
    await page.keyboard.press("k");
    await expect(status(page)).toContainText("First task.");
    await expect(first).toHaveAttribute("aria-current", "true");
  });

  await test.step("x selects the current row for a bulk action, and x again clears it", async () => {
    await page.keyboard.press("x");
    await expect(first.getByRole("checkbox")).toBeChecked();
    const bar = page.getByRole("region", { name: "Bulk actions" });
    await expect(bar).toContainText("1 selected");
    await expect(status(page)).toHaveText(`Task #${newer.number} selected: 1 selected.`);
    await page.keyboard.press("j");
    await page.keyboard.press("x");
    await expect(bar).toContainText("2 selected");
    await page.keyboard.press("x");
    await page.keyboard.press("k");
    await page.keyboard.press("x");
    await expect(first.getByRole("checkbox")).not.toBeChecked();
    await expect(bar).toBeHidden();
  });

  await test.step("p asks to confirm; Escape cancels and the focus is back on the row", async () => {
    await page.keyboard.press("p");
    const dialog = page.getByRole("dialog", { name: `Mark provisioned #${newer.number}` });
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(first.getByRole("link", { name: `Task #${newer.number}: details` })).toBeFocused();
  });

  await test.step("/ goes to the search; letters typed there are text, not shortcuts", async () => {
    await page.keyboard.press("/");
    const search = page.getByRole("searchbox", { name: "Search tasks" });
    await expect(search).toBeFocused();
    await expect(search).toHaveValue("");
    await page.keyboard.type(`#${older.number} jkxp?`);
    await expect(search).toHaveValue(`#${older.number} jkxp?`);
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(first.getByRole("checkbox")).not.toBeChecked();
    await expect(first).toHaveAttribute("aria-current", "true");
  });
});

test("Completed tasks: j / k and Enter work; there is no action key", async ({ page }) => {
  await signInAsAnyone(page, "Marcus Chen");
  await page.goto("/requests?tab=completed");
  const body = page.getByRole("row").filter({ has: page.getByRole("cell") });
  await ready(page, body.first().getByRole("link").first());
  const link = body.first().getByRole("link", { name: /^Task #\d+: details$/ });
  const number = Number((await link.innerText()).replace(/\D/g, ""));
  await page.keyboard.press("j");
  await expect(body.first()).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("p");
  await page.keyboard.press("x");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toContainText("Open the task");
  await expect(help).not.toContainText("Mark provisioned");
  await page.keyboard.press("Escape");
  await expect(link).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/tasks/${number}`);
});

test("Skip to content is the first focus stop of every page, shown when focused", async ({
  page,
  browser,
}) => {
  const task = await provisioningTaskForMarcus(
    browser,
    ["Elise Fournier", "Emily Watson", "Fernando Ruiz", "Fiona MacLeod"],
    "Skip link check.",
  );
  // A super admin: every page of the navigation, and any task's page.
  await signInAsAnyone(page, "Alex Rivera");
  const nav = page.getByRole("navigation", { name: "Main" });
  const paths = await nav
    .getByRole("link")
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(paths).toEqual(expect.arrayContaining(["/requests", "/revocations", "/apps"]));
  for (const path of [...paths, `/tasks/${task.number}`]) {
    await test.step(path, async () => {
      await page.goto(path);
      const skip = page.getByRole("link", { name: "Skip to content" });
      await expect(skip).toBeAttached();
      // Out of sight until focused.
      const hidden = await skip.boundingBox();
      expect(hidden!.y + hidden!.height, `${path}: hidden before focus`).toBeLessThanOrEqual(0);
      await page.keyboard.press("Tab");
      await expect(skip).toBeFocused();
      await expect
        .poll(async () => (await skip.boundingBox())!.y, { message: `${path}: shown on focus` })
        .toBeGreaterThanOrEqual(0);
      await page.keyboard.press("Enter");
      await expect(page.getByRole("main")).toBeFocused();
      // The next Tab is in the page, past the navigation.
      await page.keyboard.press("Tab");
      expect(
        await page.evaluate(() => document.querySelector("main")!.contains(document.activeElement)),
        `${path}: the next focus is in the page`,
      ).toBe(true);
    });
  }

  await test.step("on a phone-sized screen, before the navigation's top bar", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/requests");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect.poll(async () => (await skip.boundingBox())!.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("main")).toBeFocused();
  });
});
