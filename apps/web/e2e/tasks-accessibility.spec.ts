import {
  expectAccessible,
  openInboxTask,
  provisioningTaskForMarcus,
  signInAsAnyone,
} from "./support/tasks.ts";
import { expect, test } from "./support/test.ts";

// The task pages and dialogs pass axe's WCAG 2.1 A/AA rules, and the dialogs and menus work
// with the keyboard alone.

test("the inbox with a selection, an open dialog and the task page are accessible", async ({
  page,
  browser,
}) => {
  const task = await provisioningTaskForMarcus(
    browser,
    ["Sienna Howard", "Tiffany Nguyen", "Rachel Stein", "Lily Zhou"],
    "Hosting the customer advisory board.",
  );
  await signInAsAnyone(page, "Marcus Chen");
  const row = await openInboxTask(page, "/requests", "awaiting_provisioning", task.number);
  await row.getByRole("checkbox").check();
  await expect(page.getByRole("region", { name: "Bulk actions" })).toBeVisible();
  await expectAccessible(page, "the inbox with a selection");

  // Keyboard only: the … menu opens with Enter, arrows move, Enter picks; Escape closes the
  // dialog and focus returns.
  const more = row.getByRole("button", { name: `More actions for task #${task.number}` });
  await more.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu")).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Reassign" })).toBeFocused();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: `Reassign #${task.number}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("searchbox", { name: /Search people/ })).toBeFocused();
  await expect(dialog.getByRole("radio").first()).toBeVisible();
  await expectAccessible(page, "the Reassign dialog");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(more).toBeFocused();

  await row.getByRole("button", { name: `Mark provisioned #${task.number}` }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectAccessible(page, "the Mark provisioned dialog");
  await page.keyboard.press("Escape");

  await page.goto(`/tasks/${task.number}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Task #${task.number}`);
  await expect(page.getByRole("region", { name: "History" })).toBeVisible();
  await expectAccessible(page, "the task page");
});
