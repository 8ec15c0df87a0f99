import { type Page } from "@playwright/test";
import { expect, test } from "./support/test.ts";
import { trpcQuery } from "./support/trpc.ts";
import { signedIn, whenInteractive } from "./support/ui.ts";

// The Auditor role (issue 16, SPEC §8): the demo's internal auditor, Avery Auditor, reads
// what a super admin reads — the audit log and its export, an app's accounts and settings, an
// account's grants, the people, the policies, the organization's settings — and finds nothing
// that changes anything: no Add person, no Save, no New policy; a Revoke button only says who
// can. The server refuses a change sent by hand. Nothing here changes the shared demo data.

const AUDITOR = "Avery Auditor";
const APP = "Salesforce";
const ACCOUNT = "tyler.morrison";

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

test("the auditor reads the audit log, an app's accounts and an account's access, and may revoke nothing", async ({
  browser,
}) => {
  const avery = await signedIn(browser, AUDITOR);
  const appId = await appIdOf(avery);

  await test.step("the audit log and its export", async () => {
    await avery.goto("/audit");
    const table = avery.getByRole("table", { name: "Audit log events, newest first" });
    await expect(
      table
        .getByRole("row")
        .filter({ has: avery.getByRole("cell") })
        .first(),
    ).toBeVisible();
    await expect(avery.getByRole("link", { name: "Export CSV" })).toHaveAttribute(
      "href",
      /\/api\/audit\/export/,
    );
  });

  await test.step("the app's Accounts tab, without account actions", async () => {
    await avery.goto(`/apps/${appId}`);
    await avery.getByRole("link", { name: /^Accounts/ }).click();
    await expect(avery).toHaveURL(new RegExp(`/apps/${appId}/accounts`));
    await avery.goto(`/apps/${appId}/accounts?q=${ACCOUNT}`);
    const row = avery
      .getByRole("row")
      .filter({ has: avery.getByRole("link", { name: /Tyler Morrison/ }) });
    await expect(row).toBeVisible();
    await expect(avery.getByRole("button", { name: /^Actions for account / })).toHaveCount(0);
    await expect(avery.getByRole("link", { name: "Export CSV" })).toBeVisible();
    await row.getByRole("link", { name: /Tyler Morrison/ }).click();
    await expect(avery).toHaveURL(new RegExp(`/apps/${appId}/accounts/[0-9a-f-]+`));
  });

  await test.step("the account's grants: Revoke only says who can", async () => {
    const revoke = avery.getByRole("button", { name: /^Revoke / }).first();
    await expect(revoke).toHaveAttribute("title", /You cannot revoke this access/);
    await (await whenInteractive(revoke)).click();
    const dialog = avery.getByRole("dialog", { name: "Revoke access" });
    await expect(dialog).toContainText("Only a super admin");
    await expect(dialog.getByRole("textbox", { name: "Reason" })).toHaveCount(0);
    await expect(dialog.getByRole("button", { name: "Revoke", exact: true })).toHaveCount(0);
    await avery.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
  });

  await test.step("the app's settings, read-only", async () => {
    await avery.goto(`/apps/${appId}/settings`);
    await expect(avery.getByText(/You can read the settings of Salesforce/)).toBeVisible();
    await expect(avery.getByRole("textbox", { name: "Name" }).first()).toBeDisabled();
    await expect(avery.getByRole("button", { name: /^Save / })).toHaveCount(0);
    await expect(avery.getByRole("button", { name: "Change account mapping" })).toHaveCount(0);
  });

  await avery.context().close();
});

test("the auditor reads people, policies and settings, with nothing to change", async ({
  browser,
}) => {
  const avery = await signedIn(browser, AUDITOR);

  await test.step("Users: everyone, no Add person or Import people, no Change role", async () => {
    await avery.goto("/users?q=jordan.lee");
    const jordan = avery.getByRole("link", { name: /^Jordan Lee jordan\.lee@/ });
    await expect(jordan).toBeVisible();
    await expect(avery.getByRole("button", { name: "Add person" })).toHaveCount(0);
    await expect(avery.getByRole("link", { name: "Import people" })).toHaveCount(0);
    await expect(avery.getByRole("button", { name: "Import people" })).toHaveCount(0);
    await jordan.click();
    await expect(avery).toHaveURL(/\/users\/[0-9a-f-]+$/);
    await expect(avery.getByRole("heading", { name: /Jordan Lee/ })).toBeVisible();
    await expect(avery.getByRole("button", { name: "Change role" })).toHaveCount(0);
  });

  await test.step("Policies: listed, no New policy", async () => {
    await avery.goto("/policies");
    await expect(avery.getByRole("heading", { name: "Policies", exact: true })).toBeVisible();
    await expect(avery.getByRole("table")).toBeVisible();
    await expect(avery.getByRole("link", { name: "New policy" })).toHaveCount(0);
  });

  await test.step("Settings: the organization's settings disabled, no Save", async () => {
    await avery.goto("/settings");
    await expect(avery.getByText("Auditor", { exact: true })).toBeVisible();
    await expect(avery.getByRole("textbox", { name: "Organization name" })).toBeDisabled();
    await expect(
      avery.getByText("You can read these settings; only super admins can change them."),
    ).toBeVisible();
    await expect(avery.getByRole("button", { name: "Save organization settings" })).toHaveCount(0);
  });

  await test.step("a change sent by hand is refused", async () => {
    const response = await avery.request.post("/api/trpc/organization.update", {
      data: { json: { name: "Audited Labs" } },
    });
    expect(response.status()).toBe(403);
    const organization = await trpcQuery<{ name: string }>(avery.request, "organization.get", {});
    expect(organization.name).toBe("Northwind Labs");
  });

  await avery.context().close();
});
