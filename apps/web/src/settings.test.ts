import { describe, expect, it } from "vitest";
import { refusalText, settingsProblems } from "./settings.ts";

/** A valid production configuration; each case changes one thing. */
const VALID = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://lantern:secret@db.acme.com:5432/lantern",
  NEXTAUTH_SECRET: "0123456789abcdef0123456789abcdef",
  NEXTAUTH_URL: "https://lantern.acme.com",
};

const problemsWith = (changes: Record<string, string | undefined>) =>
  settingsProblems({ ...VALID, ...changes });

describe("settingsProblems: accepted", () => {
  it.each<[string, Record<string, string | undefined>]>([
    ["the production example", {}],
    ["demo mode: no database", { DATABASE_URL: undefined, NODE_ENV: undefined }],
    [
      "a blank value counts as unset",
      { SMTP_URL: "", AUTH_OIDC_ISSUER: "", LANTERN_DIGEST_CRON: "" },
    ],
    ["a secret of exactly 32 characters", { NEXTAUTH_SECRET: "x".repeat(32) }],
    ["NEXTAUTH_URL with a trailing slash", { NEXTAUTH_URL: "https://lantern.acme.com/" }],
    ["NEXTAUTH_URL over http with a port", { NEXTAUTH_URL: "http://localhost:3000" }],
    ["NEXTAUTH_URL unset (the default)", { NEXTAUTH_URL: undefined }],
    [
      "single sign-on, all three set",
      {
        AUTH_OIDC_ISSUER: "https://acme.okta.com",
        AUTH_OIDC_CLIENT_ID: "lantern",
        AUTH_OIDC_CLIENT_SECRET: "s3cret",
        AUTH_OIDC_NAME: "Acme SSO",
      },
    ],
    [
      "an allow list of addresses and domains",
      { LANTERN_FIRST_RUN_ALLOWED_EMAILS: "dana@acme.com, @acme.com @acme.co.uk" },
    ],
    ["an organization name", { LANTERN_ORGANIZATION_NAME: "Acme, Inc." }],
    [
      "SMTP",
      { SMTP_URL: "smtp://u:p@mail.acme.com:587", EMAIL_FROM: "Lantern <lantern@acme.com>" },
    ],
    ["Resend", { RESEND_API_KEY: "re_123" }],
    ["Slack", { SLACK_BOT_TOKEN: "xoxb-1-abc" }],
    ["the worker in process", { LANTERN_IN_PROCESS_WORKER: "on" }],
    [
      "a digest schedule",
      { LANTERN_DIGEST_CRON: "30 7 * * 1-5", LANTERN_DIGEST_TIMEZONE: "Europe/Paris" },
    ],
    ["the digest off", { LANTERN_DIGEST_CRON: "off" }],
    ["a cron nickname", { LANTERN_DIGEST_CRON: "@daily" }],
    [
      "a connector secrets key (base64 of 32 bytes)",
      { LANTERN_SECRETS_KEY: "q4Xz0hJ6b1m3M0vY8c9vQqk5lC7nR2t3T0jW9yZxA1E=" },
    ],
    ["a connector secrets key (64 hex digits)", { LANTERN_SECRETS_KEY: "ab".repeat(32) }],
    ["NODE_ENV=test", { NODE_ENV: "test" }],
    ["unknown variables are none of Lantern's business", { HOME: "/root", PATH: "/bin" }],
  ])("%s", (_name, changes) => {
    expect(problemsWith(changes)).toEqual([]);
  });
});

describe("settingsProblems: refused, naming the variable and why", () => {
  it.each<[string, Record<string, string | undefined>, RegExp]>([
    [
      "a short secret",
      { NEXTAUTH_SECRET: "x".repeat(31) },
      /^NEXTAUTH_SECRET must be at least 32 characters.*openssl rand/,
    ],
    ["no secret", { NEXTAUTH_SECRET: undefined }, /^NEXTAUTH_SECRET is not set/],
    [
      "a connector secrets key that is not 32 bytes",
      { LANTERN_SECRETS_KEY: "not-a-key" },
      /^LANTERN_SECRETS_KEY must be 32 random bytes .*openssl rand -base64 32/,
    ],
    ["a blank secret", { NEXTAUTH_SECRET: "" }, /^NEXTAUTH_SECRET is not set/],
    [
      "a database URL of another kind",
      { DATABASE_URL: "mysql://db/lantern" },
      /^DATABASE_URL must be a postgresql:\/\/ connection string/,
    ],
    [
      "NEXTAUTH_URL not a URL",
      { NEXTAUTH_URL: "lantern.acme.com" },
      /^NEXTAUTH_URL must be Lantern's public URL.*not a URL/,
    ],
    [
      "NEXTAUTH_URL of another scheme",
      { NEXTAUTH_URL: "ftp://lantern.acme.com" },
      /^NEXTAUTH_URL .*https:\/\//,
    ],
    [
      "NEXTAUTH_URL with a path",
      { NEXTAUTH_URL: "https://acme.com/lantern" },
      /^NEXTAUTH_URL .*without a path/,
    ],
    [
      "NEXTAUTH_URL with a query",
      { NEXTAUTH_URL: "https://lantern.acme.com/?x=1" },
      /^NEXTAUTH_URL .*without a path, query/,
    ],
    [
      "NEXTAUTH_URL with credentials",
      { NEXTAUTH_URL: "https://u:p@lantern.acme.com" },
      /^NEXTAUTH_URL .*user name or password/,
    ],
    [
      "an unknown NODE_ENV",
      { NODE_ENV: "staging" },
      /^NODE_ENV must be production, development or test/,
    ],
    [
      "an issuer that is not a URL",
      { AUTH_OIDC_ISSUER: "acme.okta.com", AUTH_OIDC_CLIENT_ID: "a", AUTH_OIDC_CLIENT_SECRET: "b" },
      /^AUTH_OIDC_ISSUER must be a URL/,
    ],
    [
      "an issuer without its client",
      { AUTH_OIDC_ISSUER: "https://acme.okta.com" },
      /AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET are not set/,
    ],
    [
      "a client secret alone",
      { AUTH_OIDC_CLIENT_SECRET: "s" },
      /AUTH_OIDC_ISSUER and AUTH_OIDC_CLIENT_ID are not set/,
    ],
    [
      "an allow-list entry that is neither",
      { LANTERN_FIRST_RUN_ALLOWED_EMAILS: "@acme.com, acme.com" },
      /^LANTERN_FIRST_RUN_ALLOWED_EMAILS: "acme.com" is neither an address/,
    ],
    [
      "an organization name with a control character",
      { LANTERN_ORGANIZATION_NAME: "Acme\u0007" },
      /^LANTERN_ORGANIZATION_NAME contains a control character \(U\+0007\)/,
    ],
    [
      "an organization name on two lines",
      { LANTERN_ORGANIZATION_NAME: "Acme\nInc" },
      /^LANTERN_ORGANIZATION_NAME must be on one line/,
    ],
    [
      "an organization name too long",
      { LANTERN_ORGANIZATION_NAME: "A".repeat(101) },
      /^LANTERN_ORGANIZATION_NAME is longer than 100 characters/,
    ],
    [
      "a provider name with NUL",
      { AUTH_OIDC_NAME: "SSO\u0000" },
      /^AUTH_OIDC_NAME contains a NUL character/,
    ],
    [
      "LANTERN_IN_PROCESS_WORKER=yes",
      { LANTERN_IN_PROCESS_WORKER: "yes" },
      /^LANTERN_IN_PROCESS_WORKER must be on or off/,
    ],
    [
      "a digest cron that is not one",
      { LANTERN_DIGEST_CRON: "every morning" },
      /^LANTERN_DIGEST_CRON must be a cron expression/,
    ],
    [
      "a digest cron out of range",
      { LANTERN_DIGEST_CRON: "0 25 * * *" },
      /^LANTERN_DIGEST_CRON .*expected range 0-23/,
    ],
    [
      "an unknown time zone",
      { LANTERN_DIGEST_TIMEZONE: "Mars/Olympus" },
      /^LANTERN_DIGEST_TIMEZONE must be an IANA time zone/,
    ],
    [
      "an SMTP URL of another kind",
      { SMTP_URL: "mail.acme.com:587" },
      /^SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/,
    ],
    [
      "a Slack token of another kind",
      { SLACK_BOT_TOKEN: "xoxp-123" },
      /^SLACK_BOT_TOKEN must be a Slack bot token/,
    ],
    [
      "a From address without an address",
      { EMAIL_FROM: "Lantern" },
      /^EMAIL_FROM must be an address/,
    ],
  ])("%s", (_name, changes, expected) => {
    const problems = problemsWith(changes);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });

  it("lists every problem at once", () => {
    expect(
      problemsWith({ NEXTAUTH_SECRET: "short", NEXTAUTH_URL: "nope", SMTP_URL: "nope" }),
    ).toHaveLength(3);
  });

  it("never echoes a secret's value", () => {
    const text = problemsWith({
      NEXTAUTH_SECRET: "hunter2-hunter2",
      SMTP_URL: "mail://user:pa55word@mail.acme.com",
      DATABASE_URL: "mysql://root:pa55word@db",
      LANTERN_SECRETS_KEY: "pa55word-too-short",
    }).join("\n");
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("pa55word");
  });

  it("prints a refusal that says what to do", () => {
    expect(refusalText(["NEXTAUTH_SECRET must be at least 32 characters."])).toBe(
      [
        "Lantern cannot start: its settings are invalid.",
        "  - NEXTAUTH_SECRET must be at least 32 characters.",
        "Fix them (see Configuration in the README) and start again.",
      ].join("\n"),
    );
  });
});
