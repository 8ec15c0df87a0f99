// Turns an outbox row (template + JSON payload) into the email and the Slack message that
// deliver it. Anything that can never render throws InvalidNotificationError, which the
// delivery worker treats as a permanent failure.
import type {
  NotificationContext,
  NotificationTaskFacts,
  NotificationTaskKind,
  NotificationTemplate,
  RequestFacts,
  ReviewNoticeFacts,
} from "@lantern/domain";
import {
  dailyDigestEmail,
  requestEndedEmail,
  revocationRequestedEmail,
  reviewAssignedEmail,
  reviewOverdueEmail,
  reviewReassignedEmail,
  reviewReminderEmail,
  taskAssignedEmail,
  taskReassignedEmail,
  type NotificationEmailProps,
  type RenderedEmail,
} from "@lantern/emails";
import type { z } from "zod";
import { InvalidNotificationError } from "./errors.ts";
import { INBOX_PATHS, SETTINGS_PATH, absoluteUrl } from "./links.ts";
import {
  ZDailyDigestPayload,
  ZRequestCancelledPayload,
  ZRequestCompletedPayload,
  ZRequestDeniedPayload,
  ZRequestErroredPayload,
  ZRevocationRequestedPayload,
  ZReviewAssignedPayload,
  ZReviewOverduePayload,
  ZReviewReassignedPayload,
  ZReviewReminderPayload,
  ZTaskAssignedPayload,
  ZTaskReassignedPayload,
  ZTaskReminderPayload,
  isNotificationTemplate,
  parseNotificationPayload,
  unknownTemplate,
} from "./payloads.ts";
import {
  dailyDigestSlack,
  requestEndedSlack,
  revocationRequestedSlack,
  reviewAssignedSlack,
  reviewOverdueSlack,
  reviewReassignedSlack,
  reviewReminderSlack,
  taskAssignedSlack,
  taskReassignedSlack,
  type SlackBlocksMessage,
} from "./slack.ts";

export { InvalidNotificationError } from "./errors.ts";

export interface RenderedNotification {
  email: RenderedEmail;
  slack: SlackBlocksMessage;
}

/** The context, checked once: absolute links need an http(s) base URL. */
interface Links {
  /** Absolute URL of a path inside Lantern. */
  to(path: string): string;
  common: NotificationEmailProps;
}

function linksFor(template: string, context: NotificationContext): Links {
  let base: URL | null = null;
  try {
    base = new URL(context.baseUrl);
  } catch {
    base = null;
  }
  if (base === null || (base.protocol !== "https:" && base.protocol !== "http:")) {
    throw new InvalidNotificationError(
      `Cannot render notification template "${template}": context.baseUrl must be an absolute http(s) URL, got ${JSON.stringify(context.baseUrl)}`,
      { template, field: "context.baseUrl" },
    );
  }
  const to = (path: string) => absoluteUrl(context.baseUrl, path);
  return {
    to,
    common: { organizationName: context.organizationName, settingsUrl: to(SETTINGS_PATH) },
  };
}

/** The request facts every request-related email takes, with the deep link made absolute. */
function requestProps(payload: RequestFacts, links: Links) {
  return {
    ...links.common,
    requestKind: payload.requestKind,
    appName: payload.appName,
    entitlementName: payload.entitlementName,
    subject: payload.subject,
    requesterName: payload.requesterName,
    reason: payload.reason,
    policyName: payload.policyName,
    url: links.to(payload.path),
  };
}

/** The facts every task email takes: the request's, and which task it is. */
function taskProps(payload: NotificationTaskFacts, links: Links) {
  return {
    ...requestProps(payload, links),
    taskNumber: payload.taskNumber,
    taskKind: payload.taskKind,
  };
}

/** The facts every access-review email takes, with the deep link made absolute. */
function reviewProps(payload: ReviewNoticeFacts, links: Links) {
  return {
    ...links.common,
    campaignName: payload.campaignName,
    dueAt: payload.dueAt,
    url: links.to(payload.path),
  };
}

type Renderer = (template: string, payload: unknown, links: Links) => Promise<RenderedNotification>;

/**
 * The renderer of a template: its payload checked by `schema`, turned into the props that
 * `email` and `slack` share.
 */
function renderer<S extends z.ZodType, P>(
  schema: S,
  propsOf: (payload: z.output<S>, links: Links) => P,
  email: (props: P) => Promise<RenderedEmail>,
  slack: (props: P) => SlackBlocksMessage,
): Renderer {
  return async (template, payload, links) => {
    const props = propsOf(parseNotificationPayload(template, schema, payload), links);
    return { email: await email(props), slack: slack(props) };
  };
}

const requestEnded = (
  schema:
    | typeof ZRequestCompletedPayload
    | typeof ZRequestErroredPayload
    | typeof ZRequestDeniedPayload
    | typeof ZRequestCancelledPayload,
): Renderer =>
  renderer(
    schema,
    (p, links) => ({
      ...requestProps(p, links),
      state: p.state,
      note: p.note,
      taskNumber: p.taskNumber,
      recipientRole: p.recipientRole,
    }),
    requestEndedEmail,
    requestEndedSlack,
  );

/** One renderer per template; the mapped type makes a new template a compile error here. */
const renderers: { [T in NotificationTemplate]: Renderer } = {
  "task.assigned": renderer(
    ZTaskAssignedPayload,
    (p, links) => ({ ...taskProps(p, links), dueAt: p.dueAt, routingNote: p.routingNote }),
    taskAssignedEmail,
    taskAssignedSlack,
  ),
  "task.reminder": renderer(
    ZTaskReminderPayload,
    (p, links) => ({
      ...taskProps(p, links),
      dueAt: p.dueAt,
      reminder: { remindedBy: p.remindedBy, openedAt: p.openedAt },
    }),
    taskAssignedEmail,
    taskAssignedSlack,
  ),
  "task.reassigned": renderer(
    ZTaskReassignedPayload,
    (p, links) => ({
      ...taskProps(p, links),
      reassignedBy: p.reassignedBy,
      reassignReason: p.reassignReason,
    }),
    taskReassignedEmail,
    taskReassignedSlack,
  ),
  "request.completed": requestEnded(ZRequestCompletedPayload),
  "request.errored": requestEnded(ZRequestErroredPayload),
  "request.denied": requestEnded(ZRequestDeniedPayload),
  "request.cancelled": requestEnded(ZRequestCancelledPayload),
  "revocation.requested": renderer(
    ZRevocationRequestedPayload,
    (p, links) => ({ ...requestProps(p, links), accountLabel: p.accountLabel }),
    revocationRequestedEmail,
    revocationRequestedSlack,
  ),
  "digest.daily": renderer(ZDailyDigestPayload, digestProps, dailyDigestEmail, dailyDigestSlack),
  "review.assigned": renderer(
    ZReviewAssignedPayload,
    (p, links) => ({
      ...reviewProps(p, links),
      itemCount: p.itemCount,
      startedBy: p.startedBy,
      level: p.level,
    }),
    reviewAssignedEmail,
    reviewAssignedSlack,
  ),
  "review.reassigned": renderer(
    ZReviewReassignedPayload,
    (p, links) => ({
      ...reviewProps(p, links),
      itemCount: p.itemCount,
      reassignedBy: p.reassignedBy,
      reason: p.reason,
    }),
    reviewReassignedEmail,
    reviewReassignedSlack,
  ),
  "review.reminder": renderer(
    ZReviewReminderPayload,
    (p, links) => ({ ...reviewProps(p, links), pendingCount: p.pendingCount }),
    reviewReminderEmail,
    reviewReminderSlack,
  ),
  "review.overdue": renderer(
    ZReviewOverduePayload,
    (p, links) => ({
      ...reviewProps(p, links),
      pendingCount: p.pendingCount,
      decidedCount: p.decidedCount,
      totalCount: p.totalCount,
    }),
    reviewOverdueEmail,
    reviewOverdueSlack,
  ),
};

/** The digest's props: its counts, its tasks and the inbox of each kind, linked absolutely. */
function digestProps(p: z.output<typeof ZDailyDigestPayload>, links: Links) {
  const inboxUrls: Record<NotificationTaskKind, string> = {
    APPROVAL: links.to(INBOX_PATHS.APPROVAL),
    PROVISION: links.to(INBOX_PATHS.PROVISION),
    DEPROVISION: links.to(INBOX_PATHS.DEPROVISION),
  };
  return {
    ...links.common,
    date: p.date,
    counts: p.counts,
    total: p.total,
    inboxUrls,
    tasks: p.tasks.map((task) => ({
      number: task.number,
      kind: task.kind,
      appName: task.appName,
      entitlementName: task.entitlementName,
      subject: task.subject,
      openedAt: task.openedAt,
      dueAt: task.dueAt,
      url: links.to(task.path),
    })),
  };
}

/**
 * Renders one outbox notification to its email (subject, HTML, plain text) and its Slack
 * message (Block Kit and fallback text), with every link absolute under `context.baseUrl`.
 *
 * @throws InvalidNotificationError for an unknown template, a payload missing a required
 *   fact, or a context without a usable base URL; retrying cannot fix any of them.
 */
export async function renderNotification(
  template: string,
  payload: unknown,
  context: NotificationContext,
): Promise<RenderedNotification> {
  if (!isNotificationTemplate(template)) throw unknownTemplate(template);
  return renderers[template](template, payload, linksFor(template, context));
}
