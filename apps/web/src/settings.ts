import { z } from "zod";
import { ZSecretsKeySetting } from "@lantern/api/secrets";
import { textProblem } from "@lantern/domain";
import { notifySettingsProblems, ZDigestSettings, ZPublicUrl } from "@lantern/notify/config";

// What Lantern's web server accepts as configuration (the README's configuration table), and
// the start-up check that refuses to start with anything else: scripts/prepare-database.ts
// (`npm start`, before the database is touched) and src/instrumentation.ts (`next start`)
// call settingsProblems(); src/env.ts validates the same schema when it is first imported.
// Pure: the caller passes the environment.

/** An http(s) URL setting. */
const httpUrl = (name: string, example: string) =>
  z.string().refine(
    (value) => {
      try {
        const { protocol } = new URL(value);
        return protocol === "https:" || protocol === "http:";
      } catch {
        return false;
      }
    },
    { message: `${name} must be a URL starting with https:// (or http://), like ${example}.` },
  );

/** A one-line text setting (the shared text rule of @lantern/domain). */
const oneLine = (name: string, max: number) =>
  z.string().superRefine((value, ctx) => {
    const problem =
      textProblem(value, "single-line") ??
      (value.length > max ? `is longer than ${max} characters` : null);
    if (problem) ctx.addIssue({ code: "custom", message: `${name} ${problem}.` });
  });

/** Each entry of LANTERN_FIRST_RUN_ALLOWED_EMAILS: an address or an @domain. */
const ALLOW_LIST_ENTRY = /^[^@\s,]*@[^@\s,]+\.[^@\s,]+$/;

export const settingsSchema = {
  NODE_ENV: z
    .enum(["development", "test", "production"], {
      error: "NODE_ENV must be production, development or test.",
    })
    .default("development"),
  /** PostgreSQL. Unset: the embedded database, and Lantern runs in demo mode. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// connection string.")
    .optional(),
  /** Where the embedded database lives (set by the start script; default ./.lantern/pgdata). */
  LANTERN_DATA_DIR: z.string().optional(),
  /** Signs session tokens. The start script generates one for demo mode. */
  NEXTAUTH_SECRET: z
    .string({
      error:
        "NEXTAUTH_SECRET is not set. Production mode needs a secret of at least 32 characters: openssl rand -base64 32",
    })
    .min(
      32,
      "NEXTAUTH_SECRET must be at least 32 characters (a shorter one is guessable): openssl rand -base64 32",
    ),
  /** The public URL of Lantern, used in sign-in links and deep links, and as its origin. */
  NEXTAUTH_URL: ZPublicUrl.default("http://localhost:3000"),
  /** Generic OpenID Connect provider (Okta, Entra ID, Google Workspace, …). */
  AUTH_OIDC_ISSUER: httpUrl("AUTH_OIDC_ISSUER", "https://acme.okta.com").optional(),
  AUTH_OIDC_CLIENT_ID: z.string().optional(),
  AUTH_OIDC_CLIENT_SECRET: z.string().optional(),
  AUTH_OIDC_NAME: oneLine("AUTH_OIDC_NAME", 100).default("Single sign-on"),
  /**
   * First run (production mode, empty database): the first person to sign in creates the
   * organization and becomes its super admin. Its name (default: from their email domain),
   * and who may claim it: addresses and @domains, comma-separated (default: anyone who
   * signs in through the configured provider).
   */
  LANTERN_ORGANIZATION_NAME: oneLine("LANTERN_ORGANIZATION_NAME", 100).optional(),
  LANTERN_FIRST_RUN_ALLOWED_EMAILS: z
    .string()
    .superRefine((value, ctx) => {
      for (const entry of value.split(/[,\s]+/).filter(Boolean)) {
        if (!ALLOW_LIST_ENTRY.test(entry)) {
          ctx.addIssue({
            code: "custom",
            message: `LANTERN_FIRST_RUN_ALLOWED_EMAILS: "${entry.slice(0, 100)}" is neither an address (dana@acme.com) nor a domain (@acme.com).`,
          });
        }
      }
    })
    .optional(),
  /**
   * Email delivery (SPEC §6.1): Resend when RESEND_API_KEY is set, else SMTP when SMTP_URL
   * is, else the dev mailbox. @lantern/notify validates them (settingsProblems adds its
   * verdict); the web only needs to know which transport is active.
   */
  RESEND_API_KEY: z.string().optional(),
  RESEND_BASE_URL: z.string().optional(),
  SMTP_URL: z.string().optional(),
  EMAIL_FROM: z.string().optional(),
  /** Slack direct messages (SPEC §6.2), when set. */
  SLACK_BOT_TOKEN: z.string().optional(),
  SLACK_API_URL: z.string().optional(),
  /**
   * Run the background worker (notification delivery, connector jobs) inside the web
   * server. Default: on with the embedded database, off with PostgreSQL, where
   * `npm run worker` runs it as its own process.
   */
  LANTERN_IN_PROCESS_WORKER: z
    .enum(["on", "off"], { error: "LANTERN_IN_PROCESS_WORKER must be on or off." })
    .optional(),
  /**
   * How many reverse proxies in front of Lantern append the address they were reached from to
   * X-Forwarded-For: the client IP (for sign-in throttling) is that many entries from the
   * right. 0 (default): Lantern is reached directly. See src/server/auth/client-ip.ts.
   */
  LANTERN_TRUSTED_PROXIES: z.coerce
    .number({ error: "LANTERN_TRUSTED_PROXIES must be a whole number of proxies." })
    .int("LANTERN_TRUSTED_PROXIES must be a whole number of proxies.")
    .min(0, "LANTERN_TRUSTED_PROXIES must be 0 or more.")
    .max(10, "LANTERN_TRUSTED_PROXIES must be at most 10.")
    .default(0),
  /** Magic sign-in links per email address, and per client IP, per window of minutes. */
  LANTERN_SIGN_IN_LINKS_PER_ADDRESS: z.coerce
    .number({ error: "LANTERN_SIGN_IN_LINKS_PER_ADDRESS must be a whole number." })
    .int("LANTERN_SIGN_IN_LINKS_PER_ADDRESS must be a whole number.")
    .min(1, "LANTERN_SIGN_IN_LINKS_PER_ADDRESS must be at least 1.")
    .default(5),
  LANTERN_SIGN_IN_LINKS_PER_IP: z.coerce
    .number({ error: "LANTERN_SIGN_IN_LINKS_PER_IP must be a whole number." })
    .int("LANTERN_SIGN_IN_LINKS_PER_IP must be a whole number.")
    .min(1, "LANTERN_SIGN_IN_LINKS_PER_IP must be at least 1.")
    .default(20),
  LANTERN_SIGN_IN_LINKS_WINDOW_MINUTES: z.coerce
    .number({ error: "LANTERN_SIGN_IN_LINKS_WINDOW_MINUTES must be a whole number of minutes." })
    .int("LANTERN_SIGN_IN_LINKS_WINDOW_MINUTES must be a whole number of minutes.")
    .min(1, "LANTERN_SIGN_IN_LINKS_WINDOW_MINUTES must be at least 1.")
    .max(24 * 60, "LANTERN_SIGN_IN_LINKS_WINDOW_MINUTES must be at most 1440 (a day).")
    .default(15),
  /**
   * Seals the secret settings of app connectors (AES-256-GCM): 32 random bytes in base64.
   * The start script generates one for demo mode; production needs it once an app has a
   * secret setting (the server and the worker refuse to start without it then).
   */
  LANTERN_SECRETS_KEY: ZSecretsKeySetting,
  /** Cron of the daily digest email ("off" turns it off) and its time zone. */
  ...ZDigestSettings,
};

/** Which settings must be set together, and how to say so. */
function missingCompanions(source: Record<string, string | undefined>): string[] {
  const oidc = ["AUTH_OIDC_ISSUER", "AUTH_OIDC_CLIENT_ID", "AUTH_OIDC_CLIENT_SECRET"];
  const set = oidc.filter((name) => source[name]);
  if (set.length === 0 || set.length === oidc.length) return [];
  const missing = oidc.filter((name) => !source[name]);
  return [
    `Single sign-on needs AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET together: ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not set.`,
  ];
}

/** One sentence per problem; zod's own messages get the variable's name in front. */
export function describeIssues(
  issues: readonly { message: string; path?: readonly unknown[] | undefined }[],
): string[] {
  return issues.map((issue) => {
    const first = issue.path?.[0];
    // A path segment is a key, or (Standard Schema) an object holding it.
    const key =
      typeof first === "object" && first !== null && "key" in first
        ? (first as { key: unknown }).key
        : first;
    const name = typeof key === "string" ? key : null;
    return name && !issue.message.includes(name) ? `${name}: ${issue.message}` : issue.message;
  });
}

/** Blank values count as unset (as in src/env.ts: `SMTP_URL=` in an .env file). */
export function withoutBlanks(
  source: Record<string, string | undefined>,
): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(source).map(([key, value]) => [key, value === "" ? undefined : value]),
  );
}

/**
 * Every reason the web server cannot run with these settings, one sentence each naming the
 * variable (a secret's value is never echoed); empty when they are fine.
 */
export function settingsProblems(source: Record<string, string | undefined>): string[] {
  const settings = withoutBlanks(source);
  const parsed = z.object(settingsSchema).safeParse(settings);
  return [
    ...(parsed.success ? [] : describeIssues(parsed.error.issues)),
    ...missingCompanions(settings),
    ...notifySettingsProblems(settings),
  ];
}

/** The start-up refusal, as printed before the process exits with code 1. */
export function refusalText(problems: readonly string[]): string {
  return [
    "Lantern cannot start: its settings are invalid.",
    ...problems.map((problem) => `  - ${problem}`),
    "Fix them (see Configuration in the README) and start again.",
  ].join("\n");
}
