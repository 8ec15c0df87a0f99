import {
  ZBulkTaskInput,
  ZCloseTaskInput,
  ZCommentInput,
  ZReassigneesInput,
  ZReassignTaskInput,
  ZRemindTaskInput,
  ZTaskByNumberInput,
  ZTaskInboxInput,
} from "../schemas/tasks.ts";
import {
  bulkTaskAction,
  closeTask,
  commentOnTask,
  reassignTask,
} from "../services/tasks/actions.ts";
import { getTaskByNumber, listReassignees } from "../services/tasks/details.ts";
import { remindTask } from "../services/tasks/reminders.ts";
import { listInbox } from "../services/tasks/inbox.ts";
import { authedProcedure, router } from "../trpc.ts";

export const tasksRouter = router({
  inbox: authedProcedure.input(ZTaskInboxInput).query(({ ctx, input }) => listInbox(ctx, input)),
  byNumber: authedProcedure
    .input(ZTaskByNumberInput)
    .query(({ ctx, input }) => getTaskByNumber(ctx, input.number)),
  close: authedProcedure.input(ZCloseTaskInput).mutation(({ ctx, input }) => closeTask(ctx, input)),
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
