// @lantern/notify — notification delivery (SPEC §6.1–6.3): the message content, the email and
// Slack transports, and the worker that delivers the outbox.
export {
  DEFAULT_EMAIL_FROM,
  NotifyConfigError,
  describeNotifyConfig,
  loadNotifyConfig,
  notifySettingsProblems,
  ZDigestSettings,
  ZPublicUrl,
  type EmailTransportConfig,
  type NotifyConfig,
  type SlackConfig,
} from "./config.ts";
export {
  createMailer,
  type EmailMessage,
  type Mailer,
  type MailerKind,
  type MailerOptions,
  type SentEmail,
} from "./transports/email.ts";
export {
  DeliveryError,
  isDeliveryError,
  toDeliveryError,
  type DeliveryProvider,
} from "./transports/errors.ts";
export {
  createSlackClient,
  forgetSlackUserId,
  resolveSlackUserId,
  SLACK_LOOKUP_RETRY_MS,
  type PostedSlackMessage,
  type SlackClient,
  type SlackMessage,
  type SlackUserResolution,
} from "./transports/slack.ts";
export {
  InvalidNotificationError,
  renderNotification,
  type RenderedNotification,
} from "./messages/render.ts";
export { deliverNotification, type DeliveryDeps, type DeliveryOutcome } from "./worker/deliver.ts";
export { enqueueDailyDigests, DIGEST_TOP_TASKS } from "./worker/digest.ts";
export {
  enqueueReviewReminders,
  REVIEW_REMINDER_DAYS,
  type ReviewSweepResult,
} from "./worker/review-sweep.ts";
export {
  queueDeliveries,
  queueStrandedNotifications,
  type QueuedNotification,
} from "./worker/outbox.ts";
export {
  startNotificationWorker,
  type NotificationWorker,
  type NotificationWorkerOptions,
} from "./worker/worker.ts";
