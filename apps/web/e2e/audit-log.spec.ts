import { readFile } from "node:fs/promises";
import { type Page } from "@playwright/test";
import { expect, test } from "./support/test.ts";
import { trpcMutation, trpcQuery } from "./support/trpc.ts";
import { signInAsDemoPerson, whenInteractive } from "./support/ui.ts";

// The audit log (issue 6): a super admin changes a notification default, finds the
// organization.updated event with its before and after by filtering on the action, and
// downloads the filtered log as CSV. The demo database is shared by every spec: the default
// is put back afterwards. A member is told that only super admins read the audit log.

interface Settings {
  emailNotificationsDefault: boolean;
}

let admin: Page | null = null;
let original: Settings | null = null;

test.afterEach(async () => {
  // Once, while the super admin's page is still open (each test closes its own).
  const [page, settings] = [admin, original];
  admin = null;
  original = null;
  if (page && settings) {
    await trpcMutation(page.request, "organization.update", {
      emailNotificationsDefault: settings.emailNotificationsDefault,
    });
  }
});

test("a super admin filters the audit log by action and exports it", async ({ page }) => {
  await page.goto("/sign-in");
  await signInAsDemoPerson(page, "Alex Rivera");
  await expect(page).toHaveURL(/\/apps$/);
  admin = page;
  original = await trpcQuery<Settings>(page.request, "organization.settings", {});
  const next = !original.emailNotificationsDefault;
  await trpcMutation(page.request, "organization.update", { emailNotificationsDefault: next });

  await page.goto("/audit");
  const filters = page.getByRole("search", { name: "Filter events" });
  const action = filters.getByRole("combobox", { name: "Action" });
  await whenInteractive(action);
  await action.selectOption("organization.updated");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]action=organization\.updated/);

  const table = page.getByRole("table", { name: "Audit log events, newest first" });
  const rows = table.getByRole("row").filter({ has: page.getByRole("cell") });
  const first = rows.first();
  await expect(first).toContainText("organization.updated");
  await expect(first).toContainText("Alex Rivera");
  await expect(first.getByRole("link", { name: "Northwind Labs" })).toBeVisible();
  await expect(first).toContainText(`emailNotificationsDefault: ${!next} → ${next}`);
  for (const row of await rows.all()) await expect(row).toContainText("organization.updated");

  const exportLink = page.getByRole("link", { name: "Export CSV" });
  await expect(exportLink).toHaveAttribute(
    "href",
    /\/api\/audit\/export\?action=organization\.updated/,
  );
  const [download] = await Promise.all([page.waitForEvent("download"), exportLink.click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  const [header, newest, ...rest] = text.split("\r\n");
  expect(header).toBe(
    "At,Actor,Actor email,Action,Target type,Target id,Target,Reason,Before,After,Request id,Task number",
  );
  expect(newest).toContain(",Alex Rivera,alex.rivera@northwind.example,organization.updated,");
  expect(newest).toContain(`"{""emailNotificationsDefault"":${!next}}"`);
  expect(newest).toContain(`"{""emailNotificationsDefault"":${next}}"`);
  for (const line of rest.filter(Boolean)) expect(line).toContain(",organization.updated,");
});

test("a member is told that only super admins read the audit log", async ({ page }) => {
  await page.goto("/sign-in");
  await signInAsDemoPerson(page, "Jordan Lee");
  await expect(page).toHaveURL(/\/apps$/);
  await page.goto("/audit");
  await expect(
    page.getByRole("heading", { name: "Only super admins and auditors can read the audit log" }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveCount(0);
});
