import { type Locator, type Page } from "@playwright/test";
import { provisioningTaskForMarcus, signInAsAnyone } from "./support/tasks.ts";
import { expect, test } from "./support/test.ts";
import { expectSignedInAs, whenInteractive } from "./support/ui.ts";

// The dev mailbox (/dev/mailbox) in demo mode: no email service is configured, so the email
// Lantern sends is stored and read there — signed out too, since people need their sign-in
// links. And "Send reminder" on a task, whose email lands there. The production project
// checks that the page does not exist there (dev-mailbox-off.spec.ts).

const NORA = { name: "Nora Lindberg", email: "nora.lindberg@northwind.example" };
const MARCUS_EMAIL = "marcus.chen@northwind.example";

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

    // The HTML version is sandboxed: no scripts, no same-origin access; links open a new tab.
    const frame = page.locator('iframe[title="The email as HTML"]');
    await expect(frame).toHaveAttribute("sandbox", "allow-popups allow-popups-to-escape-sandbox");
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

test("a task email's button opens the task in a new tab: mailbox → email → task → Mark provisioned → confirmed in 4 clicks, as from a mail client; the email's scripts never run", async ({
  browser,
  page,
  csp,
}) => {
  const task = await provisioningTaskForMarcus(
    browser,
    ["Jasmine Ali", "Kofi Boateng", "Luca Moretti", "Nkechi Eze"],
    "Running the partner onboarding channel.",
  );
  // Marcus reads his email in the browser he is signed in to Lantern with.
  await signInAsAnyone(page, "Marcus Chen");
  const emails = page.getByRole("complementary", { name: "Emails" });
  const email = emails
    .getByRole("link")
    .filter({ hasText: `(#${task.number})` })
    .filter({ hasNotText: /reminder/i });
  await test.step("the task-assigned email reaches Marcus's mailbox", async () => {
    await expect(async () => {
      await openMailboxFor(page, MARCUS_EMAIL);
      await expect(email).toHaveCount(1, { timeout: 1_000 });
    }).toPass({ timeout: 45_000 });
  });

  let clicks = 0;
  const click = async (target: Locator) => {
    await target.click();
    clicks += 1;
  };
  const frame = page.locator('iframe[title="The email as HTML"]');
  let taskPage: Page;

  await test.step("click the email, then its Open task button: the task opens in a new tab", async () => {
    await click(email);
    await expect(page.getByRole("heading", { level: 2 })).toContainText(`#${task.number}`);
    const button = frame.contentFrame().getByRole("link", { name: `Open task #${task.number}` });
    await expect(button).toBeVisible();
    const opened = page.context().waitForEvent("page");
    await click(button);
    taskPage = await opened;
    await expect(taskPage).toHaveURL(new RegExp(`/tasks/${task.number}$`));
    await expect(taskPage.getByRole("heading", { level: 1 })).toContainText(`Task #${task.number}`);
    // The mailbox stays where it was.
    await expect(page).toHaveURL(/\/dev\/mailbox/);
  });

  await test.step("Mark provisioned and confirm: done, in four clicks from the mailbox", async () => {
    await click(
      await whenInteractive(
        taskPage.getByRole("button", { name: "Mark provisioned", exact: true }),
      ),
    );
    const dialog = taskPage.getByRole("dialog", { name: `Mark provisioned #${task.number}` });
    await click(dialog.getByRole("button", { name: "Mark provisioned" }));
    await expect(dialog).toBeHidden();
    await expect(taskPage.getByText(`Task #${task.number} marked provisioned`)).toBeVisible();
    await expect(taskPage.getByRole("heading", { level: 1 })).toContainText("Provisioned");
    expect(clicks, "mailbox → email → Open task → Mark provisioned → confirm").toBe(4);
  });

  await test.step("scripts in the email cannot run", async () => {
    const sandbox = (await frame.getAttribute("sandbox"))?.split(/\s+/) ?? [];
    expect(sandbox).not.toContain("allow-scripts");
    expect(sandbox).not.toContain("allow-same-origin");
    // Lantern's own emails carry no script, so give the shown message what a hostile one would
    // carry — an inline script, an event handler and a javascript: link — by adding them to the
    // email's HTML on its way from the server (in the frame's srcdoc).
    const hostile =
      "<p>Hostile part</p>" +
      "<script>document.body.append('Script ran')</script>" +
      '<img alt="" src="data:," onerror="document.body.append(\'Handler ran\')">' +
      "<a href=\"javascript:document.body.append('Link ran')\">Hostile link</a>";
    const escaped = hostile
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;");
    await page.route(
      (url) => url.pathname === "/dev/mailbox",
      async (route) => {
        if (route.request().resourceType() !== "document") return route.fallback();
        const response = await route.fetch();
        const body = await response.text();
        const patched = body.replace("&lt;/body&gt;", `${escaped}&lt;/body&gt;`);
        expect(patched, "the email's HTML is in the page").not.toBe(body);
        const headers = { ...response.headers() };
        delete headers["content-encoding"];
        delete headers["content-length"];
        await route.fulfill({ response, headers, body: patched });
      },
    );
    await page.reload();
    const shown = frame.contentFrame();
    await expect(shown.getByText("Hostile part")).toBeVisible();
    await expect(shown.getByRole("link", { name: `Open task #${task.number}` })).toBeVisible();
    const pages = page.context().pages().length;
    // The frame keeps the mailbox's Content-Security-Policy: the javascript: link is refused
    // by it (a violation provoked on purpose), on top of the sandbox.
    csp.allow(/Running the JavaScript URL violates the following Content Security Policy/);
    await shown.getByRole("link", { name: "Hostile link" }).click();
    // Give a script, a handler or the link every chance to run before looking.
    await page.waitForTimeout(1_000);
    await expect(shown.getByText(/(Script|Handler|Link) ran/)).toHaveCount(0);
    expect(page.context().pages(), "the javascript: link opened nothing").toHaveLength(pages);
    await page.unroute((url) => url.pathname === "/dev/mailbox");
  });
});
