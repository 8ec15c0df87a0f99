import { type Page } from "@playwright/test";
import { expect, test } from "./support/test.ts";
import { trpcMutation, trpcQuery } from "./support/trpc.ts";
import { signedIn, whenInteractive } from "./support/ui.ts";

// The people directory (issue 6): a super admin filters the directory, adds a person, changes
// their manager and role, and suspends them with a reason; the account they own says so.
// Each run adds its own uniquely named person; the account they own is Kelsey Fox's GitHub
// login (an unowned contractor account no other spec uses), given to them through the API.

const STAMP = Date.now().toString(36);

/** The directory's body rows' names. */
const directoryNames = (page: Page) =>
  page
    .getByRole("table")
    .getByRole("row")
    .filter({ has: page.getByRole("cell") });

test("a super admin filters people, adds a person, changes their manager and role, and suspends them", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await signedIn(browser, "Alex Rivera");

  // Filter the directory: super admins, then people without a manager (URL parameters).
  await page.goto("/users");
  const role = await whenInteractive(page.getByRole("combobox", { name: /^Role/ }));
  await role.selectOption({ label: "Super admins" });
  await expect(page).toHaveURL(/role=super_admin/);
  await expect(directoryNames(page).filter({ hasText: "Priya Shah" })).toHaveCount(1);
  await expect(directoryNames(page).filter({ hasText: "Marcus Chen" })).toHaveCount(0);
  await page.getByRole("checkbox", { name: "Has no manager" }).check();
  await expect(page).toHaveURL(/nomanager=1/);
  await expect(directoryNames(page).filter({ hasText: "Priya Shah" })).toHaveCount(0);

  // Open a person page from the directory.
  await page.goto("/users?q=Marcus%20Chen");
  await page.getByRole("link", { name: /Marcus Chen/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Marcus Chen");
  await expect(page.getByRole("region", { name: "Manager and reports" })).toContainText(
    "Alex Rivera",
  );

  // Add a person.
  const family = `People${STAMP}`;
  const name = `Quinn ${family}`;
  const email = `quinn.${STAMP}@northwind.example`;
  await page.goto("/users");
  await (await whenInteractive(page.getByRole("button", { name: "Add person" }))).click();
  const add = page.getByRole("dialog", { name: "Add person" });
  await add.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await add.getByRole("textbox", { name: "Given name", exact: true }).fill("Quinn");
  await add.getByRole("textbox", { name: "Family name", exact: true }).fill(family);
  await add.getByRole("textbox", { name: /^Title/ }).fill("Field Engineer");
  await add.getByRole("button", { name: "Add person" }).click();
  await expect(page).toHaveURL(/\/users\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  const userId = page.url().split("/").pop()!;

  // Change their manager.
  await (await whenInteractive(page.getByRole("button", { name: "Change manager" }))).click();
  const managerDialog = page.getByRole("dialog", { name: "Change manager" });
  await managerDialog.getByRole("searchbox").fill("Hannah Okafor");
  await managerDialog.getByRole("radio", { name: /Hannah Okafor/ }).check();
  await managerDialog.getByRole("button", { name: "Change manager" }).click();
  await expect(managerDialog).toBeHidden();
  await expect(page.getByRole("region", { name: "Manager and reports" })).toContainText(
    "Hannah Okafor",
  );
  await expect(page.getByRole("region", { name: "History" })).toContainText(
    "Manager changed from no manager to Hannah Okafor",
  );

  // Change their role.
  await page.getByRole("button", { name: "Change role" }).click();
  const roleDialog = page.getByRole("dialog", { name: "Change role" });
  await roleDialog.getByRole("radio", { name: /Super admin/ }).check();
  await roleDialog.getByRole("button", { name: "Change role" }).click();
  await expect(roleDialog).toBeHidden();
  await expect(page.getByRole("region", { name: "History" })).toContainText(
    "Role changed from Member to Super admin",
  );

  // Give them an account: Kelsey Fox's GitHub login (set up through the API).
  const apps = await trpcQuery<{ items: Array<{ id: string; name: string }> }>(
    page.request,
    "apps.list",
    { search: "GitHub", limit: 10 },
  );
  const github = apps.items.find((a) => a.name === "GitHub")!;
  const accounts = await trpcQuery<{ items: Array<{ id: string }> }>(
    page.request,
    "accounts.list",
    {
      appId: github.id,
      search: "kfox-contractor",
    },
  );
  expect(accounts.items).toHaveLength(1);
  const accountId = accounts.items[0]!.id;
  await trpcMutation(page.request, "accounts.setOwner", { accountId, userId });

  // Suspend them with a reason.
  await page.reload();
  await (await whenInteractive(page.getByRole("button", { name: "Change status" }))).click();
  const statusDialog = page.getByRole("dialog", { name: "Change status" });
  await statusDialog.getByRole("radio", { name: /Suspended/ }).check();
  await statusDialog.getByRole("button", { name: "Change status" }).click();
  await expect(statusDialog.getByText(`Say why ${name} is suspended.`)).toBeVisible();
  await statusDialog.getByLabel("Reason").fill(`Leave of absence ${STAMP}`);
  await statusDialog.getByRole("button", { name: "Change status" }).click();
  await expect(statusDialog).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Suspended");

  // The account they own says so: when, by whom and why.
  await page
    .getByRole("region", { name: "Accounts" })
    .getByRole("link", { name: "kfox-contractor" })
    .click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${accountId}$`));
  await expect(
    page.getByText(/^Owner suspended on .+ by Alex Rivera: Leave of absence/),
  ).toContainText(STAMP);
});
