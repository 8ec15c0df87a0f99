import type { Prisma } from "@lantern/db";
import {
  lockAppForRemap,
  REMAP_INLINE_LIMIT,
  remapOrQueue,
  type RemapStatus,
} from "./remap-jobs.ts";

// Re-mapping after people change (SPEC §4.2: "when users are added, renamed or removed"). Every
// service that adds, renames or removes people calls `remapAfterPeopleChange` in its own
// transaction, saying what kind of change it made; only the apps that change can move are
// re-mapped:
// - emails (people added or removed, an email changed): every app with accounts, NARROW and
//   BROAD alike — an account's email may now (or no longer) be someone's;
// - names only (given or family name changed): BROAD apps with accounts; NARROW apps compare
//   emails only, so a rename cannot move their owners.
// A status change moves nothing (people of every status match) and needs no call.
// Small apps are re-mapped inside the caller's transaction while the accounts re-mapped stay
// within one inline budget; the others get a queued re-map that the background work runs.

export interface PeopleChange {
  /** People were added or removed, or someone's email changed. */
  emails: boolean;
  /** Someone's given or family name changed. */
  names: boolean;
}

export interface RemapAfterPeopleChangeInput {
  organizationId: string;
  change: PeopleChange;
  actorId: string | null;
  at: Date;
  /** Accounts re-mapped inline in all, at most (default REMAP_INLINE_LIMIT); the rest queue. */
  inlineBudget?: number;
}

export interface PeopleRemapSummary {
  /** Apps re-mapped now. */
  remapped: number;
  /** Apps whose re-map was queued for the background work. */
  queued: number;
  remaps: { appId: string; status: RemapStatus }[];
}

export async function remapAfterPeopleChange(
  tx: Prisma.TransactionClient,
  input: RemapAfterPeopleChangeInput,
): Promise<PeopleRemapSummary> {
  const summary: PeopleRemapSummary = { remapped: 0, queued: 0, remaps: [] };
  const { emails, names } = input.change;
  if (!emails && !names) return summary;
  // The apps that can move, in id order (the order their locks are taken in).
  const apps = await tx.$queryRaw<{ id: string }[]>`
    SELECT a.id::text FROM "App" a
    WHERE a."organizationId" = ${input.organizationId}::uuid
      AND (${emails} OR a."accountMappingMode" = 'BROAD')
      AND EXISTS (SELECT 1 FROM "Account" x WHERE x."appId" = a.id)
    ORDER BY a.id`;
  let budget = input.inlineBudget ?? REMAP_INLINE_LIMIT;
  for (const app of apps) {
    if (!(await lockAppForRemap(tx, input.organizationId, app.id))) continue;
    const outcome = await remapOrQueue(tx, {
      organizationId: input.organizationId,
      appId: app.id,
      reason: "people",
      requestedById: input.actorId,
      at: input.at,
      inlineLimit: budget,
    });
    if (outcome.result) {
      budget -= outcome.result.accounts;
      summary.remapped += 1;
    } else {
      summary.queued += 1;
    }
    summary.remaps.push({ appId: app.id, status: outcome.status });
  }
  return summary;
}
