import { type Browser, type Locator, type Page } from "@playwright/test";
import { personIn, provisioningTaskForMarcus, signInAsAnyone, taskRow } from "./support/tasks.ts";
import { expect, test } from "./support/test.ts";
import { trpcMutation, trpcQuery } from "./support/trpc.ts";
import { whenInteractive } from "./support/ui.ts";

// Small truths (issue 14, item 7): what the pages say is what is so. Descriptions render
// their inline Markdown; truncated inbox text shows in full on hover and on focus; the account
// subtitle says each fact once; My requests never shows the state before an action; quick
// filter changes all stick; every accounts filter says how many match; a task page without
// instructions says so and tells the app's owners where to write them.

interface AppItem {
  id: string;
  name: string;
}

async function appId(page: Page, name: string): Promise<string> {
  const apps = await trpcQuery<{ items: AppItem[] }>(page.request, "apps.list", {});
  const app = apps.items.find((a) => a.name === name);
  expect(app, `the demo has ${name}`).toBeTruthy();
  return app!.id;
}

/** The page header's description line (the subtitle under the h1). */
const subtitle = (page: Page): Locator => page.locator("header h1 + p");

test.describe("descriptions in lists render their inline Markdown", () => {
  test("the apps list, an app's header and its entitlements show code, not backticks", async ({
    page,
  }) => {
    await signInAsAnyone(page, "Alex Rivera");
    await page.goto("/apps");
    const github = page.getByRole("row").filter({ hasText: "GitHub" }).first();
    await expect(github.locator("code", { hasText: "northwind-labs" })).toBeVisible();
    await expect(github).not.toContainText("`");

    await page.goto(`/apps/${await appId(page, "GitHub")}/entitlements`);
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading.locator("code", { hasText: "northwind-labs" })).toBeVisible();
    await expect(heading).not.toContainText("`");
    const team = page.getByRole("row").filter({ hasText: "Push and merge" }).first();
    await expect(team.locator("code", { hasText: "engineering" })).toBeVisible();
    await expect(team).not.toContainText("`");
  });

  test("the request form's app picker and access options do too", async ({ page }) => {
    await signInAsAnyone(page, "Jordan Lee");
    await page.goto("/my-requests/new");
    const app = await whenInteractive(page.getByRole("combobox", { name: "Application" }));
    await app.fill("GitHub");
    const option = page.getByRole("listbox", { name: "Applications" }).getByRole("option", {
      name: /^GitHub/,
    });
    await expect(option.locator("code", { hasText: "northwind-labs" })).toBeVisible();
    await expect(option).not.toContainText("`");
    await app.press("ArrowDown");
    await app.press("Enter");
    const access = page.getByRole("group", { name: "Access" });
    await expect(access.locator("code", { hasText: "engineering" }).first()).toBeVisible();
    await expect(access).not.toContainText("`");
  });
});

test("a truncated reason in an inbox row shows in full on hover and on keyboard focus", async ({
  browser,
  page,
}) => {
  const reason =
    "Running the customer onboarding webinars for the whole of next quarter, with the partner team in Lisbon and the support leads from every region joining each session";
  const task = await provisioningTaskForMarcus(
    browser,
    ["Raj Malhotra", "Rebecca Goldberg", "Priscilla Adjei", "Zainab Bello", "Kavya Menon"],
    reason,
  );
  await signInAsAnyone(page, "Marcus Chen");
  await page.goto(`/requests?tab=awaiting_provisioning&q=%23${task.number}`);
  const row = taskRow(page, task.number);
  await expect(row).toBeVisible();
  const shown = row.getByText(reason, { exact: true });
  // Cut short on screen (the cell is narrower than the sentence)…
  await expect.poll(() => shown.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  const tooltip = page.getByRole("tooltip");

  // …on hover, the whole sentence…
  await (await whenInteractive(shown)).hover();
  await expect(tooltip).toHaveText(reason);
  // It stays while the pointer moves onto it (it is hoverable), and goes once it is away.
  await page.mouse.move(0, 0, { steps: 8 });
  await expect(tooltip).toHaveCount(0);

  // …and on keyboard focus, described to screen readers as well.
  await shown.focus();
  await expect(shown).toBeFocused();
  await expect(tooltip).toHaveText(reason);
  await expect(shown).toHaveAccessibleDescription(reason);
  await page.keyboard.press("Escape");
  await expect(tooltip).toHaveCount(0);

  // On a phone the table scrolls sideways to show the focused text: the tooltip stays.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("searchbox").focus();
  await shown.focus();
  await expect(tooltip).toHaveText(reason);
  await page.waitForTimeout(500);
  await expect(tooltip).toHaveText(reason);
});

test("an account's subtitle says its login and email once, whatever their case", async ({
  page,
}) => {
  await signInAsAnyone(page, "Alex Rivera");
  // Snowflake logins are the email address in capitals: pick such an account.
  const snowflake = await appId(page, "Snowflake");
  const list = await trpcQuery<{
    items: Array<{ id: string; name: string; login: string | null; email: string | null }>;
  }>(page.request, "accounts.list", { appId: snowflake, type: "USER", limit: 100 });
  const account = list.items.find(
    (a) =>
      a.login &&
      a.email &&
      a.login !== a.email &&
      a.login.toLowerCase() === a.email.trim().toLowerCase() &&
      a.name.toLowerCase() !== a.login.toLowerCase(),
  );
  expect(account, "a Snowflake account whose login is its email in capitals").toBeTruthy();
  await page.goto(`/apps/${snowflake}/accounts/${account!.id}`);
  await expect(subtitle(page)).toBeVisible();
  const facts = (await subtitle(page).innerText()).split(" · ").map((f) => f.trim());
  expect(facts, "the login and the email are one fact").toHaveLength(1);
  const lower = facts.map((f) => f.toLowerCase());
  expect(new Set(lower).size, `each fact once: ${facts.join(" · ")}`).toBe(facts.length);
  const title = (await page.getByRole("heading", { level: 1 }).innerText()).toLowerCase();
  for (const fact of lower) expect(title).not.toContain(fact);
});

test("My requests shows a new request at once after sending it, never the list before", async ({
  page,
}) => {
  const reason = `Hosting the partner webinars (${Date.now()}).`;
  await signInAsAnyone(page, "Keisha Williams");
  await page.goto("/my-requests");
  const requestAccess = page
    .getByRole("main")
    .getByRole("link", { name: "Request access" })
    .first();
  await whenInteractive(requestAccess);
  // From here on, every DOM change of My requests is checked: the page without the new
  // request, once it was sent, is the old state (an empty list, or the rows before it).
  await page.evaluate((text) => {
    const w = window as unknown as { __staleMyRequests: boolean; __sent: boolean };
    w.__staleMyRequests = false;
    w.__sent = false;
    new MutationObserver(() => {
      if (!w.__sent || location.pathname !== "/my-requests") return;
      const main = document.querySelector("main");
      const shown = main?.querySelector("h1")?.textContent?.trim() === "My requests";
      if (shown && !main!.textContent?.includes(text)) w.__staleMyRequests = true;
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  }, reason);

  await requestAccess.click();
  await expect(page).toHaveURL(/\/my-requests\/new$/);
  const app = await whenInteractive(page.getByRole("combobox", { name: "Application" }));
  await app.fill("Zoo");
  await expect(
    page.getByRole("listbox", { name: "Applications" }).getByRole("option", { name: /^Zoom/ }),
  ).toBeVisible();
  await app.press("ArrowDown");
  await app.press("Enter");
  const options = page.getByRole("group", { name: "Access" }).getByRole("radio");
  await expect(options.first()).toBeVisible();
  await options.and(page.locator(":enabled")).first().check();
  await page.getByRole("textbox", { name: "Reason" }).fill(reason);
  await page.evaluate(() => ((window as unknown as { __sent: boolean }).__sent = true));
  await page.getByRole("button", { name: "Send request" }).click();

  await expect(page).toHaveURL(/\/my-requests\?requested=/);
  await expect(page.getByRole("table").getByText(reason)).toBeVisible();
  expect(
    await page.evaluate(
      () => (window as unknown as { __staleMyRequests: boolean }).__staleMyRequests,
    ),
    "My requests showed the list from before the request",
  ).toBe(false);
});

/** Changes two <select>s in the same moment (one task of the page, no render between). */
async function changeTogether(page: Page, changes: Array<[label: string, value: string]>) {
  await page.evaluate((all) => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value")!.set!;
    for (const [label, value] of all) {
      const select = [...document.querySelectorAll("select")].find(
        (s) =>
          s.getAttribute("aria-label") === label || s.labels?.[0]?.textContent?.includes(label),
      );
      if (!select) throw new Error(`No select ${label}`);
      setValue.call(select, value);
      select.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }, changes);
}

test.describe("two quick filter changes both stick", () => {
  test("on an app's Accounts tab", async ({ page }) => {
    await signInAsAnyone(page, "Alex Rivera");
    await page.goto(`/apps/${await appId(page, "GitHub")}/accounts`);
    await whenInteractive(page.getByRole("combobox", { name: "Status" }));
    await changeTogether(page, [
      ["Status", "ACTIVE"],
      ["Type", "SERVICE"],
    ]);
    await expect(page).toHaveURL(/status=active/);
    await expect(page).toHaveURL(/type=service/);
    await page.reload();
    await expect(page.getByRole("combobox", { name: "Status" })).toHaveValue("ACTIVE");
    await expect(page.getByRole("combobox", { name: "Type" })).toHaveValue("SERVICE");
  });

  test("in the people directory", async ({ page }) => {
    await signInAsAnyone(page, "Alex Rivera");
    await page.goto("/users");
    const role = await whenInteractive(page.getByRole("combobox", { name: "Role" }));
    const noManager = page.getByRole("checkbox", { name: "Has no manager" });
    // A select and a checkbox in the same moment.
    await role.evaluate((select: HTMLSelectElement) => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value")!.set!;
      setValue.call(select, select.options[1]!.value);
      select.dispatchEvent(new Event("change", { bubbles: true }));
      const box = [...document.querySelectorAll<HTMLInputElement>("input[type=checkbox]")].find(
        (b) => b.labels?.[0]?.textContent?.includes("Has no manager"),
      )!;
      box.click();
    });
    await expect(page).toHaveURL(/role=/);
    await expect(page).toHaveURL(/no-?manager=/i);
    await page.reload();
    await expect(page.getByRole("combobox", { name: "Role" })).not.toHaveValue("");
    await expect(noManager).toBeChecked();
  });
});

test("every filter of the Accounts tab says how many accounts match", async ({ page }) => {
  await signInAsAnyone(page, "Alex Rivera");
  const id = await appId(page, "GitHub");
  const count = page.getByText(/^\d+ accounts? match(es)?$/);
  for (const query of ["type=service", "type=user&owner=unset", "q=bot", "owner=ambiguous"]) {
    await page.goto(`/apps/${id}/accounts?${query}`);
    await expect(count, `the count for ?${query}`).toBeVisible();
    const rows = await page.getByRole("table").locator("tbody tr").count();
    const said = Number((await count.innerText()).split(" ")[0]);
    // Fewer than a page: the count is the rows shown.
    if (rows < 50) expect(said, `?${query}`).toBe(rows);
  }
  // The Type filter chosen on the page too.
  await page.goto(`/apps/${id}/accounts`);
  await (
    await whenInteractive(page.getByRole("combobox", { name: "Type" }))
  ).selectOption("SYSTEM");
  await expect(count).toBeVisible();
});

test.describe("a task page without instructions", () => {
  async function withoutInstructions(
    browser: Browser,
    appName: string,
    run: (appId: string) => Promise<void>,
  ) {
    const alex = await personIn(browser, "Alex Rivera");
    const id = await appId(alex.page, appName);
    const settings = await trpcQuery<{ provisioningInstructions: string }>(
      alex.page.request,
      "apps.settings",
      { appId: id },
    );
    await trpcMutation(alex.page.request, "apps.update", {
      appId: id,
      provisioningInstructions: "",
    });
    try {
      await run(id);
    } finally {
      await trpcMutation(alex.page.request, "apps.update", {
        appId: id,
        provisioningInstructions: settings.provisioningInstructions,
      });
      await alex.context.close();
    }
  }

  test("says there are none yet, and tells the app's owners where to write them", async ({
    browser,
    page,
  }) => {
    const task = await provisioningTaskForMarcus(
      browser,
      ["Tom Fischer", "Jorge Ramírez", "Min-jun Choi", "Leah Friedman", "Yasmin Farouk"],
      "Presenting at the onboarding webinar series.",
    );
    await withoutInstructions(browser, task.app, async (id) => {
      const instructions = (p: Page) =>
        p.getByRole("region", { name: "Instructions", exact: true });

      // Marcus provisions it but does not own the app: no link to settings he cannot open.
      await signInAsAnyone(page, "Marcus Chen");
      await page.goto(`/tasks/${task.number}`);
      await expect(instructions(page)).toContainText("No instructions yet");
      await expect(instructions(page).getByRole("link")).toHaveCount(0);

      // Alex owns it: the card links to where instructions are written.
      const alex = await personIn(browser, "Alex Rivera");
      try {
        await alex.page.goto(`/tasks/${task.number}`);
        await expect(instructions(alex.page)).toContainText("No instructions yet");
        const link = instructions(alex.page).getByRole("link", {
          name: /Settings → Instructions/,
        });
        await expect(link).toHaveAttribute("href", `/apps/${id}/settings#instructions`);
        await link.click();
        await expect(alex.page).toHaveURL(new RegExp(`/apps/${id}/settings#instructions$`));
        await expect(
          alex.page.getByRole("textbox", { name: "Provisioning instructions", exact: true }),
        ).toBeVisible();
      } finally {
        await alex.context.close();
      }
    });
  });
});
