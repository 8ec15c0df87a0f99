import { spawn, type ChildProcess } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** apps/web */
export const WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const START_SCRIPT = join(WEB_DIR, "scripts", "start.mjs");

/** Runs `node scripts/start.mjs` (the real `npm start`), its output passed through. */
export function spawnLantern(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [START_SCRIPT], { cwd: WEB_DIR, env, stdio: "inherit" });
}

/**
 * Runs a server child until it exits or this process is told to stop (Playwright sends
 * SIGTERM to the whole process group at the end of the run), then runs `cleanup` — also
 * when the stop signal arrives while the server is still being prepared.
 */
export function superviseUntilStopped(options: { cleanup: () => Promise<void> }): {
  run(start: () => Promise<ChildProcess>): Promise<void>;
} {
  let child: ChildProcess | undefined;
  let stopping = false;
  let finished = false;

  const finish = async (code: number) => {
    if (finished) return;
    finished = true;
    try {
      await options.cleanup();
    } catch (error) {
      console.error("[e2e] cleanup failed:", error);
      code ||= 1;
    }
    process.exit(code);
  };

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      // next start normally stops within a second; do not wait forever.
      setTimeout(() => child?.kill("SIGKILL"), 15_000).unref();
    } else if (!child) {
      // Still preparing: run() finishes the cleanup once the preparation is done.
    } else {
      void finish(0);
    }
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));

  return {
    async run(start) {
      try {
        child = await start();
      } catch (error) {
        console.error("[e2e] could not start the server:", error);
        return finish(1);
      }
      if (stopping) {
        child.kill("SIGTERM");
      }
      child.on("exit", (code, signal) => {
        if (!stopping) console.error(`[e2e] server exited on its own (code ${code}, ${signal})`);
        void finish(stopping ? 0 : (code ?? 1));
      });
    },
  };
}
