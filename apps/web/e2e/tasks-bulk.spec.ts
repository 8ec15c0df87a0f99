import {
  badgeCount,
  expectBadge,
  provisioningTaskForMarcus,
  signInAsAnyone,
  taskRow,
} from "./support/tasks.ts";
import { expect, test } from "./support/test.ts";
import { whenInteractive } from "./support/ui.ts";

// Bulk actions (SPEC §3.7): select tasks, pick the action in the bar at the bottom left,
// give the required comment; it is posted on every task, and the answer says each outcome.

test("bulk-mark three tasks provisioned with a comment: each task carries the comment", async ({
  page,
  browser,
}) => {
  const people = [
    "Anika Sharma",
    "Jonathan Pierce",
    "Margaret O'Neill",
    "Chiara Conti",
    "Helen Rasmussen",
    "Nicole Brandt",
    "Sean McCarthy",
    "Aditya Rao",
  ];
  const tasks: number[] = [];
  for (let i = 0; i < 3; i++) {
    const task = await provisioningTaskForMarcus(
      browser,
      people.slice(i * 2),
      "Joining the audit readiness project.",
    );
    tasks.push(task.number);
  }
  const comment = `Done in the admin consoles during the access sweep (${tasks.join(", ")}).`;

  await signInAsAnyone(page, "Marcus Chen");
  await page.goto("/requests?tab=awaiting_provisioning");
  for (const number of tasks) {
    const box = taskRow(page, number).getByRole("checkbox", { name: `Select task #${number}` });
    await (await whenInteractive(box)).check();
  }
  const before = await badgeCount(page, "Requests");
  const bar = page.getByRole("region", { name: "Bulk actions" });
  await expect(bar).toContainText("3 selected");
  await bar.getByRole("button", { name: "Mark provisioned" }).click();

  const dialog = page.getByRole("dialog", { name: "Mark provisioned: 3 tasks" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Mark provisioned 3 tasks" }).click();
  await expect(dialog.getByText(/A comment is required/)).toBeVisible();
  await dialog.getByRole("textbox", { name: "Comment" }).fill(comment);
  await dialog.getByRole("button", { name: "Mark provisioned 3 tasks" }).click();

  const result = page.getByRole("dialog", { name: "Mark provisioned: 3 of 3 tasks done" });
  await expect(result).toBeVisible();
  await expect(result).toContainText("3 tasks marked provisioned");
  await result.getByRole("button", { name: "Done" }).click();
  await expect(bar).toBeHidden();
  // The bar is gone: focus lands on the table's "select all", not the top of the page.
  await expect(page.getByRole("checkbox", { name: "Select all tasks on this page" })).toBeFocused();
  for (const number of tasks) await expect(taskRow(page, number)).toHaveCount(0);
  await expectBadge(page, "Requests", before - 3);

  for (const number of tasks) {
    await page.goto(`/tasks/${number}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Provisioned");
    await expect(page.getByRole("region", { name: "Comments" })).toContainText(comment);
  }
});

test("select all and clear; a task someone else finished meanwhile is reported as skipped", async ({
  page,
  browser,
}) => {
  const first = await provisioningTaskForMarcus(
    browser,
    ["Victoria Ashworth", "Elena Petrova", "Jonah Feldman"],
    "Month-end close calls.",
  );
  const second = await provisioningTaskForMarcus(
    browser,
    ["Yusuf Demir", "Claire Donovan", "Anthony Russo"],
    "Month-end close calls.",
  );
  await signInAsAnyone(page, "Marcus Chen");
  await page.goto("/requests?tab=awaiting_provisioning");
  const rows = page.getByRole("row").filter({ has: page.getByRole("cell") });
  await expect(taskRow(page, second.number)).toBeVisible();

  // "Select all on this page" takes every row shown; clearing empties the selection.
  const all = page.getByRole("checkbox", { name: "Select all tasks on this page" });
  await (await whenInteractive(all)).check();
  const bar = page.getByRole("region", { name: "Bulk actions" });
  await expect(bar).toContainText(`${await rows.count()} selected`);
  await bar.getByRole("button", { name: "Clear the selection" }).click();
  await expect(bar).toBeHidden();
  await expect(all).not.toBeChecked();

  for (const number of [first.number, second.number]) {
    await taskRow(page, number).getByRole("checkbox").check();
  }
  await expect(bar).toContainText("2 selected");

  // Meanwhile Alex Rivera (a super admin) finishes the first one.
  const alex = await browser.newContext();
  const alexPage = await alex.newPage();
  await signInAsAnyone(alexPage, "Alex Rivera");
  await alexPage.goto(`/tasks/${first.number}`);
  await (
    await whenInteractive(alexPage.getByRole("button", { name: "Mark provisioned", exact: true }))
  ).click();
  await alexPage.getByRole("dialog").getByRole("button", { name: "Mark provisioned" }).click();
  await expect(alexPage.getByRole("heading", { level: 1 })).toContainText("Provisioned");
  await alex.close();

  await bar.getByRole("button", { name: "Mark as errored" }).click();
  const dialog = page.getByRole("dialog", { name: "Mark as errored: 2 tasks" });
  await dialog
    .getByRole("textbox", { name: "What went wrong" })
    .fill("Vendor outage; retry tomorrow.");
  await dialog.getByRole("button", { name: "Mark as errored 2 tasks" }).click();
  const result = page.getByRole("dialog", { name: "Mark as errored: 1 of 2 tasks done" });
  await expect(result).toBeVisible();
  await expect(result).toContainText(
    `#${first.number} — already marked provisioned by Alex Rivera`,
  );
  await result.getByRole("button", { name: "Done" }).click();
  await expect(taskRow(page, second.number)).toHaveCount(0);

  await page.goto(`/tasks/${second.number}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Errored");
  await expect(page.getByRole("region", { name: "Comments" })).toContainText(
    "Vendor outage; retry tomorrow.",
  );
});
