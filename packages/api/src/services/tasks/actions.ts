import {
  ACTION_REASON,
  assertAllowed,
  canActOnTask,
  canCommentOnTask,
  canReassignTask,
  closedTaskMessage,
  DomainError,
  isDomainError,
  requestAfterTask,
  requireReason,
  taskTransition,
  type RequestEndedPayload,
  type RequestState,
  type CloseAction,
  type TaskKind,
  type TaskOutcome,
  type TaskState,
} from "@lantern/domain";

import type {
  TBulkTaskInput,
  TCloseTaskInput,
  TCommentInput,
  TReassignTaskInput,
} from "../../schemas/tasks.ts";
import {
  applyGrantChange,
  loadRequest,
  notificationFacts,
  startStep,
  subjectOf,
  type RequestBundle,
} from "../workflow/engine.ts";
import {
  enqueueNotifications,
  recipientSelect,
  recordEvents,
  transaction,
  type EventRecord,
  type Tx,
} from "../shared/records.ts";
import { loadTaskWhere, type LoadedTask } from "../workflow/task-access.ts";
import type { ServiceContext } from "../shared/context.ts";

const OUTCOME_EVENT: Record<TaskOutcome, string> = {
  APPROVED: "task.approved",
  DENIED: "task.denied",
  PROVISIONED: "task.provisioned",
  DEPROVISIONED: "task.deprovisioned",
  ERRORED: "task.errored",
  CANCELLED: "task.cancelled",
};

export interface TaskActionResult {
  taskId: string;
  number: number;
  state: TaskState;
  outcome: TaskOutcome | null;
  request: { id: string; state: RequestState };
  /** The task the request moved on to, if any (the next approval, or the provisioning). */
  nextTask: { number: number; kind: TaskKind } | null;
}

/**
 * Closes an OPEN task as the actor (SPEC §3.3, §3.4, and approvals): checks the rules,
 * moves the task with a conditional update (so of two simultaneous actions exactly one
 * wins, and the other gets CONFLICT naming who completed it), advances or ends the request,
 * changes the grant, and writes the events and notifications — all in one transaction.
 * `comment`, when given, is posted on the task too (bulk actions).
 */
async function closeTaskIn(
  tx: Tx,
  ctx: ServiceContext,
  taskId: string,
  action: CloseAction,
  text: string | undefined,
  comment?: string,
): Promise<TaskActionResult> {
  const now = ctx.now();
  const actor = ctx.actor;
  const task = await loadTaskWhere(tx, actor, { id: taskId });
  assertAllowed(canActOnTask(actor, task.rules));
  const { state, outcome } = taskTransition(task.facts, action);
  const reasonLabel = ACTION_REASON[action];
  const note = reasonLabel ? requireReason(text, reasonLabel) : text?.trim() || null;

  const moved = await tx.task.updateMany({
    where: { id: task.id, state: "OPEN" },
    data: {
      state,
      outcome,
      outcomeNote: note,
      completedById: actor.id,
      completedAt: now,
      version: { increment: 1 },
      updatedAt: now,
    },
  });
  if (moved.count === 0) throw await closedConflict(tx, task.id);
  await tx.taskAssignee.updateMany({ where: { taskId: task.id }, data: { taskOpen: false } });

  const request = await loadRequest(tx, task.requestId);
  const after = requestAfterTask(
    { state: request.state, currentStep: request.currentStep, snapshot: request.snapshot },
    { kind: task.kind, stepIndex: task.stepIndex },
    outcome!,
  );
  const base = {
    organizationId: actor.organizationId,
    actorId: actor.id,
    requestId: request.id,
    at: now,
  };
  const events: EventRecord[] = [
    {
      ...base,
      taskId: task.id,
      action: OUTCOME_EVENT[outcome!],
      targetType: "Task",
      targetId: task.id,
      before: { state: "OPEN" },
      after: { state, outcome, ...(note ? { note } : {}) },
      reason: note,
    },
  ];
  if (comment) events.push(...(await postComment(tx, ctx, task, comment, now)));

  let nextTask: TaskActionResult["nextTask"] = null;
  let requestState: RequestState = after.state;
  if (after.next) {
    if (after.next.type === "provision") {
      events.push(transitionEvent(base, request, "PENDING_APPROVAL", "APPROVED"));
      events.push(transitionEvent(base, request, "APPROVED", "PROVISIONING"));
    }
    await recordEvents(tx, events);
    const step = await startStep(tx, { actorId: actor.id, now }, request, after.next);
    requestState = step.state;
    nextTask = step.task ? { number: step.task.number, kind: step.task.kind } : null;
  } else {
    await tx.request.update({
      where: { id: request.id },
      data: { state: after.state, completedAt: now, updatedAt: now },
    });
    events.push(transitionEvent(base, request, request.state, after.state));
    if (after.state === "COMPLETED") {
      events.push(...(await applyGrantChange(tx, { actorId: actor.id, now }, request)));
    }
    await recordEvents(tx, events);
    await notifyRequestEnd(tx, request, after.state, { taskNumber: task.number, note, now });
  }
  return {
    taskId: task.id,
    number: task.number,
    state,
    outcome,
    request: { id: request.id, state: requestState },
    nextTask,
  };
}

function transitionEvent(
  base: { organizationId: string; actorId: string | null; requestId: string; at: Date },
  request: RequestBundle,
  from: RequestState,
  to: RequestState,
): EventRecord {
  return {
    ...base,
    action: `request.${to.toLowerCase()}`,
    targetType: "Request",
    targetId: request.id,
    before: { state: from },
    after: { state: to },
  };
}

/** CONFLICT for a task someone else closed first, naming them. */
export async function closedConflict(tx: Tx, taskId: string): Promise<DomainError> {
  const current = await tx.task.findUniqueOrThrow({
    where: { id: taskId },
    select: {
      number: true,
      kind: true,
      state: true,
      outcome: true,
      completedAt: true,
      completedBy: { select: { displayName: true } },
    },
  });
  if (current.state === "OPEN") {
    return new DomainError(
      "CONFLICT",
      `Task #${current.number} changed while you were acting on it. Reload it and try again.`,
    );
  }
  return new DomainError(
    "CONFLICT",
    closedTaskMessage({
      ...current,
      completedByName: current.completedBy?.displayName ?? null,
    }),
    {
      completedBy: current.completedBy?.displayName ?? null,
      completedAt: current.completedAt?.toISOString() ?? null,
      state: current.state,
      outcome: current.outcome,
    },
  );
}

const REQUEST_END_TEMPLATE = {
  COMPLETED: "request.completed",
  ERRORED: "request.errored",
  DENIED: "request.denied",
  CANCELLED: "request.cancelled",
} as const;
type EndState = keyof typeof REQUEST_END_TEMPLATE;
const isEndState = (state: RequestState): state is EndState => state in REQUEST_END_TEMPLATE;
type RecipientRole = NonNullable<RequestEndedPayload["recipientRole"]>;

/**
 * Who hears about a finished request: the requester (and, for a revocation, the account's
 * owner) when it completes or is denied; the app owners and the requester when it errors.
 */
export async function notifyRequestEnd(
  tx: Tx,
  request: RequestBundle,
  state: RequestState,
  extra: { taskNumber: number | null; note: string | null; now: Date },
): Promise<void> {
  if (!isEndState(state)) return;
  const template = REQUEST_END_TEMPLATE[state];
  // Who each recipient is to the request (the email says why it came); the first role wins.
  const roles = new Map<string, RecipientRole>([[request.requesterId, "REQUESTER"]]);
  if (state === "COMPLETED" && request.kind === "REVOKE") {
    const owner = subjectOf(request);
    if (owner && !roles.has(owner.id)) roles.set(owner.id, "ACCOUNT_OWNER");
  }
  if (state === "ERRORED") {
    const owners = await tx.appMember.findMany({
      where: { appId: request.appId, role: "OWNER" },
      select: { userId: true },
    });
    for (const o of owners) if (!roles.has(o.userId)) roles.set(o.userId, "APP_OWNER");
  }
  const recipients = await tx.user.findMany({
    where: { id: { in: [...roles.keys()] }, status: "ACTIVE" },
    select: recipientSelect,
  });
  for (const role of new Set(roles.values())) {
    await enqueueNotifications(tx, {
      organizationId: request.organizationId,
      recipients: recipients.filter((r) => roles.get(r.id) === role),
      template,
      payload: {
        ...notificationFacts(request),
        state,
        note: extra.note,
        taskNumber: extra.taskNumber,
        path: extra.taskNumber ? `/tasks/${extra.taskNumber}` : "/my-requests",
        recipientRole: role,
      },
      key: `${request.id}:${state}:${extra.now.getTime()}`,
      at: extra.now,
    });
  }
}

async function postComment(
  tx: Tx,
  ctx: ServiceContext,
  task: Pick<LoadedTask, "id" | "requestId">,
  body: string,
  now: Date,
): Promise<EventRecord[]> {
  const comment = await tx.comment.create({
    data: {
      organizationId: ctx.actor.organizationId,
      taskId: task.id,
      authorId: ctx.actor.id,
      body,
      createdAt: now,
    },
    select: { id: true },
  });
  return [
    {
      organizationId: ctx.actor.organizationId,
      actorId: ctx.actor.id,
      action: "task.commented",
      targetType: "Task",
      targetId: task.id,
      after: { commentId: comment.id },
      requestId: task.requestId,
      taskId: task.id,
      at: now,
    },
  ];
}

/**
 * Approve, deny, mark provisioned / deprovisioned / errored (`tasks.close`): one task, one
 * transaction. Whether `text` is a required reason or an optional note is the domain's
 * ACTION_REASON.
 */
export function closeTask(ctx: ServiceContext, input: TCloseTaskInput): Promise<TaskActionResult> {
  return transaction(ctx, (tx) => closeTaskIn(tx, ctx, input.taskId, input.action, input.text));
}

// ─────────────────────────────── Reassign ───────────────────────────────

export interface ReassignResult {
  taskId: string;
  number: number;
  assignees: { id: string; displayName: string }[];
}

/**
 * Reassign (SPEC §3.6): the new person takes the task over from everyone assigned now.
 * The people it leaves see it under Completed tasks as reassigned (their assignment row
 * ends with the reason); the new assignee is notified.
 */
async function reassignIn(
  tx: Tx,
  ctx: ServiceContext,
  input: { taskId: string; toUserId: string; reason: string },
  comment?: string,
): Promise<ReassignResult> {
  const now = ctx.now();
  const actor = ctx.actor;
  const task = await loadTaskWhere(tx, actor, { id: input.taskId });
  const reason = requireReason(input.reason, ACTION_REASON.reassign!);
  const request = await loadRequest(tx, task.requestId);
  const target = await tx.user.findFirst({
    where: { id: input.toUserId, organizationId: actor.organizationId },
    select: { id: true, organizationId: true, displayName: true, status: true },
  });
  const policy = {
    allowReassignment: request.snapshot.allowReassignment,
    policyName: request.policyName,
    allowedReassigneeIds: request.snapshot.restrictReassignees
      ? (request.snapshot.allowedReassigneeIds ?? [])
      : null,
  };
  // A closed task first: "already completed by X" is the answer that matters.
  taskTransition(task.facts, "reassign");
  assertAllowed(canReassignTask(actor, task.rules, policy, target));

  const moved = await tx.task.updateMany({
    where: { id: task.id, state: "OPEN", version: task.version },
    data: { version: { increment: 1 }, updatedAt: now },
  });
  if (moved.count === 0) throw await closedConflict(tx, task.id);
  await tx.taskAssignee.updateMany({
    where: { taskId: task.id, active: true },
    data: { active: false, unassignedAt: now, unassignedReason: reason },
  });
  await tx.taskAssignee.create({
    data: {
      taskId: task.id,
      userId: target!.id,
      organizationId: actor.organizationId,
      kind: task.kind,
      taskOpen: true,
      active: true,
      assignedAt: now,
      assignedById: actor.id,
    },
  });
  const events: EventRecord[] = [
    {
      organizationId: actor.organizationId,
      actorId: actor.id,
      action: "task.reassigned",
      targetType: "Task",
      targetId: task.id,
      before: { assigneeIds: task.activeAssigneeIds },
      after: { assigneeIds: [target!.id] },
      reason,
      requestId: request.id,
      taskId: task.id,
      at: now,
    },
  ];
  if (comment) events.push(...(await postComment(tx, ctx, task, comment, now)));
  await recordEvents(tx, events);
  const recipient = await tx.user.findUniqueOrThrow({
    where: { id: target!.id },
    select: recipientSelect,
  });
  await enqueueNotifications(tx, {
    organizationId: actor.organizationId,
    recipients: [recipient],
    template: "task.reassigned",
    payload: {
      ...notificationFacts(request),
      taskId: task.id,
      taskNumber: task.number,
      taskKind: task.kind,
      reassignedBy: actor.displayName,
      reassignReason: reason,
      path: `/tasks/${task.number}`,
    },
    key: `${task.id}:${task.version + 1}`,
    at: now,
  });
  return {
    taskId: task.id,
    number: task.number,
    assignees: [{ id: target!.id, displayName: target!.displayName }],
  };
}

export function reassignTask(
  ctx: ServiceContext,
  input: TReassignTaskInput,
): Promise<ReassignResult> {
  return transaction(ctx, (tx) => reassignIn(tx, ctx, input));
}

// ─────────────────────────────── Comment ───────────────────────────────

export async function commentOnTask(ctx: ServiceContext, input: TCommentInput) {
  return transaction(ctx, async (tx) => {
    const task = await loadTaskWhere(tx, ctx.actor, { id: input.taskId });
    assertAllowed(canCommentOnTask(ctx.actor, task.rules));
    const body = requireReason(input.body, "A comment");
    const now = ctx.now();
    await recordEvents(tx, await postComment(tx, ctx, task, body, now));
    return { taskId: task.id, number: task.number };
  });
}

// ─────────────────────────────── Bulk ───────────────────────────────

export type BulkOutcome =
  | { taskId: string; number: number | null; status: "done"; result: string }
  | { taskId: string; number: number | null; status: "skipped"; reason: string; code: string };

export interface BulkResult {
  done: number;
  skipped: number;
  results: BulkOutcome[];
}

/** Tasks a bulk action works on at once. */
const BULK_CONCURRENCY = 4;

const BULK_DONE_WORDS: Record<TBulkTaskInput["action"], string> = {
  approve: "Approved",
  mark_provisioned: "Marked provisioned",
  mark_deprovisioned: "Marked deprovisioned",
  mark_errored: "Marked as errored",
  reassign: "Reassigned",
};

/**
 * Bulk actions (SPEC §3.7): each task in its own transaction, with the required comment
 * posted on it in the same transaction. A task that can no longer take the action (closed
 * by someone else, not yours, wrong kind) is reported as skipped with the reason; no task
 * is ever half changed, and one task's refusal never undoes another's success.
 */
export async function bulkTaskAction(
  ctx: ServiceContext,
  input: TBulkTaskInput,
): Promise<BulkResult> {
  const comment = requireReason(input.comment, "A comment");
  const ids = [...new Set(input.taskIds)];
  const numbers = new Map(
    (
      await ctx.db.task.findMany({
        where: { id: { in: ids }, organizationId: ctx.actor.organizationId },
        select: { id: true, number: true },
      })
    ).map((t) => [t.id, t.number]),
  );
  const results: BulkOutcome[] = new Array(ids.length);
  const actOn = async (taskId: string): Promise<BulkOutcome> => {
    const number = numbers.get(taskId) ?? null;
    try {
      await transaction<unknown>(ctx, (tx) =>
        input.action === "reassign"
          ? reassignIn(tx, ctx, { taskId, toUserId: input.toUserId!, reason: comment }, comment)
          : closeTaskIn(
              tx,
              ctx,
              taskId,
              input.action,
              input.action === "mark_errored" ? comment : undefined,
              comment,
            ),
      );
      return { taskId, number, status: "done", result: BULK_DONE_WORDS[input.action] };
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return { taskId, number, status: "skipped", reason: error.message, code: error.code };
    }
  };
  // A few transactions at a time (tasks are independent; each locks only its own rows
  // until it takes the organization's task-number row to open a follow-up task).
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const i = next++;
      results[i] = await actOn(ids[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(BULK_CONCURRENCY, ids.length) }, worker));
  const done = results.filter((r) => r.status === "done").length;
  return { done, skipped: results.length - done, results };
}
