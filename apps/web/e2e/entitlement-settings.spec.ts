import { type Page } from "@playwright/test";
import { expect, test } from "./support/test.ts";
import { trpcMutation, trpcQuery } from "./support/trpc.ts";
import { signedIn, whenInteractive } from "./support/ui.ts";

// Entitlement settings (issue 6): Salesforce's owner (Daniel Kim) adds an entitlement, makes it
// provisioned by the connector under another request policy, then clears the policy and sees
// the inherited one; a super admin (Alex Rivera) sets a revocation policy on two entitlements
// at once; a member (Jordan Lee) sees no Settings tab and no Add entitlement.
// Every entitlement this spec adds has a unique name, so runs and retries do not collide.

const APP = "Salesforce";

interface PolicyOption {
  id: string;
  name: string;
}
interface Settings {
  owners: Array<{ displayName: string }>;
  provisioningStrategy: "MANUAL" | "CONNECTOR";
  policies: { request: { name: string; source: string } | null };
  settings: {
    requestPolicyId: string | null;
    revocationPolicyId: string | null;
    inherited: { request: { name: string } | null; revocation: { name: string } | null };
  };
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

const unique = (what: string) =>
  `${what} ${Date.now().toString(36)}-${test.info().retry}-${Math.random().toString(36).slice(2, 6)}`;

const entitlementOf = (page: Page, id: string) =>
  trpcQuery<Settings>(page.request, "entitlements.byId", { id });

test("an app owner adds an entitlement, changes its owners, strategy and request policy, then inherits again", async ({
  browser,
}) => {
  const page = await signedIn(browser, "Daniel Kim");
  const appId = await appIdOf(page);
  const name = unique("E2E report viewer");

  await page.goto(`/apps/${appId}/entitlements`);
  await (await whenInteractive(page.getByRole("button", { name: "Add entitlement" }))).click();
  const dialog = page.getByRole("dialog", { name: "Add entitlement" });
  await dialog.getByLabel("Display name").fill(name);
  await expect(
    dialog.getByRole("group", { name: "Provisioning strategy", exact: true }).getByRole("radio", {
      name: "Manual",
    }),
  ).toBeChecked();
  await dialog.getByRole("button", { name: "Add entitlement" }).click();
  await expect(page).toHaveURL(new RegExp(`/apps/${appId}/entitlements/[0-9a-f-]{36}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  const entitlementId = page.url().split("/").at(-1)!;
  const created = await entitlementOf(page, entitlementId);
  expect(created.provisioningStrategy).toBe("MANUAL");
  const inheritedName = created.settings.inherited.request?.name;
  expect(inheritedName, "Salesforce or the organization has a default request policy").toBeTruthy();

  // Settings: an owner, the connector provisions it, under another request policy.
  const options = await trpcQuery<PolicyOption[]>(page.request, "policies.options", undefined);
  const other = options.find((p) => p.name !== inheritedName);
  expect(other, "the demo has a second policy").toBeDefined();
  await page
    .getByRole("navigation", { name: "Entitlement sections" })
    .getByRole("link", { name: "Settings" })
    .click();
  await expect(page).toHaveURL(/\/settings$/);
  const connector = page
    .getByRole("group", { name: "Provisioning strategy", exact: true })
    .getByRole("radio", { name: "Connector" });
  await (await whenInteractive(connector)).check();
  await page.getByRole("searchbox", { name: "Search people to add as owners" }).fill("Jordan Lee");
  await page.getByRole("checkbox", { name: /Jordan Lee/ }).check();
  await expect(page.getByRole("list", { name: "Chosen owners" })).toContainText("Jordan Lee");
  await page.getByLabel("Request policy").selectOption({ label: other!.name });
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  await expect
    .poll(async () => (await entitlementOf(page, entitlementId)).settings.requestPolicyId)
    .toBe(other!.id);
  const saved = await entitlementOf(page, entitlementId);
  expect(saved.provisioningStrategy).toBe("CONNECTOR");
  expect(saved.owners.map((o) => o.displayName)).toEqual(["Jordan Lee"]);

  await page.reload();
  await expect(
    page.getByRole("group", { name: "Provisioning strategy", exact: true }).getByRole("radio", {
      name: "Connector",
    }),
  ).toBeChecked();
  const requestPolicy = page.getByLabel("Request policy");
  await expect(requestPolicy).toHaveValue(other!.id);

  // Cleared: the inherited policy is named, and applies again.
  await (await whenInteractive(requestPolicy)).selectOption({ value: "" });
  await expect(requestPolicy.locator("option:checked")).toHaveText(
    new RegExp(`^Inherit: ${inheritedName} \\(the (app|organization)'s default\\)$`),
  );
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  await expect
    .poll(async () => (await entitlementOf(page, entitlementId)).policies.request?.name)
    .toBe(inheritedName);
  await page.reload();
  await expect(page.getByLabel("Request policy")).toHaveValue("");
  await page.context().close();
});

test("a super admin sets a revocation policy on two selected entitlements", async ({ browser }) => {
  const page = await signedIn(browser, "Alex Rivera");
  const appId = await appIdOf(page);
  const names = [unique("E2E bulk one"), unique("E2E bulk two")];
  const ids: string[] = [];
  for (const displayName of names) {
    const created = await trpcMutation<{ id: string }>(page.request, "entitlements.create", {
      appId,
      displayName,
    });
    ids.push(created.id);
  }
  const options = await trpcQuery<PolicyOption[]>(page.request, "policies.options", undefined);
  const policy = options.at(-1)!;

  await page.goto(`/apps/${appId}/entitlements`);
  for (const name of names) {
    await (await whenInteractive(page.getByRole("checkbox", { name: `Select ${name}` }))).check();
  }
  const bar = page.getByRole("region", { name: "Bulk actions" });
  await expect(bar).toContainText("2 selected");
  await bar.getByRole("button", { name: "Set policy…" }).click();
  const dialog = page.getByRole("dialog", { name: "Set policy" });
  await dialog.getByRole("radio", { name: "Revocation policy" }).check();
  await dialog.getByLabel("Policy", { exact: true }).selectOption({ label: policy.name });
  await dialog.getByRole("button", { name: "Set policy" }).click();
  await expect(page.getByText("Updated 2 entitlements")).toBeVisible();
  await expect(bar).toBeHidden();
  for (const id of ids) {
    expect((await entitlementOf(page, id)).settings.revocationPolicyId).toBe(policy.id);
  }
  await page.context().close();
});

test("a member sees no Settings tab, no Add entitlement and no selection", async ({ browser }) => {
  const page = await signedIn(browser, "Jordan Lee");
  const appId = await appIdOf(page);
  await page.goto(`/apps/${appId}/entitlements`);
  const first = page.getByRole("table").getByRole("link").first();
  await expect(first).toBeVisible();
  await expect(page.getByRole("button", { name: "Add entitlement" })).toHaveCount(0);
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  await first.click();
  const tabs = page.getByRole("navigation", { name: "Entitlement sections" });
  await expect(tabs.getByRole("link", { name: "Details" })).toBeVisible();
  await expect(tabs.getByRole("link", { name: "Settings" })).toHaveCount(0);
  await page.context().close();
});
