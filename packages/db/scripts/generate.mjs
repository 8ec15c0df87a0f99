// Runs `prisma generate` without network access.
//
// Prisma 7's CLI refuses to generate unless it finds a schema-engine binary, which it
// would otherwise download. Generating the client never *runs* that binary, so we point
// PRISMA_SCHEMA_ENGINE_BINARY at a file that exists (this script) when none is configured.
// Migrations do not use the binary either: see src/migrations/ and scripts/migrate.ts.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY:
    process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? fileURLToPath(import.meta.url),
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const bin = join(here, "..", "node_modules", ".bin", "prisma");
const fallback = join(here, "..", "..", "..", "node_modules", ".bin", "prisma");
const { existsSync } = await import("node:fs");
const result = spawnSync(existsSync(bin) ? bin : fallback, ["generate"], {
  cwd: join(here, ".."),
  env,
  stdio: "inherit",
});
process.exit(result.status ?? 1);
