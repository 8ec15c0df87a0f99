import { type Browser, type Locator, type Page } from "@playwright/test";
import {
  badgeCount,
  expectAccessible,
  expectBadge,
  personIn,
  signInAsAnyone,
} from "./support/tasks.ts";
import { MANAGER, PROVISIONER, SUPER_ADMIN } from "./support/routes.ts";
import { expect, test } from "./support/test.ts";
import { trpcMutation, trpcQuery } from "./support/trpc.ts";
import { whenInteractive } from "./support/ui.ts";

// The reviewer's queue (SPEC §10, issue 16): a super admin starts a campaign over one AWS
// entitlement with the managers as reviewers; Hannah Okafor (whose platform engineers hold
// it) opens her queue from the Reviews badge, moves with j / k, keeps one item with e,
// revokes one with a reason, bulk-keeps the rest with one comment — and the badge is 0. The
// super admin decides the other managers' few items; Marcus Chen, a deprovisioner of AWS,
// marks the removal deprovisioned; the campaign page shows 100% decided and the access removed.

interface Requestable {
  id: string;
  displayName: string;
  app: { name: string };
}

interface QueueItem {
  id: string;
  campaignId: string;
  ownerName: string | null;
  accountLabel: string;
  appName: string;
  entitlementName: string;
  flags: { flag: string; label: string }[];
}

const APP = "AWS";
const ENTITLEMENT = "PowerUserAccess (production)";

/** Starts a campaign over the entitlement, reviewed by each account owner's manager. */
async function startCampaign(browser: Browser): Promise<{ campaignId: string; name: string }> {
  const alex = await personIn(browser, SUPER_ADMIN);
  try {
    const options = await trpcQuery<Requestable[]>(alex.page.request, "requests.requestable", {
      search: ENTITLEMENT,
    });
    const entitlement = options.find((o) => o.app.name === APP && o.displayName === ENTITLEMENT);
    expect(entitlement, `${APP} › ${ENTITLEMENT} in the demo`).toBeDefined();
    const name = `Production access ${Date.now().toString(36)}`;
    const due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const started = await trpcMutation<{ campaignId: string }>(alex.page.request, "reviews.start", {
      name,
      dueDate: due,
      scope: { entitlementIds: [entitlement!.id], accountTypes: ["USER"] },
      reviewers: { first: { kind: "MANAGER" } },
    });
    return { campaignId: started.campaignId, name };
  } finally {
    await alex.context.close();
  }
}

/** The row of an item (its Keep button names it). */
const itemRow = (page: Page, item: QueueItem): Locator =>
  page.locator(`tr[data-review-row="${item.id}"]`);

const currentRow = (page: Page): Locator => page.locator('tbody tr[aria-current="true"]');

test("a manager keeps with e, revokes with a reason and bulk-keeps the rest; the badge goes to 0", async ({
  page,
  browser,
}) => {
  // Starting a campaign, three people's sign-ins and a Revoke through the revocation path.
  test.setTimeout(180_000);
  const campaign = await startCampaign(browser);
  await signInAsAnyone(page, MANAGER);

  // Her items, as the API lists them (their order is the page's).
  const items = (
    await trpcQuery<{ items: QueueItem[] }>(page.request, "reviews.queue", {
      campaignId: campaign.campaignId,
    })
  ).items;
  expect(items.length, "Hannah's reports hold the entitlement").toBeGreaterThanOrEqual(3);

  await page.goto("/my-access");
  const reviews = page.getByRole("navigation", { name: "Main" }).getByRole("link", {
    name: /^Reviews/,
  });
  await expect.poll(() => badgeCount(page, "Reviews")).toBeGreaterThanOrEqual(items.length);
  const before = await badgeCount(page, "Reviews");
  await reviews.click();
  await expect(page).toHaveURL(/\/reviews\/queue$/);
  await expect(page.getByRole("heading", { name: "Reviews", level: 1 })).toBeVisible();
  await expect(reviews).toHaveAttribute("aria-current", "page");

  // Filtered to the campaign, as the email's link does.
  await page.goto(`/reviews/queue?campaign=${campaign.campaignId}`);
  const section = page.getByRole("region", { name: campaign.name });
  await expect(section).toBeVisible();
  await expect(section).toContainText(`${items.length} items waiting`);
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText(campaign.name);
  await whenInteractive(section.getByRole("checkbox").first());
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))),
  );
  await page.screenshot({ path: test.info().outputPath("queue.png"), fullPage: true });
  await expectAccessible(page, "the reviews queue");

  // j / k move the current row.
  await page.keyboard.press("j");
  await expect(currentRow(page)).toHaveAttribute("data-review-row", items[0]!.id);
  await page.keyboard.press("j");
  await expect(currentRow(page)).toHaveAttribute("data-review-row", items[1]!.id);
  await page.keyboard.press("k");
  await expect(currentRow(page)).toHaveAttribute("data-review-row", items[0]!.id);

  // `?` lists the shortcuts.
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toContainText("Keep");
  await expect(help).toContainText("Revoke");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // e keeps the current item: at once, or — flagged — after a reason.
  const kept = items[0]!;
  await page.keyboard.press("e");
  if (kept.flags.length > 0) {
    const dialog = page.getByRole("dialog", { name: /^Keep:/ });
    await dialog
      .getByRole("textbox", { name: "A reason for keeping flagged access" })
      .fill("Still on call for production.");
    await dialog.getByRole("button", { name: "Keep" }).click();
  }
  await expect(page.getByText("Kept", { exact: true })).toBeVisible();
  await expect(itemRow(page, kept)).toHaveCount(0);
  // The next item is current, ready for the next decision.
  await expect(currentRow(page)).toHaveAttribute("data-review-row", items[1]!.id);

  // r revokes, with a required reason.
  const revoked = items[1]!;
  await page.keyboard.press("r");
  const revoke = page.getByRole("dialog", { name: /^Revoke:/ });
  await revoke.getByRole("button", { name: "Revoke" }).click();
  await expect(revoke.getByText("A reason for revoking is required.")).toBeVisible();
  await revoke
    .getByRole("textbox", { name: "A reason for revoking" })
    .fill("Moved to the data team; production operations are no longer theirs.");
  await page.screenshot({ path: test.info().outputPath("revoke-dialog.png") });
  await revoke.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("Revoked — removal requested")).toBeVisible();
  await expect(itemRow(page, revoked)).toHaveCount(0);

  // The rest: selected all at once, kept with one comment.
  const rest = items.slice(2);
  await section.getByRole("checkbox", { name: `Select all items of ${campaign.name}` }).check();
  const bar = page.getByRole("region", { name: "Bulk actions" });
  await expect(bar).toContainText(`${rest.length} selected`);
  await page.screenshot({ path: test.info().outputPath("bulk-bar.png"), fullPage: true });
  await bar.getByRole("button", { name: "Keep" }).click();
  const count = `${rest.length} item${rest.length === 1 ? "" : "s"}`;
  const bulk = page.getByRole("dialog", { name: `Keep: ${count}` });
  const flagged = rest.some((i) => i.flags.length > 0);
  await bulk
    .getByRole("textbox", { name: flagged ? "A reason for keeping flagged access" : "Comment" })
    .fill("Quarterly check with the platform team: all still on the production rota.");
  await bulk.getByRole("button", { name: `Keep ${count}` }).click();
  const result = page.getByRole("dialog", {
    name: `Keep: ${rest.length} of ${count} done`,
  });
  await expect(result).toContainText(`${count} kept`);
  await page.screenshot({ path: test.info().outputPath("bulk-result.png") });
  await result.getByRole("button", { name: "Done" }).click();

  // Nothing left in this campaign; the badge counts what is left elsewhere.
  await expect(page.getByText("Nothing waiting here")).toBeVisible();
  await expectBadge(page, "Reviews", before - items.length);
  await page.goto("/reviews/queue");
  if (before === items.length) {
    await expect(page.getByText("Nothing to review.")).toBeVisible();
    await expectBadge(page, "Reviews", 0);
  }
  await page.screenshot({ path: test.info().outputPath("queue-done.png"), fullPage: true });

  // The decisions stand: nothing of the campaign waits for her, the revoke opened a request.
  const after = await trpcQuery<{ items: QueueItem[] }>(page.request, "reviews.queue", {
    campaignId: campaign.campaignId,
  });
  expect(after.items).toEqual([]);

  // The other managers' items (other teams hold the entitlement too): the super admin keeps them.
  const alex = await personIn(browser, SUPER_ADMIN);
  const marcus = await personIn(browser, PROVISIONER);
  try {
    const others = await trpcQuery<{ items: QueueItem[] }>(alex.page.request, "reviews.items", {
      campaignId: campaign.campaignId,
      filter: "pending",
      limit: 100,
    });
    if (others.items.length > 0) {
      const kept = await trpcMutation<{ done: number }>(alex.page.request, "reviews.bulk", {
        itemIds: others.items.map((i) => i.id),
        decision: "keep",
        comment: "Checked with their managers in the quarterly meeting.",
      });
      expect(kept.done).toBe(others.items.length);
    }

    // The revocation runs through AWS's revocation policy: approvals (the super admin
    // approves), then the deprovisioning task, which Marcus marks done from its page.
    const removalTask = async () =>
      (
        await trpcQuery<{ items: { removalTaskNumber: number | null; removal: string }[] }>(
          alex.page.request,
          "reviews.items",
          { campaignId: campaign.campaignId, filter: "revoked" },
        )
      ).items[0]!;
    let removal = await removalTask();
    expect(removal.removal).toBe("PENDING");
    for (let step = 0; step < 5 && removal.removalTaskNumber !== null; step += 1) {
      const task = await trpcQuery<{ id: string; kind: string }>(
        alex.page.request,
        "tasks.byNumber",
        { number: removal.removalTaskNumber },
      );
      if (task.kind === "APPROVAL") {
        await trpcMutation(alex.page.request, "tasks.close", {
          taskId: task.id,
          action: "approve",
        });
      } else {
        expect(task.kind).toBe("DEPROVISION");
        await marcus.page.goto(`/tasks/${removal.removalTaskNumber}`);
        const done = marcus.page.getByRole("button", { name: /^Mark deprovisioned/ }).first();
        await whenInteractive(done);
        await done.click();
        const dialog = marcus.page.getByRole("dialog", { name: /^Mark deprovisioned/ });
        await dialog.getByRole("button", { name: "Mark deprovisioned" }).click();
        await expect(dialog).toBeHidden();
      }
      removal = await removalTask();
    }
    expect(removal.removal).toBe("REMOVED");

    // The campaign: every item decided, the revoked access gone.
    await alex.page.goto(`/reviews/${campaign.campaignId}`);
    await expect(alex.page.getByRole("heading", { name: campaign.name, level: 1 })).toBeVisible();
    await expect(alex.page.getByText(/^(\d+) \/ \1 decided · 100%$/)).toBeVisible();
    const removals = alex.page.getByRole("region", { name: "Removal of revoked access" });
    await expect(removals).toContainText("Removed");
    await alex.page.screenshot({
      path: test.info().outputPath("campaign-done.png"),
      fullPage: true,
    });
  } finally {
    await alex.context.close();
    await marcus.context.close();
  }
});
