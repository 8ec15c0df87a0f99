import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { expect, test } from "./support/test.ts";
import { escapeRegExp, signedIn, signInAsDemoPerson, whenInteractive } from "./support/ui.ts";

// An employee asks for access and follows it; their manager sees and approves it.
// Demo organization: Jordan Lee (Software Engineer II) reports to Hannah Okafor. Figma has no
// request policy of its own, so the organization's default applies: "Manager approval".
// The entitlements used here (Figma "Full seat (editor)", Zoom) are used by no other spec.

const ENTITLEMENT = "Full seat (editor)";
const APP = "Figma";

async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const problems = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(problems, `${what} has accessibility violations`).toEqual([]);
}

/** The row of My requests for this access (the newest first). */
const myRequestRow = (page: Page) =>
  page
    .getByRole("table")
    .getByRole("row")
    .filter({ hasText: ENTITLEMENT })
    .filter({ hasText: APP })
    .first();

test("Jordan requests a Figma seat, sees it waiting, and his manager approves it", async ({
  browser,
}) => {
  const jordan = await signedIn(browser, "Jordan Lee");
  let taskNumber = 0;

  await test.step("the Figma page offers Request access per entitlement", async () => {
    await jordan.getByRole("link", { name: APP, exact: true }).click();
    await expect(jordan.getByRole("heading", { level: 1 })).toContainText(APP);
    const entitlements = jordan
      .locator("section")
      .filter({ has: jordan.getByRole("heading", { name: "Entitlements", exact: true }) });
    const row = entitlements.getByRole("row").filter({ hasText: ENTITLEMENT });
    await expect(row).toContainText("editor"); // the slug
    await row.getByRole("link", { name: `Request access: ${ENTITLEMENT}` }).click();
  });

  // A second tab opened on the same form before the request is sent: it goes stale.
  const staleTab = await jordan.context().newPage();

  await test.step("the form comes prefilled and says what happens next", async () => {
    await expect(jordan).toHaveURL(/\/my-requests\/new\?entitlement=[0-9a-f-]{36}$/);
    await expect(jordan.getByRole("heading", { level: 1, name: "Request access" })).toBeVisible();
    await expect(jordan.getByRole("combobox", { name: "Application" })).toHaveValue(APP);
    await expect(
      jordan.getByRole("radio", { name: new RegExp(escapeRegExp(ENTITLEMENT)) }),
    ).toBeChecked();
    const next = jordan.getByRole("complementary", { name: "What happens next" });
    await expect(next).toContainText("Your manager approves, then it is provisioned.");
    await expect(next).toContainText("Manager approval");
    // Who provisions: Figma has no provisioners, so its owners do (the seed's design leads).
    await expect(next).toContainText(
      "Camille Dubois or Oscar Lindgren sets it up and marks it provisioned.",
    );
    await staleTab.goto(jordan.url());
    await expect(
      staleTab.getByRole("radio", { name: new RegExp(escapeRegExp(ENTITLEMENT)) }),
    ).toBeChecked();
    await expectAccessible(jordan, "the request form");
  });

  await test.step("sending it lands on My requests, waiting for Hannah's approval", async () => {
    await jordan
      .getByLabel("Reason")
      .fill("I pair with the design team on the new onboarding screens this quarter.");
    await jordan.getByLabel("For how long").selectOption("90");
    await (await whenInteractive(jordan.getByRole("button", { name: "Send request" }))).click();
    await expect(jordan).toHaveURL(/\/my-requests\?requested=[0-9a-f-]{36}$/);
    await expect(jordan.getByRole("heading", { level: 1, name: "My requests" })).toBeVisible();

    const notice = jordan.getByRole("status").filter({ hasText: "You asked for" });
    await expect(notice).toContainText(`${ENTITLEMENT} in ${APP}`);
    await expect(notice).toContainText(/Sent for approval by Hannah Okafor \(#\d+\)\./);
    await expect(notice).toContainText("Once approved, the access is set up.");
    const taskLink = notice.getByRole("link", { name: /^Open task #\d+$/ });
    taskNumber = Number((await taskLink.textContent())!.replace("Open task #", ""));
    await expect(notice).toContainText(`(#${taskNumber})`);
    expect(taskNumber).toBeGreaterThan(0);
    await expect(taskLink).toHaveAttribute("href", `/tasks/${taskNumber}`);

    const row = myRequestRow(jordan);
    await expect(row.getByText("Waiting for approval", { exact: true })).toBeVisible();
    await expect(row).toContainText(`#${taskNumber}`);
    await expect(row).toContainText("With Hannah Okafor");
    await expect(row).toContainText("For 90 days");
    await expect(
      row.getByRole("button", { name: `Withdraw your request for ${ENTITLEMENT} in ${APP}` }),
    ).toBeVisible();
    await expectAccessible(jordan, "My requests");
  });

  await test.step("asking again is refused with a clear message", async () => {
    // The stale tab still offers it: the server refuses, naming the running request.
    await staleTab.getByLabel("Reason").fill("Asking twice.");
    await (await whenInteractive(staleTab.getByRole("button", { name: "Send request" }))).click();
    const alert = staleTab.getByRole("alert").filter({ hasText: "You already asked for" });
    await expect(alert).toContainText(
      `You already asked for ${ENTITLEMENT} in ${APP}; that request is waiting for approval (task #${taskNumber}).`,
    );
    await expect(alert.getByRole("link", { name: `Open task #${taskNumber}` })).toBeVisible();
    await expect(staleTab).toHaveURL(/\/my-requests\/new/);
    // A fresh form shows it as already requested and does not let it be chosen.
    await staleTab.reload();
    const option = staleTab.getByRole("radio", { name: new RegExp(escapeRegExp(ENTITLEMENT)) });
    await expect(option).toBeDisabled();
    await expect(option).not.toBeChecked();
    await expect(option).toHaveAccessibleName(/Already requested/);
    await staleTab.close();
  });

  const hannah = await signedIn(browser, "Hannah Okafor");

  await test.step("Hannah sees it in Requests → Awaiting approval", async () => {
    await hannah.goto(`/requests?tab=awaiting_approval&q=${encodeURIComponent(`#${taskNumber}`)}`);
    await expect(hannah.getByRole("link", { name: /^Awaiting approval/ }).first()).toHaveAttribute(
      "aria-current",
      "page",
    );
    const row = hannah.getByRole("row").filter({ hasText: `#${taskNumber}` });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Jordan Lee");
    await expect(row).toContainText(APP);
    await expect(row).toContainText(ENTITLEMENT);
  });

  await test.step("Hannah approves it from her inbox", async () => {
    const row = hannah.getByRole("row").filter({ hasText: `#${taskNumber}` });
    await (
      await whenInteractive(row.getByRole("button", { name: `Approve #${taskNumber}` }))
    ).click();
    const dialog = hannah.getByRole("dialog", { name: `Approve #${taskNumber}` });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Approve", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(hannah.getByRole("row").filter({ hasText: `#${taskNumber}` })).toHaveCount(0);
  });

  await test.step("Jordan sees it approved and with Figma's provisioners", async () => {
    await jordan.goto("/my-requests");
    const row = myRequestRow(jordan);
    await expect(row.getByText("Being provisioned", { exact: true })).toBeVisible();
    await expect(row).toContainText("Provisioning");
    await expect(row).toContainText("With Camille Dubois");
    await expect(row.getByRole("button", { name: /^Withdraw/ })).toHaveCount(0);
  });
});

test("a request without a reason shows the field error and sends nothing", async ({ page }) => {
  await page.goto("/sign-in");
  await signInAsDemoPerson(page, "Jordan Lee");
  await expect(page).toHaveURL(/\/apps$/);
  await page.goto("/my-requests");
  await (await whenInteractive(page.getByRole("link", { name: "Request access" }))).click();
  await expect(page).toHaveURL(/\/my-requests\/new$/);

  // Choose the app with the keyboard: type, then Enter on the highlighted match.
  const app = await whenInteractive(page.getByRole("combobox", { name: "Application" }));
  await app.fill("Zoo");
  // The search narrows the list on the server; the first match is the active option.
  const apps = page.getByRole("listbox", { name: "Applications" });
  await expect(apps.getByRole("option")).toHaveCount(1);
  await expect(apps.getByRole("option", { name: /^Zoom/ })).toBeVisible();
  await app.press("ArrowDown");
  await app.press("Enter");
  await expect(app).toHaveValue("Zoom");
  const options = page.getByRole("group", { name: "Access" }).getByRole("radio");
  await expect(options.first()).toBeVisible();
  const choice = options.and(page.locator(":enabled")).first();
  await choice.check();

  await page.getByRole("button", { name: "Send request" }).click();
  const reason = page.getByRole("textbox", { name: "Reason" });
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(reason).toHaveAccessibleDescription("Say why you need this access.");
  await expect(reason).toBeFocused();
  await expect(page).toHaveURL(/\/my-requests\/new$/);

  // A custom duration outside 1–365 days is refused the same way.
  await reason.fill("Hosting the quarterly all-hands webinar.");
  await page.getByLabel("For how long").selectOption("custom");
  await page.getByRole("spinbutton", { name: "Number of days" }).fill("400");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(
    page.getByText("A duration is a whole number of days, from 1 to 365."),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/my-requests\/new$/);
  await expectAccessible(page, "the request form with errors");
});
