// Validation of outbox payloads (the contract is @lantern/domain's notifications/payloads.ts).
// Strict on the facts a message cannot do without: a missing app name or a malformed link
// fails the row for good. Lenient on the rest: unknown keys are dropped, and an optional
// extra that does not parse (a garbled due date) is left out rather than losing the message.
import {
  NOTIFICATION_TEMPLATES,
  type DailyDigestPayload,
  type DigestTask,
  type NotificationPayloads,
  type NotificationTemplate,
  type RequestEndedPayload,
  type RequestFacts,
  type RevocationRequestedPayload,
  type NotificationTaskFacts,
  type ReviewAssignedPayload,
  type ReviewNoticeFacts,
  type ReviewOverduePayload,
  type ReviewReassignedPayload,
  type ReviewReminderPayload,
  type TaskAssignedPayload,
  type TaskReassignedPayload,
  type TaskReminderPayload,
} from "@lantern/domain";
import { z } from "zod";
import { InvalidNotificationError } from "./errors.ts";

/** A name or label that must be there: not empty, not only spaces. */
const ZName = z.string().regex(/\S/, "must not be blank");

/**
 * A link inside Lantern: a path starting with one "/" (never "//host" or "/\host", which a
 * browser would read as another site), without spaces.
 */
const ZPath = z
  .string()
  .regex(/^\/(?![/\\])\S*$/, 'must be a path starting with a single "/", e.g. "/tasks/1042"');

const ZTime = z.iso.datetime({ offset: true });

/** An optional time: absent, null, or dropped when it does not parse. */
const ZOptionalTime = ZTime.nullish().catch(null);

/** An optional text: absent, null, or dropped when it is not text. */
const ZOptionalText = z.string().nullish().catch(null);

const ZTaskNumber = z.number().int().positive();
const ZCount = z.number().int().nonnegative();
const ZTaskKind = z.enum(["PROVISION", "DEPROVISION", "APPROVAL"]);

export const ZRequestFacts = z.object({
  requestId: z.string().min(1),
  requestKind: z.enum(["GRANT", "REVOKE"]),
  appName: ZName,
  entitlementName: ZName,
  subject: ZName,
  requesterName: ZName,
  /** May be empty: the messages then say "No reason given". */
  reason: z.string(),
  policyName: ZName,
  path: ZPath,
}) satisfies z.ZodType<RequestFacts>;

export const ZTaskFacts = ZRequestFacts.extend({
  taskId: z.string().min(1),
  taskNumber: ZTaskNumber,
  taskKind: ZTaskKind,
}) satisfies z.ZodType<NotificationTaskFacts>;

export const ZTaskAssignedPayload = ZTaskFacts.extend({
  dueAt: ZOptionalTime,
  routingNote: ZOptionalText,
}) satisfies z.ZodType<TaskAssignedPayload>;

export const ZTaskReassignedPayload = ZTaskFacts.extend({
  reassignedBy: ZName,
  reassignReason: ZName,
}) satisfies z.ZodType<TaskReassignedPayload>;

export const ZTaskReminderPayload = ZTaskFacts.extend({
  remindedBy: ZName,
  openedAt: ZTime,
  dueAt: ZOptionalTime,
}) satisfies z.ZodType<TaskReminderPayload>;

const ZRequestEndedBase = ZRequestFacts.extend({
  note: ZOptionalText,
  taskNumber: ZTaskNumber.nullish().catch(null),
  recipientRole: z.enum(["REQUESTER", "ACCOUNT_OWNER", "APP_OWNER"]).nullish().catch(null),
});

/** A request ending; `state` must be the one its template names. */
function requestEnded<S extends RequestEndedPayload["state"]>(state: S) {
  return ZRequestEndedBase.extend({ state: z.literal(state) }) satisfies z.ZodType<
    RequestEndedPayload & { state: S }
  >;
}

export const ZRequestCompletedPayload = requestEnded("COMPLETED");
export const ZRequestErroredPayload = requestEnded("ERRORED");
export const ZRequestDeniedPayload = requestEnded("DENIED");
export const ZRequestCancelledPayload = requestEnded("CANCELLED");

export const ZRevocationRequestedPayload = ZRequestFacts.extend({
  accountLabel: ZName,
}) satisfies z.ZodType<RevocationRequestedPayload>;

export const ZDigestTask = z.object({
  number: ZTaskNumber,
  kind: ZTaskKind,
  appName: ZName,
  entitlementName: ZName,
  subject: ZName,
  openedAt: ZTime,
  dueAt: ZOptionalTime,
  path: ZPath,
}) satisfies z.ZodType<DigestTask>;

export const ZDailyDigestPayload = z.object({
  date: z.iso.date(),
  counts: z.object({ PROVISION: ZCount, DEPROVISION: ZCount, APPROVAL: ZCount }),
  total: ZCount,
  tasks: z.array(ZDigestTask),
}) satisfies z.ZodType<DailyDigestPayload>;

export const ZReviewNoticeFacts = z.object({
  campaignId: z.string().min(1),
  campaignName: ZName,
  dueAt: ZTime,
  path: ZPath,
}) satisfies z.ZodType<ReviewNoticeFacts>;

export const ZReviewAssignedPayload = ZReviewNoticeFacts.extend({
  itemCount: ZCount,
  startedBy: ZName,
  /** 1, or 2 for kept items reaching the second level. */
  level: z.number().int().min(1).max(2),
}) satisfies z.ZodType<ReviewAssignedPayload>;

export const ZReviewReassignedPayload = ZReviewNoticeFacts.extend({
  itemCount: ZCount,
  reassignedBy: ZName,
  /** Required when reassigning, as for tasks. */
  reason: ZName,
}) satisfies z.ZodType<ReviewReassignedPayload>;

export const ZReviewReminderPayload = ZReviewNoticeFacts.extend({
  pendingCount: ZCount,
}) satisfies z.ZodType<ReviewReminderPayload>;

export const ZReviewOverduePayload = ZReviewNoticeFacts.extend({
  pendingCount: ZCount,
  decidedCount: ZCount,
  totalCount: ZCount,
}) satisfies z.ZodType<ReviewOverduePayload>;

/** The schema of each template's payload. */
export const notificationPayloadSchemas = {
  "task.assigned": ZTaskAssignedPayload,
  "task.reassigned": ZTaskReassignedPayload,
  "task.reminder": ZTaskReminderPayload,
  "request.completed": ZRequestCompletedPayload,
  "request.errored": ZRequestErroredPayload,
  "request.denied": ZRequestDeniedPayload,
  "request.cancelled": ZRequestCancelledPayload,
  "revocation.requested": ZRevocationRequestedPayload,
  "digest.daily": ZDailyDigestPayload,
  "review.assigned": ZReviewAssignedPayload,
  "review.reassigned": ZReviewReassignedPayload,
  "review.reminder": ZReviewReminderPayload,
  "review.overdue": ZReviewOverduePayload,
} as const satisfies { [T in NotificationTemplate]: z.ZodType<NotificationPayloads[T]> };

/** A payload after validation, as the renderer sees it. */
export type TNotificationPayload<T extends NotificationTemplate> = z.output<
  (typeof notificationPayloadSchemas)[T]
>;

/** Whether `template` is one of the templates the renderer knows. */
export function isNotificationTemplate(template: string): template is NotificationTemplate {
  return (NOTIFICATION_TEMPLATES as readonly string[]).includes(template);
}

/** "tasks[2].openedAt" */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === "number") return `${out}[${key}]`;
    const name = String(key);
    return out === "" ? name : `${out}.${name}`;
  }, "");
}

/**
 * Validates `payload` against the schema of its `template`, returning the parsed payload, or
 * throws `InvalidNotificationError` naming the template and the offending field(s).
 */
export function parseNotificationPayload<S extends z.ZodType>(
  template: string,
  schema: S,
  payload: unknown,
): z.output<S> {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = fieldPath(issue.path);
    return field === "" ? issue.message : `${field}: ${issue.message}`;
  });
  const first = result.error.issues[0];
  throw new InvalidNotificationError(
    `Invalid payload for notification template "${template}": ${problems.join("; ")}`,
    {
      template,
      field: first && first.path.length > 0 ? fieldPath(first.path) : undefined,
      cause: result.error,
    },
  );
}

/**
 * Throws `InvalidNotificationError` unless `template` is known and `payload` is valid for it;
 * for writers of outbox rows that want to fail early (tests, seeds).
 */
export function assertValidNotification(template: string, payload: unknown): void {
  if (!isNotificationTemplate(template)) throw unknownTemplate(template);
  parseNotificationPayload(template, notificationPayloadSchemas[template], payload);
}

/** The error for a template name the renderer does not know. */
export function unknownTemplate(template: string): InvalidNotificationError {
  return new InvalidNotificationError(
    `Unknown notification template "${template}" (known: ${NOTIFICATION_TEMPLATES.join(", ")})`,
    { template },
  );
}
