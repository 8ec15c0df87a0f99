// The outbox contract (SPEC §6): what each notification template carries. The services that
// change state write these payloads into Notification rows in the same transaction; the
// delivery worker (packages/notify) validates them and renders the email and Slack message.
// Payloads hold facts as they were when the change happened; links are paths, made absolute
// with the organization's public URL at delivery time.

export const NOTIFICATION_TEMPLATES = [
  "task.assigned",
  "task.reassigned",
  "task.reminder",
  "request.completed",
  "request.errored",
  "request.denied",
  "request.cancelled",
  "revocation.requested",
  "digest.daily",
  "review.assigned",
  "review.reassigned",
  "review.reminder",
  "review.overdue",
] as const;

export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

export type NotificationTaskKind = "PROVISION" | "DEPROVISION" | "APPROVAL";

/** Facts every request-related notification carries. */
export interface RequestFacts {
  requestId: string;
  requestKind: "GRANT" | "REVOKE";
  appName: string;
  entitlementName: string;
  /** Who the access is for, e.g. "Dana Ortiz" or "dana@acme.com (account)". */
  subject: string;
  requesterName: string;
  /** The requester's reason (may be empty). */
  reason: string;
  policyName: string;
  /** Relative link, e.g. "/tasks/1042" or "/my-requests". */
  path: string;
}

export interface NotificationTaskFacts extends RequestFacts {
  taskId: string;
  taskNumber: number;
  taskKind: NotificationTaskKind;
}

export interface TaskAssignedPayload extends NotificationTaskFacts {
  /** ISO time the task is due, when it has one. */
  dueAt?: string | null;
  /** Why the assignees are who they are, when the policy's rule found nobody. */
  routingNote?: string | null;
}

export interface TaskReassignedPayload extends NotificationTaskFacts {
  reassignedBy: string;
  reassignReason: string;
}

export interface TaskReminderPayload extends NotificationTaskFacts {
  remindedBy: string;
  /** ISO time the task was opened. */
  openedAt: string;
  dueAt?: string | null;
}

export interface RequestEndedPayload extends RequestFacts {
  state: "COMPLETED" | "ERRORED" | "DENIED" | "CANCELLED";
  /** Completion note, error reason, denial reason or withdrawal note. */
  note?: string | null;
  taskNumber?: number | null;
  /**
   * Who this recipient is to the request, so the email can say why it came: the requester,
   * the owner of the account (revocations), or an owner of the app (errors). Optional; without
   * it the footer says "you take part in this request".
   */
  recipientRole?: "REQUESTER" | "ACCOUNT_OWNER" | "APP_OWNER" | null;
}

export interface RevocationRequestedPayload extends RequestFacts {
  /** The account whose access is being removed, e.g. its login. */
  accountLabel: string;
}

export interface DigestTask {
  number: number;
  kind: NotificationTaskKind;
  appName: string;
  entitlementName: string;
  subject: string;
  /** ISO times. */
  openedAt: string;
  dueAt?: string | null;
  path: string;
}

export interface DailyDigestPayload {
  /** The day the digest is for, YYYY-MM-DD. */
  date: string;
  counts: Record<NotificationTaskKind, number>;
  total: number;
  /** The oldest open tasks first, at most 10. */
  tasks: DigestTask[];
}

/** Facts every access-review notification carries (SPEC §10). */
export interface ReviewNoticeFacts {
  campaignId: string;
  campaignName: string;
  /** ISO time the campaign is due. */
  dueAt: string;
  /** Relative link to the recipient's queue for the campaign, or to the campaign page. */
  path: string;
}

/**
 * A campaign started (or a kept item reached its second level) and the recipient reviews items
 * of it: one message per reviewer and campaign (per level), never one per item.
 */
export interface ReviewAssignedPayload extends ReviewNoticeFacts {
  /** Items waiting for the recipient when the message was written. */
  itemCount: number;
  /** Who started the campaign. */
  startedBy: string;
  /** 1, or 2 when these are kept items reaching the second level. */
  level: number;
}

/** Someone handed review items of a campaign to the recipient. */
export interface ReviewReassignedPayload extends ReviewNoticeFacts {
  itemCount: number;
  reassignedBy: string;
  reason: string;
}

/** The campaign is due soon and the recipient still has undecided items. */
export interface ReviewReminderPayload extends ReviewNoticeFacts {
  pendingCount: number;
}

/** To super admins: the campaign is past its due date with items undecided. */
export interface ReviewOverduePayload extends ReviewNoticeFacts {
  pendingCount: number;
  decidedCount: number;
  totalCount: number;
}

export interface NotificationPayloads {
  "task.assigned": TaskAssignedPayload;
  "task.reassigned": TaskReassignedPayload;
  "task.reminder": TaskReminderPayload;
  "request.completed": RequestEndedPayload;
  "request.errored": RequestEndedPayload;
  "request.denied": RequestEndedPayload;
  "request.cancelled": RequestEndedPayload;
  "revocation.requested": RevocationRequestedPayload;
  "digest.daily": DailyDigestPayload;
  "review.assigned": ReviewAssignedPayload;
  "review.reassigned": ReviewReassignedPayload;
  "review.reminder": ReviewReminderPayload;
  "review.overdue": ReviewOverduePayload;
}

/** What the renderer knows besides the payload. */
export interface NotificationContext {
  recipientName: string;
  recipientEmail: string;
  organizationName: string;
  /** Absolute base URL for links, without a trailing slash, e.g. "https://lantern.acme.com". */
  baseUrl: string;
}
