import { ErrorCode as SlackErrorCode } from "@slack/web-api";

// One error type for every transport, so the delivery worker decides retry or dead letter
// by `permanent` alone. Transient: the same send may succeed later (rate limits, provider
// outages, network). Permanent: it will fail the same way until someone changes something
// (a bad key, a refused address, a missing Slack scope).

export type DeliveryProvider = "resend" | "smtp" | "dev-mailbox" | "slack";

export interface DeliveryErrorOptions {
  provider: DeliveryProvider;
  permanent: boolean;
  /** The provider's own code: a Resend error name, an SMTP reply code, a Slack error. */
  code?: string;
  /** The provider asked us to wait this long before trying again (rate limits). */
  retryAfterMs?: number;
  cause?: unknown;
}

/** A send that failed. The message is written for the admin reading the dead letter. */
export class DeliveryError extends Error {
  readonly provider: DeliveryProvider;
  readonly permanent: boolean;
  readonly code?: string;
  readonly retryAfterMs?: number;

  constructor(message: string, options: DeliveryErrorOptions) {
    super(message, { cause: options.cause });
    this.name = "DeliveryError";
    this.provider = options.provider;
    this.permanent = options.permanent;
    this.code = options.code;
    this.retryAfterMs = options.retryAfterMs;
  }
}

export function isDeliveryError(error: unknown): error is DeliveryError {
  return error instanceof DeliveryError;
}

/**
 * Any error thrown while sending, as a DeliveryError. Errors the transports did not
 * classify (bugs, unexpected throws) are transient: retrying is bounded, losing is not.
 */
export function toDeliveryError(error: unknown, provider: DeliveryProvider): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new DeliveryError(`Sending through ${provider} failed: ${message}`, {
    provider,
    permanent: false,
    cause: error,
  });
}

// ───────────────────────────────── Resend ─────────────────────────────────

/** The error object the Resend SDK returns (it never throws for HTTP failures). */
export interface ResendErrorLike {
  name: string;
  message: string;
  statusCode: number | null;
}

/** Resend's names for requests that fail the same way every time (bad key, bad fields). */
const RESEND_PERMANENT_NAMES = new Set([
  "validation_error",
  "missing_required_field",
  "invalid_parameter",
  "invalid_idempotency_key",
  "invalid_idempotent_request",
  "invalid_from_address",
  "invalid_to_address",
  "invalid_attachment",
  "invalid_access",
  "invalid_region",
  "invalid_scope",
  "missing_api_key",
  "restricted_api_key",
  "invalid_api_key",
  "not_found",
  "method_not_allowed",
  "security_error",
]);

/**
 * Resend: 429, 5xx, 408 and network failures are transient, as is a 409
 * "concurrent_idempotent_requests" (the first attempt with that key is still running).
 * Every other 4xx is permanent: 401/403 bad or restricted key, 422 invalid from address or
 * fields, 409 the same key with a different body. Without a status (the SDK could not
 * reach Resend, or the body had none) only Resend's own permanent names are permanent.
 */
export function isTransientResendError(error: ResendErrorLike): boolean {
  const status = typeof error.statusCode === "number" ? error.statusCode : null;
  if (status === null) return !RESEND_PERMANENT_NAMES.has(error.name);
  if (status === 408 || status === 429 || status >= 500) return true;
  if (status === 409) return error.name === "concurrent_idempotent_requests";
  return status < 400;
}

/** The SDK's error object (and the response headers, for Retry-After) as a DeliveryError. */
export function classifyResendError(
  error: ResendErrorLike,
  headers: Record<string, string> | null = null,
): DeliveryError {
  const status = typeof error.statusCode === "number" ? error.statusCode : null;
  const transient = isTransientResendError(error);
  const what =
    status !== null
      ? `Resend answered ${status}`
      : transient
        ? "Resend could not be reached"
        : "Resend refused the message";
  return new DeliveryError(`${what} (${error.name}): ${error.message}`, {
    provider: "resend",
    permanent: !transient,
    code: error.name,
    retryAfterMs: retryAfterMs(headers?.["retry-after"]),
    cause: error,
  });
}

/** A Retry-After header (seconds) in milliseconds. */
function retryAfterMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

// ────────────────────────────────── SMTP ──────────────────────────────────

/** nodemailer's error codes for failures that happen before the server said anything. */
const SMTP_PERMANENT_CODES = new Set(["EENVELOPE", "EAUTH", "EMESSAGE"]);

/**
 * SMTP: a 5xx reply is permanent (mailbox unavailable, relay denied, bad credentials), a
 * 4xx reply is transient (greylisting, mailbox busy, try later), and so is every connection
 * failure (refused, timed out, reset, TLS). Without a reply code, nodemailer's envelope,
 * auth and message errors (no recipient, missing credentials) are permanent.
 */
export function classifySmtpError(error: unknown): DeliveryError {
  const { responseCode, code, message } = smtpErrorFields(error);
  if (responseCode !== undefined) {
    return new DeliveryError(`The SMTP server answered ${responseCode}: ${message}`, {
      provider: "smtp",
      permanent: responseCode >= 500,
      code: String(responseCode),
      cause: error,
    });
  }
  const permanent = code !== undefined && SMTP_PERMANENT_CODES.has(code);
  return new DeliveryError(
    permanent
      ? `The message was not sent: ${message}`
      : `The SMTP server could not be reached: ${message}`,
    { provider: "smtp", permanent, code, cause: error },
  );
}

function smtpErrorFields(error: unknown): {
  responseCode?: number;
  code?: string;
  message: string;
} {
  if (typeof error !== "object" || error === null) return { message: String(error) };
  const fields = error as { responseCode?: unknown; code?: unknown; message?: unknown };
  return {
    responseCode: typeof fields.responseCode === "number" ? fields.responseCode : undefined,
    code: typeof fields.code === "string" ? fields.code : undefined,
    message: typeof fields.message === "string" ? fields.message : String(error),
  };
}

// ────────────────────────────────── Slack ─────────────────────────────────

/**
 * Slack's documented transient errors. Every other Slack error names something about the
 * request, token or workspace (invalid_auth, not_authed, account_inactive, token_revoked,
 * missing_scope, channel_not_found, user_not_found, invalid_blocks, …): permanent.
 */
const SLACK_TRANSIENT_ERRORS = new Set([
  "ratelimited",
  "rate_limited",
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
  "team_added_to_org",
]);

/** Human hints for the permanent errors an admin can fix. */
const SLACK_HINTS: Record<string, string> = {
  invalid_auth: "SLACK_BOT_TOKEN is not valid",
  not_authed: "no token was sent",
  account_inactive: "the bot's token belongs to a deleted user or workspace",
  token_revoked: "SLACK_BOT_TOKEN was revoked",
  token_expired: "SLACK_BOT_TOKEN has expired",
  missing_scope: "the Slack app lacks a scope (it needs chat:write, im:write, users:read.email)",
  channel_not_found: "the direct message channel does not exist",
  user_not_found: "Slack does not know this user",
};

/**
 * Slack: rate limits, network failures, HTTP 5xx and Slack's transient errors are
 * transient; platform errors otherwise permanent (see SLACK_TRANSIENT_ERRORS).
 */
export function classifySlackError(error: unknown): DeliveryError {
  const coded = error as { code?: unknown } | null;
  const code = typeof coded === "object" && coded !== null ? coded.code : undefined;
  switch (code) {
    case SlackErrorCode.PlatformError:
      return slackPlatformError(error as { data: { error: string } });
    case SlackErrorCode.RateLimitedError: {
      const { retryAfter } = error as { retryAfter: number };
      return new DeliveryError(`Slack is rate limiting us (retry after ${retryAfter} s)`, {
        provider: "slack",
        permanent: false,
        code: "ratelimited",
        retryAfterMs: retryAfter * 1000,
        cause: error,
      });
    }
    case SlackErrorCode.HTTPError: {
      const { statusCode } = error as { statusCode: number };
      const transient = statusCode >= 500 || statusCode === 408 || statusCode === 429;
      return new DeliveryError(`Slack answered HTTP ${statusCode}`, {
        provider: "slack",
        permanent: !transient,
        code: `http_${statusCode}`,
        cause: error,
      });
    }
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return new DeliveryError(`Slack could not be reached: ${message}`, {
        provider: "slack",
        permanent: false,
        code: typeof code === "string" ? code : undefined,
        cause: error,
      });
    }
  }
}

function slackPlatformError(error: { data: { error: string } }): DeliveryError {
  const slackError = error.data.error;
  const transient = SLACK_TRANSIENT_ERRORS.has(slackError);
  const hint = SLACK_HINTS[slackError];
  return new DeliveryError(`Slack answered ${slackError}${hint ? ` (${hint})` : ""}`, {
    provider: "slack",
    permanent: !transient,
    code: slackError,
    cause: error,
  });
}
