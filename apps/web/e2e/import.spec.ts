import { type Page } from "@playwright/test";
import { personIn } from "./support/tasks.ts";
import { expect, test } from "./support/test.ts";
import { trpcQuery } from "./support/trpc.ts";
import { whenInteractive } from "./support/ui.ts";

// Import of accounts through the app's … menu (SPEC §4.6): a small CSV is uploaded and its
// summary shown; a file with a bad row is refused whole, with the row's line and reason, and
// nothing of it lands. Rerun-safe: the good file's accounts keep their externalIds, so a
// second run finds them unchanged. People: the Users page's Import people refuses a bad file.

const ADMIN = "Alex Rivera";
const APP = "NetSuite";
const HEADER = "externalId,login,emails,givenName,familyName,displayName,status,type,lastLoginAt";

async function appId(page: Page) {
  const apps = await trpcQuery<{ items: Array<{ id: string; name: string }> }>(
    page.request,
    "apps.list",
    { search: APP, limit: 10 },
  );
  return apps.items.find((a) => a.name === APP)!.id;
}

async function openImport(page: Page, id: string) {
  await page.goto(`/apps/${id}`);
  await (
    await whenInteractive(page.getByRole("button", { name: `More actions for ${APP}` }))
  ).click();
  await page.getByRole("menuitem", { name: "Import accounts…" }).click();
  const dialog = page.getByRole("dialog", { name: "Import accounts" });
  await expect(dialog).toBeVisible();
  return dialog;
}

const accountRows = (page: Page) => page.getByRole("row").filter({ has: page.getByRole("cell") });

test("a CSV of accounts is imported through the dialog; a bad file changes nothing", async ({
  browser,
}) => {
  const { page, context } = await personIn(browser, ADMIN);
  const id = await appId(page);

  await test.step("upload two accounts: the summary says what happened", async () => {
    const dialog = await openImport(page, id);
    await expect(dialog.getByLabel("What the file holds")).toHaveValue("accounts");
    await expect(dialog.getByRole("radio", { name: "Incremental" })).toBeChecked();
    await dialog.getByLabel("File", { exact: true }).setInputFiles({
      name: "netsuite-contractors.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        [
          HEADER,
          "e2e-import-1,qharlow,quinn.harlow@partner.example,Quinn,Harlow,Quinn Harlow,ACTIVE,USER,",
          "e2e-import-2,e2e-sync,,,,E2E Sync Bot,ACTIVE,SERVICE,",
        ].join("\n"),
      ),
    });
    await dialog.getByRole("button", { name: "Import" }).click();
    await expect(dialog).toContainText("netsuite-contractors.csv imported.");
    await expect(dialog).toContainText(/Accounts\s*2 rows: \d created, \d updated, \d unchanged/);
    // A rerun finds the accounts unchanged: nothing to re-map.
    await expect(dialog).toContainText(
      /Owners\s*(\d+ accounts re-mapped|No account changed: owners stay as they were)/,
    );
    await dialog.getByRole("button", { name: "Done" }).click();
    await page.goto(`/apps/${id}/accounts?q=e2e-sync`);
    await expect(accountRows(page)).toHaveCount(1);
    await page.goto(`/apps/${id}/accounts?q=qharlow`);
    await expect(accountRows(page)).toHaveCount(1);
  });

  await test.step("a full import warns that missing accounts are deleted", async () => {
    const dialog = await openImport(page, id);
    await dialog.getByRole("radio", { name: "Full" }).check();
    await expect(dialog).toContainText(
      "Accounts missing from it are marked deleted and their grants end.",
    );
    await dialog.getByRole("button", { name: "Cancel" }).click();
  });

  await test.step("a file with a bad row: line and reason, and nothing imported", async () => {
    const dialog = await openImport(page, id);
    await dialog.getByLabel("File", { exact: true }).setInputFiles({
      name: "netsuite-bad.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        [
          HEADER,
          "e2e-bad-1,fine,,,,Fine Row,ACTIVE,USER,",
          "e2e-bad-2,bad,,,,Bad Row,SLEEPING,USER,",
        ].join("\n"),
      ),
    });
    await dialog.getByRole("button", { name: "Import" }).click();
    await expect(dialog.getByRole("alert")).toContainText(
      "netsuite-bad.csv was refused: nothing was imported.",
    );
    const problems = dialog.getByRole("list", { name: "Problems in the file" });
    await expect(problems.getByRole("listitem")).toHaveCount(1);
    await expect(problems).toContainText("Line 3");
    await expect(problems).toContainText(/status/i);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    // The page lives on after the dialog closes.
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(APP);
    await page.goto(`/apps/${id}/accounts?q=e2e-bad`);
    await expect(page.getByText("e2e-bad-1")).toHaveCount(0);
    await expect(accountRows(page)).toHaveCount(0);
  });
  await context.close();
});

test("Import people on the Users page refuses a bad file with its line", async ({ browser }) => {
  const { page, context } = await personIn(browser, ADMIN);
  await page.goto("/users");
  await (await whenInteractive(page.getByRole("button", { name: "Import people" }))).click();
  const dialog = page.getByRole("dialog", { name: "Import people" });
  await dialog.getByLabel("File", { exact: true }).setInputFiles({
    name: "people.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      [
        "email,givenName,familyName,displayName,title,department,managerEmail,status",
        "not-an-email,Quinn,Harlow,,,,,ACTIVE",
      ].join("\n"),
    ),
  });
  await dialog.getByRole("button", { name: "Import" }).click();
  const problems = dialog.getByRole("list", { name: "Problems in the file" });
  await expect(problems).toContainText("Line 2");
  await expect(problems).toContainText(/email/i);
  await context.close();
});
