/**
 * The demo-mode server for the suite: `node scripts/start.mjs` with a fresh, empty
 * LANTERN_DIR under the system's temp directory (created, migrated and seeded on start,
 * exactly as a first `npm start`), removed again when the server stops.
 *
 *   node --import tsx e2e/support/demo-server.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cleanServerEnv, DEMO_PORT, DEMO_URL } from "./constants.ts";
import { spawnLantern, superviseUntilStopped } from "./lantern-process.ts";
import { removeAbandonedTempDirs, tempDirPrefix } from "./leftovers.ts";

removeAbandonedTempDirs("lantern-e2e-demo");
removeAbandonedTempDirs("lantern-e2e-boot");
const lanternDir = mkdtempSync(tempDirPrefix("lantern-e2e-demo"));
console.log(`[e2e] demo server: LANTERN_DIR=${lanternDir}`);

const supervisor = superviseUntilStopped({
  async cleanup() {
    rmSync(lanternDir, { recursive: true, force: true });
  },
});

await supervisor.run(async () =>
  spawnLantern(
    cleanServerEnv({
      PORT: String(DEMO_PORT),
      HOST: "127.0.0.1",
      LANTERN_DIR: lanternDir,
      NEXTAUTH_URL: DEMO_URL,
    }),
  ),
);
