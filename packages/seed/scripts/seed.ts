/**
 * Creates the demo organization "Northwind Labs".
 *
 *   npm run db:seed              seed (refuses when the demo organization exists)
 *   npm run db:seed -- --reset   delete the demo organization first, then seed
 *
 * Database: DATABASE_URL when set (migrations must be applied: `npm run db:migrate`),
 * otherwise the embedded database (migrated on open) in LANTERN_DATA_DIR, or
 * .lantern/pgdata under the directory npm was run from (INIT_CWD), or the repo root.
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { MigrationError, openDatabase } from "@lantern/db";
import {
  DEMO_ORGANIZATION,
  DEMO_SIGN_IN_PEOPLE,
  type DemoCounts,
  deleteOrganization,
  seedDemoOrganization,
} from "../src/index.ts";

const USAGE = `Usage: npm run db:seed [-- --reset]

Creates the demo organization "${DEMO_ORGANIZATION.name}" (${DEMO_ORGANIZATION.slug}).
  --reset   delete the existing demo organization first`;

function embeddedDataDir(): string {
  if (process.env.LANTERN_DATA_DIR) return resolve(process.env.LANTERN_DATA_DIR);
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
  return resolve(process.env.INIT_CWD ?? repoRoot, ".lantern", "pgdata");
}

function printCounts(counts: DemoCounts): void {
  const rows: [string, number][] = [
    ["People", counts.users],
    ["Apps", counts.apps],
    ["Entitlements", counts.entitlements],
    ["Accounts", counts.accounts],
    ["Live grants", counts.liveGrants],
    ["Ended grants", counts.revokedGrants],
    ["Policies", counts.policies],
    ["Requests", counts.requests],
    ["Tasks", counts.tasks],
    ["  open", counts.openTasks],
    ["Comments", counts.comments],
    ["Events", counts.events],
    ["Review campaigns", counts.reviewCampaigns],
    ["Review items", counts.reviewItems],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows)
    console.log(`  ${label.padEnd(width)}  ${String(value).padStart(6)}`);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const unknown = args.filter((a) => a !== "--reset");
  if (unknown.length > 0) {
    console.error(`Unknown argument(s): ${unknown.join(" ")}\n\n${USAGE}`);
    return 2;
  }
  const reset = args.includes("--reset");

  const url = process.env.DATABASE_URL || undefined;
  const db = await openDatabase(url ? { url } : { dataDir: embeddedDataDir() });
  try {
    console.log(`Database: ${db.location} (${db.kind})`);
    const existing = await db.prisma.organization.findUnique({
      where: { slug: DEMO_ORGANIZATION.slug },
    });
    if (existing && !reset) {
      console.error(
        `The demo organization "${existing.name}" (${existing.slug}) already exists in this database; nothing changed.\n` +
          "Run `npm run db:seed -- --reset` to delete it and seed it again.",
      );
      return 1;
    }
    if (existing) {
      await deleteOrganization(db.prisma, existing.id);
      console.log(`Deleted the existing demo organization "${existing.name}".`);
    }
    const started = performance.now();
    const { organization, counts } = await seedDemoOrganization(db.prisma);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Seeded "${organization.name}" (${organization.slug}) in ${seconds}s:`);
    printCounts(counts);
    console.log("\nSign in as:");
    for (const p of DEMO_SIGN_IN_PEOPLE)
      console.log(`  ${p.email.padEnd(32)} ${p.name}, ${p.title}`);
    return 0;
  } finally {
    await db.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof MigrationError) {
    console.error(`Cannot seed: ${error.message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
