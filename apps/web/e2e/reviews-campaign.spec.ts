import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expectAccessible } from "./support/axe.ts";
import { personIn, signInAsAnyone } from "./support/tasks.ts";
import { expect, test } from "./support/test.ts";
import { trpcMutation } from "./support/trpc.ts";

// Access reviews as the super admin and the auditor see them (SPEC §10): New campaign over two
// apps without service accounts — the live count, Start, the campaign page — then an auditor
// reads the campaign and downloads its CSV evidence. The demo database is shared by every
// spec: the campaign and the auditor get names of their own on each run. axe on the list, the
// form and the campaign page.

const run = Date.now().toString(36);

/** A full-page screenshot kept with the report (the pages are looked at, not only checked). */
async function shoot(page: Page, what: string) {
  const path = test.info().outputPath(`${what}.png`);
  await page.screenshot({ path, fullPage: true });
  await test.info().attach(what, { path, contentType: "image/png" });
}
const CAMPAIGN = `Quarterly review ${run}`;

test("a super admin starts a campaign; an auditor reads it and exports its evidence", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signInAsAnyone(page, "Alex Rivera");

  await page.goto("/reviews?state=all");
  await expect(page.getByRole("heading", { name: "Access reviews", level: 1 })).toBeVisible();
  await expectAccessible(page, "/reviews");
  await shoot(page, "reviews-list");

  await page.getByRole("link", { name: "New campaign" }).first().click();
  await expect(page.getByRole("heading", { name: "New campaign", level: 1 })).toBeVisible();
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(CAMPAIGN);
  await expect(page.getByLabel("Due date")).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);

  const count = page.getByTestId("scope-count");
  await expect(count).toContainText("Choose what to review");
  for (const app of ["GitHub", "AWS"]) {
    const picker = page.getByRole("combobox", { name: "Add an app to the scope" });
    await picker.fill(app);
    await page.getByRole("option", { name: new RegExp(`^${app}`) }).click();
    await expect(page.getByRole("list", { name: "Apps in scope" })).toContainText(app);
  }
  // User accounts only: service and system accounts are opt-in.
  const types = page.getByRole("group", { name: "Account types" });
  await expect(types.getByRole("checkbox", { name: "User" })).toBeChecked();
  await expect(types.getByRole("checkbox", { name: "Service" })).not.toBeChecked();
  await expect(types.getByRole("checkbox", { name: "System" })).not.toBeChecked();
  await expect(count).toHaveText(
    /^This scope holds [\d,]+ grants? \(review items\) of [\d,]+ accounts? in 2 apps\.$/,
  );
  const items = Number((await count.textContent())!.match(/holds ([\d,]+)/)![1]!.replace(/,/g, ""));

  // A filter the domain refuses is said beside it, and nothing is counted meanwhile.
  await page.getByRole("checkbox", { name: "Only accounts with no owner" }).check();
  await page
    .getByRole("checkbox", { name: "Only accounts whose owner is suspended or deprovisioned" })
    .check();
  await expect(page.getByText("An account cannot both have no owner")).toBeVisible();
  await page.getByRole("checkbox", { name: "Only accounts with no owner" }).uncheck();
  await page
    .getByRole("checkbox", { name: "Only accounts whose owner is suspended or deprovisioned" })
    .uncheck();
  await expect(count).toContainText(`holds ${items.toLocaleString("en-US")} grant`);

  await expect(page.getByText("Nobody reviews their own access.")).toBeVisible();
  await expectAccessible(page, "/reviews/new");
  await shoot(page, "new-campaign");

  await page.getByRole("button", { name: "Start campaign" }).click();
  await expect(page).toHaveURL(/\/reviews\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  await expect(page.getByRole("heading", { name: CAMPAIGN, level: 1 })).toBeVisible();
  await expect(page.getByText(`Campaign “${CAMPAIGN}” started`)).toBeVisible();
  await expect(page.getByText(`0 / ${items.toLocaleString("en-US")} decided`)).toBeVisible();
  await expect(page.getByRole("table", { name: "Review items" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Close campaign" })).toBeVisible();
  await expectAccessible(page, "the campaign page");
  await shoot(page, "campaign-page");
  const campaignPath = new URL(page.url()).pathname;

  // Close asks first, saying what happens to the undecided items; Cancel leaves it running.
  await page.getByRole("button", { name: "Close campaign" }).click();
  const dialog = page.getByRole("dialog", { name: `Close “${CAMPAIGN}”?` });
  await expect(dialog).toContainText(
    `${items.toLocaleString("en-US")} undecided item${items === 1 ? "" : "s"} will be recorded as “not reviewed”`,
  );
  await expectAccessible(page, "the Close campaign dialog", { within: '[role="dialog"]' });
  await shoot(page, "close-campaign-dialog");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // An auditor of the organization (made for this run) reads the campaign and exports it.
  const auditorName = `Avery Auditor ${run}`;
  await trpcMutation(page.request, "users.create", {
    email: `avery.auditor.${run}@northwind.example`,
    givenName: "Avery",
    familyName: `Auditor ${run}`,
    role: "AUDITOR",
  });
  const auditor = await personIn(browser, auditorName);
  try {
    await auditor.page.goto("/reviews?state=all");
    await expect(auditor.page.getByRole("link", { name: CAMPAIGN })).toBeVisible();
    await expect(auditor.page.getByRole("link", { name: "New campaign" })).toHaveCount(0);
    await auditor.page.goto(campaignPath);
    await expect(auditor.page.getByRole("heading", { name: CAMPAIGN, level: 1 })).toBeVisible();
    await expect(auditor.page.getByRole("button", { name: "Close campaign" })).toHaveCount(0);
    await shoot(auditor.page, "campaign-page-auditor");
    const [download] = await Promise.all([
      auditor.page.waitForEvent("download"),
      auditor.page.getByRole("link", { name: "Export CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-review-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^Item,App,Entitlement,Account,Account type,Owner,/);
    expect(lines).toHaveLength(items + 1);
    expect(lines.slice(1).every((line) => /,USER,/.test(line))).toBe(true);
  } finally {
    await auditor.context.close();
  }
});
