import {
  badgeCount,
  expectBadge,
  openInboxTask,
  personIn,
  provisioningTaskForMarcus,
  signInAsAnyone,
  taskRow,
} from "./support/tasks.ts";
import { expect, test } from "./support/test.ts";
import { escapeRegExp, expectSignedInAs, whenInteractive } from "./support/ui.ts";

// A provisioner's day (SPEC §3.2–§3.6): from the Requests inbox to a task's page, comment,
// mark provisioned; mark errored; reassign to someone else. Each test makes its own tasks.

test("a provisioner opens a task from Requests, comments, marks it provisioned and finds it under Completed tasks", async ({
  browser,
  page,
}) => {
  const task = await provisioningTaskForMarcus(
    browser,
    ["Aaliyah Johnson", "Anjali Desai", "Ashley Robinson", "Brandon Lewis"],
    "Running the partner webinars this quarter.",
  );
  await signInAsAnyone(page, "Marcus Chen");

  await test.step("the task is in Awaiting provisioning; its number opens the task page", async () => {
    await page.goto("/requests?tab=awaiting_provisioning");
    await expect(page.getByRole("heading", { name: "Requests", level: 1 })).toBeVisible();
    // Newest first: the task just created leads the list, and the order is in the URL.
    const sort = page.getByRole("combobox", { name: "Sort" });
    await (await whenInteractive(sort)).selectOption("Newest first");
    await expect(page).toHaveURL(/sort=newest/);
    await expect(
      page
        .getByRole("row")
        .filter({ has: page.getByRole("cell") })
        .first(),
    ).toContainText(`#${task.number}`);
    const row = await openInboxTask(page, "/requests", "awaiting_provisioning", task.number);
    await expect(row).toContainText(task.entitlement);
    await expect(row).toContainText(task.app);
    await row.getByRole("link", { name: `Task #${task.number}: details` }).click();
    await expect(page).toHaveURL(`/tasks/${task.number}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Task #${task.number}`);
    const asked = page.getByRole("region", { name: "What is asked" });
    await expect(asked).toContainText(task.entitlement);
    await expect(asked).toContainText("Running the partner webinars this quarter.");
    await expect(page.getByRole("region", { name: "Instructions" })).toContainText(
      "Mark the task provisioned",
    );
    await expect(page.getByRole("region", { name: "Task details" })).toContainText("Auto-approve");
    await expect(page.getByRole("region", { name: "Task details" })).toContainText(
      "Assigned to you",
    );
  });

  await test.step("a comment, in markdown, shows in the thread and the history", async () => {
    const comments = page.getByRole("region", { name: "Comments" });
    const box = await whenInteractive(comments.getByRole("textbox", { name: "Add a comment" }));
    await box.fill("Added to the **partner** channel; <b>no raw HTML</b> renders.");
    await comments.getByRole("button", { name: "Comment" }).click();
    await expect(box).toHaveValue("");
    const thread = comments.getByRole("listitem").filter({ hasText: "Added to the" });
    await expect(thread).toContainText("Marcus Chen");
    await expect(thread.locator("strong")).toHaveText("partner");
    await expect(thread.locator("b")).toHaveCount(0);
    await expect(page.getByRole("region", { name: "History" })).toContainText(
      `Marcus Chen commented on task #${task.number}`,
    );
  });

  await test.step("Mark provisioned (confirmed in a dialog) closes the task; the badge goes down by one", async () => {
    const before = await badgeCount(page, "Requests");
    await page.getByRole("button", { name: "Mark provisioned", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: `Mark provisioned #${task.number}` });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("textbox", { name: /Note/ }).fill("Workspace role set.");
    await dialog.getByRole("button", { name: "Mark provisioned" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`Task #${task.number} marked provisioned`)).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Provisioned");
    await expect(page.getByText(/Marked provisioned by Marcus Chen/).first()).toBeVisible();
    await expectBadge(page, "Requests", before - 1);
    await expect(page.getByRole("button", { name: "Mark provisioned", exact: true })).toHaveCount(
      0,
    );
  });

  await test.step("it is under Completed tasks with its outcome, and no longer awaiting", async () => {
    await page.goto(`/requests?tab=completed&q=%23${task.number}`);
    const row = taskRow(page, task.number);
    await expect(row).toContainText("Provisioned");
    await expect(row).toContainText("Workspace role set.");
    await page.goto(`/requests?tab=awaiting_provisioning&q=%23${task.number}`);
    await expect(page.getByText(`No tasks match “#${task.number}”`)).toBeVisible();
  });
});

test("mark as errored needs a reason; the row leaves, the badge drops, and the reason is on the task", async ({
  page,
  browser,
}) => {
  const task = await provisioningTaskForMarcus(
    browser,
    ["Carlos Mendoza", "Connor Murphy", "David Cohen", "Hugo Moreau"],
    "Customer onboarding calls.",
  );
  await signInAsAnyone(page, "Marcus Chen");
  const row = await openInboxTask(page, "/requests", "awaiting_provisioning", task.number);
  const before = await badgeCount(page, "Requests");

  await row.getByRole("button", { name: `More actions for task #${task.number}` }).click();
  await page.getByRole("menuitem", { name: "Mark as errored" }).click();
  const dialog = page.getByRole("dialog", { name: `Mark as errored #${task.number}` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Mark as errored" }).click();
  await expect(dialog.getByText("A reason is required.")).toBeVisible();
  await dialog
    .getByRole("textbox", { name: "What went wrong" })
    .fill("The add-on pool is empty until the renewal.");
  await dialog.getByRole("button", { name: "Mark as errored" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Task #${task.number} marked as errored`)).toBeVisible();
  await expect(taskRow(page, task.number)).toHaveCount(0);
  await expectBadge(page, "Requests", before - 1);

  await page.goto(`/requests?tab=completed&q=%23${task.number}`);
  await expect(taskRow(page, task.number)).toContainText("Errored");
  await expect(taskRow(page, task.number)).toContainText("The add-on pool is empty");

  await page.goto(`/tasks/${task.number}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Errored");
  await expect(page.getByText("The add-on pool is empty until the renewal.").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "History" })).toContainText(
    `Marcus Chen marked task #${task.number} as errored`,
  );
});

test("reassign with a reason: the task leaves Marcus's inbox and appears for the new assignee", async ({
  page,
  browser,
}) => {
  const task = await provisioningTaskForMarcus(
    browser,
    ["Jamal Washington", "Kevin O'Donnell", "Lauren Fitzgerald", "Mariana Silva"],
    "Covering the EMEA webinars.",
  );
  await signInAsAnyone(page, "Marcus Chen");
  const row = await openInboxTask(page, "/requests", "awaiting_provisioning", task.number);

  await row.getByRole("button", { name: `More actions for task #${task.number}` }).click();
  await page.getByRole("menuitem", { name: "Reassign" }).click();
  const dialog = page.getByRole("dialog", { name: `Reassign #${task.number}` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("searchbox", { name: /Search people/ }).fill("Priya");
  await dialog.getByRole("radio", { name: /Priya Shah/ }).check();
  await dialog.getByRole("button", { name: "Reassign" }).click();
  await expect(dialog.getByText("A reason is required.")).toBeVisible();
  await dialog
    .getByRole("textbox", { name: "Reason for the reassignment" })
    .fill("Out of office until Monday.");
  await dialog.getByRole("button", { name: "Reassign" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Task #${task.number} reassigned to Priya Shah`)).toBeVisible();
  await expect(taskRow(page, task.number)).toHaveCount(0);

  await page.goto(`/requests?tab=completed&q=%23${task.number}`);
  await expect(taskRow(page, task.number)).toContainText("Reassigned");
  await expect(taskRow(page, task.number)).toContainText("To Priya Shah");

  const priya = await personIn(browser, "Priya Shah");
  const theirs = await openInboxTask(priya.page, "/requests", "awaiting_provisioning", task.number);
  await expect(theirs).toContainText(task.entitlement);
  await priya.page.goto(`/tasks/${task.number}`);
  const assigned = priya.page.getByRole("region", { name: "Assigned to" });
  await expect(assigned).toContainText("Priya Shah");
  await expect(assigned).toContainText("Previously assigned");
  await expect(assigned).toContainText("Out of office until Monday.");
  await expect(priya.page.getByRole("region", { name: "History" })).toContainText(
    `Marcus Chen reassigned task #${task.number} to Priya Shah`,
  );
  await priya.context.close();
});

test("a task link works signed out: sign-in, then the task page", async ({ page, browser }) => {
  const task = await provisioningTaskForMarcus(
    browser,
    ["Matteo Bianchi", "Megan Clarke", "Olga Sokolova"],
    "Quarterly business reviews.",
  );
  const path = `/tasks/${task.number}`;
  await page.goto(path);
  await expect(page).toHaveURL(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  await signInAsAnyone(page, "Marcus Chen", { here: true });
  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(path)}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Task #${task.number}`);
  await expectSignedInAs(page, "Marcus Chen");

  // Someone who may not see the task gets the not-found page, as for a task that does not exist.
  const outsider = await personIn(browser, "Olivia Bennett");
  await outsider.page.goto(path);
  await expect(outsider.page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await outsider.page.goto("/tasks/999999");
  await expect(outsider.page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await outsider.context.close();
});
