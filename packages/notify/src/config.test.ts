import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  DEFAULT_EMAIL_FROM,
  describeNotifyConfig,
  loadNotifyConfig,
  NotifyConfigError,
  notifySettingsProblems,
  ZDigestSettings,
  ZPublicUrl,
  type NotifyConfig,
} from "./config.ts";

describe("loadNotifyConfig: which transports", () => {
  const cases: { name: string; env: Record<string, string>; expected: Partial<NotifyConfig> }[] = [
    {
      name: "nothing set: dev mailbox, default From, Slack off",
      env: {},
      expected: { email: { kind: "dev-mailbox" }, from: DEFAULT_EMAIL_FROM, slack: null },
    },
    {
      name: "blank values count as unset",
      env: { RESEND_API_KEY: "", SMTP_URL: "  ", SLACK_BOT_TOKEN: "", EMAIL_FROM: "" },
      expected: { email: { kind: "dev-mailbox" }, from: DEFAULT_EMAIL_FROM, slack: null },
    },
    {
      name: "SMTP_URL: SMTP",
      env: { SMTP_URL: "smtp://u:p@mail.acme.com:587" },
      expected: { email: { kind: "smtp", url: "smtp://u:p@mail.acme.com:587" } },
    },
    {
      name: "smtps:// is accepted",
      env: { SMTP_URL: "smtps://mail.acme.com" },
      expected: { email: { kind: "smtp", url: "smtps://mail.acme.com" } },
    },
    {
      name: "RESEND_API_KEY wins over SMTP_URL",
      env: { RESEND_API_KEY: "re_123", SMTP_URL: "smtp://mail.acme.com" },
      expected: { email: { kind: "resend", apiKey: "re_123", baseUrl: undefined } },
    },
    {
      name: "RESEND_BASE_URL loses its trailing slash (the SDK appends /emails)",
      env: { RESEND_API_KEY: "re_123", RESEND_BASE_URL: "http://127.0.0.1:9999/" },
      expected: { email: { kind: "resend", apiKey: "re_123", baseUrl: "http://127.0.0.1:9999" } },
    },
    {
      name: "EMAIL_FROM with a display name",
      env: { EMAIL_FROM: "Acme Access <access@acme.com>" },
      expected: { from: "Acme Access <access@acme.com>" },
    },
    {
      name: "a bare EMAIL_FROM address",
      env: { EMAIL_FROM: "access@acme.com" },
      expected: { from: "access@acme.com" },
    },
    {
      name: "SLACK_BOT_TOKEN: Slack on with Slack's own API",
      env: { SLACK_BOT_TOKEN: "xoxb-1-abc" },
      expected: { slack: { token: "xoxb-1-abc", apiUrl: undefined } },
    },
    {
      name: "SLACK_API_URL gains the trailing slash the WebClient needs",
      env: { SLACK_BOT_TOKEN: "xoxb-1-abc", SLACK_API_URL: "http://127.0.0.1:4567/api" },
      expected: { slack: { token: "xoxb-1-abc", apiUrl: "http://127.0.0.1:4567/api/" } },
    },
    {
      name: "a rotating bot token (xoxe.xoxb-) is a bot token",
      env: { SLACK_BOT_TOKEN: "xoxe.xoxb-1-abc" },
      expected: { slack: { token: "xoxe.xoxb-1-abc", apiUrl: undefined } },
    },
  ];

  it.each(cases)("$name", ({ env, expected }) => {
    expect(loadNotifyConfig(env)).toMatchObject(expected);
  });
});

describe("loadNotifyConfig: refusals", () => {
  const cases: { env: Record<string, string>; message: string }[] = [
    {
      env: { SMTP_URL: "mail.acme.com:587" },
      message: "SMTP_URL must be an smtp:// or smtps:// URL",
    },
    {
      env: { SMTP_URL: "https://mail.acme.com" },
      message: "SMTP_URL must be an smtp:// or smtps:// URL",
    },
    { env: { SMTP_URL: "smtp://" }, message: "SMTP_URL must be an smtp:// or smtps:// URL" },
    { env: { EMAIL_FROM: "Lantern" }, message: "EMAIL_FROM must be an address like" },
    { env: { EMAIL_FROM: "Lantern <lantern>" }, message: "EMAIL_FROM must be an address like" },
    {
      env: { SLACK_BOT_TOKEN: "xoxp-user-token" },
      message: "SLACK_BOT_TOKEN must be a Slack bot token",
    },
    {
      env: { SLACK_BOT_TOKEN: "xoxb-1", SLACK_API_URL: "slack.com/api" },
      message: "SLACK_API_URL must be an http:// or https:// URL",
    },
    {
      env: { RESEND_API_KEY: "re_1", RESEND_BASE_URL: "ftp://x" },
      message: "RESEND_BASE_URL must be an http:// or https:// URL",
    },
  ];

  it.each(cases)("$message ($env)", ({ env, message }) => {
    expect(() => loadNotifyConfig(env)).toThrow(NotifyConfigError);
    expect(() => loadNotifyConfig(env)).toThrow(message);
  });

  it("names every problem at once and never echoes a secret", () => {
    const attempt = () =>
      loadNotifyConfig({ SMTP_URL: "ftp://user:hunter2@mail.acme.com", EMAIL_FROM: "nobody" });
    expect(attempt).toThrow(NotifyConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as NotifyConfigError).problems;
      expect(problems).toHaveLength(2);
      expect((error as Error).message).not.toContain("hunter2");
    }
  });
});

describe("loadNotifyConfig: warnings for settings that do nothing", () => {
  it("says when SMTP_URL is shadowed by Resend, or a URL has no key/token to go with it", () => {
    const config = loadNotifyConfig({
      RESEND_API_KEY: "re_1",
      SMTP_URL: "smtp://mail.acme.com",
      SLACK_API_URL: "http://127.0.0.1:1/api/",
    });
    expect(config.warnings).toEqual([
      "SMTP_URL is set but not used: RESEND_API_KEY is set too, and Resend wins.",
      "SLACK_API_URL is set but not used: SLACK_BOT_TOKEN is not set.",
    ]);
    expect(loadNotifyConfig({}).warnings).toEqual([]);
  });
});

describe("describeNotifyConfig", () => {
  const cases: { env: Record<string, string>; line: string }[] = [
    {
      env: {
        SMTP_URL: "smtp://alice:s3cret@mail.acme.com:587?tls.rejectUnauthorized=false",
        SLACK_BOT_TOKEN: "xoxb-1",
      },
      line: "email: SMTP via smtp://mail.acme.com:587 (user ***); Slack: on",
    },
    {
      env: { SMTP_URL: "smtps://mail.acme.com" },
      line: "email: SMTP via smtps://mail.acme.com; Slack: off",
    },
    { env: { RESEND_API_KEY: "re_secret" }, line: "email: Resend; Slack: off" },
    {
      env: { RESEND_API_KEY: "re_secret", RESEND_BASE_URL: "https://u:pw@proxy.acme.com" },
      line: "email: Resend via https://u:***@proxy.acme.com; Slack: off",
    },
    {
      env: { SLACK_BOT_TOKEN: "xoxb-secret", SLACK_API_URL: "http://127.0.0.1:4567/api/" },
      line: "email: dev mailbox (kept in the database, not sent); Slack: on via http://127.0.0.1:4567/api/",
    },
  ];

  it.each(cases)("$line", ({ env, line }) => {
    const described = describeNotifyConfig(loadNotifyConfig(env));
    expect(described).toBe(line);
    for (const secret of ["s3cret", "alice", "re_secret", "xoxb-", ":pw@"]) {
      expect(described).not.toContain(secret);
    }
  });
});

describe("the settings the web server and the worker share", () => {
  it("notifySettingsProblems lists what loadNotifyConfig would refuse, without throwing", () => {
    expect(notifySettingsProblems({ SMTP_URL: "smtp://u:p@mail.acme.com" })).toEqual([]);
    const problems = notifySettingsProblems({ SMTP_URL: "mail", SLACK_BOT_TOKEN: "xoxp-1" });
    expect(problems).toHaveLength(2);
    expect(() => loadNotifyConfig({ SMTP_URL: "mail" })).toThrow(NotifyConfigError);
  });

  const digest = z.object(ZDigestSettings);
  it.each([
    [{}, { LANTERN_DIGEST_CRON: "0 8 * * *", LANTERN_DIGEST_TIMEZONE: "UTC" }],
    [
      { LANTERN_DIGEST_CRON: " off " },
      { LANTERN_DIGEST_CRON: "off", LANTERN_DIGEST_TIMEZONE: "UTC" },
    ],
    [
      { LANTERN_DIGEST_CRON: "@weekly", LANTERN_DIGEST_TIMEZONE: "Asia/Tokyo" },
      { LANTERN_DIGEST_CRON: "@weekly", LANTERN_DIGEST_TIMEZONE: "Asia/Tokyo" },
    ],
  ])("a digest schedule %o reads as %o", (source, expected) => {
    expect(digest.parse(source)).toEqual(expected);
  });

  it.each(["0 8 * * * * *", "61 8 * * *", "daily", "@sometimes"])(
    "the cron %s is refused",
    (cron) => {
      expect(digest.safeParse({ LANTERN_DIGEST_CRON: cron }).success).toBe(false);
    },
  );

  it.each(["Europe/Atlantis", "GMT+25", "utc+1"])("the time zone %s is refused", (zone) => {
    expect(digest.safeParse({ LANTERN_DIGEST_TIMEZONE: zone }).success).toBe(false);
  });

  it.each([
    ["https://lantern.acme.com", true],
    ["https://lantern.acme.com/", true],
    ["http://localhost:3000", true],
    ["https://acme.com/lantern", false],
    ["https://lantern.acme.com/#x", false],
    ["javascript:alert(1)", false],
    ["https://u:p@lantern.acme.com", false],
    ["lantern.acme.com", false],
  ])("the public URL %s: %s", (url, ok) => {
    expect(ZPublicUrl.safeParse(url).success).toBe(ok);
  });
});
