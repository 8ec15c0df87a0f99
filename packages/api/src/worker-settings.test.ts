import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readWorkerSettings, workerRefusalText } from "./worker-settings.ts";

const VALID = { DATABASE_URL: "postgresql://lantern@db.acme.com/lantern" };

describe("readWorkerSettings", () => {
  it("fills in the defaults", () => {
    expect(readWorkerSettings(VALID)).toEqual({
      ok: true,
      settings: {
        DATABASE_URL: VALID.DATABASE_URL,
        NEXTAUTH_URL: "http://localhost:3000",
        LANTERN_DIGEST_CRON: "0 8 * * *",
        LANTERN_DIGEST_TIMEZONE: "UTC",
        LANTERN_DELIVERY_TIMEOUT_SECONDS: 120,
      },
    });
  });

  it.each<[string, Record<string, string>]>([
    ["a public URL", { NEXTAUTH_URL: "https://lantern.acme.com" }],
    ["blank values count as unset", { NEXTAUTH_URL: " ", LANTERN_DIGEST_CRON: "", SMTP_URL: "" }],
    ["the digest off", { LANTERN_DIGEST_CRON: "off" }],
    [
      "a schedule in a time zone",
      { LANTERN_DIGEST_CRON: "0 9 * * 1", LANTERN_DIGEST_TIMEZONE: "America/New_York" },
    ],
    ["a delivery timeout", { LANTERN_DELIVERY_TIMEOUT_SECONDS: "300" }],
    ["SMTP", { SMTP_URL: "smtps://mail.acme.com" }],
  ])("accepts %s", (_name, changes) => {
    expect(readWorkerSettings({ ...VALID, ...changes }).ok).toBe(true);
  });

  it.each<[string, Record<string, string | undefined>, RegExp]>([
    ["no database", { DATABASE_URL: undefined }, /^DATABASE_URL is not set/],
    [
      "an embedded database path",
      { DATABASE_URL: "./.lantern/pgdata" },
      /^DATABASE_URL must be a postgresql:\/\//,
    ],
    [
      "NEXTAUTH_URL with a path",
      { NEXTAUTH_URL: "https://acme.com/lantern" },
      /^NEXTAUTH_URL .*without a path/,
    ],
    ["NEXTAUTH_URL not a URL", { NEXTAUTH_URL: "lantern" }, /^NEXTAUTH_URL .*not a URL/],
    [
      "a bad cron",
      { LANTERN_DIGEST_CRON: "0 8 * * * * *" },
      /^LANTERN_DIGEST_CRON must be a cron expression/,
    ],
    [
      "a bad time zone",
      { LANTERN_DIGEST_TIMEZONE: "CEST+1" },
      /^LANTERN_DIGEST_TIMEZONE must be an IANA time zone/,
    ],
    [
      "a timeout of zero",
      { LANTERN_DELIVERY_TIMEOUT_SECONDS: "0" },
      /^LANTERN_DELIVERY_TIMEOUT_SECONDS is at least 1/,
    ],
    [
      "a timeout in words",
      { LANTERN_DELIVERY_TIMEOUT_SECONDS: "two minutes" },
      /^LANTERN_DELIVERY_TIMEOUT_SECONDS must be a whole number/,
    ],
    [
      "a fractional timeout",
      { LANTERN_DELIVERY_TIMEOUT_SECONDS: "1.5" },
      /^LANTERN_DELIVERY_TIMEOUT_SECONDS must be a whole number/,
    ],
    [
      "a timeout over a day",
      { LANTERN_DELIVERY_TIMEOUT_SECONDS: "86401" },
      /^LANTERN_DELIVERY_TIMEOUT_SECONDS is at most 86400/,
    ],
    [
      "an SMTP URL of another kind",
      { SMTP_URL: "http://mail.acme.com" },
      /^SMTP_URL must be an smtp:\/\//,
    ],
    [
      "a Slack API URL of another kind",
      { SLACK_BOT_TOKEN: "xoxb-1", SLACK_API_URL: "slack.com" },
      /^SLACK_API_URL must be an http/,
    ],
  ])("refuses %s, naming the variable", (_name, changes, expected) => {
    const read = readWorkerSettings({ ...VALID, ...changes });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]).toMatch(expected);
  });

  it("prints every problem in one refusal", () => {
    const read = readWorkerSettings({ LANTERN_DIGEST_TIMEZONE: "nowhere" });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    const text = workerRefusalText(read.problems);
    expect(text).toMatch(
      /^The worker cannot start: its settings are invalid\.\n {2}- DATABASE_URL/,
    );
    expect(text).toContain("  - LANTERN_DIGEST_TIMEZONE must be an IANA time zone");
  });
});

describe("npm run worker", () => {
  it("refuses to start with invalid settings, saying why, with exit code 1", async () => {
    const script = fileURLToPath(new URL("../scripts/worker.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: "postgresql://postgres@127.0.0.1:1/never-reached",
        LANTERN_DIGEST_CRON: "every morning",
        SMTP_URL: "smtp://user:hunter2@",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on("exit", done));
    expect(code).toBe(1);
    expect(output).toContain("The worker cannot start: its settings are invalid.");
    expect(output).toContain("  - LANTERN_DIGEST_CRON must be a cron expression");
    expect(output).toContain("  - SMTP_URL must be an smtp:// or smtps:// URL");
    expect(output).not.toContain("hunter2");
  });
});
