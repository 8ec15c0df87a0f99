import { policyInclude, type Prisma, type PolicyWithSteps } from "@lantern/db";
import {
  assertAllowed,
  assertCancellable,
  canCancelRequest,
  canRequestAccess,
  canRetryRequest,
  decodeCursor,
  describePolicy,
  DomainError,
  firstStep,
  outcomeOfRequest,
  resolveWorkers,
  retryTransition,
  toPage,
  type Actor,
  type Page,
  type PersonFact,
  type RequestKind,
  type RequestOutcome,
  type RequestState,
  type TaskKind,
  snapshotPolicy,
  type WhoDoesIt,
} from "@lantern/domain";
import type {
  TCancelRequestInput,
  TCreateRequestInput,
  TMyRequestsInput,
  TRequestableInput,
} from "../schemas/requests.ts";
import { notifyRequestEnd } from "./tasks/actions.ts";
import { loadRequest, startStep, stepOutcome } from "./workflow/engine.ts";
import { recordEvents, transaction, type EventRecord, type Tx } from "./shared/records.ts";
import { escapeLike } from "./search.ts";
import type { Context } from "../context.ts";
import type { ServiceContext } from "./shared/context.ts";

/**
 * The policy a request of `kind` on this entitlement runs under: the entitlement's own,
 * else the app's default, else the organization's default.
 */
export async function effectivePolicy(
  tx: Tx,
  entitlement: {
    requestPolicyId: string | null;
    revocationPolicyId: string | null;
    app: {
      defaultRequestPolicyId: string | null;
      defaultRevocationPolicyId: string | null;
      organization: {
        defaultRequestPolicyId: string | null;
        defaultRevocationPolicyId: string | null;
      };
    };
  },
  kind: RequestKind,
): Promise<PolicyWithSteps | null> {
  const id =
    kind === "GRANT"
      ? (entitlement.requestPolicyId ??
        entitlement.app.defaultRequestPolicyId ??
        entitlement.app.organization.defaultRequestPolicyId)
      : (entitlement.revocationPolicyId ??
        entitlement.app.defaultRevocationPolicyId ??
        entitlement.app.organization.defaultRevocationPolicyId);
  if (!id) return null;
  return tx.policy.findUnique({ where: { id }, include: policyInclude });
}

export interface CreatedRequest {
  requestId: string;
  state: RequestState;
  policyName: string;
  /** What the policy does, in words. */
  policySummary: string;
  /** The first task, when the request waits on a person. */
  task: { number: number; kind: TaskKind } | null;
  /**
   * What happens next, from the step the server started: approval by whom, a provisioning
   * task for whom, or the connector. Word it with describeOutcome (@lantern/domain).
   */
  outcome: RequestOutcome;
}

/**
 * An employee requests an entitlement for themselves (SPEC §8: every member). The request
 * targets their account in the app (the one they own; a USER account first), or them as a
 * person when they have none yet. Refused when they already hold it or already asked.
 */
export async function createRequest(
  ctx: ServiceContext,
  input: TCreateRequestInput,
): Promise<CreatedRequest> {
  const actor = ctx.actor;
  return transaction(ctx, async (tx) => {
    const now = ctx.now();
    const entitlement = await tx.entitlement.findFirst({
      where: { id: input.entitlementId, organizationId: actor.organizationId },
      include: {
        app: {
          select: {
            id: true,
            name: true,
            status: true,
            organizationId: true,
            defaultRequestPolicyId: true,
            defaultRevocationPolicyId: true,
            organization: {
              select: { defaultRequestPolicyId: true, defaultRevocationPolicyId: true },
            },
          },
        },
      },
    });
    if (!entitlement) throw new DomainError("NOT_FOUND", "This entitlement does not exist.");
    assertAllowed(canRequestAccess(actor, entitlement.app));

    // One request at a time per person and entitlement, even under double clicks.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`request:${entitlement.id}:${actor.id}`}))`;

    const accounts = await tx.account.findMany({
      where: { appId: entitlement.appId, ownerId: actor.id, status: { not: "DELETED" } },
      select: { id: true, type: true, status: true, login: true },
      orderBy: [{ type: "asc" }, { createdAt: "asc" }],
    });
    const account = accounts.find((a) => a.type === "USER") ?? accounts[0] ?? null;
    if (account) {
      const live = await tx.grant.findFirst({
        where: { accountId: account.id, entitlementId: entitlement.id, revokedAt: null },
        select: { id: true },
      });
      if (live) {
        throw new DomainError(
          "CONFLICT",
          `You already have ${entitlement.displayName} in ${entitlement.app.name}.`,
        );
      }
    }
    const running = await tx.request.findFirst({
      where: {
        organizationId: actor.organizationId,
        kind: "GRANT",
        entitlementId: entitlement.id,
        state: { in: ["PENDING_APPROVAL", "APPROVED", "PROVISIONING"] },
        OR: [{ targetUserId: actor.id }, ...(account ? [{ accountId: account.id }] : [])],
      },
      select: {
        id: true,
        state: true,
        tasks: { where: { state: "OPEN" }, select: { number: true } },
      },
    });
    if (running) {
      const task = running.tasks[0];
      throw new DomainError(
        "CONFLICT",
        `You already asked for ${entitlement.displayName} in ${entitlement.app.name}; that request is ${running.state === "PENDING_APPROVAL" ? "waiting for approval" : "being provisioned"}${task ? ` (task #${task.number})` : ""}.`,
        { requestId: running.id, taskNumber: task?.number ?? null },
      );
    }

    const { requestId, policy, snapshot, step } = await openRequest(tx, actor, now, {
      kind: "GRANT",
      entitlement,
      accountId: account?.id ?? null,
      targetUserId: account ? null : actor.id,
      reason: input.reason,
      durationDays: input.durationDays ?? null,
    });
    return {
      requestId,
      state: step.state,
      policyName: policy.name,
      policySummary: describePolicy(snapshot, "GRANT"),
      task: step.task ? { number: step.task.number, kind: step.task.kind } : null,
      outcome: await stepOutcome(tx, step),
    };
  });
}

export interface OpenRequestInput {
  kind: RequestKind;
  entitlement: {
    id: string;
    appId: string;
    displayName: string;
    requestPolicyId: string | null;
    revocationPolicyId: string | null;
    app: Parameters<typeof effectivePolicy>[1]["app"] & { name: string };
  };
  accountId: string | null;
  targetUserId: string | null;
  grantId?: string | null;
  reason: string;
  durationDays?: number | null;
  /** Further events of the same change (e.g. on the grant a revocation is about). */
  moreEvents?: (requestId: string, policyName: string) => EventRecord[];
}

/**
 * Opens a request (GRANT or REVOKE) under the entitlement's effective policy: snapshots the
 * policy, creates the request, records its events and starts its first step (approval task,
 * provisioning or deprovisioning task, or connector job). Runs inside the caller's
 * transaction, after the caller's own checks.
 */
export async function openRequest(tx: Tx, actor: Actor, now: Date, input: OpenRequestInput) {
  const { entitlement, kind } = input;
  const policy = await effectivePolicy(tx, entitlement, kind);
  if (!policy) {
    const which = kind === "GRANT" ? "request" : "revocation";
    throw new DomainError(
      "BAD_REQUEST",
      `No ${which} policy applies to ${entitlement.displayName}: ask a super admin to set a default ${which} policy for ${entitlement.app.name} or the organization.`,
    );
  }
  const snapshot = snapshotPolicy(policy);
  const next = firstStep(snapshot);
  const fields = {
    kind,
    accountId: input.accountId,
    targetUserId: input.targetUserId,
    grantId: input.grantId ?? null,
    appId: entitlement.appId,
    entitlementId: entitlement.id,
    durationDays: input.durationDays ?? null,
  };
  const created = await tx.request.create({
    data: {
      ...fields,
      organizationId: actor.organizationId,
      requesterId: actor.id,
      reason: input.reason,
      state: next.type === "approval" ? "PENDING_APPROVAL" : "APPROVED",
      policyId: policy.id,
      policyName: policy.name,
      policySnapshot: snapshot as unknown as Prisma.InputJsonValue,
      currentStep: next.index,
      createdAt: now,
      updatedAt: now,
    },
    select: { id: true, state: true },
  });
  const base = {
    organizationId: actor.organizationId,
    requestId: created.id,
    at: now,
  };
  const events: EventRecord[] = [
    {
      ...base,
      actorId: actor.id,
      action: "request.created",
      targetType: "Request",
      targetId: created.id,
      after: { ...fields, state: created.state, policyName: policy.name },
      reason: input.reason,
    },
    ...(input.moreEvents?.(created.id, policy.name) ?? []),
  ];
  if (next.type === "provision") {
    events.push({
      ...base,
      actorId: null,
      action: "request.provisioning",
      targetType: "Request",
      targetId: created.id,
      before: { state: "APPROVED" },
      after: { state: "PROVISIONING" },
      reason: "The policy has no approval steps.",
    });
  }
  await recordEvents(tx, events);
  const request = await loadRequest(tx, created.id);
  const step = await startStep(tx, { actorId: null, now }, request, next);
  return { requestId: created.id, policy, snapshot, request, step };
}

// ─────────────────────────────── Cancel and retry ───────────────────────────────

async function requestForAction(tx: Tx, actor: Actor, requestId: string) {
  const found = await tx.request.findFirst({
    where: { id: requestId, organizationId: actor.organizationId },
    select: { id: true },
  });
  if (!found) throw new DomainError("NOT_FOUND", "This request does not exist.");
  return loadRequest(tx, found.id);
}

/**
 * Cancel a running request: its open tasks become CANCELLED (they stay in the history),
 * queued connector work is dropped, and the requester is told.
 */
export async function cancelRequest(ctx: ServiceContext, input: TCancelRequestInput) {
  const actor = ctx.actor;
  return transaction(ctx, async (tx) => {
    const now = ctx.now();
    const request = await requestForAction(tx, actor, input.requestId);
    assertAllowed(canCancelRequest(actor, request));
    assertCancellable(request.state);
    const moved = await tx.request.updateMany({
      where: { id: request.id, state: request.state },
      data: { state: "CANCELLED", completedAt: now, updatedAt: now },
    });
    if (moved.count === 0) {
      throw new DomainError("CONFLICT", "The request changed meanwhile. Reload it and try again.");
    }
    const open = await tx.task.findMany({
      where: { requestId: request.id, state: "OPEN" },
      select: { id: true, number: true },
    });
    if (open.length > 0) {
      await tx.task.updateMany({
        where: { id: { in: open.map((t) => t.id) }, state: "OPEN" },
        data: {
          state: "CANCELLED",
          outcome: "CANCELLED",
          outcomeNote: input.reason,
          completedById: actor.id,
          completedAt: now,
          version: { increment: 1 },
          updatedAt: now,
        },
      });
      await tx.taskAssignee.updateMany({
        where: { taskId: { in: open.map((t) => t.id) } },
        data: { taskOpen: false },
      });
    }
    await tx.connectorJob.updateMany({
      where: { requestId: request.id, state: "QUEUED" },
      data: {
        state: "FAILED",
        lastError: "The request was cancelled.",
        finishedAt: now,
        updatedAt: now,
      },
    });
    const base = {
      organizationId: actor.organizationId,
      actorId: actor.id,
      requestId: request.id,
      at: now,
    };
    await recordEvents(tx, [
      ...open.map((t) => ({
        ...base,
        taskId: t.id,
        action: "task.cancelled",
        targetType: "Task",
        targetId: t.id,
        before: { state: "OPEN" },
        after: { state: "CANCELLED", outcome: "CANCELLED" },
        reason: input.reason,
      })),
      {
        ...base,
        action: "request.cancelled",
        targetType: "Request",
        targetId: request.id,
        before: { state: request.state },
        after: { state: "CANCELLED" },
        reason: input.reason,
      },
    ]);
    if (request.requesterId !== actor.id) {
      await notifyRequestEnd(tx, request, "CANCELLED", {
        taskNumber: open[0]?.number ?? null,
        note: input.reason,
        now,
      });
    }
    return {
      requestId: request.id,
      state: "CANCELLED" as RequestState,
      cancelledTasks: open.length,
    };
  });
}

/** Retry an errored request (SPEC §3.4): a fresh task (or connector job) for its provision step. */
export async function retryRequest(ctx: ServiceContext, input: { requestId: string }) {
  const actor = ctx.actor;
  return transaction(ctx, async (tx) => {
    const now = ctx.now();
    const request = await requestForAction(tx, actor, input.requestId);
    const owners = await tx.appMember.findMany({
      where: { appId: request.appId, role: "OWNER" },
      select: { userId: true },
    });
    assertAllowed(
      canRetryRequest(actor, {
        organizationId: request.organizationId,
        appOwnerIds: owners.map((o) => o.userId),
      }),
    );
    const next = retryTransition(request);
    const moved = await tx.request.updateMany({
      where: { id: request.id, state: "ERRORED" },
      data: { state: "PROVISIONING", completedAt: null, updatedAt: now },
    });
    if (moved.count === 0) {
      throw new DomainError("CONFLICT", "Someone retried this request already. Reload it.");
    }
    await recordEvents(tx, [
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "request.retried",
        targetType: "Request",
        targetId: request.id,
        before: { state: "ERRORED" },
        after: { state: "PROVISIONING" },
        requestId: request.id,
        at: now,
      },
    ]);
    const step = await startStep(
      tx,
      { actorId: actor.id, now },
      { ...request, state: "PROVISIONING" },
      next,
    );
    return {
      requestId: request.id,
      state: step.state,
      task: step.task ? { number: step.task.number, kind: step.task.kind } : null,
    };
  });
}

// ─────────────────────────────── My requests ───────────────────────────────

export interface MyRequestRow {
  id: string;
  kind: RequestKind;
  state: RequestState;
  reason: string;
  durationDays: number | null;
  createdAt: Date;
  completedAt: Date | null;
  app: { id: string; name: string; iconUrl: string | null };
  entitlement: { id: string; displayName: string };
  policyName: string;
  /** The latest task of the request: where to follow it. */
  latestTask: {
    number: number;
    kind: TaskKind;
    state: string;
    outcomeNote: string | null;
    assignees: string[];
  } | null;
  /** What happens next (outcomeOfRequest): word it with describeOutcome. */
  next: RequestOutcome | null;
}

/** The requests the viewer made, newest first, keyset-paginated. */
export async function listMyRequests(
  ctx: Pick<Context, "db"> & { actor: Actor },
  input: TMyRequestsInput,
): Promise<Page<MyRequestRow>> {
  const after = input.cursor ? decodeCursor(input.cursor, "timestamp") : null;
  const rows = await ctx.db.request.findMany({
    where: {
      organizationId: ctx.actor.organizationId,
      requesterId: ctx.actor.id,
      ...(after
        ? {
            OR: [
              { createdAt: { lt: new Date(after.key) } },
              { createdAt: new Date(after.key), id: { lt: after.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: {
      id: true,
      kind: true,
      state: true,
      reason: true,
      durationDays: true,
      createdAt: true,
      completedAt: true,
      policyName: true,
      app: { select: { id: true, name: true, iconUrl: true } },
      entitlement: { select: { id: true, displayName: true } },
      tasks: {
        orderBy: { number: "desc" },
        take: 1,
        select: {
          number: true,
          kind: true,
          state: true,
          outcomeNote: true,
          assignees: {
            where: { active: true },
            select: { user: { select: { id: true, displayName: true } } },
          },
        },
      },
    },
  });
  const page = toPage(rows, input.limit, (r) => ({ key: r.createdAt.toISOString(), id: r.id }));
  return {
    nextCursor: page.nextCursor,
    items: page.items.map(({ tasks, ...r }) => {
      const t = tasks[0];
      const people = (t?.assignees ?? [])
        .map((a) => a.user)
        .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));
      return {
        ...r,
        next: outcomeOfRequest({
          state: r.state,
          openTask:
            t && t.state === "OPEN" ? { number: t.number, kind: t.kind, assignees: people } : null,
        }),
        latestTask: t
          ? {
              number: t.number,
              kind: t.kind,
              state: t.state,
              outcomeNote: t.outcomeNote,
              assignees: t.assignees.map((a) => a.user.displayName),
            }
          : null,
      };
    }),
  };
}

// ─────────────────────────────── What can be requested ───────────────────────────────

export interface RequestableEntitlement {
  id: string;
  slug: string;
  displayName: string;
  description: string;
  app: { id: string; name: string; iconUrl: string | null };
  /** The viewer holds it already (on an account they own). */
  held: boolean;
  /** The viewer has a request for it running. */
  pending: boolean;
  policyName: string | null;
  policySummary: string | null;
  /**
   * Who provisions it once approved, by the rules a request's task would follow: the app's
   * provisioners (else its owners, else the super admins), by name, or the app's connector.
   */
  provisionedBy: WhoDoesIt;
}

/**
 * The entitlements of managed apps the viewer may request, with whether they hold or
 * already asked for each, and what the policy will do. At most 200 per call: narrow
 * with `appId` or `search`.
 */
export async function listRequestable(
  ctx: Pick<Context, "db"> & { actor: Actor },
  input: TRequestableInput,
): Promise<RequestableEntitlement[]> {
  const actor = ctx.actor;
  const entitlements = await ctx.db.entitlement.findMany({
    where: {
      organizationId: actor.organizationId,
      app: { status: "MANAGED" },
      ...(input.appId ? { appId: input.appId } : {}),
      ...(input.search
        ? {
            OR: [
              { displayName: { contains: escapeLike(input.search), mode: "insensitive" } },
              { slug: { contains: escapeLike(input.search), mode: "insensitive" } },
              { app: { name: { contains: escapeLike(input.search), mode: "insensitive" } } },
            ],
          }
        : {}),
    },
    orderBy: [{ app: { name: "asc" } }, { displayName: "asc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      slug: true,
      displayName: true,
      description: true,
      requestPolicyId: true,
      revocationPolicyId: true,
      provisioningStrategy: true,
      app: {
        select: {
          id: true,
          name: true,
          iconUrl: true,
          defaultRequestPolicyId: true,
          defaultRevocationPolicyId: true,
          organization: {
            select: { defaultRequestPolicyId: true, defaultRevocationPolicyId: true },
          },
        },
      },
    },
  });
  const ids = entitlements.map((e) => e.id);
  const [held, pending] = await Promise.all([
    ctx.db.grant.findMany({
      where: { entitlementId: { in: ids }, revokedAt: null, account: { ownerId: actor.id } },
      select: { entitlementId: true },
    }),
    ctx.db.request.findMany({
      where: {
        entitlementId: { in: ids },
        kind: "GRANT",
        state: { in: ["PENDING_APPROVAL", "APPROVED", "PROVISIONING"] },
        OR: [
          { requesterId: actor.id },
          { targetUserId: actor.id },
          { account: { ownerId: actor.id } },
        ],
      },
      select: { entitlementId: true },
    }),
  ]);
  const heldIds = new Set(held.map((g) => g.entitlementId));
  const pendingIds = new Set(pending.map((r) => r.entitlementId));
  const policyIds = [
    ...new Set(
      entitlements.flatMap((e) => {
        const id =
          e.requestPolicyId ??
          e.app.defaultRequestPolicyId ??
          e.app.organization.defaultRequestPolicyId;
        return id ? [id] : [];
      }),
    ),
  ];
  const policies = new Map(
    (
      await ctx.db.policy.findMany({ where: { id: { in: policyIds } }, include: policyInclude })
    ).map((p) => [p.id, p]),
  );
  const provisioners = await provisionersOf(
    ctx.db,
    actor.organizationId,
    entitlements.filter((e) => e.provisioningStrategy === "MANUAL").map((e) => e.app.id),
  );
  return entitlements.map((e) => {
    const policyId =
      e.requestPolicyId ??
      e.app.defaultRequestPolicyId ??
      e.app.organization.defaultRequestPolicyId;
    const policy = policyId ? policies.get(policyId) : undefined;
    return {
      id: e.id,
      slug: e.slug,
      displayName: e.displayName,
      description: e.description,
      app: { id: e.app.id, name: e.app.name, iconUrl: e.app.iconUrl },
      held: heldIds.has(e.id),
      pending: pendingIds.has(e.id),
      policyName: policy?.name ?? null,
      policySummary: policy ? describePolicy(snapshotPolicy(policy), "GRANT") : null,
      provisionedBy:
        e.provisioningStrategy === "CONNECTOR"
          ? { kind: "connector" }
          : { kind: "people", people: provisioners.get(e.app.id) ?? [] },
    };
  });
}

const personSelect = { id: true, displayName: true, status: true } as const;
const toFact = (p: { id: string; displayName: string; status: string }): PersonFact => ({
  id: p.id,
  displayName: p.displayName,
  active: p.status === "ACTIVE",
});

/**
 * Who would get a provisioning task in each of these apps today (resolveWorkers, the rule the
 * workflow engine assigns by), by name in alphabetical order. Two statements whatever the
 * number of apps.
 */
async function provisionersOf(
  db: Tx,
  organizationId: string,
  appIds: string[],
): Promise<Map<string, Array<{ id: string; displayName: string }>>> {
  const found = new Map<string, Array<{ id: string; displayName: string }>>();
  const apps = [...new Set(appIds)];
  if (apps.length === 0) return found;
  const [members, superAdmins] = await Promise.all([
    db.appMember.findMany({
      where: { appId: { in: apps }, role: { in: ["OWNER", "PROVISIONER"] } },
      select: { appId: true, role: true, user: { select: personSelect } },
      orderBy: { createdAt: "asc" },
    }),
    db.user.findMany({
      where: { organizationId, role: "SUPER_ADMIN", status: "ACTIVE" },
      select: personSelect,
      orderBy: { displayName: "asc" },
    }),
  ]);
  for (const appId of apps) {
    const mine = members.filter((m) => m.appId === appId);
    const people = new Map(mine.map((m) => [m.user.id, m.user]));
    for (const admin of superAdmins) people.set(admin.id, admin);
    const { userIds } = resolveWorkers("GRANT", {
      appWorkers: mine.filter((m) => m.role === "PROVISIONER").map((m) => toFact(m.user)),
      appOwners: mine.filter((m) => m.role === "OWNER").map((m) => toFact(m.user)),
      superAdmins: superAdmins.map(toFact),
    });
    found.set(
      appId,
      userIds
        .map((id) => ({ id, displayName: people.get(id)!.displayName }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id)),
    );
  }
  return found;
}
