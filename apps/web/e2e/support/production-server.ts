/**
 * The production-mode server for the suite. Creates a fresh PostgreSQL database
 * (lantern_e2e_<host>_p<pid>_<random>) next to DATABASE_URL, applies the migrations (the release step),
 * seeds the demo organization into it, and starts `node scripts/start.mjs` against it with
 * the OpenID Provider of oidc-server.ts configured. Drops the database when it stops.
 * The database it made is written to PRODUCTION_STATE_FILE for the specs to read.
 *
 * With --first-run: the database stays EMPTY (no seed), the server listens on FIRST_RUN_PORT
 * and lets FIRST_RUN_ALLOWED claim the first run (the first sign-in creates the organization),
 * and the state goes to FIRST_RUN_STATE_FILE.
 *
 *   node --import tsx e2e/support/production-server.ts [--first-run]
 */
import { mkdirSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { applyMigrations, listMigrations, openDatabase, withExecutor } from "@lantern/db";
import { createScratchPostgres, seedDemoOrganization, type ScratchPostgres } from "@lantern/seed";
import {
  cleanServerEnv,
  FIRST_RUN_ALLOWED,
  FIRST_RUN_PORT,
  FIRST_RUN_STATE_FILE,
  FIRST_RUN_URL,
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

const firstRun = process.argv.includes("--first-run");
const name = firstRun ? "first-run server" : "production server";
const stateFile = firstRun ? FIRST_RUN_STATE_FILE : PRODUCTION_STATE_FILE;
let scratch: ScratchPostgres | undefined;

const supervisor = superviseUntilStopped({
  async cleanup() {
    rmSync(stateFile, { force: true });
    try {
      rmdirSync(dirname(stateFile)); // only when empty
    } catch {
      // not empty, or already gone
    }
    if (scratch) {
      await scratch.drop();
      console.log(`[e2e] ${name}: dropped database ${scratch.name}`);
    }
  },
});

await supervisor.run(async () => {
  await dropAbandonedDatabases(POSTGRES_BASE_URL);
  scratch = await createScratchPostgres(POSTGRES_BASE_URL, databasePrefix());
  const url = scratch.url;
  console.log(`[e2e] ${name}: created database ${scratch.name}`);

  await withExecutor({ url }, async (db) =>
    applyMigrations(db, await listMigrations(), { log: () => {} }),
  );
  if (!firstRun) {
    const db = await openDatabase({ url, maxConnections: 2 });
    try {
      await seedDemoOrganization(db.prisma);
    } finally {
      await db.close();
    }
  }
  console.log(`[e2e] ${name}: migrated${firstRun ? "" : " and seeded"} ${scratch.name}`);

  const state: ProductionServerState = {
    databaseName: scratch.name,
    databaseUrl: url,
    pid: process.pid,
  };
  mkdirSync(dirname(stateFile), { recursive: true });
  writeFileSync(stateFile, JSON.stringify(state, null, 2));

  return spawnLantern(
    cleanServerEnv({
      PORT: String(firstRun ? FIRST_RUN_PORT : PRODUCTION_PORT),
      HOST: "127.0.0.1",
      DATABASE_URL: url,
      NEXTAUTH_SECRET: PRODUCTION_SECRET,
      NEXTAUTH_URL: firstRun ? FIRST_RUN_URL : PRODUCTION_URL,
      ...(firstRun ? { LANTERN_FIRST_RUN_ALLOWED_EMAILS: FIRST_RUN_ALLOWED } : {}),
      AUTH_OIDC_ISSUER: OIDC_ISSUER,
      AUTH_OIDC_CLIENT_ID: OIDC_CLIENT_ID,
      AUTH_OIDC_CLIENT_SECRET: OIDC_CLIENT_SECRET,
      AUTH_OIDC_NAME: OIDC_NAME,
      // Specs throttle one address (5 links) end to end; every spec of every rerun on a reused
      // server asks from 127.0.0.1, so the per-IP limit (integration-tested) is set out of reach.
      LANTERN_SIGN_IN_LINKS_PER_IP: "1000",
    }),
  );
});
