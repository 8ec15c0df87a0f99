import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { expect, test } from "./support/test.ts";
import { signedIn, whenInteractive } from "./support/ui.ts";

// Add application and App settings (issue 6): a super admin (Alex Rivera) adds an application,
// names its owner (Hannah Okafor) and provisioner (Marcus Chen), writes its provisioning
// instructions and sees them rendered in the preview, sets its default request policy; the
// Overview then shows the instructions and the people. The owner sees the Settings tab; a
// member (Jordan Lee) sees neither Add application nor Settings, and the settings URL tells
// them who can change the app. Each run adds its own uniquely named app.

const POLICY = "App owner review";

/** axe's WCAG 2.1 A/AA rules, on the page or only inside `within` (e.g. a dialog). */
async function expectAccessible(page: Page, what: string, within?: string) {
  const axe = new AxeBuilder({ page });
  if (within) axe.include(within);
  const results = await axe.withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const problems = results.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(problems, `${what} has accessibility violations`).toEqual([]);
}

/** Chooses `person` in the people picker of `role` (Owners, Provisioners, Deprovisioners). */
async function choose(page: Page, role: string, person: string) {
  const group = page.getByRole("group", { name: role, exact: true });
  await group
    .getByRole("searchbox", { name: `Search people to add as ${role.toLowerCase()}` })
    .fill(person);
  await group.getByRole("checkbox", { name: new RegExp(person) }).check();
  await expect(group.getByRole("list", { name: `Chosen ${role.toLowerCase()}` })).toContainText(
    person,
  );
}

test("a super admin adds an application and configures it; a member cannot", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const name = `Settings E2E ${Date.now().toString(36)}`;
  const admin = await signedIn(browser, "Alex Rivera");

  // Add application → the new app's Settings tab.
  await (await whenInteractive(admin.getByRole("button", { name: "Add application" }))).click();
  const dialog = admin.getByRole("dialog", { name: "Add application" });
  await dialog.getByRole("textbox", { name: "Name" }).fill(name);
  await dialog
    .getByRole("textbox", { name: "Description" })
    .fill("Whiteboards for the design team");
  await expectAccessible(admin, "the Add application dialog", '[role="dialog"]');
  await dialog.getByRole("button", { name: "Add application" }).click();
  await expect(admin).toHaveURL(/\/apps\/[0-9a-f-]{36}\/settings$/);
  const appUrl = admin.url().replace(/\/settings$/, "");
  await expect(admin.getByRole("heading", { level: 1 })).toContainText(name);
  const sections = admin.getByRole("navigation", { name: "App sections" });
  await expect(sections.getByRole("link", { name: "Settings" })).toHaveAttribute(
    "aria-current",
    "page",
  );

  // People: an owner and a provisioner, saved together.
  await whenInteractive(admin.getByRole("button", { name: "Save people" }));
  await choose(admin, "Owners", "Hannah Okafor");
  await choose(admin, "Provisioners", "Marcus Chen");
  await admin.getByRole("button", { name: "Save people" }).click();
  await expect(admin.getByText("People saved")).toBeVisible();

  // Instructions: Markdown, previewed before saving.
  const editor = admin.getByRole("group", { name: "Provisioning instructions", exact: true });
  await editor
    .getByRole("textbox", { name: "Provisioning instructions", exact: true })
    .fill("## Before you start\n1. Open the **Admin console**\n2. Invite the person by email");
  await editor.getByRole("tab", { name: "Preview" }).click();
  const preview = editor.getByRole("tabpanel");
  await expect(preview.getByRole("heading", { name: "Before you start" })).toBeVisible();
  await expect(preview.locator("strong")).toHaveText("Admin console");
  // The "People saved" toast fades out after 6 s; scanned mid-fade, its text is half
  // transparent and fails the contrast rule. Scan once it is gone.
  await expect(admin.locator("[data-sonner-toast]")).toHaveCount(0);
  await expectAccessible(admin, "App settings (people chosen, instructions previewed)");
  await admin.getByRole("button", { name: "Save instructions" }).click();
  await expect(admin.getByText("Instructions saved")).toBeVisible();

  // Policies: the default request policy, kept across a reload.
  const requestPolicy = admin.getByRole("combobox", { name: "Default request policy" });
  await expect(requestPolicy.locator("option").first()).toHaveText(/^Inherit/);
  await requestPolicy.selectOption({ label: POLICY });
  await admin.getByRole("button", { name: "Save policies" }).click();
  await expect(admin.getByText("Policies saved")).toBeVisible();
  await admin.reload();
  await expect(
    admin.getByRole("combobox", { name: "Default request policy" }).locator("option:checked"),
  ).toHaveText(POLICY);
  await expect(admin.getByRole("list", { name: "Chosen owners" })).toContainText("Hannah Okafor");

  // The Overview shows what was set.
  await sections.getByRole("link", { name: "Overview" }).click();
  const instructions = admin.getByRole("region", {
    name: "Provisioning instructions",
    exact: true,
  });
  await expect(instructions.getByRole("heading", { name: "Before you start" })).toBeVisible();
  await expect(instructions).toContainText("Admin console");
  await expect(admin.getByRole("region", { name: "Owners" })).toContainText("Hannah Okafor");
  await expect(admin.getByRole("region", { name: "Provisioners", exact: true })).toContainText(
    "Marcus Chen",
  );
  await expect(admin.getByRole("region", { name: "Policies" })).toContainText(POLICY);

  // The … menu leads to the settings too.
  await (
    await whenInteractive(admin.getByRole("button", { name: `More actions for ${name}` }))
  ).click();
  await admin.getByRole("menuitem", { name: "App settings" }).click();
  await expect(admin).toHaveURL(`${appUrl}/settings`);
  await admin.context().close();

  // The owner has the Settings tab.
  const owner = await signedIn(browser, "Hannah Okafor");
  await owner.goto(appUrl);
  await expect(
    owner.getByRole("navigation", { name: "App sections" }).getByRole("link", { name: "Settings" }),
  ).toBeVisible();
  await owner.context().close();

  // A member: no Add application, no Settings tab, and the settings URL says who can.
  const member = await signedIn(browser, "Jordan Lee");
  await expect(member.getByRole("heading", { name: "Applications", level: 1 })).toBeVisible();
  await expect(member.getByRole("button", { name: "Add application" })).toHaveCount(0);
  await member.goto(appUrl);
  const tabs = member.getByRole("navigation", { name: "App sections" });
  await expect(tabs.getByRole("link", { name: "Overview" })).toBeVisible();
  await expect(tabs.getByRole("link", { name: "Settings" })).toHaveCount(0);
  await member.goto(`${appUrl}/settings`);
  await expect(
    member.getByRole("heading", { name: `You can’t change the settings of ${name}` }),
  ).toBeVisible();
  await expect(
    member.getByText(/Only the app’s owners \(Hannah Okafor\) and super admins/),
  ).toBeVisible();
  await expect(member.getByRole("button", { name: "Save details" })).toHaveCount(0);
  await member.context().close();
});
