import { provisioningTaskForMarcus, signInAsAnyone } from "./support/tasks.ts";
import { expect, test } from "./support/test.ts";
import { trpcQuery } from "./support/trpc.ts";
import { expectSignedInAs } from "./support/ui.ts";

// SPEC §6: a task assignment reaches the assignee as an email (here the demo server's dev
// mailbox, filled by its in-process worker) whose button deep-links to the task; opened
// signed out, the link goes through sign-in and lands on that task.

const MARCUS = "marcus.chen@northwind.example";

interface MailboxItem {
  id: string;
  to: string;
  subject: string;
}
interface MailboxEmail extends MailboxItem {
  text: string;
  html: string;
}

test("the assignment email's deep link, opened signed out, signs in and lands on the task", async ({
  browser,
  page,
  context,
}) => {
  const task = await provisioningTaskForMarcus(
    browser,
    ["Samuel Osei", "Theo Nguyen", "Victor Okonkwo", "Rosa Delgado"],
    "Running the quarterly access review for the sales team.",
  );
  const taskPath = `/tasks/${task.number}`;

  let link = "";
  await test.step("the worker delivers the assignment email within seconds", async () => {
    await expect(async () => {
      const { items } = await trpcQuery<{ items: MailboxItem[] }>(
        context.request,
        "devMailbox.list",
        { to: MARCUS, limit: 50 },
      );
      let found: MailboxEmail | null = null;
      for (const item of items) {
        const email = await trpcQuery<MailboxEmail>(context.request, "devMailbox.byId", {
          id: item.id,
        });
        if (email.text.includes(taskPath)) {
          found = email;
          break;
        }
      }
      expect(found, `an email to ${MARCUS} about task #${task.number}`).not.toBeNull();
      expect(found!.subject).toContain(task.entitlement);
      expect(found!.text).toContain(task.app);
      expect(found!.text).toContain("Running the quarterly access review for the sales team.");
      link = found!.text.match(new RegExp(`https?://\\S+${taskPath}(?=\\s|$)`))?.[0] ?? "";
      expect(link, "an absolute link to the task").not.toBe("");
      expect(found!.html).toContain(`href="${link}"`);
    }).toPass({ timeout: 30_000 });
  });

  await test.step("signed out, the link goes to sign-in with the task to come back to", async () => {
    await context.clearCookies();
    await page.goto(link);
    await expect(page).toHaveURL(`/sign-in?callbackUrl=${encodeURIComponent(taskPath)}`);
  });

  await test.step("after signing in, Marcus is on the task", async () => {
    await signInAsAnyone(page, "Marcus Chen", { here: true });
    await expect(page).toHaveURL(taskPath);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Task #${task.number}`);
    await expectSignedInAs(page, "Marcus Chen");
  });
});
