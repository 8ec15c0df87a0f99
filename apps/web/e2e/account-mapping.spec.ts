import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { personIn } from "./support/tasks.ts";
import { expect, test } from "./support/test.ts";
import { trpcMutation, trpcQuery } from "./support/trpc.ts";
import { whenInteractive } from "./support/ui.ts";

// Account mapping settings (SPEC §4.2): a super admin switches Snowflake — a NARROW app whose
// demo accounts include four that only a name can match — to Broad from the app's … menu.
// The re-map runs at once: three accounts get their person, one is flagged ambiguous (two Sam
// Taylors). Switching back to Narrow leaves the demo as it was, and the spec puts it back to
// Narrow through the API before and after, so a rerun starts from the seeded state.

const ADMIN = "Alex Rivera";
const APP = "Snowflake";

async function snowflake(page: Page) {
  const apps = await trpcQuery<{ items: Array<{ id: string; name: string }> }>(
    page.request,
    "apps.list",
    { search: APP, limit: 10 },
  );
  const app = apps.items.find((a) => a.name === APP);
  expect(app, "the demo has Snowflake").toBeDefined();
  return app!;
}

async function setMode(page: Page, appId: string, mode: "NARROW" | "BROAD") {
  await trpcMutation(page.request, "apps.setAccountMappingMode", { appId, mode });
}

/** The Accounts tab's row of the account whose login is `login`, found by the search. */
async function accountRow(page: Page, appId: string, login: string) {
  await page.goto(`/apps/${appId}/accounts?q=${login}`);
  const row = page
    .getByRole("row")
    .filter({ has: page.getByRole("cell") })
    .filter({ hasText: login });
  await expect(row).toHaveCount(1);
  return row;
}

async function chooseMode(page: Page, label: "Narrow" | "Broad") {
  await (
    await whenInteractive(page.getByRole("button", { name: `More actions for ${APP}` }))
  ).click();
  await page.getByRole("menuitem", { name: "Account mapping settings" }).click();
  const dialog = page.getByRole("dialog", { name: "Account mapping settings" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("radio", { name: new RegExp(`^${label}`) }).check();
  await dialog.getByRole("button", { name: "Save" }).click();
  return dialog;
}

test("switching an app to Broad gives name-only accounts their owner, and back", async ({
  browser,
}) => {
  const { page, context } = await personIn(browser, ADMIN);
  const app = await snowflake(page);
  await setMode(page, app.id, "NARROW");

  try {
    await test.step("in Narrow, the accounts from the acquired workspace have no owner", async () => {
      await expect(await accountRow(page, app.id, "GSANTOS")).toContainText("No owner");
      await expect(await accountRow(page, app.id, "STAYLOR")).toContainText("No owner");
    });

    await test.step("… menu → Account mapping settings → Broad → Save", async () => {
      await page.goto(`/apps/${app.id}`);
      const dialog = await chooseMode(page, "Broad");
      await expect(dialog).toContainText("Broad mapping saved.");
      await expect(dialog).toContainText(
        /\d+ accounts re-mapped, 3 now matched by name, 1 ambiguous/,
      );
      await dialog.getByRole("button", { name: "Done" }).click();
      await expect(dialog).toBeHidden();
    });

    await test.step("the Accounts tab shows the new owners and the ambiguous name", async () => {
      const santos = await accountRow(page, app.id, "GSANTOS");
      await expect(santos).toContainText("Gabriel Santos");
      await expect(santos).toContainText("Matched");
      // Written without accents and in capitals, still found.
      await expect(await accountRow(page, app.id, "ACASTILLO")).toContainText("Andrés Castillo");
      const taylor = await accountRow(page, app.id, "STAYLOR");
      await expect(taylor).toContainText("Ambiguous");
      await expect(taylor).toContainText("several people named sam taylor");
    });

    await test.step("back to Narrow: the name matches go", async () => {
      await page.goto(`/apps/${app.id}`);
      const dialog = await chooseMode(page, "Narrow");
      await expect(dialog).toContainText("Narrow mapping saved.");
      await dialog.getByRole("button", { name: "Done" }).click();
      await expect(await accountRow(page, app.id, "GSANTOS")).toContainText("No owner");
    });
  } finally {
    await setMode(page, app.id, "NARROW");
    await context.close();
  }
});

test("people who may not manage the app get no … menu", async ({ browser }) => {
  const { page, context } = await personIn(browser, "Jordan Lee");
  const app = await snowflake(page);
  await page.goto(`/apps/${app.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(APP);
  await expect(page.getByRole("button", { name: `More actions for ${APP}` })).toHaveCount(0);
  await context.close();
});

test("the … menu's dialogs are accessible", async ({ browser }) => {
  const { page, context } = await personIn(browser, ADMIN);
  const app = await snowflake(page);
  const expectAccessible = async (what: string) => {
    const results = await new AxeBuilder({ page })
      .include("[role=dialog]")
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.help}`),
      `${what} has accessibility violations`,
    ).toEqual([]);
  };
  await page.goto(`/apps/${app.id}`);
  const more = page.getByRole("button", { name: `More actions for ${APP}` });
  await (await whenInteractive(more)).click();
  await page.getByRole("menuitem", { name: "Account mapping settings" }).click();
  await expect(page.getByRole("dialog", { name: "Account mapping settings" })).toBeVisible();
  await expectAccessible("Account mapping settings");
  await page.keyboard.press("Escape");
  await expect(more).toBeFocused();

  await more.click();
  await page.getByRole("menuitem", { name: "Import accounts…" }).click();
  const dialog = page.getByRole("dialog", { name: "Import accounts" });
  await dialog.getByText("File format: accounts").click();
  await dialog.getByRole("radio", { name: "Full" }).check();
  await expectAccessible("Import accounts");
  await context.close();
});
