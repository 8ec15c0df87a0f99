// Shared by playwright.config.ts, the server scripts in this folder and the specs.
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Added to every port below, so two runs can share a machine (e.g. LANTERN_E2E_PORT_OFFSET=200
 * puts the demo server on :3301); build each run into its own LANTERN_NEXT_DIST_DIR too.
 */
const PORT_OFFSET = Number(process.env.LANTERN_E2E_PORT_OFFSET || 0);
export const OIDC_PORT = 3190 + PORT_OFFSET;
export const DEMO_PORT = 3101 + PORT_OFFSET;
export const PRODUCTION_PORT = 3102 + PORT_OFFSET;
export const FIRST_RUN_PORT = 3103 + PORT_OFFSET;
export const EMBEDDED_BOOT_PORT = 3105 + PORT_OFFSET;

/** The OpenID Provider runs on 127.0.0.1, a different host than Lantern (localhost). */
export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
export const OIDC_CLIENT_ID = "lantern-e2e";
export const OIDC_CLIENT_SECRET = "lantern-e2e-client-secret-not-for-production";
export const OIDC_NAME = "Northwind SSO";

/** Sign-in cookies are host-bound: always browse Lantern at localhost, as NEXTAUTH_URL says. */
export const DEMO_URL = `http://localhost:${DEMO_PORT}`;
export const PRODUCTION_URL = `http://localhost:${PRODUCTION_PORT}`;
export const PRODUCTION_SECRET = "lantern-e2e-production-secret-0123456789abcdef";
/** Production mode on an EMPTY database: the first sign-in creates the organization. */
export const FIRST_RUN_URL = `http://localhost:${FIRST_RUN_PORT}`;
/** Who may claim that first run (LANTERN_FIRST_RUN_ALLOWED_EMAILS). */
export const FIRST_RUN_ALLOWED = "@acme.example";

/** Base URL of the PostgreSQL server the production server's database is created on. */
export const POSTGRES_BASE_URL =
  process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
/** Prefix of the databases the suite creates (and drops): lantern_e2e_<random>. */
export const E2E_DATABASE_PREFIX = "lantern_e2e";

/** Where the production server wrapper says which database it made (read by the specs). */
export const PRODUCTION_STATE_FILE = join(
  tmpdir(),
  "lantern-e2e",
  PORT_OFFSET ? `production-server-${PORT_OFFSET}.json` : "production-server.json",
);

/** The same for the first-run server. */
export const FIRST_RUN_STATE_FILE = join(
  tmpdir(),
  "lantern-e2e",
  PORT_OFFSET ? `first-run-server-${PORT_OFFSET}.json` : "first-run-server.json",
);

export interface ProductionServerState {
  databaseName: string;
  databaseUrl: string;
  pid: number;
}

/** Environment for a child Lantern server: nothing of the caller's Lantern configuration leaks in. */
export function cleanServerEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (
      key === "DATABASE_URL" ||
      key === "PORT" ||
      key === "HOST" ||
      key === "LANTERN_DIR" ||
      key === "LANTERN_DATA_DIR" ||
      key === "NODE_ENV" ||
      key.startsWith("NEXTAUTH_") ||
      key.startsWith("AUTH_OIDC_")
    )
      delete env[key];
  }
  return { ...env, NEXT_TELEMETRY_DISABLED: "1", ...extra };
}
