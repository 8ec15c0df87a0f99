import { type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { personIn } from "./support/tasks.ts";
import { expect, test } from "./support/test.ts";
import { trpcQuery } from "./support/trpc.ts";
import { whenInteractive } from "./support/ui.ts";

// Manual revoke (SPEC §5): Hannah Okafor, the direct manager of the Platform team, revokes a
// report's access from an entitlement's Grants tab and from an account's page; an unrelated
// employee sees only her own accounts there (SPEC §8), is told who can revoke her access, and
// cannot see or touch anyone else's. The demo database is shared by every demo
// spec and revocations stay pending, so each test picks, through the API, the first grant
// that still fits (no revocation in flight) — a rerun takes the next one.

const MANAGER = "Hannah Okafor";
/** Her direct reports (demo-people.ts), but Jordan Lee, whom other specs use. */
const REPORTS = [
  "Sam Taylor",
  "Nikhil Reddy",
  "Emma Johansson",
  "Kofi Boateng",
  "Yuki Tanaka",
  "Diego Alvarez",
  "Chloe Martin",
  "Arjun Patel",
  "Zoë Müller",
  "Jonas Becker",
];
/** A paralegal: no app or entitlement of hers, nobody reports to her. */
const UNRELATED = "Claire Donovan";

interface GrantRow {
  grantId: string;
  account: { id: string; label: string; displayName: string | null };
  owner: { displayName: string } | null;
  pending: unknown;
  viewerCanRevoke: boolean;
  revokeRefusal: string | null;
}

interface Candidate {
  app: { id: string; name: string };
  entitlement: { id: string; displayName: string };
  row: GrantRow;
  policy: { name: string; summary: string };
}

/**
 * The first live grant, without a revocation in flight, of an entitlement removed by a person
 * (a MANUAL deprovisioning strategy: the revoke makes a task; with `anyStrategy`, by a
 * connector too), that `fits` as the signed-in person sees it.
 */
async function findGrant(
  request: APIRequestContext,
  fits: (row: GrantRow) => boolean,
  {
    anyStrategy = false,
    policyFits = () => true,
  }: { anyStrategy?: boolean; policyFits?: (policy: Candidate["policy"]) => boolean } = {},
): Promise<Candidate> {
  const apps = await trpcQuery<{ items: Array<{ id: string; name: string }> }>(
    request,
    "apps.list",
    { limit: 100 },
  );
  for (const app of apps.items) {
    const detail = await trpcQuery<{
      entitlements: Array<{
        id: string;
        displayName: string;
        liveGrantCount: number;
        deprovisioningStrategy: string;
      }>;
    }>(request, "apps.byId", { id: app.id });
    for (const e of detail.entitlements) {
      if (e.liveGrantCount === 0) continue;
      if (!anyStrategy && e.deprovisioningStrategy !== "MANUAL") continue;
      const page = await trpcQuery<{ items: GrantRow[] }>(request, "entitlements.grants", {
        entitlementId: e.id,
        limit: 100,
      });
      const row = page.items.find((r) => r.pending === null && fits(r));
      if (!row) continue;
      const entitlement = await trpcQuery<{
        policies: { revocation: { name: string; summary: string } | null };
      }>(request, "entitlements.byId", { id: e.id });
      if (!entitlement.policies.revocation || !policyFits(entitlement.policies.revocation)) {
        continue;
      }
      return {
        app,
        entitlement: { id: e.id, displayName: e.displayName },
        row,
        policy: entitlement.policies.revocation,
      };
    }
  }
  throw new Error("No live grant fits: the demo database has run out of candidates");
}

const ownedByReport = (row: GrantRow) =>
  row.viewerCanRevoke && row.owner !== null && REPORTS.includes(row.owner.displayName);

const withoutApproval = (policy: Candidate["policy"]) =>
  policy.summary.startsWith("No approval needed");

/**
 * What the toast says for this policy (the entitlements here are removed by a person): an
 * approval task for its approvers, or at once a deprovisioning task for the app's
 * deprovisioners — by name, with the task's number.
 */
function expectedOutcome(policy: Candidate["policy"]): RegExp {
  return withoutApproval(policy)
    ? /^A deprovisioning task was created for (.+) \(#(\d+)\)$/
    : /^Sent for approval by (.+) \(#(\d+)\)$/;
}

interface Revoked {
  /** The new task's number, from the toast. */
  number: number;
  /** Who the toast says acts next: "Marcus Chen", or "A or B". */
  who: string;
  /** The toast itself. */
  toast: Locator;
}

/** Fills the Revoke access dialog and sends it; reads what the toast says happens next. */
async function revokeInDialog(page: Page, candidate: Candidate): Promise<Revoked> {
  const dialog = page.getByRole("dialog", { name: "Revoke access" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(candidate.entitlement.displayName);
  await expect(dialog).toContainText(candidate.app.name);
  await expect(dialog).toContainText(candidate.row.account.label);
  await expect(dialog).toContainText(`Revocation policy: ${candidate.policy.name}`);
  await expect(dialog).toContainText(candidate.policy.summary);
  await expect(dialog).not.toContainText("at once");

  // A reason is required.
  await dialog.getByRole("button", { name: "Revoke", exact: true }).click();
  await expect(dialog.getByText("Say why this access should be removed.")).toBeVisible();
  await dialog.getByRole("textbox", { name: "Reason" }).fill("Moved to another team (e2e)");
  await dialog.getByRole("button", { name: "Revoke", exact: true }).click();
  await expect(dialog).toBeHidden();

  const pattern = expectedOutcome(candidate.policy);
  const toast = page
    .locator("[data-sonner-toast]")
    .filter({ has: page.locator("[data-title]").filter({ hasText: pattern }) });
  await expect(toast).toBeVisible();
  await toast.hover(); // the toast stays while the pointer is on it
  const title = (await toast.locator("[data-title]").innerText()).trim();
  const [, who, number] = pattern.exec(title)!;
  // Never "deprovisioned at once" while a person still has to do it.
  await expect(toast).not.toContainText(/at once|no approval/i);
  await expect(toast).toContainText(
    withoutApproval(candidate.policy)
      ? "The access stays until they mark it deprovisioned."
      : "The access stays until the removal is approved and done.",
  );
  await expect(toast.getByRole("link", { name: `Open task #${number}` })).toHaveAttribute(
    "href",
    `/tasks/${number}`,
  );
  return { number: Number(number), who: who!, toast };
}

test("a manager revokes a report's access from the entitlement's Grants tab", async ({
  browser,
}) => {
  const hannah = await personIn(browser, MANAGER);
  const { page } = hannah;
  const candidate = await findGrant(page.request, ownedByReport);
  const { app, entitlement, row } = candidate;

  await test.step("Applications → app → Entitlements tab → entitlement → Grants", async () => {
    await page.goto("/apps");
    await page.getByRole("link", { name: app.name, exact: true }).click();
    await page
      .getByRole("navigation", { name: "App sections" })
      .getByRole("link", { name: /^Entitlements/ })
      .click();
    await expect(page).toHaveURL(new RegExp(`/apps/${app.id}/entitlements$`));
    await page.getByRole("link", { name: entitlement.displayName, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(entitlement.displayName);
    await expect(
      page
        .getByRole("navigation", { name: "Entitlement sections" })
        .getByRole("link", { name: /^Grants/ }),
    ).toHaveAttribute("aria-current", "page");
  });

  await test.step("search the account and revoke it", async () => {
    const search = await whenInteractive(page.getByRole("searchbox", { name: "Search accounts" }));
    await search.fill(row.account.label);
    await expect(page).toHaveURL(/\?q=/);
    const button = page.getByRole("button", {
      name: `Revoke ${entitlement.displayName} from ${row.account.label}`,
    });
    await (await whenInteractive(button)).click();
  });

  const { number } = await revokeInDialog(page, candidate);

  await test.step("the row says Pending revocation and links to the task", async () => {
    const pending = page.getByRole("link", {
      name: new RegExp(`^Pending revocation: .*Open task #${number}$`),
    });
    await expect(pending).toHaveAttribute("href", `/tasks/${number}`);
    await expect(
      page.getByRole("button", {
        name: `Revoke ${entitlement.displayName} from ${row.account.label}`,
      }),
    ).toHaveCount(0);
    await pending.click();
    await expect(page).toHaveURL(new RegExp(`/tasks/${number}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Task #${number}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/Approval|Deprovision/);
  });
  await hannah.context.close();
});

test("a manager revokes a report's access from the account's page", async ({ browser }) => {
  const hannah = await personIn(browser, MANAGER);
  const { page } = hannah;
  const candidate = await findGrant(page.request, ownedByReport);
  const { app, entitlement, row } = candidate;

  await test.step("the account page, from the Grants tab", async () => {
    await page.goto(
      `/apps/${app.id}/entitlements/${entitlement.id}?q=${encodeURIComponent(row.account.label)}`,
    );
    await page
      .getByRole("link", { name: row.account.displayName ?? row.account.label, exact: true })
      .first()
      .click();
    await expect(page).toHaveURL(new RegExp(`/apps/${app.id}/accounts/${row.account.id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText(row.owner!.displayName).first()).toBeVisible();
    await expect(page.getByRole("heading", { name: "Profile attributes" })).toBeVisible();
  });

  const entitlements = page.getByRole("region", { name: "Entitlements" });
  await (
    await whenInteractive(
      entitlements.getByRole("button", {
        name: `Revoke ${entitlement.displayName} from ${row.account.label}`,
      }),
    )
  ).click();
  const { number } = await revokeInDialog(page, candidate);

  await expect(
    entitlements.getByRole("link", {
      name: new RegExp(`^Pending revocation: .*Open task #${number}$`),
    }),
  ).toHaveAttribute("href", `/tasks/${number}`);
  await hannah.context.close();
});

test("no approval and a MANUAL strategy: the toast names who deprovisions, and its task link opens that very task", async ({
  browser,
}) => {
  const hannah = await personIn(browser, MANAGER);
  const { page } = hannah;
  const candidate = await findGrant(page.request, ownedByReport, { policyFits: withoutApproval });
  const { app, entitlement, row } = candidate;
  await page.goto(
    `/apps/${app.id}/entitlements/${entitlement.id}?q=${encodeURIComponent(row.account.label)}`,
  );
  await (
    await whenInteractive(
      page.getByRole("button", {
        name: `Revoke ${entitlement.displayName} from ${row.account.label}`,
      }),
    )
  ).click();
  const { number, who, toast } = await revokeInDialog(page, candidate);

  await toast.getByRole("link", { name: `Open task #${number}` }).click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${number}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Task #${number}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Deprovision");
  // The people the toast named are the task's assignees, every one of them.
  const assigned = page.getByRole("region", { name: "Assigned to" });
  for (const name of who.split(/, | or /)) await expect(assigned).toContainText(name);
  await hannah.context.close();
});

test("an employee sees only her own accounts on a Grants tab, and is told who can revoke", async ({
  browser,
}) => {
  const claire = await personIn(browser, UNRELATED);
  const { page } = claire;
  // Every row she is shown is hers (SPEC §8); she may not revoke it herself. Her access is
  // all removed by connectors: the refusal does not depend on how it would be removed.
  const candidate = await findGrant(page.request, (r) => r.owner !== null, { anyStrategy: true });
  const { app, entitlement, row } = candidate;
  expect(row.owner!.displayName).toBe(UNRELATED);
  expect(row.viewerCanRevoke).toBe(false);
  const refusal = row.revokeRefusal!;
  expect(refusal).toMatch(/^Only a super admin, an owner of .+ can revoke this access\.$/);
  expect(refusal).toContain(UNRELATED);

  await page.goto(
    `/apps/${app.id}/entitlements/${entitlement.id}?q=${encodeURIComponent(row.account.label)}`,
  );
  await expect(
    page
      .getByRole("note")
      .filter({ hasText: "You see only the accounts you own and those of your direct reports" }),
  ).toBeVisible();
  const button = page.getByRole("button", {
    name: `Revoke ${entitlement.displayName} from ${row.account.label}`,
  });
  await expect(button).toHaveAttribute(
    "title",
    "You cannot revoke this access. Open to see who can.",
  );
  await (await whenInteractive(button)).click();
  const dialog = page.getByRole("dialog", { name: "Revoke access" });
  await expect(dialog.getByRole("alert")).toHaveText(refusal);
  await expect(dialog.getByRole("button", { name: "Revoke", exact: true })).toHaveCount(0);
  await dialog.getByRole("button", { name: "Close", exact: true }).first().click();
  await expect(dialog).toBeHidden();

  // The server is the authority: asked anyway, it refuses with the same words.
  const response = await page.request.post("/api/trpc/grants.revoke", {
    data: { json: { grantId: row.grantId, reason: "Trying anyway (e2e)" } },
  });
  expect(response.status()).toBe(403);
  const body = (await response.json()) as { error: { json: { message: string } } };
  expect(body.error.json.message).toBe(refusal);
  const status = await trpcQuery<{ revokedAt: string | null; pending: unknown }>(
    page.request,
    "grants.revocationStatus",
    { grantId: row.grantId },
  );
  expect(status).toEqual({ grantId: row.grantId, revokedAt: null, pending: null });
  await claire.context.close();
});

test("someone else's access is not an unrelated employee's to see", async ({ browser }) => {
  const hannah = await personIn(browser, MANAGER);
  const { app, entitlement, row } = await findGrant(hannah.page.request, ownedByReport);
  const claire = await personIn(browser, UNRELATED);
  const { page } = claire;

  // The Grants tab does not list it: only her own accounts and her reports' (she has none).
  await page.goto(
    `/apps/${app.id}/entitlements/${entitlement.id}?q=${encodeURIComponent(row.account.label)}`,
  );
  await expect(
    page.getByText(`No account of yours or your reports’ matches “${row.account.label}”`),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: /^Revoke / })).toHaveCount(0);

  // Nor does the API, by id: neither its status nor a revoke.
  const query = encodeURIComponent(JSON.stringify({ json: { grantId: row.grantId } }));
  const status = await page.request.get(`/api/trpc/grants.revocationStatus?input=${query}`);
  expect(status.status()).toBe(403);
  const statusBody = (await status.json()) as { error: { json: { message: string } } };
  expect(statusBody.error.json.message).toMatch(
    new RegExp(
      `^Only super admins, auditors, the owners of ${app.name}, .* can see this access\\.$`,
    ),
  );
  const revoke = await page.request.post("/api/trpc/grants.revoke", {
    data: { json: { grantId: row.grantId, reason: "Trying anyway (e2e)" } },
  });
  expect(revoke.status()).toBe(403);
  const after = await trpcQuery<{ pending: { requester: { displayName: string } } | null }>(
    hannah.page.request,
    "grants.revocationStatus",
    { grantId: row.grantId },
  );
  expect(after.pending?.requester.displayName).not.toBe(UNRELATED);

  // The account itself is not hers to see either.
  await page.goto(`/apps/${app.id}/accounts/${row.account.id}`);
  await expect(page.getByRole("heading", { name: "You cannot see this account" })).toBeVisible();
  await expect(
    page.getByText(new RegExp(`^Only super admins, auditors, the owners of ${app.name}`)),
  ).toBeVisible();
  await claire.context.close();
  await hannah.context.close();
});
