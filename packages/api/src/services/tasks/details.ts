import {
  stepStatus,
  type StepStatus,
  APPROVER_LABEL,
  canActOnTask,
  canCancelRequest,
  canCommentOnTask,
  canManageApp,
  canReassignTask,
  canRemindTask,
  canRetryRequest,
  canSendReminderAt,
  describePolicy,
  isRequestRunning,
  isAuditor,
  isSuperAdmin,
  orderedSteps,
  reminderAvailableAt,
  stepTitle,
  type Actor,
  type RequestKind,
  type RequestState,
  type TaskKind,
  type TaskOutcome,
  type TaskState,
} from "@lantern/domain";

import type { TReassigneesInput } from "../../schemas/tasks.ts";
import { subjectOf, type RequestBundle, loadRequest } from "../workflow/engine.ts";
import { loadTaskWhere, type LoadedTask } from "../workflow/task-access.ts";
import { inOrder, type Tx, transaction } from "../shared/records.ts";
import { lastReminderSender } from "./reminders.ts";
import { findActivePeople } from "../search.ts";
import type { ServiceContext } from "../shared/context.ts";

export interface Person {
  id: string;
  displayName: string;
  email: string;
}

export type TaskSubject =
  | {
      type: "account";
      id: string;
      login: string | null;
      displayName: string | null;
      email: string | null;
      status: string;
      owner: Person | null;
    }
  | { type: "person"; person: Person };

export interface WorkflowTask {
  id: string;
  number: number;
  kind: TaskKind;
  state: TaskState;
  outcome: TaskOutcome | null;
  note: string | null;
  assignees: Person[];
  completedBy: Person | null;
  completedAt: Date | null;
  createdAt: Date;
  routingNote: string | null;
  /** The task this page shows. */
  current: boolean;
}

export type { StepStatus };

export interface WorkflowStep {
  index: number;
  kind: "APPROVAL" | "PROVISION";
  title: string;
  /** Who the policy says decides ("an app owner", …); null for the provision step. */
  rule: string | null;
  status: StepStatus;
  /** The tasks of this step, oldest first (a retried provision step has several). */
  tasks: WorkflowTask[];
  /** The viewer's part in this step, e.g. "You approved", "Assigned to you". */
  viewerRole: string | null;
  /** A CONNECTOR step: the queued or finished connector jobs. */
  connectorJobs: { id: string; state: string; attempts: number; lastError: string | null }[];
}

export interface TaskComment {
  id: string;
  author: Person;
  body: string;
  createdAt: Date;
}

export interface TaskHistoryEntry {
  id: string;
  action: string;
  actor: Person | null;
  at: Date;
  reason: string | null;
  taskNumber: number | null;
  before: unknown;
  after: unknown;
}

export interface TaskDetails {
  id: string;
  number: number;
  kind: TaskKind;
  state: TaskState;
  outcome: TaskOutcome | null;
  outcomeNote: string | null;
  routingNote: string | null;
  createdAt: Date;
  completedAt: Date | null;
  completedBy: Person | null;
  dueAt: Date | null;
  version: number;
  app: { id: string; name: string; iconUrl: string | null };
  /** The admins' instructions for this kind of work (markdown); empty for approvals. */
  instructions: string;
  request: {
    id: string;
    kind: RequestKind;
    state: RequestState;
    reason: string;
    durationDays: number | null;
    createdAt: Date;
    completedAt: Date | null;
    requester: Person;
    subject: TaskSubject | null;
    entitlement: { id: string; displayName: string; slug: string; description: string };
    policyName: string;
    policySummary: string;
  };
  assignees: Person[];
  /** People the task was reassigned away from, with when and why. */
  formerAssignees: { person: Person; at: Date | null; reason: string | null }[];
  steps: WorkflowStep[];
  viewer: {
    /** Plain words: "Assignee", "Requester", "App owner", "Super admin", "Auditor". */
    roles: string[];
    can: {
      act: boolean;
      reassign: boolean;
      comment: boolean;
      retry: boolean;
      cancel: boolean;
      /** Write the app's instructions (App settings): its owners and super admins. */
      editInstructions: boolean;
    };
    /** Why Reassign is not offered, when the viewer could otherwise act. */
    reassignBlockedReason: string | null;
  };
  reassignment: { allowed: boolean; restricted: boolean };
  /** Send reminder: whether the viewer may, and when the next one can go. */
  reminder: TaskReminderState;
  comments: TaskComment[];
  history: TaskHistoryEntry[];
}

export interface TaskReminderState {
  /** The viewer may send reminders about this task (it is open and they are entitled to). */
  allowed: boolean;
  /** Why not, when not allowed. */
  reason: string | null;
  lastRemindedAt: Date | null;
  lastRemindedBy: Person | null;
  /** When the next reminder can be sent; null when one can be sent now. */
  availableAt: Date | null;
}

const personSelect = { id: true, displayName: true, email: true } as const;

function subjectOfRequest(
  request: RequestBundle,
  account: { status: string; owner: Person | null } | null,
): TaskSubject | null {
  if (request.account) {
    return {
      type: "account",
      id: request.account.id,
      login: request.account.login,
      displayName: request.account.displayName,
      email: request.account.emails[0] ?? null,
      status: account?.status ?? "ACTIVE",
      owner: account?.owner ?? null,
    };
  }
  if (request.targetUser) {
    return {
      type: "person",
      person: {
        id: request.targetUser.id,
        displayName: request.targetUser.displayName,
        email: request.targetUser.email,
      },
    };
  }
  return null;
}

/** The task page (SPEC §3.5), by the number people see (#1042). */
export async function getTaskByNumber(ctx: ServiceContext, number: number): Promise<TaskDetails> {
  const { actor } = ctx;
  // One snapshot of the task and its request: a read-only transaction.
  return transaction(ctx, async (tx) => {
    const loaded = await loadTaskWhere(tx, actor, { number });
    const request = await loadRequest(tx, loaded.requestId);
    const [task, tasks, comments, events, jobs, app, account] = await inOrder([
      tx.task.findUniqueOrThrow({
        where: { id: loaded.id },
        select: {
          outcomeNote: true,
          routingNote: true,
          createdAt: true,
          dueAt: true,
          lastRemindedAt: true,
          completedBy: { select: personSelect },
        },
      }),
      tx.task.findMany({
        where: { requestId: request.id },
        orderBy: { number: "asc" },
        select: {
          id: true,
          number: true,
          kind: true,
          state: true,
          outcome: true,
          outcomeNote: true,
          stepIndex: true,
          routingNote: true,
          createdAt: true,
          completedAt: true,
          completedBy: { select: personSelect },
          assignees: {
            orderBy: { assignedAt: "asc" },
            select: {
              active: true,
              unassignedAt: true,
              unassignedReason: true,
              user: { select: personSelect },
            },
          },
        },
      }),
      tx.comment.findMany({
        where: { taskId: loaded.id },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: 500,
        select: { id: true, body: true, createdAt: true, author: { select: personSelect } },
      }),
      tx.event.findMany({
        where: { requestId: request.id },
        orderBy: [{ at: "asc" }, { id: "asc" }],
        take: 500,
        select: {
          id: true,
          action: true,
          at: true,
          reason: true,
          before: true,
          after: true,
          actor: { select: personSelect },
          task: { select: { number: true } },
        },
      }),
      tx.connectorJob.findMany({
        where: { requestId: request.id },
        orderBy: { createdAt: "asc" },
        select: { id: true, state: true, attempts: true, lastError: true },
      }),
      tx.app.findUniqueOrThrow({
        where: { id: request.appId },
        select: {
          id: true,
          name: true,
          iconUrl: true,
          provisioningInstructions: true,
          deprovisioningInstructions: true,
        },
      }),
      request.accountId
        ? tx.account.findUnique({
            where: { id: request.accountId },
            select: { status: true, owner: { select: personSelect } },
          })
        : Promise.resolve(null),
    ]);

    const remindDecision = canRemindTask(actor, { ...loaded.rules, state: loaded.state });
    const now = ctx.now();
    const reminder: TaskReminderState = {
      allowed: remindDecision.allowed,
      reason: remindDecision.allowed ? null : remindDecision.reason,
      lastRemindedAt: task.lastRemindedAt,
      lastRemindedBy: task.lastRemindedAt ? await lastReminderSender(tx, loaded.id) : null,
      availableAt: canSendReminderAt(task.lastRemindedAt, now)
        ? null
        : reminderAvailableAt(task.lastRemindedAt),
    };
    const subject = subjectOfRequest(request, account);
    const current = tasks.find((t) => t.id === loaded.id)!;
    const assignees = current.assignees.filter((a) => a.active).map((a) => a.user);
    const formerAssignees = current.assignees
      .filter((a) => !a.active)
      .map((a) => ({ person: a.user, at: a.unassignedAt, reason: a.unassignedReason }));

    const viewer = viewerFacts(actor, loaded, request, tasks, subjectOf(request)?.id ?? null);
    const steps = orderedSteps(request.snapshot).map((step, index): WorkflowStep => {
      const stepTasks = tasks.filter((t) => t.stepIndex === index);
      const status = stepStatus({
        index,
        kind: step.kind,
        lastTask: stepTasks.at(-1) ?? null,
        lastJob: jobs.at(-1)?.state ?? null,
        request,
      });
      return {
        index,
        kind: step.kind,
        title: stepTitle(step, request.kind),
        rule:
          step.kind === "APPROVAL" && step.approverKind ? APPROVER_LABEL[step.approverKind] : null,
        status,
        tasks: stepTasks.map((t) => ({
          id: t.id,
          number: t.number,
          kind: t.kind,
          state: t.state,
          outcome: t.outcome,
          note: t.outcomeNote,
          assignees: t.assignees.filter((a) => a.active).map((a) => a.user),
          completedBy: t.completedBy,
          completedAt: t.completedAt,
          createdAt: t.createdAt,
          routingNote: t.routingNote,
          current: t.id === loaded.id,
        })),
        viewerRole: stepRole(actor, stepTasks),
        connectorJobs: step.kind === "PROVISION" ? jobs : [],
      };
    });

    return {
      id: loaded.id,
      number: loaded.number,
      kind: loaded.kind,
      state: loaded.state,
      outcome: loaded.outcome,
      outcomeNote: task.outcomeNote,
      routingNote: task.routingNote,
      createdAt: task.createdAt,
      completedAt: loaded.completedAt,
      completedBy: task.completedBy,
      dueAt: task.dueAt,
      version: loaded.version,
      app: { id: app.id, name: app.name, iconUrl: app.iconUrl },
      instructions:
        loaded.kind === "PROVISION"
          ? app.provisioningInstructions
          : loaded.kind === "DEPROVISION"
            ? app.deprovisioningInstructions
            : "",
      request: {
        id: request.id,
        kind: request.kind,
        state: request.state,
        reason: request.reason,
        durationDays: request.durationDays,
        createdAt: request.createdAt,
        completedAt: request.completedAt,
        requester: request.requester,
        subject,
        entitlement: {
          id: request.entitlement.id,
          displayName: request.entitlement.displayName,
          slug: request.entitlement.slug,
          description: request.entitlement.description,
        },
        policyName: request.policyName,
        policySummary: describePolicy(request.snapshot, request.kind),
      },
      assignees,
      formerAssignees,
      steps,
      viewer,
      reassignment: {
        allowed: request.snapshot.allowReassignment,
        restricted: request.snapshot.restrictReassignees,
      },
      reminder,
      comments,
      history: events.map((e) => ({
        id: e.id,
        action: e.action,
        actor: e.actor,
        at: e.at,
        reason: e.reason,
        taskNumber: e.task?.number ?? null,
        before: e.before,
        after: e.after,
      })),
    };
  });
}

type RequestTasks = {
  id: string;
  state: TaskState;
  outcome: TaskOutcome | null;
  completedBy: Person | null;
  assignees: { active: boolean; user: Person }[];
}[];

function stepRole(actor: Actor, tasks: RequestTasks): string | null {
  for (const t of [...tasks].reverse()) {
    if (t.completedBy?.id === actor.id) {
      switch (t.outcome) {
        case "APPROVED":
          return "You approved";
        case "DENIED":
          return "You denied";
        case "PROVISIONED":
          return "You provisioned";
        case "DEPROVISIONED":
          return "You deprovisioned";
        case "ERRORED":
          return "You marked it errored";
        case "CANCELLED":
          return "You cancelled";
        default:
          return null;
      }
    }
    const mine = t.assignees.find((a) => a.user.id === actor.id);
    if (mine?.active && t.state === "OPEN") return "Assigned to you";
    if (mine && !mine.active) return "Reassigned from you";
    if (mine) return "You were assigned";
  }
  return null;
}

function viewerFacts(
  actor: Actor,
  task: LoadedTask,
  request: RequestBundle,
  tasks: RequestTasks,
  subjectId: string | null,
): TaskDetails["viewer"] {
  const roles: string[] = [];
  if (task.activeAssigneeIds.includes(actor.id)) roles.push("Assignee");
  if (request.requesterId === actor.id) roles.push("Requester");
  if (subjectId === actor.id && request.requesterId !== actor.id) roles.push("Whose access it is");
  if (task.rules.appOwnerIds.includes(actor.id)) roles.push("App owner");
  if (isSuperAdmin(actor)) roles.push("Super admin");
  if (isAuditor(actor)) roles.push("Auditor");
  if (roles.length === 0 && tasks.some((t) => t.assignees.some((a) => a.user.id === actor.id))) {
    roles.push("Participant");
  }
  const open = task.state === "OPEN";
  const act = open && canActOnTask(actor, task.rules).allowed;
  const reassignDecision = reassignDecisionWithoutTarget(actor, task, request);
  return {
    roles,
    can: {
      act,
      reassign: open && reassignDecision.allowed,
      comment: canCommentOnTask(actor, task.rules).allowed,
      retry:
        request.state === "ERRORED" &&
        canRetryRequest(actor, {
          organizationId: request.organizationId,
          appOwnerIds: task.rules.appOwnerIds,
        }).allowed,
      cancel: isRequestRunning(request.state) && canCancelRequest(actor, request).allowed,
      editInstructions: canManageApp(actor, {
        organizationId: task.rules.organizationId,
        ownerIds: task.rules.appOwnerIds,
      }).allowed,
    },
    reassignBlockedReason:
      open && act && !reassignDecision.allowed ? reassignDecision.reason : null,
  };
}

/**
 * Whether the actor may reassign the task at all (actor and policy), before a target is
 * chosen: the rule is asked with a placeholder target that always qualifies.
 */
function reassignDecisionWithoutTarget(actor: Actor, task: LoadedTask, request: RequestBundle) {
  return canReassignTask(
    actor,
    task.rules,
    {
      allowReassignment: request.snapshot.allowReassignment,
      policyName: request.policyName,
      allowedReassigneeIds: null,
    },
    { id: "\u0000", organizationId: actor.organizationId, displayName: "", status: "ACTIVE" },
  );
}

/**
 * People a task may be reassigned to: active people of the organization (the policy's list
 * when it has one), not already assigned, matching `search` by name or email. At most 20.
 */
export async function listReassignees(ctx: ServiceContext, input: TReassigneesInput) {
  const { actor } = ctx;
  return transaction(ctx, async (tx: Tx) => {
    const task = await loadTaskWhere(tx, actor, { id: input.taskId });
    const request = await loadRequest(tx, task.requestId);
    // Nobody to offer when the viewer may not reassign this task at all: say why instead.
    const decision = reassignDecisionWithoutTarget(actor, task, request);
    if (task.state !== "OPEN" || !decision.allowed) {
      return {
        restricted: false,
        people: [],
        blockedReason: decision.allowed
          ? `Task #${task.number} is no longer open.`
          : decision.reason,
      };
    }
    const allowlist = request.snapshot.restrictReassignees
      ? (request.snapshot.allowedReassigneeIds ?? [])
      : null;
    const people = await findActivePeople(tx, actor.organizationId, input.search, {
      id: { notIn: task.activeAssigneeIds, ...(allowlist ? { in: allowlist } : {}) },
    });
    return { restricted: allowlist !== null, people, blockedReason: null as string | null };
  });
}
