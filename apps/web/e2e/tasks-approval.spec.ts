import { expect, test } from "./support/test.ts";
import { trpcQuery } from "./support/trpc.ts";
import {
  openInboxTask,
  personIn,
  requestAccess,
  signInAsAnyone,
  taskRow,
} from "./support/tasks.ts";

// Approvals (SPEC §3.2): the manager approves in the Awaiting approval tab; the request moves
// on and the provisioning task appears for the app's provisioners. Denying needs a reason.

// Hannah Okafor's reports; Jira's agent seat is under the organization's default policy
// (manager approval) and Marcus Chen provisions Jira.
const REPORTS = ["Yuki Tanaka", "Chloe Martin", "Arjun Patel", "Ethan Walker", "Kofi Boateng"];
const JIRA_AGENT: Array<[string, string]> = [["Jira", "Jira Service Management agent"]];

test("a manager approves a request; the provisioning task appears for the provisioner", async ({
  page,
  browser,
}) => {
  const request = await requestAccess(
    browser,
    REPORTS,
    JIRA_AGENT,
    "Helping the IT help desk during the laptop refresh.",
  );
  expect(request.task?.kind).toBe("APPROVAL");
  const approval = request.task!.number;

  await signInAsAnyone(page, "Hannah Okafor");
  const row = await openInboxTask(page, "/requests", "awaiting_approval", approval);
  await expect(row).toContainText(request.requester);
  await row.getByRole("button", { name: `Approve #${approval}` }).click();
  const dialog = page.getByRole("dialog", { name: `Approve #${approval}` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("textbox", { name: /Note/ }).fill("Fine for the refresh weeks.");
  await dialog.getByRole("button", { name: "Approve" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Task #${approval} approved`)).toBeVisible();
  await expect(page.getByText(/provisioning task #\d+ is open/)).toBeVisible();
  await expect(taskRow(page, approval)).toHaveCount(0);

  // The approval's page shows the next step, and its number.
  const details = await trpcQuery<{
    steps: { kind: string; tasks: { number: number; kind: string; state: string }[] }[];
  }>(page.request, "tasks.byNumber", { number: approval });
  const provision = details.steps
    .flatMap((s) => s.tasks)
    .find((t) => t.kind === "PROVISION" && t.state === "OPEN");
  expect(provision, "the provisioning task").toBeDefined();
  await page.goto(`/tasks/${approval}`);
  const workflow = page.getByRole("region", { name: "Task details" });
  await expect(workflow).toContainText("You approved");
  await expect(workflow.getByRole("link", { name: `#${provision!.number}` })).toBeVisible();

  const marcus = await personIn(browser, "Marcus Chen");
  const theirs = await openInboxTask(
    marcus.page,
    "/requests",
    "awaiting_provisioning",
    provision!.number,
  );
  await expect(theirs).toContainText("Jira Service Management agent");
  await expect(theirs).toContainText(request.requester);
  await marcus.context.close();
});

test("denying needs a reason, and the request ends denied", async ({ page, browser }) => {
  const request = await requestAccess(
    browser,
    [...REPORTS].reverse(),
    JIRA_AGENT,
    "Curious about the help desk queue.",
  );
  const approval = request.task!.number;
  await signInAsAnyone(page, "Hannah Okafor");
  const row = await openInboxTask(page, "/requests", "awaiting_approval", approval);
  await row.getByRole("button", { name: `More actions for task #${approval}` }).click();
  await page.getByRole("menuitem", { name: "Deny" }).click();
  const dialog = page.getByRole("dialog", { name: `Deny #${approval}` });
  await dialog.getByRole("button", { name: "Deny" }).click();
  await expect(dialog.getByText("A reason is required.")).toBeVisible();
  await dialog
    .getByRole("textbox", { name: "Reason for the denial" })
    .fill("Read access to the queue covers this.");
  await dialog.getByRole("button", { name: "Deny" }).click();
  await expect(page.getByText(`Task #${approval} denied`)).toBeVisible();

  await page.goto(`/tasks/${approval}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Denied");
  await expect(page.getByRole("region", { name: "History" })).toContainText(
    "The request was denied",
  );
});
