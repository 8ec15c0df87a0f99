import type { PrismaClient } from "@lantern/db";
import { LogLevel, WebClient, type Block, type KnownBlock } from "@slack/web-api";
import type { SlackConfig } from "../config.ts";
import { classifySlackError, DeliveryError } from "./errors.ts";

/** A direct message: `text` is the notification fallback and the screen-reader text. */
export interface SlackMessage {
  text: string;
  blocks?: (KnownBlock | Block)[];
}

export interface PostedSlackMessage {
  /** The direct message channel (D…). */
  channel: string;
  /** Slack's id of the message within the channel. */
  ts: string;
}

/**
 * The two Slack calls Lantern makes, with a bot token holding the scopes
 * `users:read.email`, `im:write` and `chat:write`. Failures throw DeliveryError.
 */
export interface SlackClient {
  /** The Slack user id for an email, or null when Slack answers users_not_found. */
  lookupUserIdByEmail(email: string): Promise<string | null>;
  postDirectMessage(userId: string, message: SlackMessage): Promise<PostedSlackMessage>;
}

export interface SlackClientOptions {
  /** Give up on a Slack call after this long (default 10 s). */
  timeoutMs?: number;
}

/** DM channel ids remembered per process; a user's DM channel with the bot never changes. */
const MAX_CACHED_CHANNELS = 10_000;

/**
 * A Slack client for the configured bot. The WebClient's own retries are off (the delivery
 * worker retries with backoff and a dead letter) and rate-limited calls fail at once with
 * Slack's Retry-After instead of pausing every call in the process.
 *
 * Direct messages go through conversations.open, then chat.postMessage to the returned
 * D… channel: the documented way to start a DM. (Passing a user id as the channel of
 * chat.postMessage also works for bot tokens, but that behaviour is described only in
 * passing; conversations.open also gives us the channel id to record and is cached.)
 */
export function createSlackClient(
  config: SlackConfig,
  options: SlackClientOptions = {},
): SlackClient {
  const web = new WebClient(config.token, {
    slackApiUrl: config.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 10_000,
    logLevel: LogLevel.ERROR,
  });
  const dmChannels = new Map<string, string>();

  async function openDirectMessage(userId: string): Promise<string> {
    const cached = dmChannels.get(userId);
    if (cached) return cached;
    const opened = await web.conversations.open({ users: userId });
    const channel = opened.channel?.id;
    if (!channel) throw missingField("conversations.open", "channel.id");
    if (dmChannels.size >= MAX_CACHED_CHANNELS) dmChannels.clear();
    dmChannels.set(userId, channel);
    return channel;
  }

  return {
    async lookupUserIdByEmail(email) {
      try {
        const found = await web.users.lookupByEmail({ email });
        if (!found.user?.id || found.user.deleted) return null;
        return found.user.id;
      } catch (error) {
        if (slackErrorCode(error) === "users_not_found") return null;
        throw classifySlackError(error);
      }
    },
    async postDirectMessage(userId, message) {
      try {
        const channel = await openDirectMessage(userId);
        const posted = await web.chat.postMessage({
          channel,
          text: message.text,
          ...(message.blocks ? { blocks: message.blocks } : {}),
          unfurl_links: false,
          unfurl_media: false,
        });
        if (!posted.ts) throw missingField("chat.postMessage", "ts");
        return { channel: posted.channel ?? channel, ts: posted.ts };
      } catch (error) {
        if (error instanceof DeliveryError) throw error;
        // A remembered DM channel that Slack no longer knows is opened afresh next time.
        if (slackErrorCode(error) === "channel_not_found") dmChannels.delete(userId);
        throw classifySlackError(error);
      }
    },
  };
}

/** The `error` of a Slack platform error (`{ ok: false, error }`), if it is one. */
function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === "string" ? data.error : undefined;
}

function missingField(method: string, field: string): DeliveryError {
  return new DeliveryError(`Slack's ${method} answered without ${field}`, {
    provider: "slack",
    permanent: false,
  });
}

// ───────────────────────────── Slack user lookup ─────────────────────────────

/** How long "Slack does not know this email" is believed before asking again. */
export const SLACK_LOOKUP_RETRY_MS = 24 * 60 * 60 * 1000;

export interface SlackRecipient {
  id: string;
  email: string;
  slackUserId: string | null;
  slackLookupAt: Date | null;
}

export type SlackUserResolution = { userId: string } | { userId: null; reason: string };

/**
 * The person's Slack user id: from User.slackUserId when known, else asked of Slack by
 * email and remembered. When Slack does not know the email, slackLookupAt records when it
 * was asked and Slack is not asked again about that person for 24 hours. Slack failures
 * (rate limits, bad token) throw DeliveryError and change nothing.
 */
export async function resolveSlackUserId(
  prisma: PrismaClient,
  slack: Pick<SlackClient, "lookupUserIdByEmail">,
  user: SlackRecipient,
  now: Date,
): Promise<SlackUserResolution> {
  if (user.slackUserId) return { userId: user.slackUserId };
  const unknown = `Slack has no user with the email ${user.email}`;
  if (user.slackLookupAt && now.getTime() - user.slackLookupAt.getTime() < SLACK_LOOKUP_RETRY_MS) {
    const askedAt = user.slackLookupAt.toISOString();
    return { userId: null, reason: `${unknown} (asked at ${askedAt}; asking again a day later)` };
  }
  const slackUserId = await slack.lookupUserIdByEmail(user.email);
  await prisma.user.updateMany({
    where: { id: user.id },
    data: { slackUserId, slackLookupAt: now },
  });
  return slackUserId ? { userId: slackUserId } : { userId: null, reason: unknown };
}

/**
 * Forgets a cached Slack user id, e.g. after Slack answered user_not_found or
 * channel_not_found for it, or the person's email changed: the next message asks again.
 */
export async function forgetSlackUserId(prisma: PrismaClient, userId: string): Promise<void> {
  await prisma.user.updateMany({
    where: { id: userId },
    data: { slackUserId: null, slackLookupAt: null },
  });
}
