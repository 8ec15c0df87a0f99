// Runs that were killed outright (SIGKILL, a crashed terminal) cannot clean up after
// themselves. Every scratch resource's name carries its owner's process id, so the next
// run removes those whose owner is gone.
import { createHash } from "node:crypto";
import { readdirSync, rmSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { E2E_DATABASE_PREFIX } from "./constants.ts";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Temp directory prefix for this process: `<name>-p<pid>-` (mkdtemp adds the rest). */
export const tempDirPrefix = (name: string) => join(tmpdir(), `${name}-p${process.pid}-`);

/** Removes `<name>-p<pid>-*` directories in the temp directory whose process is gone. */
export function removeAbandonedTempDirs(name: string): void {
  const pattern = new RegExp(`^${name}-p(\\d+)-`);
  for (const entry of readdirSync(tmpdir())) {
    const pid = Number(pattern.exec(entry)?.[1]);
    if (pid && !alive(pid)) {
      rmSync(join(tmpdir(), entry), { recursive: true, force: true });
      console.log(`[e2e] removed ${entry}, left behind by process ${pid}`);
    }
  }
}

// The PostgreSQL server may be shared by several machines: only this host's databases
// are judged by their process id.
const host = createHash("sha256").update(hostname()).digest("hex").slice(0, 6);

/** Database name prefix for this process: lantern_e2e_<host>_p<pid> (a random suffix follows). */
export const databasePrefix = () => `${E2E_DATABASE_PREFIX}_${host}_p${process.pid}`;

/** Drops this host's lantern_e2e_<host>_p<pid>_* databases whose process is gone. */
export async function dropAbandonedDatabases(baseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [`${E2E_DATABASE_PREFIX}_${host}_p`],
    );
    for (const { datname } of rows) {
      const pid = Number(/_p(\d+)_[0-9a-f]+$/.exec(datname)?.[1]);
      if (pid && !alive(pid)) {
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
        console.log(`[e2e] dropped database ${datname}, left behind by process ${pid}`);
      }
    }
  } finally {
    await client.end();
  }
}
