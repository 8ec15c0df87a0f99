import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";
import type { DevMailboxAccess, FirstRunOptions } from "@lantern/api";
import { parseAllowList } from "@lantern/domain";

/**
 * Lantern's configuration, validated once at start-up. The only module that reads
 * process.env (besides scripts and tests). See the README's configuration table.
 */
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** PostgreSQL. Unset: the embedded database, and Lantern runs in demo mode. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// connection string.")
      .optional(),
    /** Where the embedded database lives (set by the start script; default ./.lantern/pgdata). */
    LANTERN_DATA_DIR: z.string().optional(),
    /** Signs session tokens. The start script generates one for demo mode. */
    NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters."),
    /** The public URL of Lantern, used in sign-in links and deep links. */
    NEXTAUTH_URL: z.url().default("http://localhost:3000"),
    /** Generic OpenID Connect provider (Okta, Entra ID, Google Workspace, …). */
    AUTH_OIDC_ISSUER: z.url().optional(),
    AUTH_OIDC_CLIENT_ID: z.string().optional(),
    AUTH_OIDC_CLIENT_SECRET: z.string().optional(),
    AUTH_OIDC_NAME: z.string().default("Single sign-on"),
    /**
     * First run (production mode, empty database): the first person to sign in creates the
     * organization and becomes its super admin. Its name (default: from their email domain),
     * and who may claim it: addresses and @domains, comma-separated (default: anyone who
     * signs in through the configured provider).
     */
    LANTERN_ORGANIZATION_NAME: z.string().max(100).optional(),
    LANTERN_FIRST_RUN_ALLOWED_EMAILS: z.string().optional(),
    /**
     * Email delivery (SPEC §6.1): Resend when RESEND_API_KEY is set, else SMTP when SMTP_URL
     * is, else the dev mailbox. The delivery worker validates these strictly; the web only
     * needs to know which transport is active.
     */
    RESEND_API_KEY: z.string().optional(),
    RESEND_BASE_URL: z.url().optional(),
    SMTP_URL: z.string().optional(),
    EMAIL_FROM: z.string().optional(),
    /** Slack direct messages (SPEC §6.2), when set. */
    SLACK_BOT_TOKEN: z.string().optional(),
    SLACK_API_URL: z.url().optional(),
    /**
     * Run the background worker (notification delivery, connector jobs) inside the web
     * server. Default: on with the embedded database, off with PostgreSQL, where
     * `npm run worker` runs it as its own process.
     */
    LANTERN_IN_PROCESS_WORKER: z.enum(["on", "off"]).optional(),
    /**
     * How many reverse proxies in front of Lantern append the address they were reached from to
     * X-Forwarded-For: the client IP (for sign-in throttling) is that many entries from the
     * right. 0 (default): Lantern is reached directly. See src/server/auth/client-ip.ts.
     */
    LANTERN_TRUSTED_PROXIES: z.coerce
      .number()
      .int("LANTERN_TRUSTED_PROXIES must be a whole number of proxies.")
      .min(0, "LANTERN_TRUSTED_PROXIES must be 0 or more.")
      .max(10, "LANTERN_TRUSTED_PROXIES must be at most 10.")
      .default(0),
    /** Magic sign-in links per email address, and per client IP, per window of minutes. */
    LANTERN_SIGN_IN_LINKS_PER_ADDRESS: z.coerce
      .number()
      .int("LANTERN_SIGN_IN_LINKS_PER_ADDRESS must be a whole number.")
      .min(1, "LANTERN_SIGN_IN_LINKS_PER_ADDRESS must be at least 1.")
      .default(5),
    LANTERN_SIGN_IN_LINKS_PER_IP: z.coerce
      .number()
      .int("LANTERN_SIGN_IN_LINKS_PER_IP must be a whole number.")
      .min(1, "LANTERN_SIGN_IN_LINKS_PER_IP must be at least 1.")
      .default(20),
    LANTERN_SIGN_IN_LINKS_WINDOW_MINUTES: z.coerce
      .number()
      .int("LANTERN_SIGN_IN_LINKS_WINDOW_MINUTES must be a whole number of minutes.")
      .min(1, "LANTERN_SIGN_IN_LINKS_WINDOW_MINUTES must be at least 1.")
      .max(24 * 60, "LANTERN_SIGN_IN_LINKS_WINDOW_MINUTES must be at most 1440 (a day).")
      .default(15),
    /** Cron of the daily digest email ("off" turns it off) and its time zone. */
    LANTERN_DIGEST_CRON: z.string().default("0 8 * * *"),
    LANTERN_DIGEST_TIMEZONE: z.string().default("UTC"),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  // `next build` evaluates modules without runtime configuration.
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
});

/**
 * Demo mode: the embedded database with the demo organization. Only then does the demo
 * sign-in exist. It cannot be switched on with PostgreSQL (production mode).
 */
export const demoMode = !env.DATABASE_URL;

export const oidcConfigured = Boolean(
  env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_CLIENT_ID && env.AUTH_OIDC_CLIENT_SECRET,
);

/** First-run settings (see LANTERN_ORGANIZATION_NAME). Off in demo mode: the demo is seeded. */
export const firstRun: FirstRunOptions | null = demoMode
  ? null
  : {
      organizationName: env.LANTERN_ORGANIZATION_NAME,
      allowList: parseAllowList(env.LANTERN_FIRST_RUN_ALLOWED_EMAILS),
    };

/** Whether the organization's Slack is connected. Pages get this boolean, never the token. */
export const slackConfigured = Boolean(env.SLACK_BOT_TOKEN);

/** The dev mailbox is the email transport: neither Resend nor SMTP is configured. */
export const devMailboxActive = !env.RESEND_API_KEY && !env.SMTP_URL;

/**
 * Who may read the dev mailbox (/dev/mailbox): only while it is the email transport, and
 * only in demo mode (anyone, signed out too: the demo sign-in already lets anyone be anyone,
 * and magic links land there) or in development (signed-in people). Otherwise it does not
 * exist.
 */
export const devMailboxAccess: DevMailboxAccess = !devMailboxActive
  ? "off"
  : demoMode
    ? "public"
    : env.NODE_ENV === "development"
      ? "signed-in"
      : "off";

/** Whether this server runs the background worker itself (see LANTERN_IN_PROCESS_WORKER). */
export const inProcessWorker = env.LANTERN_IN_PROCESS_WORKER
  ? env.LANTERN_IN_PROCESS_WORKER === "on"
  : demoMode;
