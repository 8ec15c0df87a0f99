import { badgeCount, expectBadge, signInAsAnyone, taskRow } from "./support/tasks.ts";
import { expect, test } from "./support/test.ts";
import { whenInteractive } from "./support/ui.ts";

// Revocations (SPEC §3.2–§3.3): a deprovisioner marks a deprovisioning task done from the
// Awaiting deprovisioning tab. The demo organization gives Marcus Chen several such tasks;
// this spec takes whichever is first, so no other spec depends on it.

test("mark deprovisioned from the Revocations inbox; the badge drops and the access is removed", async ({
  page,
}) => {
  await signInAsAnyone(page, "Marcus Chen");
  await page.goto("/revocations?tab=awaiting_deprovisioning");
  await expect(page.getByRole("heading", { name: "Revocations", level: 1 })).toBeVisible();
  const first = page
    .getByRole("row")
    .filter({ has: page.getByRole("cell") })
    .first();
  const link = first.getByRole("link", { name: /^Task #\d+: details$/ });
  const number = Number((await link.innerText()).replace(/\D/g, ""));
  const before = await badgeCount(page, "Revocations");
  expect(before).toBeGreaterThan(0);

  await (
    await whenInteractive(first.getByRole("button", { name: `Mark deprovisioned #${number}` }))
  ).click();
  const dialog = page.getByRole("dialog", { name: `Mark deprovisioned #${number}` });
  await expect(dialog).toBeVisible();
  // Nothing to type: the confirm button has the focus, Enter confirms.
  await expect(dialog.getByRole("button", { name: "Mark deprovisioned" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Task #${number} marked deprovisioned`)).toBeVisible();
  await expect(taskRow(page, number)).toHaveCount(0);
  await expectBadge(page, "Revocations", before - 1);

  await page.getByRole("link", { name: "Completed tasks" }).click();
  await expect(taskRow(page, number)).toContainText("Deprovisioned");

  await page.goto(`/tasks/${number}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Deprovisioned");
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("Revocations");
  await expect(page.getByRole("region", { name: "History" })).toContainText(
    "The request was completed: the access is removed",
  );
});
