import type { Prisma, PrismaClient } from "@lantern/db";
import { assertAllowed, canViewAuditLog, type Page } from "@lantern/domain";

import { keyset } from "./shared/keyset.ts";
import type { TAuditFilters, TListAuditInput } from "../schemas/audit.ts";
import { pagedCsvExport, type CsvColumns, type CsvExport } from "./csv.ts";
import { escapeLike } from "./search.ts";
import type { ServiceContext } from "./shared/context.ts";

// The audit log (issue 6): the organization's Events, newest first, filtered by actor, target,
// action and dates, keyset-paged by (at desc, id desc), and the same rows as a CSV file.
// Super admins and auditors (canViewAuditLog). Each row names its target where that is cheap: one
// batched query per target type on the page, never one per row.

export const AUDIT_EXPORT_BATCH_SIZE = 1_000;

/** What an event is about, in words, and where it lives in Lantern (null: no page). */
export interface AuditTarget {
  label: string;
  href: string | null;
}

export interface AuditRow {
  id: string;
  at: Date;
  action: string;
  /** Null: the system acted (a connector, a job). */
  actor: { id: string; displayName: string; email: string } | null;
  targetType: string;
  targetId: string;
  /** Null when the target is gone or its type has no name to show. */
  target: AuditTarget | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  requestId: string | null;
  task: { number: number } | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The Prisma filter of `filters` within the organization. */
function eventWhere(organizationId: string, filters: TAuditFilters): Prisma.EventWhereInput {
  const at: Prisma.DateTimeFilter = {};
  if (filters.from) at.gte = new Date(`${filters.from}T00:00:00.000Z`);
  // The end of the day itself, not the next one (after 9999-12-31 there is no date to name).
  if (filters.to) at.lte = new Date(`${filters.to}T23:59:59.999Z`);
  const action = filters.action;
  return {
    organizationId,
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
    ...(filters.targetType ? { targetType: filters.targetType } : {}),
    ...(filters.targetId ? { targetId: filters.targetId } : {}),
    ...(action
      ? { action: action.endsWith(".") ? { startsWith: escapeLike(action) } : action }
      : {}),
    ...(at.gte || at.lte ? { at } : {}),
  };
}

type TargetResolver = (
  db: PrismaClient,
  organizationId: string,
  ids: string[],
) => Promise<Array<AuditTarget & { id: string }>>;

/** One query per target type: its rows of the page, with a name and a link. */
const TARGETS: Record<string, TargetResolver> = {
  App: async (db, organizationId, ids) =>
    (
      await db.app.findMany({
        where: { id: { in: ids }, organizationId },
        select: { id: true, name: true },
      })
    ).map((a) => ({ id: a.id, label: a.name, href: `/apps/${a.id}` })),
  User: async (db, organizationId, ids) =>
    (
      await db.user.findMany({
        where: { id: { in: ids }, organizationId },
        select: { id: true, displayName: true },
      })
    ).map((u) => ({
      id: u.id,
      label: u.displayName,
      href: `/users/${u.id}`,
    })),
  Task: async (db, organizationId, ids) =>
    (
      await db.task.findMany({
        where: { id: { in: ids }, organizationId },
        select: { id: true, number: true },
      })
    ).map((t) => ({ id: t.id, label: `Task #${t.number}`, href: `/tasks/${t.number}` })),
  Account: async (db, organizationId, ids) =>
    (
      await db.account.findMany({
        where: { id: { in: ids }, organizationId },
        select: { id: true, appId: true, login: true, displayName: true, externalId: true },
      })
    ).map((a) => ({
      id: a.id,
      label: a.login ?? a.displayName ?? a.externalId,
      href: `/apps/${a.appId}/accounts/${a.id}`,
    })),
  Entitlement: async (db, organizationId, ids) =>
    (
      await db.entitlement.findMany({
        where: { id: { in: ids }, organizationId },
        select: { id: true, appId: true, displayName: true },
      })
    ).map((e) => ({
      id: e.id,
      label: e.displayName,
      href: `/apps/${e.appId}/entitlements/${e.id}`,
    })),
  Policy: async (db, organizationId, ids) =>
    (
      await db.policy.findMany({
        where: { id: { in: ids }, organizationId },
        select: { id: true, name: true },
      })
    ).map((p) => ({ id: p.id, label: p.name, href: `/policies/${p.id}` })),
  Request: async (db, organizationId, ids) =>
    (
      await db.request.findMany({
        where: { id: { in: ids }, organizationId },
        select: {
          id: true,
          kind: true,
          entitlement: { select: { displayName: true } },
          tasks: { select: { number: true }, orderBy: { number: "desc" }, take: 1 },
        },
      })
    ).map((r) => ({
      id: r.id,
      label: `${r.kind === "REVOKE" ? "Revocation of" : "Request for"} ${r.entitlement.displayName}`,
      href: r.tasks[0] ? `/tasks/${r.tasks[0].number}` : null,
    })),
  Grant: async (db, organizationId, ids) =>
    (
      await db.grant.findMany({
        where: { id: { in: ids }, organizationId },
        select: {
          id: true,
          entitlement: { select: { displayName: true } },
          account: {
            select: { id: true, appId: true, login: true, displayName: true, externalId: true },
          },
        },
      })
    ).map((g) => ({
      id: g.id,
      label: `${g.entitlement.displayName} for ${g.account.login ?? g.account.displayName ?? g.account.externalId}`,
      href: `/apps/${g.account.appId}/accounts/${g.account.id}`,
    })),
  Organization: async (db, organizationId, ids) =>
    (
      await db.organization.findMany({
        where: { id: { in: ids.filter((id) => id === organizationId) } },
        select: { id: true, name: true },
      })
    ).map((o) => ({ id: o.id, label: o.name, href: "/settings" })),
};

/** The targets of `events`, keyed "Type:id". */
async function resolveTargets(
  db: PrismaClient,
  organizationId: string,
  events: ReadonlyArray<{ targetType: string; targetId: string }>,
): Promise<Map<string, AuditTarget>> {
  const idsByType = new Map<string, Set<string>>();
  for (const e of events) {
    if (!TARGETS[e.targetType] || !UUID.test(e.targetId)) continue;
    const ids = idsByType.get(e.targetType) ?? new Set<string>();
    ids.add(e.targetId);
    idsByType.set(e.targetType, ids);
  }
  const resolved = await Promise.all(
    [...idsByType].map(async ([type, ids]) =>
      (await TARGETS[type]!(db, organizationId, [...ids])).map(
        (t) => [`${type}:${t.id}`, { label: t.label, href: t.href }] as const,
      ),
    ),
  );
  return new Map(resolved.flat());
}

/** One page of events matching `filters` (no permission check: the callers make it). */
async function auditPage(
  db: PrismaClient,
  organizationId: string,
  filters: TAuditFilters,
  page: { cursor?: string | null; limit: number },
): Promise<Page<AuditRow>> {
  const keys = keyset(page, { key: "at", kind: "timestamp", dir: "desc" });
  const events = await db.event.findMany({
    where: { ...eventWhere(organizationId, filters), AND: [keys.after] },
    ...keys.window,
    select: {
      id: true,
      at: true,
      action: true,
      targetType: true,
      targetId: true,
      before: true,
      after: true,
      reason: true,
      requestId: true,
      actor: { select: { id: true, displayName: true, email: true } },
      task: { select: { number: true } },
    },
  });
  const targets = await resolveTargets(db, organizationId, events.slice(0, page.limit));
  const rows: AuditRow[] = events.map((e) => ({
    ...e,
    target: targets.get(`${e.targetType}:${e.targetId}`) ?? null,
  }));
  return keys.page(rows);
}

/** The audit log, newest first (canViewAuditLog). */
export async function listAuditEvents(
  ctx: ServiceContext,
  input: TListAuditInput,
): Promise<Page<AuditRow>> {
  assertAllowed(canViewAuditLog(ctx.actor));
  return auditPage(ctx.db, ctx.actor.organizationId, input.filters, input);
}

/**
 * The actions that occur in the organization's events, A→Z, for the filter. A skip scan
 * over the (organizationId, action, at) index: one index probe per distinct action, however
 * many events there are.
 */
export async function listAuditActions(ctx: ServiceContext): Promise<string[]> {
  assertAllowed(canViewAuditLog(ctx.actor));
  const organizationId = ctx.actor.organizationId;
  const rows = await ctx.db.$queryRaw<{ action: string | null }[]>`
    WITH RECURSIVE actions AS (
      SELECT min("action") AS action FROM "Event" WHERE "organizationId" = ${organizationId}::uuid
      UNION ALL
      SELECT (SELECT min(e."action") FROM "Event" e
               WHERE e."organizationId" = ${organizationId}::uuid AND e."action" > a.action)
        FROM actions a WHERE a.action IS NOT NULL
    )
    SELECT action FROM actions WHERE action IS NOT NULL`;
  return rows.map((r) => r.action!);
}

const json = (value: unknown) => (value == null ? "" : JSON.stringify(value));

const COLUMNS: CsvColumns<AuditRow> = [
  ["At", (r) => r.at.toISOString()],
  ["Actor", (r) => r.actor?.displayName ?? "System"],
  ["Actor email", (r) => r.actor?.email ?? ""],
  ["Action", (r) => r.action],
  ["Target type", (r) => r.targetType],
  ["Target id", (r) => r.targetId],
  ["Target", (r) => r.target?.label ?? ""],
  ["Reason", (r) => r.reason],
  ["Before", (r) => json(r.before)],
  ["After", (r) => json(r.after)],
  ["Request id", (r) => r.requestId],
  ["Task number", (r) => (r.task ? String(r.task.number) : "")],
];

/**
 * Every event matching `filters` as a CSV file, newest first, read in keyset batches so any
 * size works. The permission is checked and the first batch read before anything is returned,
 * so a refusal or a failing query is an error and never a half-written file.
 */
export async function exportAuditLog(
  ctx: ServiceContext,
  filters: TAuditFilters,
  batchSize: number = AUDIT_EXPORT_BATCH_SIZE,
): Promise<CsvExport> {
  assertAllowed(canViewAuditLog(ctx.actor));
  const organizationId = ctx.actor.organizationId;
  return pagedCsvExport(
    `audit-log-${ctx.now().toISOString().slice(0, 10)}.csv`,
    COLUMNS,
    (cursor) => auditPage(ctx.db, organizationId, filters, { cursor, limit: batchSize }),
  );
}
