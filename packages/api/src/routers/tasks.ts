import {
  ZBulkTaskInput,
  ZCommentInput,
  ZReassigneesInput,
  ZReassignTaskInput,
  ZRemindTaskInput,
  ZTaskByNumberInput,
  ZTaskInboxInput,
  ZTaskNoteInput,
  ZTaskReasonInput,
} from "../schemas/tasks.ts";
import {
  bulkTaskAction,
  closeTask,
  commentOnTask,
  reassignTask,
} from "../services/task-actions.ts";
import { getTaskByNumber, listReassignees } from "../services/task-details.ts";
import { remindTask } from "../services/task-reminders.ts";
import { listInbox } from "../services/tasks.ts";
import { authedProcedure, router } from "../trpc.ts";

export const tasksRouter = router({
  inbox: authedProcedure.input(ZTaskInboxInput).query(({ ctx, input }) => listInbox(ctx, input)),
  byNumber: authedProcedure
    .input(ZTaskByNumberInput)
    .query(({ ctx, input }) => getTaskByNumber(ctx, input.number)),
  approve: authedProcedure
    .input(ZTaskNoteInput)
    .mutation(({ ctx, input }) =>
      closeTask(ctx, { taskId: input.taskId, action: "approve", text: input.note }),
    ),
  deny: authedProcedure
    .input(ZTaskReasonInput)
    .mutation(({ ctx, input }) =>
      closeTask(ctx, { taskId: input.taskId, action: "deny", text: input.reason }),
    ),
  markProvisioned: authedProcedure
    .input(ZTaskNoteInput)
    .mutation(({ ctx, input }) =>
      closeTask(ctx, { taskId: input.taskId, action: "mark_provisioned", text: input.note }),
    ),
  markDeprovisioned: authedProcedure
    .input(ZTaskNoteInput)
    .mutation(({ ctx, input }) =>
      closeTask(ctx, { taskId: input.taskId, action: "mark_deprovisioned", text: input.note }),
    ),
  markErrored: authedProcedure
    .input(ZTaskReasonInput)
    .mutation(({ ctx, input }) =>
      closeTask(ctx, { taskId: input.taskId, action: "mark_errored", text: input.reason }),
    ),
  reassign: authedProcedure
    .input(ZReassignTaskInput)
    .mutation(({ ctx, input }) => reassignTask(ctx, input)),
  reassignees: authedProcedure
    .input(ZReassigneesInput)
    .query(({ ctx, input }) => listReassignees(ctx, input)),
  remind: authedProcedure
    .input(ZRemindTaskInput)
    .mutation(({ ctx, input }) => remindTask(ctx, input)),
  comment: authedProcedure
    .input(ZCommentInput)
    .mutation(({ ctx, input }) => commentOnTask(ctx, input)),
  bulk: authedProcedure
    .input(ZBulkTaskInput)
    .mutation(({ ctx, input }) => bulkTaskAction(ctx, input)),
});
