import { existsSync, readFileSync } from "node:fs";
import pg from "pg";
import { PRODUCTION_STATE_FILE, type ProductionServerState } from "./constants.ts";

/** The database the production server wrapper created for this run. */
export function productionServerState(): ProductionServerState {
  if (!existsSync(PRODUCTION_STATE_FILE)) {
    throw new Error(
      `${PRODUCTION_STATE_FILE} is missing: the production server was not started by ` +
        "e2e/support/production-server.ts. Stop whatever listens there and run the suite again.",
    );
  }
  return JSON.parse(readFileSync(PRODUCTION_STATE_FILE, "utf8")) as ProductionServerState;
}

/** Runs `fn` with a connection to the production server's database. */
export async function withProductionDb<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: productionServerState().databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function userIdByEmail(email: string): Promise<string> {
  return withProductionDb(async (db) => {
    const { rows } = await db.query<{ id: string }>(
      `SELECT id FROM "User" WHERE "emailNormalized" = lower($1)`,
      [email],
    );
    if (!rows[0]) throw new Error(`No person with email ${email} in the production database`);
    return rows[0].id;
  });
}

export interface DevEmailRow {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: Date;
}

export async function devEmailsTo(email: string): Promise<DevEmailRow[]> {
  return withProductionDb(async (db) => {
    const { rows } = await db.query<DevEmailRow>(
      `SELECT id, "to", subject, text, "createdAt" FROM "DevEmail"
        WHERE lower("to") = lower($1) ORDER BY "createdAt" DESC, id DESC`,
      [email],
    );
    return rows;
  });
}
