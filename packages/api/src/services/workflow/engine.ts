import { enqueueJobs, QUEUES, reserveTaskNumbers, type Prisma } from "@lantern/db";
import {
  DomainError,
  resolveApprovers,
  resolveWorkers,
  workTaskKind,
  type Assignment,
  type AssignmentFacts,
  type NextStep,
  type PersonFact,
  type PolicySnapshot,
  type RequestFacts,
  type RequestOutcome,
  type RequestState,
  type TaskKind,
} from "@lantern/domain";
import {
  enqueueNotifications,
  inOrder,
  recipientSelect,
  recordEvents,
  type EventRecord,
  type Tx,
} from "../shared/records.ts";

// The request engine: runs a request's policy snapshot step by step. Every function takes
// the open transaction of the change that called it, so a step, its task, its events and
// its notifications commit together or not at all.

/** How long a new task has before its SLA hint turns overdue. */
export const TASK_SLA_DAYS = 3;

const requestInclude = {
  app: { select: { id: true, name: true } },
  entitlement: {
    select: {
      id: true,
      displayName: true,
      slug: true,
      description: true,
      provisioningStrategy: true,
      deprovisioningStrategy: true,
    },
  },
  requester: { select: { id: true, displayName: true, email: true } },
  targetUser: {
    select: { id: true, displayName: true, email: true, status: true, managerId: true },
  },
  account: {
    select: {
      id: true,
      login: true,
      displayName: true,
      emails: true,
      owner: { select: { id: true, displayName: true, status: true, managerId: true } },
    },
  },
} satisfies Prisma.RequestInclude;

export type RequestBundle = Prisma.RequestGetPayload<{ include: typeof requestInclude }> & {
  snapshot: PolicySnapshot;
};

export async function loadRequest(tx: Tx, requestId: string): Promise<RequestBundle> {
  const request = await tx.request.findUniqueOrThrow({
    where: { id: requestId },
    include: requestInclude,
  });
  return { ...request, snapshot: request.policySnapshot as unknown as PolicySnapshot };
}

/** The person whose access the request is about. */
export function subjectOf(request: RequestBundle) {
  return request.account?.owner ?? request.targetUser ?? null;
}

/** "jordan.lee@northwind.example (Jordan Lee)": the account or person, for messages. */
export function subjectLabel(request: RequestBundle): string {
  const owner = subjectOf(request);
  if (request.account) {
    const account =
      request.account.login ??
      request.account.emails[0] ??
      request.account.displayName ??
      "an account";
    return owner ? `${owner.displayName} (${account})` : account;
  }
  return owner?.displayName ?? "someone";
}

/** The facts carried by every notification about a request: what, for whom, where, why, who asked. */
/** The request facts every notification about it carries (SPEC §6.1: what, for whom, why). */
export function notificationFacts(request: RequestBundle): Omit<RequestFacts, "path"> {
  return {
    requestId: request.id,
    requestKind: request.kind,
    appName: request.app.name,
    entitlementName: request.entitlement.displayName,
    subject: subjectLabel(request),
    requesterName: request.requester.displayName,
    reason: request.reason,
    policyName: request.policyName,
  };
}

/** A person as the assignment rules (resolveWorkers, approvers) see them. */
export const personFactSelect = { id: true, displayName: true, status: true } as const;
export const toFact = (p: { id: string; displayName: string; status: string }): PersonFact => ({
  id: p.id,
  displayName: p.displayName,
  active: p.status === "ACTIVE",
});

async function assignmentFacts(
  tx: Tx,
  request: RequestBundle,
  namedApproverIds: string[],
): Promise<AssignmentFacts> {
  const subject = subjectOf(request);
  const workerRole = request.kind === "GRANT" ? "PROVISIONER" : "DEPROVISIONER";
  const [members, entitlementOwners, named, superAdmins, manager, priorApprovals] = await inOrder([
    tx.appMember.findMany({
      where: { appId: request.appId, role: { in: ["OWNER", workerRole] } },
      select: { role: true, user: { select: personFactSelect } },
      orderBy: { createdAt: "asc" },
    }),
    tx.entitlementOwner.findMany({
      where: { entitlementId: request.entitlementId },
      select: { user: { select: personFactSelect } },
    }),
    namedApproverIds.length > 0
      ? tx.user.findMany({
          where: { id: { in: namedApproverIds }, organizationId: request.organizationId },
          select: personFactSelect,
        })
      : Promise.resolve([]),
    tx.user.findMany({
      where: { organizationId: request.organizationId, role: "SUPER_ADMIN", status: "ACTIVE" },
      select: personFactSelect,
      orderBy: { displayName: "asc" },
    }),
    subject?.managerId
      ? tx.user.findUnique({ where: { id: subject.managerId }, select: personFactSelect })
      : Promise.resolve(null),
    tx.task.findMany({
      where: { requestId: request.id, kind: "APPROVAL", outcome: "APPROVED" },
      select: { completedById: true },
    }),
  ]);
  return {
    requesterId: request.requesterId,
    subject: subject ? toFact(subject) : null,
    subjectManager: manager ? toFact(manager) : null,
    appOwners: members.filter((m) => m.role === "OWNER").map((m) => toFact(m.user)),
    appWorkers: members.filter((m) => m.role === workerRole).map((m) => toFact(m.user)),
    entitlementOwners: entitlementOwners.map((o) => toFact(o.user)),
    namedApprovers: named.map(toFact),
    superAdmins: superAdmins.map(toFact),
    priorApproverIds: priorApprovals.flatMap((t) => (t.completedById ? [t.completedById] : [])),
  };
}

export interface StepEnv {
  actorId: string | null;
  now: Date;
}

export interface StepResult {
  state: RequestState;
  task: { id: string; number: number; kind: TaskKind } | null;
  connectorJobId: string | null;
}

/**
 * In the caller's transaction: hands a ConnectorJob row to the job queue, to run at `runAfter`
 * (default: at once).
 */
export async function enqueueConnectorJob(
  tx: Prisma.TransactionClient,
  connectorJobId: string,
  runAfter?: Date,
) {
  await enqueueJobs(tx, QUEUES.connector, [{ data: { connectorJobId }, startAfter: runAfter }]);
}

/**
 * Starts `next` for the request: an APPROVAL task for the resolved approvers; for the
 * provision step, a PROVISION / DEPROVISION task (MANUAL strategy) or a queued connector
 * job (CONNECTOR). Updates the request's state and current step.
 */
export async function startStep(
  tx: Tx,
  env: StepEnv,
  request: RequestBundle,
  next: NextStep,
  options: { connectorFallbackNote?: string } = {},
): Promise<StepResult> {
  const strategy =
    request.kind === "GRANT"
      ? request.entitlement.provisioningStrategy
      : request.entitlement.deprovisioningStrategy;
  const state: RequestState = next.type === "approval" ? "PENDING_APPROVAL" : "PROVISIONING";
  await tx.request.update({
    where: { id: request.id },
    data: { state, currentStep: next.index, updatedAt: env.now },
  });

  if (next.type === "provision" && strategy === "CONNECTOR" && !options.connectorFallbackNote) {
    const job = await tx.connectorJob.create({
      data: {
        organizationId: request.organizationId,
        requestId: request.id,
        appId: request.appId,
        action: request.kind === "GRANT" ? "GRANT" : "REVOKE",
        runAfter: env.now,
        createdAt: env.now,
        updatedAt: env.now,
      },
    });
    await enqueueConnectorJob(tx, job.id);
    await recordEvents(tx, [
      {
        organizationId: request.organizationId,
        actorId: env.actorId,
        action: "connector.job_queued",
        targetType: "Request",
        targetId: request.id,
        after: { jobId: job.id, action: job.action },
        requestId: request.id,
        at: env.now,
      },
    ]);
    return { state, task: null, connectorJobId: job.id };
  }

  const facts = await assignmentFacts(tx, request, next.step.approverUserIds);
  let assignment: Assignment;
  let kind: TaskKind;
  if (next.type === "approval") {
    assignment = resolveApprovers(request.snapshot, next.step, facts);
    kind = "APPROVAL";
  } else if (options.connectorFallbackNote) {
    // The connector gave up: the work falls back to the app owners (SPEC §6.4).
    const owners = resolveWorkers(request.kind, { ...facts, appWorkers: [] });
    assignment = { ...owners, note: options.connectorFallbackNote };
    kind = workTaskKind(request.kind);
  } else {
    assignment = resolveWorkers(request.kind, facts);
    kind = workTaskKind(request.kind);
  }
  const task = await createTask(tx, env, request, {
    kind,
    stepIndex: next.index,
    assigneeIds: assignment.userIds,
    routingNote: assignment.note,
  });
  return { state, task, connectorJobId: null };
}

/**
 * What a step just started means for people (RequestOutcome): the task and the people it was
 * assigned to, by name, or the connector's job. Read in the step's own transaction, so the
 * names are exactly the assignees the step wrote.
 */
export async function stepOutcome(tx: Tx, step: StepResult): Promise<RequestOutcome> {
  if (step.connectorJobId) return { kind: "connector", jobId: step.connectorJobId };
  if (!step.task) throw new Error("A started step has a task or a connector job.");
  const assignees = await tx.taskAssignee.findMany({
    where: { taskId: step.task.id, active: true },
    select: { user: { select: { id: true, displayName: true } } },
  });
  const people = assignees
    .map((a) => a.user)
    .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));
  return step.task.kind === "APPROVAL"
    ? { kind: "approval", taskNumber: step.task.number, approvers: people }
    : { kind: "task", taskNumber: step.task.number, assignees: people };
}

/**
 * A new OPEN task with its assignees, its `task.created` event, and a "task assigned"
 * notification to each assignee.
 */
export async function createTask(
  tx: Tx,
  env: StepEnv,
  request: RequestBundle,
  input: { kind: TaskKind; stepIndex: number; assigneeIds: string[]; routingNote: string | null },
): Promise<{ id: string; number: number; kind: TaskKind }> {
  if (input.assigneeIds.length === 0) {
    throw new DomainError(
      "CONFLICT",
      `Nobody can take this ${input.kind === "APPROVAL" ? "approval" : "task"}: the organization has no active super admin to fall back on. Ask an administrator to reactivate one.`,
    );
  }
  const number = await reserveTaskNumbers(tx, request.organizationId);
  const dueAt = new Date(env.now.getTime() + TASK_SLA_DAYS * 86_400_000);
  const task = await tx.task.create({
    data: {
      organizationId: request.organizationId,
      number,
      requestId: request.id,
      appId: request.appId,
      kind: input.kind,
      stepIndex: input.stepIndex,
      routingNote: input.routingNote,
      dueAt,
      createdAt: env.now,
      updatedAt: env.now,
    },
    select: { id: true, number: true, kind: true },
  });
  await tx.taskAssignee.createMany({
    data: input.assigneeIds.map((userId) => ({
      taskId: task.id,
      userId,
      organizationId: request.organizationId,
      kind: input.kind,
      assignedAt: env.now,
      assignedById: env.actorId,
    })),
  });
  await recordEvents(tx, [
    {
      organizationId: request.organizationId,
      actorId: env.actorId,
      action: "task.created",
      targetType: "Task",
      targetId: task.id,
      after: {
        number,
        kind: input.kind,
        stepIndex: input.stepIndex,
        assigneeIds: input.assigneeIds,
        ...(input.routingNote ? { routingNote: input.routingNote } : {}),
      },
      requestId: request.id,
      taskId: task.id,
      at: env.now,
    },
  ]);
  const recipients = await tx.user.findMany({
    where: { id: { in: input.assigneeIds } },
    select: recipientSelect,
  });
  await enqueueNotifications(tx, {
    organizationId: request.organizationId,
    recipients,
    template: "task.assigned",
    payload: {
      ...notificationFacts(request),
      taskId: task.id,
      taskNumber: number,
      taskKind: input.kind,
      path: `/tasks/${number}`,
      dueAt: dueAt.toISOString(),
      routingNote: input.routingNote ?? null,
    },
    key: `${task.id}:0`,
    at: env.now,
  });
  return task;
}

/**
 * The access change of a finished request: a GRANT makes its grant live (source REQUEST,
 * expiring after the requested duration), creating the account for a person who had none;
 * a REVOKE ends its grant. Idempotent against a grant that is already live or already ended.
 */
export async function applyGrantChange(
  tx: Tx,
  env: StepEnv,
  request: RequestBundle,
): Promise<EventRecord[]> {
  const base = {
    organizationId: request.organizationId,
    actorId: env.actorId,
    requestId: request.id,
    at: env.now,
  };
  if (request.kind === "REVOKE") {
    if (!request.grantId) return [];
    const ended = await tx.grant.updateMany({
      where: { id: request.grantId, revokedAt: null },
      data: { revokedAt: env.now, revokeRequestId: request.id },
    });
    if (ended.count === 0) return [];
    return [
      {
        ...base,
        action: "grant.revoked",
        targetType: "Grant",
        targetId: request.grantId,
        before: { revokedAt: null },
        after: { revokedAt: env.now.toISOString() },
        reason: request.reason,
      },
    ];
  }

  const events: EventRecord[] = [];
  let accountId = request.accountId;
  if (!accountId) {
    const person = request.targetUser;
    if (!person) return [];
    // The provisioner created the account in the app: record it, owned by the person, so
    // the grant has an account to live on. A later import of the app matches it by email.
    // Two requests of one person in one app completed at once (a bulk action) record the same
    // account: the second waits here for the first and then finds its row (no unique-key race).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`account:${request.appId}:${person.id}`}))`;
    const account = await tx.account.upsert({
      where: {
        appId_externalId: { appId: request.appId, externalId: `lantern:user:${person.id}` },
      },
      create: {
        organizationId: request.organizationId,
        appId: request.appId,
        externalId: `lantern:user:${person.id}`,
        login: person.email,
        emails: [person.email],
        displayName: person.displayName,
        matchedOwnerId: person.id,
        matchRule: "EMAIL",
        matchValue: person.email.trim().toLowerCase(),
        ownerId: person.id,
        ownerSource: "MATCHED",
        createdAt: env.now,
        updatedAt: env.now,
      },
      update: {},
      select: { id: true },
    });
    accountId = account.id;
    await tx.request.update({ where: { id: request.id }, data: { accountId } });
    events.push({
      ...base,
      action: "account.created",
      targetType: "Account",
      targetId: accountId,
      after: { login: person.email, ownerId: person.id, via: "provisioning" },
    });
  }
  const live = await tx.grant.findFirst({
    where: { accountId, entitlementId: request.entitlementId, revokedAt: null },
    select: { id: true },
  });
  if (live) {
    events.push({
      ...base,
      action: "grant.already_live",
      targetType: "Grant",
      targetId: live.id,
      after: { accountId, entitlementId: request.entitlementId },
    });
    return events;
  }
  const expiresAt = request.durationDays
    ? new Date(env.now.getTime() + request.durationDays * 86_400_000)
    : null;
  const grant = await tx.grant.create({
    data: {
      organizationId: request.organizationId,
      accountId,
      entitlementId: request.entitlementId,
      source: "REQUEST",
      grantedAt: env.now,
      expiresAt,
      requestId: request.id,
    },
    select: { id: true },
  });
  events.push({
    ...base,
    action: "grant.created",
    targetType: "Grant",
    targetId: grant.id,
    after: {
      accountId,
      entitlementId: request.entitlementId,
      source: "REQUEST",
      expiresAt: expiresAt?.toISOString() ?? null,
    },
  });
  return events;
}
