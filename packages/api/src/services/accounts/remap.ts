import { Prisma, type PrismaClient } from "@lantern/db";
import { COMBINING_MARK_CLASS, WHITESPACE_CHARS, WHITESPACE_CLASS } from "@lantern/domain";
import { transaction } from "../shared/records.ts";

// Re-mapping an app's accounts to their owners (SPEC §4.2) as ONE set-based SQL statement
// (over the whole app, or over one batch of it): the rules of packages/domain/src/accounts/owner-mapping.ts, expressed as joins.
// remap.integration.test.ts runs both over the same generated data and compares every
// account. The character sets (whitespace, combining marks) come from the domain module, so
// SQL and TypeScript normalise with the same definition.

export interface RemapResult {
  /** Accounts re-mapped (the app's, or the batch's). */
  accounts: number;
  /** Accounts with a matched owner after the re-map. */
  matched: number;
  /** Accounts matched by name (BROAD), no email having matched. */
  matchedByName: number;
  /** Accounts whose name matched two or more users (BROAD). */
  ambiguous: number;
  /** Accounts whose match or owner this re-map changed. */
  changed: number;
}

/** One batch: the accounts after `after` (by id, exclusive), at most `limit` of them. */
export interface RemapRange {
  /** The last account id of the previous batch; null or absent: from the first account. */
  after?: string | null;
  limit: number;
}

export interface RemapBatchResult extends RemapResult {
  /** The last account id the batch covered; null when no account was left after `after`. */
  lastId: string | null;
}

/** `normalizeName` of the domain, in SQL: NFD, marks dropped, trimmed, collapsed, lower-cased. */
function normalizedName(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`lower(regexp_replace(btrim(regexp_replace(normalize(coalesce(${column}, ''), NFD),
    ${COMBINING_MARK_CLASS}, '', 'g'), ${WHITESPACE_CHARS}), ${`${WHITESPACE_CLASS}+`}, ' ', 'g'))`;
}

/**
 * Re-maps the whole app in a transaction of its own. Callers already inside a transaction
 * call `remapAccounts(tx, …)` instead: the types keep the two apart (a transaction client has
 * no `$transaction`), so nothing has to guess which kind of client it was given.
 */
export async function remapApp(db: PrismaClient, appId: string): Promise<RemapResult> {
  const result = await transaction({ db }, (tx) => remapAccounts(tx, appId), {
    maxWait: 60_000,
    timeout: 30 * 60_000,
  });
  return withoutCursor(result);
}

/**
 * Re-maps the app's accounts under its accountMappingMode, in the caller's transaction: all of
 * them, or the batch `range` gives (the job of a large app re-maps batch by batch; every batch
 * is this same statement). Updates matchedOwnerId, matchRule, matchValue and matchAmbiguous,
 * and ownerId where ownerSource is MATCHED (a MANUAL or CLEARED owner is never overwritten).
 * Rows whose result did not change are not written, so a second run changes nothing. Users of
 * every status match; the app's organization scopes the users.
 */
export async function remapAccounts(
  tx: Prisma.TransactionClient,
  appId: string,
  range?: RemapRange,
): Promise<RemapBatchResult> {
  // The batch as an id range (after, upTo]: its upper bound is the limit-th id after `after`,
  // read from the (appId, id) index; the statement itself stays the same.
  const after = range?.after ?? null;
  const bounds = range
    ? Prisma.sql`, bound AS (
        SELECT b.id AS up_to FROM (
          SELECT id FROM "Account"
          WHERE "appId" = ${appId}::uuid ${after ? Prisma.sql`AND id > ${after}::uuid` : Prisma.empty}
          ORDER BY id LIMIT ${range.limit}
        ) b ORDER BY b.id DESC LIMIT 1
      )`
    : Prisma.empty;
  const inRange = range
    ? Prisma.sql`${after ? Prisma.sql`AND a.id > ${after}::uuid` : Prisma.empty}
        AND a.id <= (SELECT up_to FROM bound)`
    : Prisma.empty;
  // One big statement: JIT compilation costs more than it saves here (seconds at 1M).
  await tx.$executeRaw`SET LOCAL jit = off`;
  const rows = await tx.$queryRaw<
    {
      accounts: bigint;
      matched: bigint;
      by_name: bigint;
      ambiguous: bigint;
      changed: bigint;
      last_id: string | null;
    }[]
  >(Prisma.sql`
    WITH app AS (
      SELECT id, "organizationId" AS org, "accountMappingMode" = 'BROAD' AS broad
      FROM "App" WHERE id = ${appId}::uuid
    )${bounds},
    -- Users by normalised (given, family), for BROAD.
    user_name AS (
      SELECT n.given, n.family, count(*) AS users, (array_agg(n.id))[1] AS owner
      FROM (
        SELECT u.id,
          ${normalizedName(Prisma.sql`u."givenName"`)} AS given,
          ${normalizedName(Prisma.sql`u."familyName"`)} AS family
        FROM app JOIN "User" u ON u."organizationId" = app.org AND app.broad
        OFFSET 0 -- normalise each name once (no inlining into the filter and the grouping)
      ) n
      WHERE n.given <> '' AND n.family <> ''
      GROUP BY n.given, n.family
    ),
    -- One pass over the app's accounts: the first of the account's emails (primary first)
    -- that is a user's email; and, in BROAD for accounts no email matched, the name: given
    -- and family, else the first and last word of the display name.
    candidate AS (
      SELECT a.id, hit.owner AS email_owner, hit.value AS email_value,
        CASE WHEN x.given <> '' AND x.family <> '' THEN x.given
             WHEN position(' ' IN x.display) > 0 THEN split_part(x.display, ' ', 1) END AS given,
        CASE WHEN x.given <> '' AND x.family <> '' THEN x.family
             WHEN position(' ' IN x.display) > 0 THEN regexp_replace(x.display, '^.* ', '') END
          AS family
      FROM app
      JOIN "Account" a ON a."appId" = app.id ${inRange}
      LEFT JOIN LATERAL (
        SELECT u.id AS owner, u."emailNormalized" AS value
        FROM unnest(a.emails) WITH ORDINALITY AS e(address, position)
        JOIN "User" u ON u."organizationId" = app.org
          AND u."emailNormalized" = lower(btrim(e.address, ${WHITESPACE_CHARS}))
        ORDER BY e.position
        LIMIT 1
      ) hit ON TRUE
      LEFT JOIN LATERAL (
        SELECT ${normalizedName(Prisma.sql`a."givenName"`)} AS given,
               ${normalizedName(Prisma.sql`a."familyName"`)} AS family,
               ${normalizedName(Prisma.sql`a."displayName"`)} AS display
        WHERE app.broad AND hit.owner IS NULL
        OFFSET 0 -- normalise each name once, and only when needed (no inlining)
      ) x ON TRUE
    ),
    result AS (
      SELECT c.id,
        coalesce(c.email_owner, CASE WHEN o.users = 1 THEN o.owner END) AS owner,
        (CASE WHEN c.email_owner IS NOT NULL THEN 'EMAIL'
              WHEN o.users IS NOT NULL THEN 'NAME' END)::"MatchRule" AS rule,
        CASE WHEN c.email_owner IS NOT NULL THEN c.email_value
             WHEN o.users IS NOT NULL THEN c.given || ' ' || c.family END AS value,
        (c.email_owner IS NULL AND coalesce(o.users, 0) > 1) AS ambiguous
      FROM candidate c
      LEFT JOIN user_name o ON o.given = c.given AND o.family = c.family
    ),
    changed AS (
      UPDATE "Account" a SET
        "matchedOwnerId" = r.owner,
        "matchRule" = r.rule,
        "matchValue" = r.value,
        "matchAmbiguous" = r.ambiguous,
        "ownerId" = CASE WHEN a."ownerSource" = 'MATCHED' THEN r.owner ELSE a."ownerId" END,
        "updatedAt" = now()
      FROM result r
      WHERE a.id = r.id
        AND (a."matchedOwnerId" IS DISTINCT FROM r.owner
          OR a."matchRule" IS DISTINCT FROM r.rule
          OR a."matchValue" IS DISTINCT FROM r.value
          OR a."matchAmbiguous" IS DISTINCT FROM r.ambiguous
          OR (a."ownerSource" = 'MATCHED' AND a."ownerId" IS DISTINCT FROM r.owner))
      RETURNING 1
    )
    SELECT
      (SELECT count(*) FROM result) AS accounts,
      (SELECT count(owner) FROM result) AS matched,
      (SELECT count(owner) FROM result WHERE rule = 'NAME') AS by_name,
      (SELECT count(*) FROM result WHERE ambiguous) AS ambiguous,
      (SELECT count(*) FROM changed) AS changed,
      ${range ? Prisma.sql`(SELECT up_to FROM bound)::text` : Prisma.sql`NULL::text`} AS last_id
  `);
  const row = rows[0]!;
  return {
    accounts: Number(row.accounts),
    matched: Number(row.matched),
    matchedByName: Number(row.by_name),
    ambiguous: Number(row.ambiguous),
    changed: Number(row.changed),
    lastId: row.last_id,
  };
}

/** The counts of a re-map without the batch cursor. */
export function withoutCursor(result: RemapBatchResult): RemapResult {
  const { accounts, matched, matchedByName, ambiguous, changed } = result;
  return { accounts, matched, matchedByName, ambiguous, changed };
}
