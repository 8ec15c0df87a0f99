import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test.ts";
import { trpcQuery } from "./support/trpc.ts";
import { escapeRegExp, signedIn, whenInteractive } from "./support/ui.ts";

// My access (issue 14, item 4): a member opens it from the sidebar and sees every account they
// own with what it can do (source, granted, expires); asks for more from an account's
// Request access, and finds the request waiting there. Demo organization: Jordan Lee owns an
// account in GitHub (and others). The GitHub entitlement asked for is whichever he neither
// holds nor asked for yet, so a second run asks for another.

const MEMBER = "Jordan Lee";
const APP = "GitHub";

const day = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });

interface MyAccessAccount {
  id: string;
  anchor: string;
  label: string;
  app: { id: string; name: string };
  grants: Array<{
    entitlement: { displayName: string; slug: string };
    grantedAt: string;
    expiresAt: string | null;
  }>;
}
interface Requestable {
  id: string;
  displayName: string;
  held: boolean;
  pending: boolean;
}

/** What the API says Jordan holds: the page must show the same. */
async function myAccounts(page: Page): Promise<MyAccessAccount[]> {
  const answer = await trpcQuery<{ items: MyAccessAccount[] }>(page.request, "me.access", {
    limit: 100,
  });
  return answer.items;
}

const accountSection = (page: Page, account: MyAccessAccount) =>
  page.getByRole("region", {
    name: `${account.app.name} account ${account.label}`,
    exact: true,
  });

async function expectNoSeriousAxeViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `${what}: serious or critical axe violations`).toEqual([]);
}

test.describe.configure({ timeout: 120_000 });

test("a member opens My access, sees their accounts and what they hold, and asks for more", async ({
  browser,
}) => {
  const jordan = await signedIn(browser, MEMBER);
  const accounts = await myAccounts(jordan);
  const github = accounts.find((a) => a.app.name === APP)!;
  expect(github, "Jordan's GitHub account").toBeTruthy();

  await test.step("the sidebar's My access lists every account he owns", async () => {
    await jordan
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "My access" })
      .click();
    await expect(jordan).toHaveURL(/\/my-access$/);
    await expect(jordan.getByRole("heading", { level: 1, name: "My access" })).toBeVisible();
    await expect(
      jordan.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My access" }),
    ).toHaveAttribute("aria-current", "page");
    for (const account of accounts) {
      await expect(accountSection(jordan, account)).toBeVisible();
    }
  });

  await test.step("each entitlement with how and when it was granted, and until when", async () => {
    const section = accountSection(jordan, github);
    expect(github.grants.length).toBeGreaterThan(0);
    for (const grant of github.grants) {
      const row = section.getByRole("row").filter({
        has: jordan.getByRole("link", { name: grant.entitlement.displayName, exact: true }),
      });
      await expect(row).toContainText(grant.entitlement.slug);
      await expect(row).toContainText(day.format(new Date(grant.grantedAt)));
      await expect(row).toContainText(
        grant.expiresAt ? day.format(new Date(grant.expiresAt)) : "Never",
      );
    }
    // Every account has a stable anchor: a link to it lands on that account.
    await jordan.goto(`/my-access#${github.anchor}`);
    await expect(jordan.locator(":target")).toHaveAttribute("id", github.anchor);
    await expectNoSeriousAxeViolations(jordan, "My access");
  });

  let asked = "";
  await test.step("Request access from the account opens the form on its app", async () => {
    const section = accountSection(jordan, github);
    await section.getByRole("link", { name: `Request access in ${APP}` }).click();
    await expect(jordan).toHaveURL(new RegExp(`/my-requests/new\\?app=${github.app.id}$`));
    await expect(jordan.getByRole("combobox", { name: "Application" })).toHaveValue(APP);
    const options = await trpcQuery<Requestable[]>(jordan.request, "requests.requestable", {
      appId: github.app.id,
    });
    const wanted = options.find((o) => !o.held && !o.pending);
    expect(wanted, "a GitHub entitlement Jordan has not asked for").toBeTruthy();
    asked = wanted!.displayName;
    const radio = jordan.getByRole("radio", { name: new RegExp(`^${escapeRegExp(asked)}`) });
    await (await whenInteractive(radio)).check();
    await jordan.getByLabel("Reason").fill("Pairing on the release tooling this sprint.");
    await (await whenInteractive(jordan.getByRole("button", { name: "Send request" }))).click();
    await expect(jordan).toHaveURL(/\/my-requests\?requested=[0-9a-f-]{36}$/);
  });

  await test.step("the request waits on the account, with its task", async () => {
    await jordan
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "My access" })
      .click();
    await expect(jordan).toHaveURL(/\/my-access$/);
    const section = accountSection(jordan, github);
    const waiting = section.getByRole("listitem").filter({ hasText: asked });
    await expect(waiting).toHaveCount(1);
    await expect(waiting).toContainText(/Waiting for approval|Being provisioned/);
    await expect(waiting).toContainText(`Asked ${day.format(new Date())}`);
    const task = waiting.getByRole("link", { name: /^Task #\d+$/ });
    const name = (await task.textContent())!;
    await task.click();
    await expect(jordan).toHaveURL(new RegExp(`/tasks/${name.slice("Task #".length)}$`));
    await expect(jordan.getByRole("heading", { level: 1 })).toContainText(name);
    await expect(jordan.locator("main")).toContainText(asked);
  });
  await jordan.context().close();
});

test("My access at 1440 and 390 px", async ({ browser }) => {
  const jordan = await signedIn(browser, MEMBER);
  for (const width of [1440, 390]) {
    await jordan.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await jordan.goto("/my-access");
    await expect(jordan.getByRole("heading", { level: 1, name: "My access" })).toBeVisible();
    // Nothing wider than the screen but the tables' own scrolling.
    const overflow = await jordan.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `horizontal overflow at ${width} px`).toBeLessThanOrEqual(0);
    await jordan.screenshot({
      path: test.info().outputPath(`my-access-${width}.png`),
      fullPage: true,
    });
  }
  await jordan.context().close();
});
