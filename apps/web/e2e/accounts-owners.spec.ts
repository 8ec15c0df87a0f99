import { type Page } from "@playwright/test";
import { expect, test } from "./support/test.ts";
import { trpcMutation, trpcQuery } from "./support/trpc.ts";
import { signedIn, whenInteractive } from "./support/ui.ts";

// The Accounts tab (SPEC §4.1, §4.3, §4.4): the app owner of Salesforce (Daniel Kim) sets an
// account's owner by hand, resets it to the matched person, clears it, and makes the account a
// service account; each change shows in the row and survives a reload. A member who does not
// own the app is told who can see its accounts.
// The account (Tyler Morrison's Salesforce login) is used by no other spec; the test first puts
// it back as the seed has it (matched owner, type User), so it can run again.

const APP = "Salesforce";
const SEARCH = "tyler.morrison";
const NEW_OWNER = "Jordan Lee";

interface Row {
  id: string;
  name: string;
  owner: { displayName: string } | null;
  ownerSource: "MATCHED" | "MANUAL" | "CLEARED";
  evidence: { matchedOwner: { displayName: string } | null };
}

async function appIdOf(page: Page): Promise<string> {
  const apps = await trpcQuery<{ items: Array<{ id: string; name: string }> }>(
    page.request,
    "apps.list",
    { search: APP, limit: 10 },
  );
  const app = apps.items.find((a) => a.name === APP);
  expect(app, `the demo has ${APP}`).toBeDefined();
  return app!.id;
}

/** The account's row as the API lists it. */
async function accountOf(page: Page, appId: string): Promise<Row> {
  const list = await trpcQuery<{ items: Row[] }>(page.request, "accounts.list", {
    appId,
    search: SEARCH,
  });
  expect(list.items, `one ${APP} account matches "${SEARCH}"`).toHaveLength(1);
  return list.items[0]!;
}

/** The table row of the account, and its owner cell (the 4th column). */
const rowOf = (page: Page) =>
  page.getByRole("row").filter({ has: page.getByRole("link", { name: /Tyler Morrison/ }) });
const ownerCell = (page: Page) => rowOf(page).getByRole("cell").nth(3);

async function openMenu(page: Page, accountName: string) {
  const trigger = rowOf(page).getByRole("button", { name: `Actions for account ${accountName}` });
  await (await whenInteractive(trigger)).click();
  const menu = page.getByRole("menu");
  await expect(menu).toBeVisible();
  return menu;
}

test("an app owner sets, resets and clears an account's owner and makes it a service account", async ({
  browser,
}) => {
  const daniel = await signedIn(browser, "Daniel Kim");
  const appId = await appIdOf(daniel);

  // Back to the seed's state: the owner automatic mapping gives, type User.
  const initial = await accountOf(daniel, appId);
  await trpcMutation(daniel.request, "accounts.resetOwner", { accountId: initial.id });
  await trpcMutation(daniel.request, "accounts.setType", { accountId: initial.id, type: "USER" });
  const account = await accountOf(daniel, appId);
  const matched = account.owner?.displayName ?? null;
  expect(matched, "Tyler Morrison's account is matched to him by email").toBe("Tyler Morrison");

  await test.step("the Accounts tab lists the account with its matched owner", async () => {
    await daniel.goto(`/apps/${appId}/accounts?q=${SEARCH}`);
    await expect(ownerCell(daniel)).toContainText("Tyler Morrison");
    await expect(ownerCell(daniel)).toContainText("Matched");
    await expect(ownerCell(daniel)).toContainText(/by email /);
  });

  await test.step("Set account owner: Jordan Lee, by hand", async () => {
    const menu = await openMenu(daniel, account.name);
    await menu.getByRole("menuitem", { name: "Set account owner", exact: true }).click();
    const dialog = daniel.getByRole("dialog", { name: "Set account owner" });
    await dialog.getByRole("searchbox").fill(NEW_OWNER);
    await dialog.getByRole("radio", { name: new RegExp(NEW_OWNER) }).check();
    await dialog.getByRole("button", { name: "Set account owner" }).click();
    await expect(dialog).toBeHidden();
    await expect(daniel.getByText(`${NEW_OWNER} now owns ${account.name}`)).toBeVisible();
    await expect(ownerCell(daniel)).toContainText(NEW_OWNER);
    await expect(ownerCell(daniel)).toContainText("Manual");
    await expect(ownerCell(daniel)).toContainText("matched Tyler Morrison");
    await daniel.reload();
    await expect(ownerCell(daniel)).toContainText(NEW_OWNER);
    await expect(ownerCell(daniel)).toContainText("Manual");
  });

  await test.step("Reset account owner: back to the matched person", async () => {
    const menu = await openMenu(daniel, account.name);
    await menu.getByRole("menuitem", { name: "Reset account owner" }).click();
    await expect(daniel.getByText(`${account.name}: owner reset to Tyler Morrison`)).toBeVisible();
    await expect(ownerCell(daniel)).toContainText("Matched");
    await expect(ownerCell(daniel)).not.toContainText(NEW_OWNER);
    await daniel.reload();
    await expect(ownerCell(daniel)).toContainText("Tyler Morrison");
    await expect(ownerCell(daniel)).toContainText("Matched");
    // Already matched: nothing to reset.
    const again = await openMenu(daniel, account.name);
    await expect(again.getByRole("menuitem", { name: "Reset account owner" })).toBeDisabled();
    await daniel.keyboard.press("Escape");
  });

  await test.step("Clear account owner: nobody owns it", async () => {
    const menu = await openMenu(daniel, account.name);
    await menu.getByRole("menuitem", { name: "Clear account owner" }).click();
    await expect(daniel.getByText(`${account.name} has no owner now`)).toBeVisible();
    await expect(ownerCell(daniel)).toContainText("Cleared");
    await daniel.reload();
    await expect(ownerCell(daniel)).toContainText("Cleared");
    await expect(ownerCell(daniel)).toContainText("matched Tyler Morrison");
  });

  await test.step("Set account type: Service account", async () => {
    const menu = await openMenu(daniel, account.name);
    await menu.getByRole("menuitem", { name: "Set account type" }).click();
    const dialog = daniel.getByRole("dialog", { name: "Set account type" });
    await dialog.getByRole("radio", { name: /Service account/ }).check();
    await dialog.getByRole("button", { name: "Update account type" }).click();
    await expect(dialog).toBeHidden();
    await expect(daniel.getByText(`${account.name} is now a service account`)).toBeVisible();
    const typeCell = rowOf(daniel).getByRole("cell").nth(2);
    await expect(typeCell).toContainText("Service account");
    await expect(typeCell).toContainText("set manually");
    await daniel.reload();
    await expect(typeCell).toContainText("Service account");
    await expect(typeCell).toContainText("set manually");
  });

  await test.step("the filters and the CSV export agree", async () => {
    await daniel.getByRole("combobox", { name: "Type" }).selectOption("SERVICE");
    await expect(daniel).toHaveURL(/type=service/);
    await expect(rowOf(daniel)).toBeVisible();
    const href = await daniel.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    expect(href).toContain(`q=${SEARCH}`);
    expect(href).toContain("type=service");
    const csv = await daniel.request.get(href!);
    expect(csv.ok()).toBe(true);
    expect(csv.headers()["content-disposition"]).toMatch(
      /attachment; filename="salesforce-accounts-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("SERVICE");
    expect(lines[1]).toContain("Cleared");
  });

  await daniel.context().close();
});

test("a member who does not own the app is told who can see its accounts", async ({ browser }) => {
  const jordan = await signedIn(browser, "Jordan Lee");
  const appId = await appIdOf(jordan);
  await jordan.goto(`/apps/${appId}/accounts`);
  await expect(
    jordan.getByRole("heading", { name: `You can’t see the accounts of ${APP}` }),
  ).toBeVisible();
  await expect(
    jordan.getByText(/Only super admins and the owners of Salesforce \(Daniel Kim\)/),
  ).toBeVisible();
  const csv = await jordan.request.get(`/api/apps/${appId}/accounts/export`);
  expect(csv.status()).toBe(403);
  await jordan.context().close();
});
