import { type Page } from "@playwright/test";
import { provisioningTaskForMarcus, signInAsAnyone } from "./support/tasks.ts";
import { expect, test } from "./support/test.ts";
import { expectSignedInAs, whenInteractive } from "./support/ui.ts";

// The dev mailbox (/dev/mailbox) in demo mode: no email service is configured, so the email
// Lantern sends is stored and read there — signed out too, since people need their sign-in
// links. And "Send reminder" on a task, whose email lands there. The production project
// checks that the page does not exist there (dev-mailbox-off.spec.ts).

const NORA = { name: "Nora Lindberg", email: "nora.lindberg@northwind.example" };

async function openMailboxFor(page: Page, email: string) {
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Dev mailbox" })).toBeVisible();
}

test("signed out, a person asks for a sign-in link, finds it in the dev mailbox and signs in with it", async ({
  page,
}) => {
  await test.step("ask for a link on the sign-in page", async () => {
    await page.goto("/sign-in");
    await (
      await whenInteractive(page.getByRole("textbox", { name: "Work email" }))
    ).fill(NORA.email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page).toHaveURL(/\/sign-in\/check-email/);
  });

  let link = "";
  await test.step("the mailbox, signed out, shows it newest first with the sign-in link", async () => {
    await openMailboxFor(page, NORA.email);
    const emails = page.getByRole("complementary", { name: "Emails" });
    const newest = emails.getByRole("link").filter({ hasText: NORA.email }).first();
    await expect(newest).toContainText("Sign in to Lantern");
    await newest.click();
    await expect(page.getByRole("heading", { level: 2, name: "Sign in to Lantern" })).toBeVisible();
    const field = page.getByRole("textbox", { name: "Sign-in link" });
    link = await field.inputValue();
    expect(link).toMatch(/\/api\/auth\/callback\/email\?/);
    await expect(page.getByRole("button", { name: "Copy sign-in link" })).toBeVisible();

    // The HTML version is sandboxed: no scripts, no same-origin access.
    const frame = page.locator('iframe[title="The email as HTML"]');
    await expect(frame).toHaveAttribute("sandbox", "");
    await expect(frame.contentFrame().getByText("Sign in to Lantern").first()).toBeVisible();
    await page.getByRole("tab", { name: "Text" }).click();
    await expect(page.getByRole("tabpanel")).toContainText(link);
    await page.getByRole("tab", { name: /^Links/ }).click();
    await expect(page.getByRole("tabpanel")).toContainText(link);
  });

  await test.step("the link signs Nora in", async () => {
    await page.goto(link);
    await expect(page).not.toHaveURL(/\/sign-in/);
    await expectSignedInAs(page, NORA.name);
    // Signed in, the dev mailbox is in the sidebar too.
    await page.getByRole("link", { name: "Dev mailbox" }).click();
    await expect(page).toHaveURL(/\/dev\/mailbox$/);
  });
});

test("a filter that matches nobody says so; a stale page link offers the newest emails", async ({
  page,
}) => {
  await page.goto("/dev/mailbox?to=nobody-at-all.example");
  await expect(page.getByText("No emails yet")).toBeVisible();
  await expect(page.getByText("Nothing was sent to an address like that.")).toBeVisible();
  await page.goto("/dev/mailbox?cursor=not-a-cursor");
  await expect(page.getByText("This page link is no longer valid.")).toBeVisible();
  await page.getByRole("link", { name: "Go to the newest emails" }).click();
  await expect(page).toHaveURL(/\/dev\/mailbox$/);
});

test("the requester sends a reminder: once an hour, in the history, and in the assignee's mailbox", async ({
  browser,
  page,
}) => {
  const task = await provisioningTaskForMarcus(
    browser,
    ["Ben Harper", "Carmen Ortiz", "Hiroshi Yamamoto", "Ingrid Larsen"],
    "Hosting the customer advisory board webinar.",
  );
  await signInAsAnyone(page, task.requester);
  await page.goto(`/tasks/${task.number}`);
  const assigned = page.getByRole("region", { name: "Assigned to" });

  await test.step("Send reminder notifies Marcus Chen; the button waits for the hour", async () => {
    const send = await whenInteractive(assigned.getByRole("button", { name: "Send reminder" }));
    await expect(send).toBeEnabled();
    await send.click();
    await expect(page.getByText("Reminder sent to Marcus Chen")).toBeVisible();
    await expect(send).toBeDisabled();
    await expect(assigned).toContainText(/Reminder sent just now by you · next possible at /);
    await expect(page.getByRole("region", { name: "History" })).toContainText(
      `${task.requester} sent a reminder about task #${task.number} to Marcus Chen`,
    );
  });

  await test.step("Marcus himself is not offered the button", async () => {
    const marcus = await browser.newContext();
    try {
      const marcusPage = await marcus.newPage();
      await signInAsAnyone(marcusPage, "Marcus Chen");
      await marcusPage.goto(`/tasks/${task.number}`);
      await expect(marcusPage.getByRole("heading", { level: 1 })).toContainText(
        `Task #${task.number}`,
      );
      await expect(marcusPage.getByRole("button", { name: "Send reminder" })).toHaveCount(0);
    } finally {
      await marcus.close();
    }
  });

  await test.step("the reminder email reaches Marcus's dev mailbox", async () => {
    // Delivered by the in-process worker within seconds.
    await expect(async () => {
      await openMailboxFor(page, "marcus.chen@northwind.example");
      await expect(
        page
          .getByRole("complementary", { name: "Emails" })
          .getByRole("link")
          .filter({ hasText: `#${task.number}` })
          .filter({ hasText: /reminder/i }),
      ).toHaveCount(1, { timeout: 1_000 });
    }).toPass({ timeout: 45_000 });
  });
});
