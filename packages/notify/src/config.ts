import cronParser from "cron-parser";
import { z } from "zod";

// Notification settings (SPEC §6.1–6.2), read once at start-up. The only module of this
// package that reads process.env; everything else receives a NotifyConfig.

export const DEFAULT_EMAIL_FROM = "Lantern <lantern@localhost>";

/** Where email goes: Resend when keyed, else SMTP when configured, else the dev mailbox. */
export type EmailTransportConfig =
  | { kind: "resend"; apiKey: string; baseUrl?: string }
  | { kind: "smtp"; url: string }
  | { kind: "dev-mailbox" };

export interface SlackConfig {
  token: string;
  /** Web API base URL ending in "/" (a proxy or a test double); Slack's own when absent. */
  apiUrl?: string;
}

export interface NotifyConfig {
  email: EmailTransportConfig;
  /** Default From header, e.g. "Lantern <lantern@acme.com>". */
  from: string;
  /** Null: Slack notifications are off. */
  slack: SlackConfig | null;
  /** Settings that are present but have no effect, worth one log line each. */
  warnings: string[];
}

/** The environment was set, but not in a way Lantern can use. Lists every problem. */
export class NotifyConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid notification settings: ${problems.join(" ")}`);
    this.name = "NotifyConfigError";
  }
}

/** Blank values count as unset, so `SMTP_URL=` in an .env file switches SMTP off. */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    schema.optional(),
  );
}

/** True when `value` parses as a URL with one of `protocols` and a host. */
function isUrlWith(value: string, protocols: string[]): boolean {
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) && url.hostname !== "";
  } catch {
    return false;
  }
}

const FROM_PATTERN = /^(?:[^<>@]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/;

const ZNotifyEnv = z.object({
  RESEND_API_KEY: optional(z.string().trim()),
  RESEND_BASE_URL: optional(
    z
      .string()
      .trim()
      .refine((v) => isUrlWith(v, ["http:", "https:"]), {
        message: "RESEND_BASE_URL must be an http:// or https:// URL, e.g. https://api.resend.com.",
      }),
  ),
  SMTP_URL: optional(
    z
      .string()
      .trim()
      .refine((v) => isUrlWith(v, ["smtp:", "smtps:"]), {
        message:
          "SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.acme.com:587.",
      }),
  ),
  EMAIL_FROM: optional(
    z.string().trim().regex(FROM_PATTERN, {
      message:
        'EMAIL_FROM must be an address like "Lantern <lantern@acme.com>" or lantern@acme.com.',
    }),
  ),
  SLACK_BOT_TOKEN: optional(
    z
      .string()
      .trim()
      .regex(/^(?:xoxe\.)?xoxb-/, {
        message: "SLACK_BOT_TOKEN must be a Slack bot token (it starts with xoxb-).",
      }),
  ),
  SLACK_API_URL: optional(
    z
      .string()
      .trim()
      .refine((v) => isUrlWith(v, ["http:", "https:"]), {
        message: "SLACK_API_URL must be an http:// or https:// URL, e.g. https://slack.com/api/.",
      }),
  ),
});

type NotifyEnv = z.infer<typeof ZNotifyEnv>;

/**
 * The notification settings' problems, one sentence each (never echoing a value: URLs may
 * carry passwords); empty when loadNotifyConfig would accept them. For start-up checks.
 */
export function notifySettingsProblems(source: Record<string, string | undefined>): string[] {
  const parsed = ZNotifyEnv.safeParse(source);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
}

/** Why `cron` is not a schedule pg-boss can run (cron-parser's words), or null. */
function cronProblem(cron: string): string | null {
  try {
    cronParser.parseExpression(cron, { tz: "UTC" });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** True when `zone` is an IANA time zone this Node.js knows ("Europe/Paris", "UTC"). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * NEXTAUTH_URL, Lantern's public URL ("https://lantern.acme.com"): an http(s) origin, the
 * address people open Lantern at and the one links in notifications point to. Validated the
 * same way by the web server and by `npm run worker`.
 */
export const ZPublicUrl = z.string().superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({
      code: "custom",
      message:
        "NEXTAUTH_URL must be Lantern's public URL, like https://lantern.acme.com (it is not a URL).",
    });
    return;
  }
  const problem =
    url.protocol !== "http:" && url.protocol !== "https:"
      ? "it must start with https:// (or http:// without TLS)"
      : url.username || url.password
        ? "it must not hold a user name or password"
        : url.pathname !== "/" || url.search || url.hash
          ? "it must be the address's origin alone, without a path, query or fragment: Lantern is served at the root"
          : null;
  if (problem) {
    ctx.addIssue({
      code: "custom",
      message: `NEXTAUTH_URL must be Lantern's public URL, like https://lantern.acme.com: ${problem}.`,
    });
  }
});

/**
 * When the daily digest goes out (SPEC §6.3): validated the same way by the web server and
 * by `npm run worker`, which both schedule it. Blank values count as unset.
 */
export const ZDigestSettings = {
  /** A cron expression (5 fields, or @daily…), or "off". */
  LANTERN_DIGEST_CRON: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z
      .string()
      .trim()
      .default("0 8 * * *")
      .superRefine((value, ctx) => {
        if (value === "off") return;
        const problem = cronProblem(value);
        if (problem) {
          ctx.addIssue({
            code: "custom",
            message: `LANTERN_DIGEST_CRON must be a cron expression like "0 8 * * *" (minute hour day month weekday) or "off": ${problem}.`,
          });
        }
      }),
  ),
  /** The IANA time zone the cron expression is read in. */
  LANTERN_DIGEST_TIMEZONE: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.string().trim().default("UTC").refine(isTimeZone, {
      message: 'LANTERN_DIGEST_TIMEZONE must be an IANA time zone like "Europe/Paris" or "UTC".',
    }),
  ),
};

/**
 * Reads and validates the notification settings. Throws NotifyConfigError naming every
 * invalid variable (never echoing its value: URLs may carry passwords).
 */
export function loadNotifyConfig(
  // eslint-disable-next-line no-restricted-properties -- this is the package's env module
  source: Record<string, string | undefined> = process.env,
): NotifyConfig {
  const parsed = ZNotifyEnv.safeParse(source);
  if (!parsed.success) {
    throw new NotifyConfigError(parsed.error.issues.map((issue) => issue.message));
  }
  const env = parsed.data;
  return {
    email: emailTransport(env),
    from: env.EMAIL_FROM ?? DEFAULT_EMAIL_FROM,
    slack: env.SLACK_BOT_TOKEN
      ? { token: env.SLACK_BOT_TOKEN, apiUrl: slackApiUrl(env.SLACK_API_URL) }
      : null,
    warnings: unusedSettings(env),
  };
}

/** The precedence of SPEC §6.1: Resend, then SMTP, then the dev mailbox. */
function emailTransport(env: NotifyEnv): EmailTransportConfig {
  if (env.RESEND_API_KEY) {
    const baseUrl = env.RESEND_BASE_URL?.replace(/\/+$/, "");
    return { kind: "resend", apiKey: env.RESEND_API_KEY, baseUrl };
  }
  if (env.SMTP_URL) return { kind: "smtp", url: env.SMTP_URL };
  return { kind: "dev-mailbox" };
}

/** The WebClient appends method names to this URL, so it must end in "/". */
function slackApiUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return url.endsWith("/") ? url : `${url}/`;
}

function unusedSettings(env: NotifyEnv): string[] {
  const warnings: string[] = [];
  if (env.RESEND_API_KEY && env.SMTP_URL) {
    warnings.push("SMTP_URL is set but not used: RESEND_API_KEY is set too, and Resend wins.");
  }
  if (env.RESEND_BASE_URL && !env.RESEND_API_KEY) {
    warnings.push("RESEND_BASE_URL is set but not used: RESEND_API_KEY is not set.");
  }
  if (env.SLACK_API_URL && !env.SLACK_BOT_TOKEN) {
    warnings.push("SLACK_API_URL is set but not used: SLACK_BOT_TOKEN is not set.");
  }
  return warnings;
}

/** An http(s) URL with any password replaced by "***". */
function redactHttpUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    const text = parsed.toString();
    // URL adds "/" to a bare origin; show the URL as it was written.
    return !url.endsWith("/") && text.endsWith("/") ? text.slice(0, -1) : text;
  } catch {
    return "(unparseable URL)";
  }
}

/** "smtp://mail.acme.com:587 (user ***)": host and port only, credentials and options hidden. */
export function redactSmtpUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const port = parsed.port ? `:${parsed.port}` : "";
    const user = parsed.username ? " (user ***)" : "";
    return `${parsed.protocol}//${parsed.hostname}${port}${user}`;
  } catch {
    return "(unparseable SMTP_URL)";
  }
}

/** One phrase for the email transport, e.g. "SMTP via smtp://mail.acme.com:587 (user ***)". */
export function describeEmailTransport(email: EmailTransportConfig): string {
  switch (email.kind) {
    case "resend":
      return email.baseUrl ? `Resend via ${redactHttpUrl(email.baseUrl)}` : "Resend";
    case "smtp":
      return `SMTP via ${redactSmtpUrl(email.url)}`;
    case "dev-mailbox":
      return "dev mailbox (kept in the database, not sent)";
  }
}

/**
 * One human line for the start-up log, secrets redacted, e.g.
 * "email: SMTP via smtp://mail.acme.com:587 (user ***); Slack: on".
 */
export function describeNotifyConfig(config: NotifyConfig): string {
  const slack = !config.slack
    ? "off"
    : config.slack.apiUrl
      ? `on via ${redactHttpUrl(config.slack.apiUrl)}`
      : "on";
  return `email: ${describeEmailTransport(config.email)}; Slack: ${slack}`;
}
