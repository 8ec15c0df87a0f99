import { Prisma, type TaskKind, type TaskOutcome, type TaskState } from "@lantern/db";
import { decodeCursor, toPage, type Actor, type Page } from "@lantern/domain";

import type { TInboxBox, TInboxSort, TInboxTab, TTaskInboxInput } from "../../schemas/tasks.ts";
import { escapeLike } from "../search.ts";
import type { ReadContext } from "../shared/context.ts";

/** The task kinds each inbox holds (SPEC §2, §3.2). */
const BOX_KINDS: Record<TInboxBox, readonly TaskKind[]> = {
  requests: ["APPROVAL", "PROVISION"],
  revocations: ["DEPROVISION"],
};

/** The task kind of each "awaiting" tab. */
const AWAITING_KIND: Record<Exclude<TInboxTab, "completed">, TaskKind> = {
  awaiting_approval: "APPROVAL",
  awaiting_provisioning: "PROVISION",
  awaiting_deprovisioning: "DEPROVISION",
};

export interface InboxPersonRef {
  id: string;
  displayName: string;
}

/** Whose access the task is about. */
export type InboxSubject =
  | {
      type: "account";
      login: string | null;
      displayName: string | null;
      /** The account's primary email. */
      email: string | null;
      owner: InboxPersonRef | null;
    }
  /** A GRANT for a person who has no account in the app yet. */
  | { type: "person"; id: string; displayName: string; email: string };

/** How a completed-tab task left the viewer's hands. */
export type InboxResolution =
  | { type: "completed"; outcome: TaskOutcome | null; note: string | null; at: Date }
  | { type: "errored"; reason: string | null; at: Date }
  | { type: "reassigned"; to: InboxPersonRef | null; reason: string | null; at: Date };

export interface InboxRow {
  id: string;
  number: number;
  kind: TaskKind;
  state: TaskState;
  outcome: TaskOutcome | null;
  createdAt: Date;
  completedAt: Date | null;
  dueAt: Date | null;
  app: { id: string; name: string };
  entitlement: { displayName: string; slug: string };
  subject: InboxSubject | null;
  requester: InboxPersonRef;
  reason: string;
  /** Completed tab only; null on the awaiting tabs. */
  resolution: InboxResolution | null;
}

/** ISO-8601 UTC with milliseconds, computed in SQL: cursors never round-trip a Date. */
const ISO = Prisma.sql`'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

const kindList = (kinds: readonly TaskKind[]) =>
  Prisma.join(kinds.map((k) => Prisma.sql`${k}::"TaskKind"`));

/**
 * The search of every tab, written once: task number (with or without #), app name,
 * entitlement name, requester, and the subject (account login or name, its owner, or the
 * target person), case-insensitively. Wildcards in the text match literally.
 */
function searchClause(search: string | undefined): Prisma.Sql {
  if (!search) return Prisma.empty;
  const pattern = `%${escapeLike(search)}%`;
  const number = /^#?(\d{1,9})$/.exec(search);
  return Prisma.sql`AND (
    ${number ? Prisma.sql`t."number" = ${Number(number[1])} OR` : Prisma.empty}
    ap."name" ILIKE ${pattern}
    OR en."displayName" ILIKE ${pattern}
    OR en."slug" ILIKE ${pattern}
    OR rq."displayName" ILIKE ${pattern}
    OR ac."login" ILIKE ${pattern}
    OR ac."displayName" ILIKE ${pattern}
    OR ow."displayName" ILIKE ${pattern}
    OR tu."displayName" ILIKE ${pattern})`;
}

/**
 * Open tasks of one kind where the viewer is an active assignee: the TaskAssignee
 * (userId, kind, taskOpen, active) index range the navigation badges count.
 */
function awaitingCandidates(actor: Actor, kind: TaskKind): Prisma.Sql {
  return Prisma.sql`
    SELECT a."taskId", NULL::timestamp AS "endedAt"
      FROM "TaskAssignee" a
     WHERE a."userId" = ${actor.id}::uuid
       AND a."kind" = ${kind}::"TaskKind"
       AND a."taskOpen" AND a."active"
       AND a."organizationId" = ${actor.organizationId}::uuid`;
}

/** Tasks `d` of the box's kinds the viewer completed or errored. */
function closedByViewer(actor: Actor, kinds: readonly TaskKind[]): Prisma.Sql {
  return Prisma.sql`d."completedById" = ${actor.id}::uuid
       AND d."organizationId" = ${actor.organizationId}::uuid
       AND d."state" IN ('DONE', 'ERRORED') AND d."completedAt" IS NOT NULL
       AND d."kind" IN (${kindList(kinds)})`;
}

/** Assignments `a` of the box's kinds reassigned away from the viewer and not given back. */
function reassignedAway(actor: Actor, kinds: readonly TaskKind[]): Prisma.Sql {
  return Prisma.sql`a."userId" = ${actor.id}::uuid
       AND a."organizationId" = ${actor.organizationId}::uuid
       AND NOT a."active" AND a."unassignedAt" IS NOT NULL
       AND a."kind" IN (${kindList(kinds)})
       AND NOT EXISTS (
         SELECT 1 FROM "TaskAssignee" b
          WHERE b."taskId" = a."taskId" AND b."userId" = a."userId" AND b."active")
       -- Closed by the viewer after all (a super admin): listed once, as closed by them.
       AND NOT EXISTS (
         SELECT 1 FROM "Task" d
          WHERE d."id" = a."taskId" AND d."completedById" = a."userId"
            AND d."state" IN ('DONE', 'ERRORED') AND d."completedAt" IS NOT NULL)`;
}

/**
 * Tasks of the box's kinds that left the viewer's hands, with when that happened:
 * completed or errored by the viewer, or reassigned away from them (and not given back).
 */
function completedCandidates(actor: Actor, kinds: readonly TaskKind[]): Prisma.Sql {
  return Prisma.sql`
    SELECT x."taskId", max(x."endedAt") AS "endedAt"
      FROM (
        SELECT d."id" AS "taskId", d."completedAt" AS "endedAt"
          FROM "Task" d
         WHERE ${closedByViewer(actor, kinds)}
        UNION ALL
        SELECT a."taskId", a."unassignedAt"
          FROM "TaskAssignee" a
         WHERE ${reassignedAway(actor, kinds)}
      ) x
     GROUP BY x."taskId"`;
}

/**
 * The Completed tab's next page of candidates without a search: each source (tasks the
 * viewer closed; tasks reassigned away from them) ordered, keyset-filtered and limited on
 * its own index range first, so a person with years of history reads one page's worth of
 * rows, not their whole history.
 */
function completedPageCandidates(
  actor: Actor,
  kinds: readonly TaskKind[],
  order: { descending: boolean; after: { key: string; id: string } | null; limit: number },
): Prisma.Sql {
  const direction = order.descending ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const past = (at: Prisma.Sql, id: Prisma.Sql) =>
    order.after
      ? order.descending
        ? Prisma.sql`AND (${at}, ${id}) < (${order.after.key}::timestamp, ${order.after.id}::uuid)`
        : Prisma.sql`AND (${at}, ${id}) > (${order.after.key}::timestamp, ${order.after.id}::uuid)`
      : Prisma.empty;
  return Prisma.sql`
    (SELECT d."id" AS "taskId", d."completedAt" AS "endedAt"
       FROM "Task" d
      WHERE ${closedByViewer(actor, kinds)}
        ${past(Prisma.sql`d."completedAt"`, Prisma.sql`d."id"`)}
      ORDER BY d."completedAt" ${direction}, d."id" ${direction}
      LIMIT ${order.limit})
    UNION ALL
    (SELECT x."taskId", x."endedAt"
       FROM (
         SELECT a."taskId", max(a."unassignedAt") AS "endedAt"
           FROM "TaskAssignee" a
          WHERE ${reassignedAway(actor, kinds)}
          GROUP BY a."taskId"
       ) x
      WHERE TRUE ${past(Prisma.sql`x."endedAt"`, Prisma.sql`x."taskId"`)}
      ORDER BY x."endedAt" ${direction}, x."taskId" ${direction}
      LIMIT ${order.limit})`;
}

/** One row of the page query, flat. */
interface RawRow {
  id: string;
  number: number;
  kind: TaskKind;
  state: TaskState;
  outcome: TaskOutcome | null;
  outcomeNote: string | null;
  completedById: string | null;
  createdAt: Date;
  completedAt: Date | null;
  dueAt: Date | null;
  sortKey: string;
  appId: string;
  appName: string;
  entitlementName: string;
  entitlementSlug: string;
  reason: string;
  requesterId: string;
  requesterName: string;
  accountId: string | null;
  accountLogin: string | null;
  accountName: string | null;
  accountEmail: string | null;
  ownerId: string | null;
  ownerName: string | null;
  targetId: string | null;
  targetName: string | null;
  targetEmail: string | null;
  endedAt: Date | null;
  handoverReason: string | null;
  successorId: string | null;
  successorName: string | null;
}

function subjectOf(row: RawRow): InboxSubject | null {
  if (row.accountId) {
    return {
      type: "account",
      login: row.accountLogin,
      displayName: row.accountName,
      email: row.accountEmail,
      owner: row.ownerId ? { id: row.ownerId, displayName: row.ownerName ?? "" } : null,
    };
  }
  if (row.targetId) {
    return {
      type: "person",
      id: row.targetId,
      displayName: row.targetName ?? "",
      email: row.targetEmail ?? "",
    };
  }
  return null;
}

function resolutionOf(row: RawRow, viewerId: string): InboxResolution {
  const at = row.endedAt ?? row.completedAt ?? row.createdAt;
  if (row.completedById === viewerId && (row.state === "DONE" || row.state === "ERRORED")) {
    return row.state === "ERRORED"
      ? { type: "errored", reason: row.outcomeNote, at }
      : { type: "completed", outcome: row.outcome, note: row.outcomeNote, at };
  }
  return {
    type: "reassigned",
    to: row.successorId ? { id: row.successorId, displayName: row.successorName ?? "" } : null,
    reason: row.handoverReason,
    at,
  };
}

/** Tasks with no due date sort after every dated one. */
const NO_DUE_DATE = Prisma.sql`'9999-12-31T00:00:00.000Z'::timestamp`;

/**
 * The sort key of a tab. Awaiting tabs: by creation, oldest first unless asked otherwise, or
 * by due date. Completed: by when the task left the viewer, newest first unless asked.
 */
function sortOf(completed: boolean, sort: TInboxSort | undefined) {
  if (completed) return { sortAt: Prisma.sql`c."endedAt"`, descending: sort !== "oldest" };
  if (sort === "due")
    return { sortAt: Prisma.sql`coalesce(t."dueAt", ${NO_DUE_DATE})`, descending: false };
  return { sortAt: Prisma.sql`t."createdAt"`, descending: sort === "newest" };
}

/**
 * One tab of the Requests or Revocations inbox (SPEC §3.2), keyset-paginated, in ONE
 * SQL statement: the viewer's candidate tasks (an index range of their own assignments or
 * history, never a scan of the organization's tasks), keyset, order and limit — then, for
 * the page's rows only, what each row shows and who took over a reassigned task. A search
 * looks at the display columns, so it joins them before limiting.
 */
export async function listInbox(ctx: ReadContext, input: TTaskInboxInput): Promise<Page<InboxRow>> {
  const { actor } = ctx;
  const after = input.cursor ? decodeCursor(input.cursor, "timestamp") : null;
  const completed = input.tab === "completed";
  const search = input.search?.trim() || undefined;
  const { sortAt, descending } = sortOf(completed, input.sort);
  const direction = descending ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const candidates =
    input.tab !== "completed"
      ? awaitingCandidates(actor, AWAITING_KIND[input.tab])
      : search
        ? completedCandidates(actor, BOX_KINDS[input.box])
        : completedPageCandidates(actor, BOX_KINDS[input.box], {
            descending,
            after,
            limit: input.limit + 1,
          });
  const keyset = after
    ? descending
      ? Prisma.sql`AND (${sortAt}, t."id") < (${after.key}::timestamp, ${after.id}::uuid)`
      : Prisma.sql`AND (${sortAt}, t."id") > (${after.key}::timestamp, ${after.id}::uuid)`
    : Prisma.empty;
  // What a row shows (and what a search looks in).
  const displayJoins = Prisma.sql`
          JOIN "Request" r ON r."id" = t."requestId"
          JOIN "App" ap ON ap."id" = t."appId"
          JOIN "Entitlement" en ON en."id" = r."entitlementId"
          JOIN "User" rq ON rq."id" = r."requesterId"
          LEFT JOIN "Account" ac ON ac."id" = r."accountId"
          LEFT JOIN "User" ow ON ow."id" = ac."ownerId"
          LEFT JOIN "User" tu ON tu."id" = r."targetUserId"`;

  const rows = await ctx.db.$queryRaw<RawRow[]>`
    SELECT t."id", t."number", t."kind"::text AS "kind", t."state"::text AS "state",
           t."outcome"::text AS "outcome", t."outcomeNote", t."completedById",
           t."createdAt", t."completedAt", t."dueAt",
           pg."sortAt", to_char(pg."sortAt", ${ISO}) AS "sortKey", pg."endedAt",
           ap."id" AS "appId", ap."name" AS "appName",
           en."displayName" AS "entitlementName", en."slug" AS "entitlementSlug",
           r."reason", rq."id" AS "requesterId", rq."displayName" AS "requesterName",
           ac."id" AS "accountId", ac."login" AS "accountLogin",
           ac."displayName" AS "accountName", ac."emails"[1] AS "accountEmail",
           ow."id" AS "ownerId", ow."displayName" AS "ownerName",
           tu."id" AS "targetId", tu."displayName" AS "targetName", tu."email" AS "targetEmail",
           mine."unassignedReason" AS "handoverReason",
           successor."id" AS "successorId",
           successor."displayName" AS "successorName"
      FROM (
        -- The page: candidates, state, keyset, order and limit first; the display tables
        -- join only the page's rows (or, for a search, the rows it has to look at).
        SELECT t."id", ${sortAt} AS "sortAt", c."endedAt"
          FROM (${candidates}) c
          JOIN "Task" t ON t."id" = c."taskId"
          ${search ? displayJoins : Prisma.empty}
         WHERE t."organizationId" = ${actor.organizationId}::uuid
           ${completed ? Prisma.empty : Prisma.sql`AND t."state" = 'OPEN'`}
           ${keyset}
           ${searchClause(search)}
         ORDER BY ${sortAt} ${direction}, t."id" ${direction}
         LIMIT ${input.limit + 1}
      ) pg
      JOIN "Task" t ON t."id" = pg."id"
      ${displayJoins}
      -- The viewer's latest hand-over of the task, and who was assigned at that moment.
      LEFT JOIN LATERAL (
        SELECT a."unassignedAt", a."unassignedReason"
          FROM "TaskAssignee" a
         WHERE a."taskId" = t."id" AND a."userId" = ${actor.id}::uuid
           AND NOT a."active" AND a."unassignedAt" IS NOT NULL
         ORDER BY a."unassignedAt" DESC
         LIMIT 1
      ) mine ON ${completed ? Prisma.sql`TRUE` : Prisma.sql`FALSE`}
      LEFT JOIN LATERAL (
        SELECT u."id", u."displayName"
          FROM "TaskAssignee" s
          JOIN "User" u ON u."id" = s."userId"
         WHERE s."taskId" = t."id" AND s."userId" <> ${actor.id}::uuid
           AND s."assignedAt" >= mine."unassignedAt"
         ORDER BY s."assignedAt" ASC, s."id" ASC
         LIMIT 1
      ) successor ON mine."unassignedAt" IS NOT NULL
     ORDER BY pg."sortAt" ${direction}, pg."id" ${direction}`;

  const page = toPage(rows, input.limit, (row) => ({ key: row.sortKey, id: row.id }));
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((row) => ({
      id: row.id,
      number: row.number,
      kind: row.kind,
      state: row.state,
      outcome: row.outcome,
      createdAt: row.createdAt,
      completedAt: row.completedAt,
      dueAt: row.dueAt,
      app: { id: row.appId, name: row.appName },
      entitlement: { displayName: row.entitlementName, slug: row.entitlementSlug },
      subject: subjectOf(row),
      requester: { id: row.requesterId, displayName: row.requesterName },
      reason: row.reason,
      resolution: completed ? resolutionOf(row, actor.id) : null,
    })),
  };
}
