import { type Page } from "@playwright/test";
import { expect, test } from "./support/test.ts";
import { signInAsDemoPerson, whenInteractive } from "./support/ui.ts";

// Approval policies (issue 6): the demo super admin (Alex Rivera) creates a two-step policy
// (Manager, then App owners) and sees what it does in words, edits it (a named approver, moved
// first; distinct approvers), duplicates it and deletes the copy, then deletes the original
// too. Deleting a policy in use (the organization's default request policy, "Manager
// approval") is refused with the reason. Names are unique per run: retries and other specs
// share the demo database.

const ADMIN = "Alex Rivera";
const NAMED = "Priya Shah";

async function signIn(page: Page) {
  await page.goto("/sign-in");
  await signInAsDemoPerson(page, ADMIN);
  await expect(page).toHaveURL(/\/apps$/);
}

const stepCount = (page: Page) =>
  page.getByRole("list", { name: "Steps" }).getByRole("listitem", { name: /^Step \d+$/ });

test("a super admin creates, edits, duplicates and deletes an approval policy", async ({
  page,
}) => {
  const name = `Two-step ${Date.now().toString(36)}`;
  await signIn(page);

  await test.step("create a two-step policy and read what it does", async () => {
    await page.goto("/policies");
    await (await whenInteractive(page.getByRole("link", { name: "New policy" }))).click();
    await expect(page).toHaveURL(/\/policies\/new$/);
    await whenInteractive(page.getByRole("button", { name: "Create policy" }));
    await page.getByLabel("Name", { exact: true }).fill(name);
    await expect(page.getByLabel("Who approves at step 1")).toHaveValue("MANAGER");
    await page.getByRole("button", { name: "Add approval step" }).click();
    await page.getByLabel("Who approves at step 2").selectOption({ label: "App owners" });
    await expect(page.getByText("Provisioned (by the entitlement's strategy)")).toBeVisible();
    await expect(page.getByTestId("policy-summary")).toHaveText(
      "The manager of the person whose access it is approves, then an app owner approves, then it is provisioned.",
    );
    await page.getByRole("button", { name: "Create policy" }).click();
    await expect(page).toHaveURL(/\/policies\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(
      page.getByText(
        "Changes apply to new requests only. 0 requests running under this policy keep the version they started with.",
      ),
    ).toBeVisible();
    await expect(page.getByText("Nothing uses this policy yet.")).toBeVisible();
  });

  await test.step("edit it: a named approver first, distinct approvers", async () => {
    await whenInteractive(page.getByRole("button", { name: "Save changes" }));
    await page.getByRole("button", { name: "Add approval step" }).click();
    await page.getByLabel("Who approves at step 3").selectOption({ label: "Named people" });
    const approvers = page.getByRole("group", { name: "Approvers of step 3" });
    await approvers.getByRole("searchbox").fill("Priya");
    await approvers.getByRole("checkbox", { name: new RegExp(NAMED) }).check();
    await expect(approvers.getByRole("list", { name: /Chosen/ })).toContainText(NAMED);
    await page.getByRole("button", { name: "Move step 3 up" }).click();
    await page.getByRole("button", { name: "Move step 2 up" }).click();
    await page.getByLabel("Require distinct approvers").check();
    await expect(page.getByTestId("policy-summary")).toHaveText(
      "A named approver approves, then the manager of the person whose access it is approves, then an app owner approves, then it is provisioned.",
    );
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText(`Policy “${name}” saved`)).toBeVisible();

    await page.reload();
    await whenInteractive(page.getByRole("button", { name: "Save changes" }));
    await expect(stepCount(page)).toHaveCount(3);
    await expect(page.getByLabel("Who approves at step 1")).toHaveValue("USERS");
    await expect(page.getByLabel("Who approves at step 2")).toHaveValue("MANAGER");
    await expect(page.getByLabel("Who approves at step 3")).toHaveValue("APP_OWNERS");
    await expect(
      page
        .getByRole("group", { name: "Approvers of step 1" })
        .getByRole("list", { name: /Chosen/ }),
    ).toContainText(NAMED);
    await expect(page.getByLabel("Require distinct approvers")).toBeChecked();
  });

  const original = page.url();

  await test.step("duplicate it, then delete the copy", async () => {
    await page.getByRole("button", { name: "Duplicate" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Copy of ${name}` })).toBeVisible();
    expect(page.url()).not.toBe(original);
    await expect(page.getByLabel("Who approves at step 1")).toHaveValue("USERS");
    await (
      await whenInteractive(page.getByRole("button", { name: "Delete", exact: true }))
    ).click();
    const dialog = page.getByRole("dialog", { name: `Delete “Copy of ${name}”?` });
    await expect(dialog).toContainText("Nothing uses this policy.");
    await dialog.getByRole("button", { name: "Delete policy" }).click();
    await expect(page).toHaveURL(/\/policies$/);
    await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: `Copy of ${name}`, exact: true })).toHaveCount(0);
  });

  await test.step("delete the original (nothing uses it)", async () => {
    await page.getByRole("link", { name, exact: true }).click();
    await (
      await whenInteractive(page.getByRole("button", { name: "Delete", exact: true }))
    ).click();
    await page
      .getByRole("dialog", { name: `Delete “${name}”?` })
      .getByRole("button", { name: "Delete policy" })
      .click();
    await expect(page).toHaveURL(/\/policies$/);
    await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
  });
});

test("deleting a policy in use is refused with where it is used", async ({ page }) => {
  await signIn(page);
  await page.goto("/policies");
  const row = page
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: "Manager approval", exact: true }) });
  await expect(row).toContainText("organization default for requests");
  await row.getByRole("link", { name: "Manager approval" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Manager approval" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Where it is used" })).toContainText(
    "The organization's default for requests.",
  );
  await (await whenInteractive(page.getByRole("button", { name: "Delete", exact: true }))).click();
  const dialog = page.getByRole("dialog", { name: "Delete “Manager approval”?" });
  await dialog.getByRole("button", { name: "Delete policy" }).click();
  await expect(dialog.getByRole("alert")).toContainText(
    "“Manager approval” is still in use: it is the organization's default request policy",
  );
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Manager approval" })).toBeVisible();
});
