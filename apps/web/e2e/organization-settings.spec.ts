import { type Page } from "@playwright/test";
import { expect, test } from "./support/test.ts";
import { trpcMutation, trpcQuery } from "./support/trpc.ts";
import { signInAsDemoPerson, whenInteractive } from "./support/ui.ts";

// Organization settings (issue 6): a super admin sets the public URL of deep links and turns
// off Slack notifications for new people; the form saves, normalizes the URL and shows the
// values after a reload. The demo database is shared by every spec: the public URL is set to
// the demo server's own address (deep links stay the same for other specs) and both values
// are put back afterwards.

interface Settings {
  publicUrl: string | null;
  slackNotificationsDefault: boolean;
}

let original: Settings | null = null;
let admin: Page | null = null;

test.afterEach(async () => {
  // Once, while the super admin's page is still open (each test closes its own).
  const [page, settings] = [admin, original];
  admin = null;
  original = null;
  if (page && settings) {
    await trpcMutation(page.request, "organization.update", {
      publicUrl: settings.publicUrl,
      slackNotificationsDefault: settings.slackNotificationsDefault,
    });
  }
});

test("a super admin changes the public URL and a notification default", async ({
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  await page.goto("/sign-in");
  await signInAsDemoPerson(page, "Alex Rivera");
  await expect(page).toHaveURL(/\/apps$/);
  admin = page;
  original = await trpcQuery<Settings>(page.request, "organization.settings", {});
  // Start from the seed's state, whatever an interrupted run left.
  await trpcMutation(page.request, "organization.update", {
    publicUrl: null,
    slackNotificationsDefault: true,
  });

  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Organization settings" });
  const url = section.getByRole("textbox", { name: "Public URL" });
  await whenInteractive(url);
  await expect(url).toHaveValue("");
  await expect(section.getByText("Used in deep links in emails and Slack.")).toBeVisible();
  await url.fill(`${origin}/`);
  const slack = section.getByRole("checkbox", { name: "Slack notifications for new people" });
  await expect(slack).toBeChecked();
  await slack.uncheck();
  await section.getByRole("button", { name: "Save organization settings" }).click();
  await expect(page.getByText("Organization settings saved")).toBeVisible();

  await page.reload();
  const after = page.getByRole("region", { name: "Organization settings" });
  await expect(after.getByRole("textbox", { name: "Public URL" })).toHaveValue(origin);
  await expect(
    after.getByRole("checkbox", { name: "Slack notifications for new people" }),
  ).not.toBeChecked();
  await expect(
    after.getByRole("checkbox", { name: "Email notifications for new people" }),
  ).toBeChecked();
  // The summary above says where links point now.
  await expect(
    page.getByRole("region", { name: "Organization", exact: true }).getByText(origin),
  ).toBeVisible();
});

test("a member does not see the organization settings", async ({ page }) => {
  await page.goto("/sign-in");
  await signInAsDemoPerson(page, "Jordan Lee");
  await expect(page).toHaveURL(/\/apps$/);
  await page.goto("/settings");
  await expect(page.getByRole("region", { name: "Your profile" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Organization settings" })).toHaveCount(0);
});
