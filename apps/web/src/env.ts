import { createEnv } from "@t3-oss/env-nextjs";
import type { DevMailboxAccess, FirstRunOptions } from "@lantern/api";
import { SecretsKey } from "@lantern/api/secrets";
import { parseAllowList } from "@lantern/domain";
import { describeIssues, refusalText, settingsSchema } from "./settings.ts";

/**
 * Lantern's configuration, validated once at start-up. The only module that reads
 * process.env (besides scripts and tests). See the README's configuration table.
 */
export const env = createEnv({
  // The schema and its messages live in ./settings.ts, which the start-up check shares.
  server: settingsSchema,
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  // Normally the start-up check refused these settings already (src/instrumentation.ts).
  onValidationError: (issues) => {
    throw new Error(refusalText(describeIssues(issues)));
  },
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

/** Seals and opens the apps' connector secrets; null: none can be stored or opened. */
export const secretsKey = env.LANTERN_SECRETS_KEY
  ? SecretsKey.parse(env.LANTERN_SECRETS_KEY)
  : null;
