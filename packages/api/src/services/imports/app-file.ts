import {
  ImportFileError,
  readImportFile,
  type ImportFormat,
  type ImportKind,
  type ImportSource,
} from "@lantern/connectors";
import { DomainError, textProblem, type Actor } from "@lantern/domain";

import type { RemapResult } from "../accounts/remap.ts";
import { lockAppForRemap, remapOrQueue } from "../accounts/remap-jobs.ts";
import { loadManagedApp } from "../shared/apps.ts";
import { recordEvents, transaction } from "../shared/records.ts";
import type { ServiceContext } from "../shared/context.ts";
import {
  MAX_PROBLEMS,
  pipelinedStager,
  refused,
  STAGE_BATCH,
  STAGING_TABLES,
  UUID7,
  type Tx,
} from "./staging.ts";

// Ingestion of an app's accounts, entitlements and grants from a CSV or JSON file
// (SPEC §4.6). The file is read in batches into temporary staging tables, checked as a
// whole, then applied with a handful of set-based statements (INSERT … SELECT … ON CONFLICT,
// UPDATE … FROM), never a statement per row (SPEC §9). Everything happens in ONE transaction
// with its audit Events: a refused file, a dangling reference or a failure leaves nothing
// behind. Idempotent by externalId (accounts) and slug (entitlements): importing the same file
// twice changes nothing the second time.
//
// What an import never touches: an account's owner (ownership is the re-map's, and MANUAL /
// CLEARED owners survive it), a type set by hand (typeSource MANUAL), an entitlement's
// strategies, policies and owners.

export type ImportMode = "full" | "incremental";

export interface ImportAppFileInput {
  appId: string;
  format: ImportFormat;
  /** Required for CSV; for JSON, restricts the document to this kind. */
  kind?: Exclude<ImportKind, "users">;
  /**
   * `full`: the file is everything the app holds — accounts missing from it become DELETED
   * (their live grants end) and live grants missing from it end. `incremental`: only adds and
   * updates.
   */
  mode: ImportMode;
  source: ImportSource;
}

export interface ImportSummary {
  appId: string;
  mode: ImportMode;
  accounts: { rows: number; created: number; updated: number; unchanged: number; deleted: number };
  entitlements: {
    rows: number;
    created: number;
    updated: number;
    unchanged: number;
    /** Entitlements of the app a full import did not list: kept (they carry policies and
     * owners set in Lantern), counted so an admin can look. */
    missing: number;
  };
  grants: { rows: number; created: number; updated: number; ended: number };
  /**
   * The re-map of the app's owners (SPEC §4.2) when the import changed accounts and the app is
   * small enough to re-map within the import; else null.
   */
  remap: RemapResult | null;
  /** A large app's re-map, queued by the import for the background work; else null. */
  remapQueued: { id: string; total: number } | null;
}

export interface ImportOptions {
  /** Re-map within the import up to this many accounts (default REMAP_INLINE_LIMIT). */
  remapInlineLimit?: number;
}

/**
 * Imports a file into an app. Who may: super admins and the app's owners (canManageApp).
 * Throws DomainError BAD_REQUEST with `details.problems` ([{ line, message }], at most 50)
 * when the file is refused.
 */
export async function importAppFile(
  ctx: ServiceContext,
  input: ImportAppFileInput,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const app = await loadManagedApp(ctx.db, ctx.actor, input.appId, "This app does not exist.");
  const now = ctx.now();
  return transaction(
    ctx,
    async (tx) => {
      // The app's lock first (see remap-jobs.ts): one change of the app at a time, and a
      // queued re-map of it waits for the import instead of mapping half-imported accounts.
      if (!(await lockAppForRemap(tx, app.organizationId, app.id)))
        throw new DomainError("NOT_FOUND", "This app does not exist.");
      return runImport(tx, ctx.actor, app, input, now, options);
    },
    // A million accounts take a while; the transaction is the import's all-or-nothing.
    { timeout: 60 * 60_000, maxWait: 60_000 },
  );
}

interface Staged {
  accounts: number;
  entitlements: number;
  grants: number;
}

async function runImport(
  tx: Tx,
  actor: Actor,
  app: { id: string; name: string; organizationId: string },
  input: ImportAppFileInput,
  now: Date,
  options: ImportOptions,
): Promise<ImportSummary> {
  const at = now.toISOString();
  for (const statement of STAGING_TABLES) await tx.$executeRawUnsafe(statement);
  const staged: Staged = { accounts: 0, entitlements: 0, grants: 0 };
  const stager = pipelinedStager(tx);
  try {
    for await (const batch of readImportFile(input.source, {
      format: input.format,
      kind: input.kind,
      batchSize: STAGE_BATCH,
      maxProblems: MAX_PROBLEMS,
      textProblem,
    })) {
      if (batch.kind === "users") {
        throw new DomainError(
          "BAD_REQUEST",
          "People are imported for the whole organization, not into an app: use the people import.",
        );
      }
      await stager.add(batch);
      staged[batch.kind] += batch.rows.length;
    }
    await stager.flush();
  } catch (error) {
    await stager.flush(true);
    if (error instanceof ImportFileError) throw refused(error.problems, error.truncated);
    throw error;
  }
  // Real statistics for the planner: the joins below are against these tables.
  for (const table of ["import_account", "import_entitlement", "import_grant"]) {
    await tx.$executeRawUnsafe(`ANALYZE ${table}`);
  }

  const total = staged.accounts + staged.entitlements + staged.grants;
  if (input.mode === "full" && (total === 0 || (input.kind && staged[input.kind] === 0))) {
    throw refused(
      [
        {
          line: 1,
          message:
            "the file holds no rows; a full import of it would delete everything the app " +
            "holds. Send the app's rows, or use an incremental import.",
        },
      ],
      false,
    );
  }

  const before = await counts(tx, app.id);
  const summary: ImportSummary = {
    appId: app.id,
    mode: input.mode,
    accounts: { rows: staged.accounts, created: 0, updated: 0, unchanged: 0, deleted: 0 },
    entitlements: { rows: staged.entitlements, created: 0, updated: 0, unchanged: 0, missing: 0 },
    grants: { rows: staged.grants, created: 0, updated: 0, ended: 0 },
    remap: null,
    remapQueued: null,
  };
  // A JSON document without a kind applies each kind it holds rows of; a full import only
  // removes what is missing from a kind the file carries.
  const full = (kind: keyof Staged) =>
    input.mode === "full" && (input.kind ? input.kind === kind : staged[kind] > 0);
  const params = { org: app.organizationId, app: app.id, at, actor: actor.id };

  if (staged.entitlements > 0 || full("entitlements")) {
    Object.assign(summary.entitlements, await applyEntitlements(tx, params, full("entitlements")));
  }
  if (staged.accounts > 0 || full("accounts")) {
    Object.assign(summary.accounts, await applyAccounts(tx, params, full("accounts")));
  }
  // Accounts now DELETED (missing from a full import, or marked so in the file) hold no access.
  summary.grants.ended += await endGrantsOfDeletedAccounts(tx, params);
  if (staged.grants > 0 || full("grants")) {
    const grants = await applyGrants(tx, params, full("grants"));
    summary.grants.created = grants.created;
    summary.grants.updated = grants.updated;
    summary.grants.ended += grants.ended;
  }

  // The re-map after an ingestion (SPEC §4.2), in the import's transaction: the accounts and
  // their owners commit together (a large app's re-map is queued, also with the import). It
  // never touches MANUAL or CLEARED owners.
  const a = summary.accounts;
  if (a.created + a.updated + a.deleted > 0) {
    const outcome = await remapOrQueue(tx, {
      organizationId: app.organizationId,
      appId: app.id,
      reason: "import",
      requestedById: actor.id,
      at: now,
      inlineLimit: options.remapInlineLimit,
    });
    summary.remap = outcome.result;
    if (!outcome.result)
      summary.remapQueued = { id: outcome.status.id, total: outcome.status.total };
  }

  const after = await counts(tx, app.id);
  await recordEvents(tx, [
    {
      organizationId: app.organizationId,
      actorId: actor.id,
      action: "app.imported",
      targetType: "App",
      targetId: app.id,
      before,
      after: { ...after, result: summary },
      reason: `${input.mode === "full" ? "Full" : "Incremental"} ${input.format.toUpperCase()} import`,
      at: now,
    },
  ]);
  return summary;
}

interface Params {
  org: string;
  app: string;
  at: string;
  actor: string;
}

async function applyEntitlements(tx: Tx, p: Params, full: boolean) {
  // Not given (null) keeps what Lantern has; a new entitlement without a name shows its slug.
  const updated = await tx.$executeRawUnsafe(
    `UPDATE "Entitlement" e
     SET "displayName" = coalesce(s."displayName", e."displayName"),
         description = coalesce(s.description, e.description), "updatedAt" = $2::timestamp
     FROM import_entitlement s
     WHERE e."appId" = $1::uuid AND e.slug = s.slug
       AND (e."displayName", e.description)
           IS DISTINCT FROM (coalesce(s."displayName", e."displayName"),
                             coalesce(s.description, e.description))`,
    p.app,
    p.at,
  );
  const created = await tx.$executeRawUnsafe(
    `INSERT INTO "Entitlement" (id, "organizationId", "appId", slug, "displayName", description,
                                "createdAt", "updatedAt")
     SELECT ${UUID7}, $1::uuid, $2::uuid, s.slug, coalesce(s."displayName", s.slug),
            coalesce(s.description, ''), $3::timestamp, $3::timestamp
     FROM import_entitlement s
     WHERE NOT EXISTS (SELECT 1 FROM "Entitlement" e WHERE e."appId" = $2::uuid AND e.slug = s.slug)`,
    p.org,
    p.app,
    p.at,
  );
  const [row] = await tx.$queryRawUnsafe<{ rows: number; missing: number }[]>(
    `SELECT (SELECT count(*)::int FROM import_entitlement) AS rows,
            (SELECT count(*)::int FROM "Entitlement" e WHERE e."appId" = $1::uuid
               AND NOT EXISTS (SELECT 1 FROM import_entitlement s WHERE s.slug = e.slug)) AS missing`,
    p.app,
  );
  return {
    created,
    updated,
    unchanged: row!.rows - created - updated,
    missing: full ? row!.missing : 0,
  };
}

async function applyAccounts(tx: Tx, p: Params, full: boolean) {
  const [upserted] = await tx.$queryRawUnsafe<{ created: number; updated: number }[]>(
    `WITH up AS (
       INSERT INTO "Account" AS a (id, "organizationId", "appId", "externalId", login, emails,
         "givenName", "familyName", "displayName", status, type, "lastLoginAt", profile,
         "deletedAt", "createdAt", "updatedAt")
       SELECT ${UUID7}, $1::uuid, $2::uuid, s."externalId", s.login, s.emails, s."givenName",
              s."familyName", s."displayName", s.status, s.type, s."lastLoginAt", s.profile,
              CASE WHEN s.status = 'DELETED' THEN $3::timestamp END, $3::timestamp, $3::timestamp
       FROM import_account s
       ON CONFLICT ("appId", "externalId") DO UPDATE SET
         login = EXCLUDED.login, emails = EXCLUDED.emails, "givenName" = EXCLUDED."givenName",
         "familyName" = EXCLUDED."familyName", "displayName" = EXCLUDED."displayName",
         status = EXCLUDED.status,
         -- A type set by hand (SPEC §4.4) is never overwritten by ingestion.
         type = CASE WHEN a."typeSource" = 'MANUAL' THEN a.type ELSE EXCLUDED.type END,
         "lastLoginAt" = EXCLUDED."lastLoginAt", profile = EXCLUDED.profile,
         "deletedAt" = CASE WHEN EXCLUDED.status = 'DELETED'
                            THEN coalesce(a."deletedAt", EXCLUDED."deletedAt") END,
         "updatedAt" = EXCLUDED."updatedAt"
       WHERE (a.login, a.emails, a."givenName", a."familyName", a."displayName", a.status,
              a."lastLoginAt", a.profile)
             IS DISTINCT FROM (EXCLUDED.login, EXCLUDED.emails, EXCLUDED."givenName",
              EXCLUDED."familyName", EXCLUDED."displayName", EXCLUDED.status,
              EXCLUDED."lastLoginAt", EXCLUDED.profile)
          OR (a."typeSource" = 'INGESTED' AND a.type <> EXCLUDED.type)
       RETURNING (xmax = 0) AS inserted
     )
     SELECT count(*) FILTER (WHERE inserted)::int AS created,
            count(*) FILTER (WHERE NOT inserted)::int AS updated
     FROM up`,
    p.org,
    p.app,
    p.at,
  );
  const [{ rows }] = (await tx.$queryRawUnsafe<{ rows: number }[]>(
    `SELECT count(*)::int AS rows FROM import_account`,
  )) as [{ rows: number }];
  let deleted = 0;
  if (full) {
    deleted = await tx.$executeRawUnsafe(
      `WITH gone AS (
         UPDATE "Account" a SET status = 'DELETED', "deletedAt" = $3::timestamp,
                                "updatedAt" = $3::timestamp
         FROM (SELECT id, status FROM "Account" WHERE "appId" = $2::uuid AND status <> 'DELETED')
              old
         WHERE a.id = old.id
           AND NOT EXISTS (SELECT 1 FROM import_account s WHERE s."externalId" = a."externalId")
         RETURNING a.id, old.status AS before
       )
       INSERT INTO "Event" (id, "organizationId", "actorId", action, "targetType", "targetId",
                            before, after, reason, at)
       SELECT ${UUID7}, $1::uuid, $4::uuid, 'account.deleted', 'Account', gone.id::text,
              jsonb_build_object('status', gone.before), '{"status":"DELETED"}'::jsonb,
              'Missing from a full import', $3::timestamp
       FROM gone`,
      p.org,
      p.app,
      p.at,
      p.actor,
    );
  }
  return {
    created: upserted!.created,
    updated: upserted!.updated,
    unchanged: rows - upserted!.created - upserted!.updated,
    deleted,
  };
}

/** Ends the live grants of the app's DELETED accounts, one Event per grant. */
function endGrantsOfDeletedAccounts(tx: Tx, p: Params): Promise<number> {
  return tx.$executeRawUnsafe(
    `WITH ended AS (
       UPDATE "Grant" g SET "revokedAt" = $3::timestamp
       FROM "Account" a
       WHERE g."accountId" = a.id AND a."appId" = $2::uuid AND a.status = 'DELETED'
         AND g."revokedAt" IS NULL
       RETURNING g.id, g."accountId", g."entitlementId", g.source
     )
     ${grantEndedEvents("The account was deleted in the app (import)")}`,
    p.org,
    p.app,
    p.at,
    p.actor,
  );
}

function grantEndedEvents(reason: string): string {
  return `INSERT INTO "Event" (id, "organizationId", "actorId", action, "targetType", "targetId",
                              before, after, reason, at)
     SELECT ${UUID7}, $1::uuid, $4::uuid, 'grant.ended', 'Grant', ended.id::text,
            jsonb_build_object('accountId', ended."accountId", 'entitlementId',
                               ended."entitlementId", 'source', ended.source, 'revokedAt', NULL),
            jsonb_build_object('revokedAt', $3::timestamp), '${reason}', $3::timestamp
     FROM ended`;
}

async function applyGrants(tx: Tx, p: Params, full: boolean) {
  await tx.$executeRawUnsafe(
    `CREATE TEMP TABLE import_grant_resolved ON COMMIT DROP AS
     SELECT s.line, s."accountExternalId", s."entitlementSlug", a.id AS "accountId",
            a.status AS "accountStatus", e.id AS "entitlementId", s."grantedAt", s."expiresAt"
     FROM import_grant s
     LEFT JOIN "Account" a ON a."appId" = $1::uuid AND a."externalId" = s."accountExternalId"
     LEFT JOIN "Entitlement" e ON e."appId" = $1::uuid AND e.slug = s."entitlementSlug"`,
    p.app,
  );
  const dangling = await tx.$queryRawUnsafe<
    {
      line: number;
      accountExternalId: string;
      entitlementSlug: string;
      account: boolean;
      deleted: boolean;
      entitlement: boolean;
    }[]
  >(
    `SELECT line, "accountExternalId", "entitlementSlug", "accountId" IS NOT NULL AS account,
            "accountStatus" = 'DELETED' AS deleted, "entitlementId" IS NOT NULL AS entitlement
     FROM import_grant_resolved
     WHERE "accountId" IS NULL OR "entitlementId" IS NULL OR "accountStatus" = 'DELETED'
     ORDER BY line LIMIT ${MAX_PROBLEMS + 1}`,
  );
  if (dangling.length > 0) {
    throw refused(
      dangling.slice(0, MAX_PROBLEMS).map((d) => ({
        line: d.line,
        message: [
          d.account ? null : `no account with externalId "${d.accountExternalId}" in this app`,
          d.account && d.deleted ? `the account "${d.accountExternalId}" is deleted` : null,
          d.entitlement ? null : `no entitlement with slug "${d.entitlementSlug}" in this app`,
        ]
          .filter(Boolean)
          .join("; "),
      })),
      dangling.length > MAX_PROBLEMS,
    );
  }
  const [upserted] = await tx.$queryRawUnsafe<{ created: number; updated: number }[]>(
    `WITH up AS (
       INSERT INTO "Grant" AS g (id, "organizationId", "accountId", "entitlementId", source,
                                 "grantedAt", "expiresAt")
       SELECT ${UUID7}, $1::uuid, r."accountId", r."entitlementId", 'INGESTED',
              coalesce(r."grantedAt", $2::timestamp), r."expiresAt"
       FROM import_grant_resolved r
       ON CONFLICT ("accountId", "entitlementId") WHERE "revokedAt" IS NULL DO UPDATE SET
         -- The app's word on an ingested grant's expiry; a grant Lantern made keeps its own
         -- expiry unless the file gives one.
         "expiresAt" = CASE WHEN g.source = 'INGESTED' THEN EXCLUDED."expiresAt"
                            ELSE coalesce(EXCLUDED."expiresAt", g."expiresAt") END
       WHERE g."expiresAt" IS DISTINCT FROM
             (CASE WHEN g.source = 'INGESTED' THEN EXCLUDED."expiresAt"
                   ELSE coalesce(EXCLUDED."expiresAt", g."expiresAt") END)
       RETURNING (xmax = 0) AS inserted
     )
     SELECT count(*) FILTER (WHERE inserted)::int AS created,
            count(*) FILTER (WHERE NOT inserted)::int AS updated
     FROM up`,
    p.org,
    p.at,
  );
  let ended = 0;
  if (full) {
    ended = await tx.$executeRawUnsafe(
      `WITH ended AS (
         UPDATE "Grant" g SET "revokedAt" = $3::timestamp
         FROM "Account" a
         WHERE g."accountId" = a.id AND a."appId" = $2::uuid AND g."revokedAt" IS NULL
           AND NOT EXISTS (SELECT 1 FROM import_grant_resolved r
                           WHERE r."accountId" = g."accountId"
                             AND r."entitlementId" = g."entitlementId")
         RETURNING g.id, g."accountId", g."entitlementId", g.source
       )
       ${grantEndedEvents("Missing from a full import")}`,
      p.org,
      p.app,
      p.at,
      p.actor,
    );
  }
  return { created: upserted!.created, updated: upserted!.updated, ended };
}

/** What the app holds, for the import's Event (before and after). */
async function counts(tx: Tx, appId: string) {
  const [row] = await tx.$queryRawUnsafe<
    { accounts: Record<string, number> | null; entitlements: number; liveGrants: number }[]
  >(
    `SELECT (SELECT jsonb_object_agg(status, n) FROM
              (SELECT status, count(*)::int AS n FROM "Account" WHERE "appId" = $1::uuid
               GROUP BY status) s) AS accounts,
            (SELECT count(*)::int FROM "Entitlement" WHERE "appId" = $1::uuid) AS entitlements,
            (SELECT count(*)::int FROM "Grant" g JOIN "Entitlement" e ON e.id = g."entitlementId"
             WHERE e."appId" = $1::uuid AND g."revokedAt" IS NULL) AS "liveGrants"`,
    appId,
  );
  return {
    accounts: row?.accounts ?? {},
    entitlements: row?.entitlements ?? 0,
    liveGrants: row?.liveGrants ?? 0,
  };
}
