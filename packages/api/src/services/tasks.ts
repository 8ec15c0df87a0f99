import { Prisma, type TaskKind, type TaskOutcome, type TaskState } from "@lantern/db";
import { decodeTimestampCursor, toPage, type Actor, type Page } from "@lantern/domain";
import type { Context } from "../context.ts";
import type { TInboxBox, TInboxTab, TTaskInboxInput } from "../schemas/tasks.ts";

type ServiceContext = Pick<Context, "db"> & { actor: Actor };

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
 * The search of both tabs, written once: task number (with or without #), app name,
 * entitlement name, requester, and the subject (account login or name, its owner, or the
 * target person), case-insensitively. Joins only when searching.
 */
function searchClauses(search: string | undefined) {
  if (!search) return { joins: Prisma.empty, where: Prisma.empty };
  const pattern = `%${search.replace(/[\\%_]/g, "\\$&")}%`;
  const number = /^#?(\d{1,9})$/.exec(search);
  return {
    joins: Prisma.sql`
      JOIN "Request" r ON r."id" = t."requestId"
      JOIN "App" ap ON ap."id" = t."appId"
      JOIN "Entitlement" en ON en."id" = r."entitlementId"
      JOIN "User" rq ON rq."id" = r."requesterId"
      LEFT JOIN "Account" ac ON ac."id" = r."accountId"
      LEFT JOIN "User" ow ON ow."id" = ac."ownerId"
      LEFT JOIN "User" tu ON tu."id" = r."targetUserId"`,
    where: Prisma.sql`AND (
      ${number ? Prisma.sql`t."number" = ${Number(number[1])} OR` : Prisma.empty}
      ap."name" ILIKE ${pattern}
      OR en."displayName" ILIKE ${pattern}
      OR en."slug" ILIKE ${pattern}
      OR rq."displayName" ILIKE ${pattern}
      OR ac."login" ILIKE ${pattern}
      OR ac."displayName" ILIKE ${pattern}
      OR ow."displayName" ILIKE ${pattern}
      OR tu."displayName" ILIKE ${pattern})`,
  };
}

interface PageKey {
  id: string;
  sortKey: string;
}

/**
 * Open tasks of one kind where the viewer is an active assignee, oldest first. Driven by
 * the TaskAssignee (userId, kind, taskOpen, active) index, like the navigation badges.
 */
function awaitingKeys(
  ctx: ServiceContext,
  kind: TaskKind,
  search: string | undefined,
  after: { key: string; id: string } | null,
  take: number,
) {
  const { joins, where } = searchClauses(search);
  return ctx.db.$queryRaw<PageKey[]>`
    SELECT t."id", to_char(t."createdAt", ${ISO}) AS "sortKey"
      FROM "TaskAssignee" a
      JOIN "Task" t ON t."id" = a."taskId"
      ${joins}
     WHERE a."userId" = ${ctx.actor.id}::uuid
       AND a."kind" = ${kind}::"TaskKind"
       AND a."taskOpen" AND a."active"
       AND a."organizationId" = ${ctx.actor.organizationId}::uuid
       AND t."organizationId" = ${ctx.actor.organizationId}::uuid
       AND t."state" = 'OPEN'
       ${after ? Prisma.sql`AND (t."createdAt", t."id") > (${after.key}::timestamp, ${after.id}::uuid)` : Prisma.empty}
       ${where}
     ORDER BY t."createdAt" ASC, t."id" ASC
     LIMIT ${take}`;
}

/**
 * Tasks of the box's kinds that left the viewer's hands, newest first: completed or
 * errored by the viewer, or reassigned away from them (and not assigned back). Sorted by
 * when that happened to the viewer.
 */
function completedKeys(
  ctx: ServiceContext,
  kinds: readonly TaskKind[],
  search: string | undefined,
  after: { key: string; id: string } | null,
  take: number,
) {
  const org = ctx.actor.organizationId;
  const viewer = ctx.actor.id;
  const { joins, where } = searchClauses(search);
  return ctx.db.$queryRaw<PageKey[]>`
    SELECT t."id", to_char(e."endedAt", ${ISO}) AS "sortKey"
      FROM (
        SELECT x."taskId", max(x."endedAt") AS "endedAt"
          FROM (
            SELECT d."id" AS "taskId", coalesce(d."completedAt", d."updatedAt") AS "endedAt"
              FROM "Task" d
             WHERE d."completedById" = ${viewer}::uuid
               AND d."organizationId" = ${org}::uuid
               AND d."state" IN ('DONE', 'ERRORED')
               AND d."kind" IN (${kindList(kinds)})
            UNION ALL
            SELECT a."taskId", a."unassignedAt"
              FROM "TaskAssignee" a
             WHERE a."userId" = ${viewer}::uuid
               AND a."organizationId" = ${org}::uuid
               AND NOT a."active" AND a."unassignedAt" IS NOT NULL
               AND a."kind" IN (${kindList(kinds)})
               AND NOT EXISTS (
                 SELECT 1 FROM "TaskAssignee" b
                  WHERE b."taskId" = a."taskId" AND b."userId" = a."userId" AND b."active")
          ) x
         GROUP BY x."taskId"
      ) e
      JOIN "Task" t ON t."id" = e."taskId" AND t."organizationId" = ${org}::uuid
      ${joins}
     WHERE TRUE
       ${after ? Prisma.sql`AND (e."endedAt", t."id") < (${after.key}::timestamp, ${after.id}::uuid)` : Prisma.empty}
       ${where}
     ORDER BY e."endedAt" DESC, t."id" DESC
     LIMIT ${take}`;
}

const personRef = { select: { id: true, displayName: true } } as const;

const rowSelect = {
  id: true,
  number: true,
  kind: true,
  state: true,
  outcome: true,
  outcomeNote: true,
  completedById: true,
  createdAt: true,
  completedAt: true,
  dueAt: true,
  updatedAt: true,
  app: { select: { id: true, name: true } },
  request: {
    select: {
      reason: true,
      requester: personRef,
      entitlement: { select: { displayName: true, slug: true } },
      account: {
        select: { login: true, displayName: true, emails: true, owner: personRef },
      },
      targetUser: { select: { id: true, displayName: true, email: true } },
    },
  },
  assignees: {
    select: {
      userId: true,
      active: true,
      assignedAt: true,
      unassignedAt: true,
      unassignedReason: true,
      user: personRef,
    },
  },
} as const satisfies Prisma.TaskSelect;

type LoadedTask = Prisma.TaskGetPayload<{ select: typeof rowSelect }>;

function subjectOf(request: LoadedTask["request"]): InboxSubject | null {
  if (request.account) {
    return {
      type: "account",
      login: request.account.login,
      displayName: request.account.displayName,
      email: request.account.emails[0] ?? null,
      owner: request.account.owner,
    };
  }
  if (request.targetUser) return { type: "person", ...request.targetUser };
  return null;
}

/** The assignee who took over a reassignment: assigned when the viewer was unassigned. */
const HANDOVER_WINDOW_MS = 60_000;

function resolutionOf(task: LoadedTask, viewerId: string): InboxResolution {
  if (task.completedById === viewerId && (task.state === "DONE" || task.state === "ERRORED")) {
    const at = task.completedAt ?? task.updatedAt;
    return task.state === "ERRORED"
      ? { type: "errored", reason: task.outcomeNote, at }
      : { type: "completed", outcome: task.outcome, note: task.outcomeNote, at };
  }
  const left = task.assignees
    .filter((a) => a.userId === viewerId && !a.active && a.unassignedAt)
    .sort((a, b) => b.unassignedAt!.getTime() - a.unassignedAt!.getTime())[0];
  const at = left?.unassignedAt ?? task.updatedAt;
  const successor = task.assignees
    .filter((a) => a.userId !== viewerId)
    .map((a) => ({ a, gap: Math.abs(a.assignedAt.getTime() - at.getTime()) }))
    .filter(({ gap }) => gap <= HANDOVER_WINDOW_MS)
    .sort((x, y) => x.gap - y.gap)[0]?.a;
  return {
    type: "reassigned",
    to: successor?.user ?? null,
    reason: left?.unassignedReason ?? null,
    at,
  };
}

/**
 * One tab of the Requests or Revocations inbox (SPEC §3.2), keyset-paginated: one SQL
 * query picks the page (filter, search, order), one batched lookup loads its rows.
 */
export async function listInbox(
  ctx: ServiceContext,
  input: TTaskInboxInput,
): Promise<Page<InboxRow>> {
  const after = input.cursor ? decodeTimestampCursor(input.cursor) : null;
  const search = input.search?.trim() || undefined;
  const take = input.limit + 1;
  const completed = input.tab === "completed";
  const keys =
    input.tab === "completed"
      ? await completedKeys(ctx, BOX_KINDS[input.box], search, after, take)
      : await awaitingKeys(ctx, AWAITING_KIND[input.tab], search, after, take);

  const page = toPage(keys, input.limit, (k) => ({ key: k.sortKey, id: k.id }));
  if (page.items.length === 0) return { items: [], nextCursor: null };

  const tasks = await ctx.db.task.findMany({
    where: { id: { in: page.items.map((k) => k.id) }, organizationId: ctx.actor.organizationId },
    select: rowSelect,
  });
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const items = page.items.flatMap((k): InboxRow[] => {
    const t = byId.get(k.id);
    if (!t) return [];
    return [
      {
        id: t.id,
        number: t.number,
        kind: t.kind,
        state: t.state,
        outcome: t.outcome,
        createdAt: t.createdAt,
        completedAt: t.completedAt,
        dueAt: t.dueAt,
        app: t.app,
        entitlement: t.request.entitlement,
        subject: subjectOf(t.request),
        requester: t.request.requester,
        reason: t.request.reason,
        resolution: completed ? resolutionOf(t, ctx.actor.id) : null,
      },
    ];
  });
  return { items, nextCursor: page.nextCursor };
}
