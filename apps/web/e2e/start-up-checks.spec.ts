import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { cleanServerEnv, EMBEDDED_BOOT_PORT, POSTGRES_BASE_URL } from "./support/constants.ts";
import { START_SCRIPT, WEB_DIR } from "./support/lantern-process.ts";
import { tempDirPrefix } from "./support/leftovers.ts";
import { expect, test } from "./support/test.ts";

// Invalid settings (src/settings.ts): the built server refuses to start and says why, with
// exit code 1, whether started by `npm start` (scripts/start.mjs) or by a bare `next start`
// (src/instrumentation.ts) — instead of serving, then answering every request with a 500.

const NEXT_BIN = join(
  dirname(createRequire(join(WEB_DIR, "package.json")).resolve("next/package.json")),
  "dist",
  "bin",
  "next",
);

/**
 * Runs a command to its end — killed with its children after 45 s, within the test's time, in
 * case it started a server after all — and returns its exit code and everything it printed.
 */
async function run(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, args, {
    cwd: WEB_DIR,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group: a server that did start can be stopped whole
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 45_000);
  const code = await new Promise<number | null>((done) => child.on("exit", (c) => done(c)));
  clearTimeout(timer);
  return { code, output };
}

const production = (extra: Record<string, string>) =>
  cleanServerEnv({
    PORT: String(EMBEDDED_BOOT_PORT),
    HOST: "127.0.0.1",
    DATABASE_URL: POSTGRES_BASE_URL,
    NEXTAUTH_URL: `http://localhost:${EMBEDDED_BOOT_PORT}`,
    NEXTAUTH_SECRET: "a-secret-of-thirty-two-characters!",
    ...extra,
  });

async function expectNothingServes() {
  await expect(fetch(`http://127.0.0.1:${EMBEDDED_BOOT_PORT}/sign-in`)).rejects.toThrow();
}

test("npm start refuses a short NEXTAUTH_SECRET, saying why, before touching the database", async () => {
  const { code, output } = await run(
    [START_SCRIPT],
    production({ NEXTAUTH_SECRET: "only-twenty-chars-xx" }),
  );
  expect(code).toBe(1);
  expect(output).toContain("Lantern cannot start: its settings are invalid.");
  expect(output).toContain("NEXTAUTH_SECRET must be at least 32 characters");
  expect(output).not.toContain("only-twenty-chars-xx");
  expect(output).not.toContain("is up to date"); // the database check never ran
  await expectNothingServes();
});

test("npm start in demo mode refuses every invalid setting at once", async () => {
  const lanternDir = mkdtempSync(tempDirPrefix("lantern-e2e-boot"));
  try {
    const { code, output } = await run(
      [START_SCRIPT],
      cleanServerEnv({
        PORT: String(EMBEDDED_BOOT_PORT),
        LANTERN_DIR: lanternDir,
        LANTERN_DIGEST_TIMEZONE: "Mars/Olympus",
        SMTP_URL: "mail.acme.com:587",
        AUTH_OIDC_ISSUER: "https://acme.okta.com",
      }),
    );
    expect(code).toBe(1);
    expect(output).toContain("LANTERN_DIGEST_TIMEZONE must be an IANA time zone");
    expect(output).toContain("SMTP_URL must be an smtp:// or smtps:// URL");
    expect(output).toContain("AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET are not set");
    expect(output).not.toContain("Created the demo organization");
    await expectNothingServes();
  } finally {
    rmSync(lanternDir, { recursive: true, force: true });
  }
});

test("a bare `next start` refuses invalid settings too", async () => {
  const { code, output } = await run(
    [NEXT_BIN, "start", "--hostname", "127.0.0.1", "--port", String(EMBEDDED_BOOT_PORT)],
    production({
      NEXTAUTH_SECRET: "short",
      NEXTAUTH_URL: "https://acme.com/lantern",
    }),
  );
  expect(code).toBe(1);
  expect(output).toContain("Lantern cannot start: its settings are invalid.");
  expect(output).toContain("NEXTAUTH_SECRET must be at least 32 characters");
  expect(output).toContain("NEXTAUTH_URL must be Lantern's public URL");
  await expectNothingServes();
});
