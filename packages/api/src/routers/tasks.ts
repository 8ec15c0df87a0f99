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
import { serviceMutation, serviceQuery, router } from "../trpc.ts";

export const tasksRouter = router({
  inbox: serviceQuery(ZTaskInboxInput, listInbox),
  byNumber: serviceQuery(ZTaskByNumberInput, (ctx, input) => getTaskByNumber(ctx, input.number)),
  close: serviceMutation(ZCloseTaskInput, closeTask),
  reassign: serviceMutation(ZReassignTaskInput, reassignTask),
  reassignees: serviceQuery(ZReassigneesInput, listReassignees),
  remind: serviceMutation(ZRemindTaskInput, remindTask),
  comment: serviceMutation(ZCommentInput, commentOnTask),
  bulk: serviceMutation(ZBulkTaskInput, bulkTaskAction),
});
