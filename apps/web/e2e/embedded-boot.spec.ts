import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { DEMO_SIGN_IN_PEOPLE } from "@lantern/seed";
import { cleanServerEnv, EMBEDDED_BOOT_PORT } from "./support/constants.ts";
import { START_SCRIPT, WEB_DIR } from "./support/lantern-process.ts";
import { tempDirPrefix } from "./support/leftovers.ts";
import { expect, test } from "./support/test.ts";
import { demoSection } from "./support/ui.ts";

// `npm start` with nothing configured, into a directory that does not exist yet: it must
// create the embedded database, seed the demo organization, say who to sign in as, and serve.

const url = `http://localhost:${EMBEDDED_BOOT_PORT}`;

test("the embedded default boots from scratch, seeds and serves", async ({ page }) => {
  test.setTimeout(240_000);
  const lanternDir = join(mkdtempSync(tempDirPrefix("lantern-e2e-boot")), "lantern");
  expect(existsSync(lanternDir)).toBe(false);

  const server = spawn(process.execPath, [START_SCRIPT], {
    cwd: WEB_DIR,
    env: cleanServerEnv({ PORT: String(EMBEDDED_BOOT_PORT), LANTERN_DIR: lanternDir }),
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so a failed test can still stop next-server too.
    detached: true,
  });
  let stdout = "";
  let stderr = "";
  server.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  server.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    server.on("exit", (code, signal) => done({ code, signal })),
  );

  try {
    await test.step("it prints where it runs, and the demo people", async () => {
      await expect
        .poll(() => (server.exitCode === null ? stdout : `exited early:\n${stdout}\n${stderr}`), {
          timeout: 180_000,
          intervals: [500],
        })
        .toContain(`Lantern is running at ${url}`);
      expect(stdout).toContain("Created the demo organization.");
      expect(stdout).toContain("Demo people you can sign in as");
      for (const person of DEMO_SIGN_IN_PEOPLE) {
        expect(stdout).toContain(`${person.name}, ${person.title} <${person.email}>`);
      }
      expect(stdout).toContain(`Demo mode (embedded database in ${join(lanternDir, "pgdata")})`);
    });

    await test.step("the directory holds the embedded database and the session secret", async () => {
      expect(readdirSync(lanternDir).sort()).toEqual(
        expect.arrayContaining(["auth-secret", "pgdata"]),
      );
      expect(existsSync(join(lanternDir, "pgdata", "PG_VERSION"))).toBe(true);
    });

    await test.step("the sign-in page offers the demo people", async () => {
      await page.goto(`${url}/apps`);
      await expect(page).toHaveURL(`${url}/sign-in?callbackUrl=%2Fapps`);
      for (const person of DEMO_SIGN_IN_PEOPLE) {
        await expect(
          demoSection(page).getByRole("button", { name: `Sign in as ${person.name}` }),
        ).toBeVisible();
      }
    });

    await test.step("SIGTERM stops it", async () => {
      server.kill("SIGTERM");
      const exit = await Promise.race([
        exited,
        new Promise<"timeout">((done) => setTimeout(() => done("timeout"), 20_000)),
      ]);
      expect(exit, "start.mjs exits within 20 s of SIGTERM").not.toBe("timeout");
      // Next.js exits 143 (128 + SIGTERM) after a graceful stop; start.mjs passes it on.
      expect(exit).toMatchObject({ signal: null });
      expect([0, 143]).toContain((exit as { code: number | null }).code);
      await expect(fetch(`http://127.0.0.1:${EMBEDDED_BOOT_PORT}/sign-in`)).rejects.toThrow();
    });
  } finally {
    if (server.exitCode === null && server.signalCode === null) {
      try {
        process.kill(-server.pid!, "SIGKILL");
      } catch {
        // already gone
      }
      await exited;
    }
    rmSync(join(lanternDir, ".."), { recursive: true, force: true });
  }
});
