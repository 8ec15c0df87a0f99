import {
  canViewTask,
  DomainError,
  type Actor,
  type TaskFacts,
  type TaskFactsForRules,
} from "@lantern/domain";
import { inOrder, type Tx } from "../shared/records.ts";

// Loads a task with the facts its permission rules and state machine need, scoped to the
// actor's organization. Shared by the actions and the details page.

export interface LoadedTask {
  id: string;
  number: number;
  kind: TaskFacts["kind"];
  state: TaskFacts["state"];
  outcome: TaskFacts["outcome"];
  stepIndex: number;
  version: number;
  requestId: string;
  appId: string;
  completedAt: Date | null;
  completedBy: { id: string; displayName: string } | null;
  activeAssigneeIds: string[];
  rules: TaskFactsForRules;
  facts: TaskFacts;
}

type Db = Pick<Tx, "task" | "taskAssignee" | "appMember">;

export const TASK_NOT_FOUND = "This task does not exist, or you cannot see it.";

export async function loadTaskWhere(
  db: Db,
  actor: Actor,
  where: { id: string } | { number: number },
): Promise<LoadedTask> {
  const task = await db.task.findFirst({
    where: { ...where, organizationId: actor.organizationId },
    select: {
      id: true,
      number: true,
      kind: true,
      state: true,
      outcome: true,
      stepIndex: true,
      version: true,
      requestId: true,
      appId: true,
      organizationId: true,
      completedAt: true,
      completedBy: { select: { id: true, displayName: true } },
      assignees: { select: { userId: true, active: true } },
      request: {
        select: {
          requesterId: true,
          targetUserId: true,
          account: { select: { ownerId: true } },
        },
      },
    },
  });
  if (!task) throw new DomainError("NOT_FOUND", TASK_NOT_FOUND);
  const [owners, participants] = await inOrder([
    db.appMember.findMany({
      where: { appId: task.appId, role: "OWNER" },
      select: { userId: true },
    }),
    db.taskAssignee.findMany({
      where: { task: { requestId: task.requestId } },
      select: { userId: true },
      distinct: ["userId"],
    }),
  ]);
  const rules: TaskFactsForRules = {
    organizationId: task.organizationId,
    activeAssigneeIds: task.assignees.filter((a) => a.active).map((a) => a.userId),
    everAssigneeIds: task.assignees.map((a) => a.userId),
    requesterId: task.request.requesterId,
    subjectId: task.request.account?.ownerId ?? task.request.targetUserId,
    appOwnerIds: owners.map((o) => o.userId),
    requestParticipantIds: participants.map((p) => p.userId),
  };
  // People who cannot see the task learn nothing about it, not even that it exists.
  if (!canViewTask(actor, rules).allowed) throw new DomainError("NOT_FOUND", TASK_NOT_FOUND);
  return {
    id: task.id,
    number: task.number,
    kind: task.kind,
    state: task.state,
    outcome: task.outcome,
    stepIndex: task.stepIndex,
    version: task.version,
    requestId: task.requestId,
    appId: task.appId,
    completedAt: task.completedAt,
    completedBy: task.completedBy,
    activeAssigneeIds: rules.activeAssigneeIds as string[],
    rules,
    facts: {
      number: task.number,
      kind: task.kind,
      state: task.state,
      outcome: task.outcome,
      completedByName: task.completedBy?.displayName ?? null,
      completedAt: task.completedAt,
    },
  };
}
