import {
  Prisma,
  type AccountStatus,
  type AccountType,
  type MatchRule,
  type OwnerSource,
  type PrismaClient,
  type UserStatus,
} from "@lantern/db";
import {
  assertAllowed,
  canViewAccounts,
  decodeCursor,
  DomainError,
  toPage,
  type AccountAppFacts,
  type Actor,
  type Cursor,
  type Page,
} from "@lantern/domain";
import type {
  TAccountFilters,
  TCountAccountsInput,
  TListAccountsInput,
} from "../../schemas/accounts.ts";
import { accountSearchSql } from "../search.ts";
import { APP_NOT_FOUND } from "../shared/apps.ts";
import type { ReadContext } from "../shared/context.ts";

// The Accounts tab of an app (SPEC §4.1): filters, sorts and keyset pages over up to a
// million accounts (§9). One SQL statement per page: the page's ids come from an index range
// in sort order (filters applied on the way, stopping at limit + 1 rows); only those rows
// are then joined to their owners.

type Db = PrismaClient | Prisma.TransactionClient;

/** A person as an account row shows them. */
export interface AccountPerson {
  id: string;
  displayName: string;
  email: string;
  status: UserStatus;
}

/**
 * How the owner column reads: MATCHED / MANUAL / CLEARED as ownerSource says; a MATCHED
 * account without an owner is NONE, or AMBIGUOUS when BROAD mapping found several people.
 */
export type AccountOwnerState = "MATCHED" | "MANUAL" | "CLEARED" | "NONE" | "AMBIGUOUS";

export interface AccountRow {
  id: string;
  externalId: string;
  /** The name shown: display name, else given + family name, else login, else external id. */
  name: string;
  login: string | null;
  /** The primary email address (the first). */
  email: string | null;
  /** Every email address, primary first. */
  emails: string[];
  displayName: string | null;
  givenName: string | null;
  familyName: string | null;
  status: AccountStatus;
  type: AccountType;
  typeSource: "INGESTED" | "MANUAL";
  /** Null: the app provides no usage data. */
  lastLoginAt: Date | null;
  owner: AccountPerson | null;
  /**
   * When the owner is suspended or deprovisioned: their latest status change (when, by whom),
   * from its user.status_changed event; null otherwise.
   */
  ownerStatusChange: { at: Date; byName: string | null } | null;
  ownerSource: OwnerSource;
  ownerState: AccountOwnerState;
  ownerSetAt: Date | null;
  /** What automatic mapping found (SPEC §4.2). */
  evidence: {
    matchRule: MatchRule | null;
    matchValue: string | null;
    matchAmbiguous: boolean;
    /** The matched person, when the owner is someone else (set by hand, or cleared). */
    matchedOwner: AccountPerson | null;
  };
}

/** The app of an account list, with what canViewAccounts / canManageAccounts need. */
export interface AccountApp extends AccountAppFacts {
  id: string;
}

/** Loads the app (of the actor's organization) with its owners; NOT_FOUND otherwise. */
export async function loadAccountApp(db: Db, actor: Actor, appId: string): Promise<AccountApp> {
  const app = await db.app.findFirst({
    where: { id: appId, organizationId: actor.organizationId },
    select: {
      id: true,
      organizationId: true,
      name: true,
      members: {
        where: { role: "OWNER" },
        orderBy: { user: { displayName: "asc" } },
        select: { user: { select: { id: true, displayName: true } } },
      },
    },
  });
  if (!app) throw new DomainError("NOT_FOUND", APP_NOT_FOUND);
  return {
    id: app.id,
    organizationId: app.organizationId,
    appName: app.name,
    owners: app.members.map((m) => m.user),
  };
}

/** An app the actor may see the accounts of (canViewAccounts), or the typed refusal. */
export async function viewableAccountApp(ctx: ReadContext, appId: string): Promise<AccountApp> {
  const app = await loadAccountApp(ctx.db, ctx.actor, appId);
  assertAllowed(canViewAccounts(ctx.actor, app));
  return app;
}

/** One page of the Accounts tab. Super admins and the app's owners (canViewAccounts). */
export async function listAccounts(
  ctx: ReadContext,
  input: TListAccountsInput,
): Promise<Page<AccountRow>> {
  const app = await viewableAccountApp(ctx, input.appId);
  return accountPage(ctx.db, app, input, { cursor: input.cursor, limit: input.limit });
}

/**
 * How many accounts the Accounts tab's filters match, for its "N accounts match" line: any
 * filter, search included (one count over the app's index range, filters applied on the
 * way). Super admins and the app's owners (canViewAccounts).
 */
export async function countAccounts(
  ctx: ReadContext,
  input: TCountAccountsInput,
): Promise<{ count: number }> {
  const app = await viewableAccountApp(ctx, input.appId);
  const where = Prisma.sql`${filterClause(app.id, { ...input, sort: "name" })} AND a."organizationId" = ${app.organizationId}::uuid`;
  const [row] = await ctx.db.$queryRaw<Array<{ count: number }>>`
    SELECT count(*)::int AS "count" FROM "Account" a WHERE ${where}`;
  return { count: row?.count ?? 0 };
}

// ───────────────────────────────── The query ─────────────────────────────────

/**
 * The sort keys by name and by login. They must stay identical to the expressions of the
 * indexes Account_appId_sortName_id and Account_appId_sortLogin_id (migration
 * 20261122042110_account_list_indexes), or the sorts stop using them.
 */
const SHOWN_NAME = Prisma.sql`coalesce(a."displayName", a."givenName" || ' ' || a."familyName", a."login", a."externalId")`;
const SORT_NAME = Prisma.sql`lower(${SHOWN_NAME})`;
const SORT_LOGIN = Prisma.sql`lower(coalesce(a."login", a."externalId"))`;

/** ISO-8601 UTC with milliseconds, computed in SQL: cursors never round-trip a Date. */
const ISO = Prisma.sql`'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/** The WHERE clause of the filters (the app, status, type, owner, search). */
function filterClause(appId: string, filters: TAccountFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`a."appId" = ${appId}::uuid`];
  parts.push(
    filters.status
      ? Prisma.sql`a."status" = ${filters.status}::"AccountStatus"`
      : Prisma.sql`a."status" <> 'DELETED'`,
  );
  if (filters.type) parts.push(Prisma.sql`a."type" = ${filters.type}::"AccountType"`);
  switch (filters.owner) {
    case "set":
      parts.push(Prisma.sql`a."ownerId" IS NOT NULL`);
      break;
    case "unset":
      parts.push(Prisma.sql`a."ownerId" IS NULL`);
      break;
    case "ambiguous":
      // Still waiting for someone to decide: a person set by hand (or a clear) resolves it.
      parts.push(
        Prisma.sql`a."matchAmbiguous" AND a."ownerId" IS NULL AND a."ownerSource" = 'MATCHED'`,
      );
      break;
    case "inactive":
      parts.push(
        Prisma.sql`EXISTS (SELECT 1 FROM "User" ou WHERE ou."id" = a."ownerId" AND ou."status" <> 'ACTIVE')`,
      );
      break;
    case undefined:
      break;
  }
  const search = filters.search?.trim();
  if (search) {
    parts.push(accountSearchSql(search));
  }
  return Prisma.join(parts, " AND ");
}

/**
 * The page's ids with their sort key, in order: `ord` numbers the rows. Text sorts walk one
 * expression index; the last-login sorts walk (appId, lastLoginAt, id) twice, first the
 * accounts with usage data, then those without (key ""), so "no usage data" comes last both
 * ways and each part is an index range.
 */
function pageIds(
  where: Prisma.Sql,
  sort: TAccountFilters["sort"],
  after: Cursor | null,
  take: number,
): Prisma.Sql {
  if (sort === "name" || sort === "login") {
    const key = sort === "name" ? SORT_NAME : SORT_LOGIN;
    const keyset = after
      ? Prisma.sql`AND (${key}, a."id") > (${after.key}, ${after.id}::uuid)`
      : Prisma.empty;
    return Prisma.sql`
      SELECT p."id", p."sortKey", row_number() OVER (ORDER BY p."sortKey", p."id") AS "ord"
        FROM (SELECT a."id", ${key} AS "sortKey" FROM "Account" a
               WHERE ${where} ${keyset}
               ORDER BY ${key}, a."id"
               LIMIT ${take}) p`;
  }
  const newest = sort === "last_login_newest";
  const dir = newest ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const cmp = newest ? Prisma.sql`<` : Prisma.sql`>`;
  const inNullPart = after?.key === "";
  const withUsage = inNullPart
    ? null
    : Prisma.sql`
      (SELECT a."id", a."lastLoginAt", 0 AS part FROM "Account" a
        WHERE ${where} AND a."lastLoginAt" IS NOT NULL
          ${after ? Prisma.sql`AND (a."lastLoginAt", a."id") ${cmp} (${after.key}::timestamp, ${after.id}::uuid)` : Prisma.empty}
        ORDER BY a."lastLoginAt" ${dir}, a."id" ${dir}
        LIMIT ${take})`;
  // The index keeps NULLs after every date: ASC NULLS LAST forward, DESC NULLS FIRST backward.
  const withoutUsage = Prisma.sql`
      (SELECT a."id", a."lastLoginAt", 1 AS part FROM "Account" a
        WHERE ${where} AND a."lastLoginAt" IS NULL
          ${inNullPart ? Prisma.sql`AND a."id" ${cmp} ${after.id}::uuid` : Prisma.empty}
        ORDER BY a."lastLoginAt" ${dir} ${newest ? Prisma.sql`NULLS FIRST` : Prisma.sql`NULLS LAST`}, a."id" ${dir}
        LIMIT ${take})`;
  const parts = withUsage ? Prisma.sql`${withUsage} UNION ALL ${withoutUsage}` : withoutUsage;
  return Prisma.sql`
    SELECT p."id", coalesce(to_char(p."lastLoginAt", ${ISO}), '') AS "sortKey",
           row_number() OVER (ORDER BY p.part, p."lastLoginAt" ${dir}, p."id" ${dir}) AS "ord"
      FROM (${parts}) p
     ORDER BY "ord"
     LIMIT ${take}`;
}

interface RawRow {
  id: string;
  sortKey: string;
  externalId: string;
  name: string;
  login: string | null;
  emails: string[];
  displayName: string | null;
  givenName: string | null;
  familyName: string | null;
  status: AccountStatus;
  type: AccountType;
  typeSource: "INGESTED" | "MANUAL";
  lastLoginAt: Date | null;
  ownerSource: OwnerSource;
  ownerSetAt: Date | null;
  matchRule: MatchRule | null;
  matchValue: string | null;
  matchAmbiguous: boolean;
  ownerId: string | null;
  ownerName: string | null;
  ownerEmail: string | null;
  ownerStatus: UserStatus | null;
  ownerStatusAt: Date | null;
  ownerStatusBy: string | null;
  matchedId: string | null;
  matchedName: string | null;
  matchedEmail: string | null;
  matchedStatus: UserStatus | null;
}

/** How the owner column reads (see AccountOwnerState). */
export function ownerStateOf(account: {
  ownerSource: OwnerSource;
  ownerId: string | null;
  matchAmbiguous: boolean;
}): AccountOwnerState {
  if (account.ownerSource !== "MATCHED") return account.ownerSource;
  if (account.ownerId) return "MATCHED";
  return account.matchAmbiguous ? "AMBIGUOUS" : "NONE";
}

function person(
  id: string | null,
  displayName: string | null,
  email: string | null,
  status: UserStatus | null,
): AccountPerson | null {
  return id ? { id, displayName: displayName ?? "", email: email ?? "", status: status! } : null;
}

function toRow(r: RawRow): AccountRow {
  return {
    id: r.id,
    externalId: r.externalId,
    name: r.name,
    login: r.login,
    email: r.emails[0] ?? null,
    emails: r.emails,
    displayName: r.displayName,
    givenName: r.givenName,
    familyName: r.familyName,
    status: r.status,
    type: r.type,
    typeSource: r.typeSource,
    lastLoginAt: r.lastLoginAt,
    owner: person(r.ownerId, r.ownerName, r.ownerEmail, r.ownerStatus),
    ownerStatusChange: r.ownerStatusAt ? { at: r.ownerStatusAt, byName: r.ownerStatusBy } : null,
    ownerSource: r.ownerSource,
    ownerState: ownerStateOf(r),
    ownerSetAt: r.ownerSetAt,
    evidence: {
      matchRule: r.matchRule,
      matchValue: r.matchValue,
      matchAmbiguous: r.matchAmbiguous,
      matchedOwner:
        r.matchedId && r.matchedId !== r.ownerId
          ? person(r.matchedId, r.matchedName, r.matchedEmail, r.matchedStatus)
          : null,
    },
  };
}

/** Name and login sorts page by text; last-login sorts by time ("" once past the dated rows). */
function decodeAccountCursor(raw: string, sort: TAccountFilters["sort"]): Cursor {
  return decodeCursor(raw, sort === "name" || sort === "login" ? "text" : "optional-timestamp");
}

/**
 * One page of accounts matching `filters`, after `cursor`. No permission check: callers
 * (listAccounts, the CSV export) ask canViewAccounts first.
 */
export async function accountPage(
  db: Db,
  app: { id: string; organizationId: string },
  filters: TAccountFilters,
  page: { cursor?: string | null; limit: number },
): Promise<Page<AccountRow>> {
  const after = page.cursor ? decodeAccountCursor(page.cursor, filters.sort) : null;
  const where = Prisma.sql`${filterClause(app.id, filters)} AND a."organizationId" = ${app.organizationId}::uuid`;
  const rows = await db.$queryRaw<RawRow[]>`
    SELECT a."id", pg."sortKey", a."externalId", ${SHOWN_NAME} AS "name", a."login",
           a."emails", a."displayName", a."givenName", a."familyName",
           a."status"::text AS "status", a."type"::text AS "type",
           a."typeSource"::text AS "typeSource", a."lastLoginAt",
           a."ownerSource"::text AS "ownerSource", a."ownerSetAt",
           a."matchRule"::text AS "matchRule", a."matchValue", a."matchAmbiguous",
           o."id" AS "ownerId", o."displayName" AS "ownerName", o."email" AS "ownerEmail",
           o."status"::text AS "ownerStatus", sc."at" AS "ownerStatusAt",
           sc."byName" AS "ownerStatusBy",
           m."id" AS "matchedId", m."displayName" AS "matchedName", m."email" AS "matchedEmail",
           m."status"::text AS "matchedStatus"
      FROM (${pageIds(where, filters.sort, after, page.limit + 1)}) pg
      JOIN "Account" a ON a."id" = pg."id"
      LEFT JOIN "User" o ON o."id" = a."ownerId"
      LEFT JOIN "User" m ON m."id" = a."matchedOwnerId"
      -- An inactive owner's latest status change (one indexed look-up, inactive owners only).
      LEFT JOIN LATERAL (
        SELECT e."at", ea."displayName" AS "byName"
          FROM "Event" e LEFT JOIN "User" ea ON ea."id" = e."actorId"
         WHERE o."status" <> 'ACTIVE' AND e."organizationId" = a."organizationId"
           AND e."targetType" = 'User' AND e."targetId" = o."id"::text
           AND e."action" = 'user.status_changed'
         ORDER BY e."at" DESC LIMIT 1) sc ON true
     ORDER BY pg."ord"`;
  const result = toPage(rows, page.limit, (r) => ({ key: r.sortKey, id: r.id }));
  return { nextCursor: result.nextCursor, items: result.items.map(toRow) };
}
