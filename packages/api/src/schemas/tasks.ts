import { z } from "zod";
import { CLOSE_ACTIONS } from "@lantern/domain";
import { multiLineText, pageLimit, reasonText, ZCursor, ZSearchText } from "./text.ts";

/** The tabs of each inbox (SPEC §3.2): a tab only exists in its own box. */
export const INBOX_TABS = {
  requests: ["awaiting_approval", "awaiting_provisioning", "completed"],
  revocations: ["awaiting_deprovisioning", "completed"],
} as const;

export type TInboxBox = keyof typeof INBOX_TABS;
export type TInboxTab = (typeof INBOX_TABS)[TInboxBox][number];

/**
 * Orders of the inbox tabs. Awaiting tabs: oldest first (default), newest first, or by due
 * date (soonest first; tasks without one last). Completed: newest first (default) or oldest.
 */
export const INBOX_SORTS = ["oldest", "newest", "due"] as const;
export type TInboxSort = (typeof INBOX_SORTS)[number];

const page = {
  sort: z.enum(INBOX_SORTS, { error: "Sort by oldest, newest or due date." }).optional(),
  search: ZSearchText,
  cursor: ZCursor,
  limit: pageLimit(50),
};

export const ZTaskInboxInput = z.discriminatedUnion("box", [
  z.object({
    box: z.literal("requests"),
    tab: z.enum(INBOX_TABS.requests, {
      error:
        "The Requests inbox has the tabs Awaiting approval, Awaiting provisioning and Completed tasks.",
    }),
    ...page,
  }),
  z.object({
    box: z.literal("revocations"),
    tab: z.enum(INBOX_TABS.revocations, {
      error: "The Revocations inbox has the tabs Awaiting deprovisioning and Completed tasks.",
    }),
    ...page,
  }),
]);
export type TTaskInboxInput = z.output<typeof ZTaskInboxInput>;

const taskId = z.uuid({ error: "Choose a task." });
const reason = reasonText();

export const ZTaskByNumberInput = z.object({
  number: z.number().int().min(1, "Task numbers start at 1.").max(2_000_000_000),
});

/** Send reminder: by the number people see, like the task page. */
export const ZRemindTaskInput = ZTaskByNumberInput;
export type TRemindTaskInput = z.output<typeof ZRemindTaskInput>;

/**
 * Close a task (approve, deny, mark provisioned / deprovisioned / errored). `text` is the
 * optional note, or the reason an action requires (the domain's ACTION_REASON says which).
 */
export const ZCloseTaskInput = z.object({
  taskId,
  action: z.enum(CLOSE_ACTIONS, {
    error: "Choose approve, deny, mark_provisioned, mark_deprovisioned or mark_errored.",
  }),
  text: multiLineText({
    label: "The note or reason",
    max: 2_000,
    tooLongMessage: "A note or reason is limited to 2,000 characters.",
  }).optional(),
});
export type TCloseTaskInput = z.output<typeof ZCloseTaskInput>;

export const ZReassignTaskInput = z.object({
  taskId,
  toUserId: z.uuid({ error: "Choose the person to reassign the task to." }),
  reason,
});
export type TReassignTaskInput = z.output<typeof ZReassignTaskInput>;

export const ZCommentInput = z.object({
  taskId,
  body: multiLineText({
    label: "The comment",
    max: 10_000,
    required: true,
    requiredMessage: "Write a comment.",
    tooLongMessage: "A comment is limited to 10,000 characters.",
  }),
});
export type TCommentInput = z.output<typeof ZCommentInput>;

export const ZReassigneesInput = z.object({
  taskId,
  search: ZSearchText,
});
export type TReassigneesInput = z.output<typeof ZReassigneesInput>;

/** The actions of the bulk bar (SPEC §3.7). */
export const BULK_ACTIONS = [
  "approve",
  "mark_provisioned",
  "mark_deprovisioned",
  "mark_errored",
  "reassign",
] as const;
export type TBulkAction = (typeof BULK_ACTIONS)[number];

export const ZBulkTaskInput = z
  .object({
    action: z.enum(BULK_ACTIONS, { error: "Choose an action." }),
    taskIds: z
      .array(taskId)
      .min(1, "Select at least one task.")
      .max(1000, "Bulk actions take at most 1,000 tasks at a time."),
    /** Required: posted on every impacted task; also the reason of an error or reassignment. */
    comment: multiLineText({
      label: "The comment",
      max: 2_000,
      required: true,
      requiredMessage: "A comment is required: it is posted on every task.",
      tooLongMessage: "A comment is limited to 2,000 characters.",
    }),
    toUserId: z.uuid({ error: "Choose the person to reassign the tasks to." }).optional(),
  })
  .refine((v) => v.action !== "reassign" || v.toUserId, {
    message: "Choose the person to reassign the tasks to.",
    path: ["toUserId"],
  });
export type TBulkTaskInput = z.output<typeof ZBulkTaskInput>;
