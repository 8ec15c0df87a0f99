import { randomBytes } from "node:crypto";
import pg from "pg";

/** A PostgreSQL database made for one test file; drop it when done. */
export interface ScratchPostgres {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function onServer<T>(baseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates an empty database `<prefix>_<random>` on the server of `baseUrl` (any
 * database there that the user may connect to, e.g. `postgres`).
 */
export async function createScratchPostgres(
  baseUrl: string,
  prefix = "lantern_test",
): Promise<ScratchPostgres> {
  if (!/^[a-z_][a-z0-9_]*$/.test(prefix))
    throw new Error(`Invalid database name prefix "${prefix}"`);
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await onServer(baseUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () =>
      onServer(baseUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => {},
      ),
  };
}
