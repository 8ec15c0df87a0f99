/**
 * The production-mode server for the suite. Creates a fresh PostgreSQL database
 * (lantern_e2e_<host>_p<pid>_<random>) next to DATABASE_URL, applies the migrations (the release step),
 * seeds the demo organization into it, and starts `node scripts/start.mjs` against it with
 * the OpenID Provider of oidc-server.ts configured. Drops the database when it stops.
 * The database it made is written to PRODUCTION_STATE_FILE for the specs to read.
 *
 *   node --import tsx e2e/support/production-server.ts
 */
import { mkdirSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { applyMigrations, listMigrations, openDatabase, withExecutor } from "@lantern/db";
import {
  createScratchPostgres,
  seedDemoOrganization,
  type ScratchPostgres,
} from "@lantern/db/seed";
import {
  cleanServerEnv,
  OIDC_CLIENT_ID,
  OIDC_CLIENT_SECRET,
  OIDC_ISSUER,
  OIDC_NAME,
  POSTGRES_BASE_URL,
  PRODUCTION_PORT,
  PRODUCTION_SECRET,
  PRODUCTION_STATE_FILE,
  PRODUCTION_URL,
  type ProductionServerState,
} from "./constants.ts";
import { spawnLantern, superviseUntilStopped } from "./lantern-process.ts";
import { databasePrefix, dropAbandonedDatabases } from "./leftovers.ts";

let scratch: ScratchPostgres | undefined;

const supervisor = superviseUntilStopped({
  async cleanup() {
    rmSync(PRODUCTION_STATE_FILE, { force: true });
    try {
      rmdirSync(dirname(PRODUCTION_STATE_FILE)); // only when empty
    } catch {
      // not empty, or already gone
    }
    if (scratch) {
      await scratch.drop();
      console.log(`[e2e] production server: dropped database ${scratch.name}`);
    }
  },
});

await supervisor.run(async () => {
  await dropAbandonedDatabases(POSTGRES_BASE_URL);
  scratch = await createScratchPostgres(POSTGRES_BASE_URL, databasePrefix());
  const url = scratch.url;
  console.log(`[e2e] production server: created database ${scratch.name}`);

  await withExecutor({ url }, async (db) =>
    applyMigrations(db, await listMigrations(), { log: () => {} }),
  );
  const db = await openDatabase({ url, maxConnections: 2 });
  try {
    await seedDemoOrganization(db.prisma);
  } finally {
    await db.close();
  }
  console.log(`[e2e] production server: migrated and seeded ${scratch.name}`);

  const state: ProductionServerState = {
    databaseName: scratch.name,
    databaseUrl: url,
    pid: process.pid,
  };
  mkdirSync(dirname(PRODUCTION_STATE_FILE), { recursive: true });
  writeFileSync(PRODUCTION_STATE_FILE, JSON.stringify(state, null, 2));

  return spawnLantern(
    cleanServerEnv({
      PORT: String(PRODUCTION_PORT),
      HOST: "127.0.0.1",
      DATABASE_URL: url,
      NEXTAUTH_SECRET: PRODUCTION_SECRET,
      NEXTAUTH_URL: PRODUCTION_URL,
      AUTH_OIDC_ISSUER: OIDC_ISSUER,
      AUTH_OIDC_CLIENT_ID: OIDC_CLIENT_ID,
      AUTH_OIDC_CLIENT_SECRET: OIDC_CLIENT_SECRET,
      AUTH_OIDC_NAME: OIDC_NAME,
    }),
  );
});
