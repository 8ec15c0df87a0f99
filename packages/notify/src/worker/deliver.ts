import type { PrismaClient } from "@lantern/db";
import type { NotificationContext } from "@lantern/domain";
import { InvalidNotificationError, renderNotification } from "../messages/render.ts";
import type { Mailer } from "../transports/email.ts";
import { DeliveryError } from "../transports/errors.ts";
import { forgetSlackUserId, resolveSlackUserId, type SlackClient } from "../transports/slack.ts";

/** Slack answers that mean the cached user id (or its DM channel) is no longer valid. */
const STALE_SLACK_USER = new Set(["user_not_found", "channel_not_found", "user_disabled"]);

// Delivery of one outbox row (SPEC §6.3). At least once from the queue's side; the row's
// state and the provider's idempotency make it once toward the person:
// - Resend gets the row's idempotency key, so a resend after a crash is recognised there;
// - Slack's message ts is committed before the row is marked SENT, so a retry after a
//   crash between the two finds it and does not post again;
// - the dev mailbox stores one email per key; SMTP gets a Message-ID derived from the key.

export interface DeliveryDeps {
  prisma: PrismaClient;
  mailer: Mailer;
  /** Null when Slack is not connected (no SLACK_BOT_TOKEN). */
  slack: SlackClient | null;
  /** Base of deep links when the organization has no public URL of its own. */
  publicUrl: string;
  now?: () => Date;
}

/** Where a delivery attempt ended. `retry` means the queue should try again later. */
export type DeliveryOutcome =
  | { result: "sent"; providerMessageId: string }
  | { result: "skipped"; reason: string }
  | { result: "failed"; reason: string }
  | { result: "retry"; reason: string }
  | { result: "noop"; reason: string };

export interface AttemptInfo {
  /** True when the queue will not retry after this attempt. */
  lastAttempt: boolean;
}

const notificationInclude = {
  recipient: {
    select: {
      id: true,
      email: true,
      displayName: true,
      status: true,
      emailNotifications: true,
      slackNotifications: true,
      slackUserId: true,
      slackLookupAt: true,
    },
  },
  organization: { select: { name: true, publicUrl: true } },
} as const;

/** Delivers the notification `id` once; never throws for delivery problems. */
export async function deliverNotification(
  deps: DeliveryDeps,
  id: string,
  attempt: AttemptInfo,
): Promise<DeliveryOutcome> {
  const now = deps.now ?? (() => new Date());
  const notification = await deps.prisma.notification.findUnique({
    where: { id },
    include: notificationInclude,
  });
  if (!notification) return { result: "noop", reason: "The notification no longer exists." };
  if (notification.state !== "PENDING") {
    return { result: "noop", reason: `The notification is already ${notification.state}.` };
  }
  const { recipient } = notification;
  const skip = (reason: string) => finish(deps, id, { result: "skipped", reason }, now());

  if (recipient.status !== "ACTIVE") {
    return skip(`${recipient.displayName} is ${recipient.status.toLowerCase()} in Lantern.`);
  }
  if (notification.channel === "EMAIL" && !recipient.emailNotifications) {
    return skip(`${recipient.displayName} turned email notifications off.`);
  }
  if (notification.channel === "SLACK") {
    if (!recipient.slackNotifications) {
      return skip(`${recipient.displayName} turned Slack notifications off.`);
    }
    if (!deps.slack) return skip("Slack is not connected (SLACK_BOT_TOKEN is not set).");
    // Posted before a crash: the ts was committed, the SENT mark was not.
    if (notification.providerMessageId) {
      return finish(
        deps,
        id,
        { result: "sent", providerMessageId: notification.providerMessageId },
        now(),
      );
    }
  }

  const context: NotificationContext = {
    recipientName: recipient.displayName,
    recipientEmail: recipient.email,
    organizationName: notification.organization.name,
    baseUrl: (notification.organization.publicUrl ?? deps.publicUrl).replace(/\/+$/, ""),
  };
  let rendered;
  try {
    rendered = await renderNotification(notification.template, notification.payload, context);
  } catch (error) {
    if (error instanceof InvalidNotificationError) {
      return finish(deps, id, { result: "failed", reason: error.message }, now());
    }
    throw error;
  }

  await deps.prisma.notification.update({
    where: { id },
    data: { attempts: { increment: 1 }, lastAttemptAt: now() },
  });
  try {
    if (notification.channel === "EMAIL") {
      const { providerMessageId } = await deps.mailer.sendEmail({
        to: recipient.email,
        subject: rendered.email.subject,
        html: rendered.email.html,
        text: rendered.email.text,
        idempotencyKey: notification.idempotencyKey,
      });
      return finish(deps, id, { result: "sent", providerMessageId }, now());
    }
    const slackUser = await resolveSlackUserId(deps.prisma, deps.slack!, recipient, now());
    if (slackUser.userId === null) return skip(slackUser.reason);
    const posted = await deps.slack!.postDirectMessage(slackUser.userId, rendered.slack);
    // Committed on its own first: a crash from here on must not post a second time.
    await deps.prisma.notification.update({
      where: { id },
      data: { providerMessageId: posted.ts },
    });
    return finish(deps, id, { result: "sent", providerMessageId: posted.ts }, now());
  } catch (error) {
    const reason = describeError(error);
    const permanent = error instanceof DeliveryError && error.permanent;
    if (
      notification.channel === "SLACK" &&
      error instanceof DeliveryError &&
      error.code &&
      STALE_SLACK_USER.has(error.code)
    ) {
      // Asked again on the next message (this one is retried or dead-lettered as usual).
      await forgetSlackUserId(deps.prisma, recipient.id);
    }
    if (permanent || attempt.lastAttempt) {
      return finish(deps, id, { result: "failed", reason }, now());
    }
    // Only while still PENDING: a send that outlived its job may find the row dead-lettered.
    await deps.prisma.notification.updateMany({
      where: { id, state: "PENDING" },
      data: { lastError: reason },
    });
    return { result: "retry", reason };
  }
}

/**
 * Marks the row as the outcome says (only while it is still PENDING: a row a super admin
 * retried or another attempt finished is left alone).
 */
async function finish(
  deps: DeliveryDeps,
  id: string,
  outcome: Exclude<DeliveryOutcome, { result: "retry" | "noop" }>,
  at: Date,
): Promise<DeliveryOutcome> {
  const data =
    outcome.result === "sent"
      ? {
          state: "SENT" as const,
          sentAt: at,
          providerMessageId: outcome.providerMessageId,
          lastError: null,
        }
      : {
          state: outcome.result === "skipped" ? ("SKIPPED" as const) : ("FAILED" as const),
          failedAt: at,
          lastError: outcome.reason,
        };
  await deps.prisma.notification.updateMany({ where: { id, state: "PENDING" }, data });
  return outcome;
}

/**
 * A dead-lettered job: the queue gave up on it (its worker kept dying or timing out). The
 * row becomes FAILED — the dead-letter state a super admin sees and can retry.
 */
export async function markDeadLettered(prisma: PrismaClient, id: string, at: Date): Promise<void> {
  const row = await prisma.notification.findUnique({
    where: { id },
    select: { attempts: true, lastError: true },
  });
  if (!row) return;
  const reason =
    row.lastError ??
    `Delivery was interrupted ${row.attempts} ${row.attempts === 1 ? "time" : "times"} (the worker stopped or timed out while sending).`;
  await prisma.notification.updateMany({
    where: { id, state: "PENDING" },
    data: { state: "FAILED", failedAt: at, lastError: reason },
  });
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 1000 ? `${message.slice(0, 997)}...` : message;
}
