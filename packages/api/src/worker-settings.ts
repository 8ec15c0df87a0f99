import { notifySettingsProblems, ZDigestSettings, ZPublicUrl } from "@lantern/notify";
import { z } from "zod";
import { ZSecretsKeySetting } from "./services/connectors/secrets.ts";

// What `npm run worker` (scripts/worker.ts) accepts as configuration, and its start-up check:
// the worker refuses to start, naming every invalid setting, instead of failing later. Pure:
// the caller passes the environment. The web server's settings are apps/web/src/settings.ts;
// the ones both read (NEXTAUTH_URL, the digest schedule, email and Slack) share their rules
// through @lantern/notify.

export const ZWorkerSettings = z.object({
  DATABASE_URL: z
    .string({
      error:
        "DATABASE_URL is not set. The worker runs against PostgreSQL; with the embedded database the web server runs this work itself.",
    })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// connection string."),
  NEXTAUTH_URL: ZPublicUrl.default("http://localhost:3000"),
  ...ZDigestSettings,
  /** A delivery still running after this long is presumed dead (worker crashed) and retried. */
  LANTERN_DELIVERY_TIMEOUT_SECONDS: z.coerce
    .number({ error: "LANTERN_DELIVERY_TIMEOUT_SECONDS must be a whole number of seconds." })
    .int("LANTERN_DELIVERY_TIMEOUT_SECONDS must be a whole number of seconds.")
    .min(1, "LANTERN_DELIVERY_TIMEOUT_SECONDS is at least 1.")
    .max(86_400, "LANTERN_DELIVERY_TIMEOUT_SECONDS is at most 86400 (a day).")
    .default(120),
  /** Opens the connector secrets of apps (README, Configuration). */
  LANTERN_SECRETS_KEY: ZSecretsKeySetting,
});

export type TWorkerSettings = z.infer<typeof ZWorkerSettings>;

/** Blank values count as unset, so `SMTP_URL=` in an .env file switches SMTP off. */
function withoutBlanks(source: Record<string, string | undefined>) {
  return Object.fromEntries(
    Object.entries(source).map(([key, value]) => [key, value?.trim() === "" ? undefined : value]),
  );
}

/**
 * The worker's settings, or every reason they are invalid (one sentence each naming the
 * variable; a secret's value is never echoed).
 */
export function readWorkerSettings(
  source: Record<string, string | undefined>,
): { ok: true; settings: TWorkerSettings } | { ok: false; problems: string[] } {
  const values = withoutBlanks(source);
  const parsed = ZWorkerSettings.safeParse(values);
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((issue) => {
          const name = typeof issue.path[0] === "string" ? issue.path[0] : null;
          return name && !issue.message.includes(name)
            ? `${name}: ${issue.message}`
            : issue.message;
        })),
    ...notifySettingsProblems(values),
  ];
  return parsed.success && problems.length === 0
    ? { ok: true, settings: parsed.data }
    : { ok: false, problems };
}

/** The start-up refusal, as printed before the worker exits with code 1. */
export function workerRefusalText(problems: readonly string[]): string {
  return [
    "The worker cannot start: its settings are invalid.",
    ...problems.map((problem) => `  - ${problem}`),
    "Fix them (see Configuration in the README) and start again.",
  ].join("\n");
}
