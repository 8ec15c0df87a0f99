import { DEMO_SIGN_IN_PEOPLE } from "@lantern/seed";
import { expect, test } from "./support/test.ts";
import {
  appRow,
  appRows,
  appsTable,
  demoSection,
  expectSignedInAs,
  openAccountMenu,
  signInAsDemoPerson,
  whenInteractive,
} from "./support/ui.ts";

// Demo mode (embedded database, demo organization Northwind Labs): the first thing a person
// trying Lantern does.
test("a signed-out visitor signs in to the demo as Marcus Chen and looks around", async ({
  page,
}) => {
  await test.step("signed out, /apps sends to sign-in and remembers the page", async () => {
    await page.goto("/apps");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fapps$/);
    await expect(page.getByRole("heading", { name: "Sign in to Lantern" })).toBeVisible();
  });

  await test.step("the demo section lists the featured people", async () => {
    const demo = demoSection(page);
    await expect(demo).toBeVisible();
    await expect(demo.getByText("pick anyone in Northwind Labs")).toBeVisible();
    for (const person of DEMO_SIGN_IN_PEOPLE) {
      const button = demo.getByRole("button", { name: `Sign in as ${person.name}` });
      await expect(button).toBeVisible();
      await expect(button).toContainText(person.description);
    }
    await expect(
      demo.getByRole("button", { name: "Sign in as Alex Rivera" }).getByText("Admin", {
        exact: true,
      }),
    ).toBeVisible();
  });

  await test.step("signing in as Marcus Chen lands on Applications", async () => {
    await signInAsDemoPerson(page, "Marcus Chen");
    await expect(page).toHaveURL(/\/apps$/);
    await expect(page.getByRole("heading", { level: 1, name: "Applications" })).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Application lists" }).getByRole("link", {
        name: "Managed apps",
      }),
    ).toHaveAttribute("aria-current", "page");
    await expectSignedInAs(page, "Marcus Chen");
    await expect(page.getByText("Northwind Labs").first()).toBeVisible();
  });

  await test.step("the managed apps table lists apps with owners and account counts", async () => {
    await expect(appsTable(page).getByRole("columnheader")).toHaveText([
      "Application",
      "Owners",
      "Accounts",
      "Entitlements",
    ]);
    for (const name of ["GitHub", "Salesforce", "Slack", "AWS", "Okta"]) {
      await expect(appRow(page, name)).toHaveCount(1);
    }
    const github = appRow(page, "GitHub").getByRole("cell");
    await expect(github.nth(1)).toContainText("Robert Anderson");
    await expect(github.nth(1)).toContainText("Emma Johansson");
    await expect(github.nth(2)).toHaveText(/^[1-9][\d,]*$/);
    await expect(github.nth(3)).toHaveText("5");
    await expect(appRow(page, "Salesforce").getByRole("cell").nth(1)).toContainText("Daniel Kim");
    await expect(appRow(page, "Salesforce").getByRole("cell").nth(2)).toHaveText(/^[1-9][\d,]*$/);
  });

  await test.step("the navigation shows open Requests and Revocations", async () => {
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const label of ["Requests", "Revocations"]) {
      const link = nav.getByRole("link", { name: new RegExp(`^${label}`) });
      await expect(link).toBeVisible();
      // The badge: "<n> open" for screen readers, the number on screen.
      await expect(link).toHaveAccessibleName(new RegExp(`^${label} [1-9]\\d* open$`));
      await expect(link).toHaveText(new RegExp(`^${label}[1-9]\\d*\\+?$`));
    }
  });

  await test.step('searching "sales" narrows the table to Salesforce', async () => {
    const search = await whenInteractive(
      page.getByRole("searchbox", { name: "Search applications" }),
    );
    await search.fill("sales");
    await expect(page).toHaveURL(/\/apps\?q=sales$/);
    await expect(appRows(page)).toHaveCount(1);
    await expect(appRow(page, "Salesforce")).toBeVisible();
    await search.fill("");
    await expect(page).toHaveURL(/\/apps$/);
    await expect(appRow(page, "GitHub")).toBeVisible();
  });

  await test.step("GitHub's page shows owners, provisioners, entitlements and instructions", async () => {
    await appRow(page, "GitHub").getByRole("link", { name: "GitHub", exact: true }).click();
    await expect(page).toHaveURL(/\/apps\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("GitHub");
    await expect(page).toHaveTitle("GitHub · Lantern");
    await expect(
      page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", {
        name: "Applications",
      }),
    ).toBeVisible();

    const section = (title: string) =>
      page
        .locator("section")
        .filter({ has: page.getByRole("heading", { name: title, exact: true }) });
    const owners = section("Owners").getByRole("listitem");
    await expect(owners).toHaveCount(2);
    await expect(owners.filter({ hasText: "Robert Anderson" })).toContainText(
      "robert.anderson@northwind.example",
    );
    await expect(owners.filter({ hasText: "Emma Johansson" })).toContainText(
      "emma.johansson@northwind.example",
    );
    await expect(section("Provisioners").getByRole("listitem")).toHaveText([/Marcus Chen/]);
    await expect(section("Deprovisioners").getByRole("listitem")).toHaveText([/Marcus Chen/]);

    const entitlements = section("Entitlements").getByRole("table");
    for (const name of [
      "Organization member",
      "Write: product repositories",
      "Admin: infrastructure repositories",
      "Organization owner",
      "GitHub Copilot Business seat",
    ]) {
      await expect(entitlements.getByRole("row").filter({ hasText: name })).toHaveCount(1);
    }
    await expect(
      entitlements.getByRole("row").filter({ hasText: "GitHub Copilot Business seat" }),
    ).toContainText("Connector");

    // Markdown is rendered (a list and a link), not shown as source.
    const instructions = section("Provisioning instructions");
    await expect(
      instructions.getByRole("link", { name: "People → Invite member" }),
    ).toHaveAttribute("href", "https://github.com/orgs/northwind-labs/people");
    await expect(instructions.getByRole("listitem").first()).toContainText(
      "Get the person's GitHub username",
    );
    await expect(instructions.getByText("**", { exact: false })).toHaveCount(0);
  });

  await test.step("signing out from the account menu goes back to sign-in", async () => {
    const menu = await openAccountMenu(page);
    await expect(menu).toContainText("Marcus Chen");
    await expect(menu).toContainText("Member · Northwind Labs");
    await menu.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("heading", { name: "Sign in to Lantern" })).toBeVisible();
    await page.goto("/apps");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fapps$/);
  });
});
