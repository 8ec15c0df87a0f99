import { assertAllowed, canViewApp, DomainError, type AccountMappingMode } from "@lantern/domain";

import { findApp, loadManagedApp } from "../shared/apps.ts";
import { recordEvents, transaction } from "../shared/records.ts";
import type { RemapResult } from "./remap.ts";
import { latestRemap, lockAppForRemap, remapOrQueue, type RemapStatus } from "./remap-jobs.ts";
import type { ServiceContext } from "../shared/context.ts";

// An app's account mapping settings (SPEC §4.2: the app's … menu → Account mapping settings):
// the mode, saved with its Event, and the re-map of the app's accounts under it — inside the
// same transaction for a small app (the answer already carries the new owners' counts), or
// queued for the background work for a large one, whose progress `remapStatus` reports.

export interface MappingSettingsOptions {
  /** Re-map inline up to this many accounts (default REMAP_INLINE_LIMIT); tests lower it. */
  inlineLimit?: number;
}

export interface SetMappingModeResult {
  appId: string;
  mode: AccountMappingMode;
  previousMode: AccountMappingMode;
  /** False when the app already had this mode: nothing was saved or re-mapped. */
  changed: boolean;
  /** The re-map: SUCCEEDED with its counts (inline), or QUEUED (large app); null if unchanged. */
  remap: RemapStatus | null;
  /** The counts of an inline re-map; null when queued or unchanged. */
  result: RemapResult | null;
}

/**
 * Saves the app's account mapping mode and re-maps its accounts. Super admins and the app's
 * owners (canManageApp); anyone else gets FORBIDDEN and nothing changes. One transaction: the
 * mode, its Event (before / after, with the re-map's counts or its queued job), and the re-map
 * itself or its queued job (which supersedes any re-map of the app still queued or running).
 */
export async function setAccountMappingMode(
  ctx: ServiceContext,
  input: { appId: string; mode: AccountMappingMode },
  options: MappingSettingsOptions = {},
): Promise<SetMappingModeResult> {
  const app = await loadManagedApp(ctx.db, ctx.actor, input.appId, "This app does not exist.");
  const at = ctx.now();
  return transaction(
    ctx,
    async (tx) => {
      const previousMode = await lockAppForRemap(tx, app.organizationId, app.id);
      if (!previousMode) throw new DomainError("NOT_FOUND", "This app does not exist.");
      if (previousMode === input.mode) {
        return {
          appId: app.id,
          mode: input.mode,
          previousMode,
          changed: false,
          remap: null,
          result: null,
        };
      }
      await tx.app.update({
        where: { id: app.id },
        data: { accountMappingMode: input.mode, updatedAt: at },
      });
      const outcome = await remapOrQueue(tx, {
        organizationId: app.organizationId,
        appId: app.id,
        reason: "mode",
        requestedById: ctx.actor.id,
        at,
        inlineLimit: options.inlineLimit,
      });
      await recordEvents(tx, [
        {
          organizationId: app.organizationId,
          actorId: ctx.actor.id,
          action: "app.account_mapping_changed",
          targetType: "App",
          targetId: app.id,
          before: { accountMappingMode: previousMode },
          after: {
            accountMappingMode: input.mode,
            remapId: outcome.status.id,
            remap: outcome.result ?? { state: "QUEUED", total: outcome.status.total },
            superseded: outcome.superseded,
          },
          at,
        },
      ]);
      return {
        appId: app.id,
        mode: input.mode,
        previousMode,
        changed: true,
        remap: outcome.status,
        result: outcome.result,
      };
    },
    // A small app's re-map runs inside; the inline limit keeps it to seconds.
    { maxWait: 30_000, timeout: 10 * 60_000 },
  );
}

/** The app's latest re-map (for the progress bar and the banner), or null. Anyone who sees the app. */
export async function getRemapStatus(
  ctx: ServiceContext,
  appId: string,
): Promise<RemapStatus | null> {
  const app = await findApp(ctx.db, ctx.actor, appId, "This app does not exist.");
  assertAllowed(canViewApp(ctx.actor, app), "NOT_FOUND");
  return latestRemap(ctx.db, app.id);
}
