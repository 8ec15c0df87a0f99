// Ingestion at scale (SPEC §4.6, §9): a CSV file of N accounts (default 1,000,000) streamed
// through the importer — csv-parse, zod per row, staging in batches, one set-based upsert —
// into one app, then the same file again (nothing changes), then a full import in which 1% of
// the accounts are gone and 1% changed.
//
//   node --import tsx bench/import.ts [--accounts 1000000] [--out section.md]
//
// Needs PostgreSQL (DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres): it
// makes a scratch database there and drops it at the end.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { importAppFile, type ImportSummary } from "@lantern/api";
import { actorFor } from "../packages/api/src/testing.ts";
import { createApp, createOrganization, createUser } from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import { runRemapJobs } from "../packages/api/src/services/accounts/remap-jobs.ts";
import { count, measureOnce } from "./measure.ts";

const { values: args } = parseArgs({
  options: { accounts: { type: "string" }, out: { type: "string" } },
});
const total = args.accounts ? Number(args.accounts.replaceAll("_", "")) : 1_000_000;
process.env.DATABASE_URL ||= "postgresql://postgres@127.0.0.1:5432/postgres";

const HEADER =
  "externalId,login,emails,givenName,familyName,displayName,status,type,lastLoginAt,Department,Region\n";
const DEPARTMENTS = ["Sales", "Engineering", "Finance", "Support", "Marketing"];

/** The CSV file as a stream of ~64 kB chunks, never whole in memory. */
async function* csvFile(options: { skipEvery?: number; changeEvery?: number } = {}) {
  let chunk = HEADER;
  let bytes = 0;
  for (let i = 0; i < total; i++) {
    if (options.skipEvery && i % options.skipEvery === 0) continue;
    const changed = options.changeEvery !== undefined && i % options.changeEvery === 1;
    const given = `Given${i % 5000}`;
    const family = `Family${Math.floor(i / 5000)}`;
    const day = String((i % 28) + 1).padStart(2, "0");
    chunk +=
      `00${i.toString(36).padStart(8, "0")},user${i},user${i}@bench.example;u${i}@alt.example,` +
      `${given},${family},${given} ${family},${changed ? "DISABLED" : "ACTIVE"},` +
      `${i % 50 === 0 ? "SERVICE" : "USER"},2026-10-${day}T08:00:00Z,` +
      `${DEPARTMENTS[i % DEPARTMENTS.length]},"EMEA, ${i % 7}"\n`;
    if (chunk.length > 65_536) {
      bytes += chunk.length;
      yield chunk;
      chunk = "";
    }
  }
  bytes += chunk.length;
  yield chunk;
  lastFileBytes = bytes;
}
let lastFileBytes = 0;

async function main() {
  const db = await createTestDatabase();
  const lines = [
    `## Importing accounts from CSV (SPEC §4.6, §9)`,
    ``,
    `${count(total)} accounts in one app: a generated CSV (11 columns, two emails and two profile attributes per account) streamed through \`importAppFile\` — csv-parse, zod per row, staged 5,000 rows a statement while the next batch is parsed, one set-based upsert, one transaction. An app this large has its owner re-map queued in that transaction (apps up to 20,000 accounts are re-mapped inside it); the next column is that queued re-map run to the end by the background work's \`runRemapJobs\`, batch by batch (an organization of one person, so nothing matches). PostgreSQL, one scratch database.`,
    ``,
    `| Run | Import s | Accounts/s | Queued re-map s | Result |`,
    `|---|---:|---:|---:|---|`,
  ];
  try {
    const org = await createOrganization(db.prisma, { name: "Bench", slug: "bench-import" });
    const admin = await createUser(db.prisma, org, {
      givenName: "Ada",
      familyName: "Admin",
      role: "SUPER_ADMIN",
    });
    const app = await createApp(db.prisma, org, { name: "Bench CRM" });
    const actor = (await actorFor(db.prisma, admin.id))!;
    const ctx = { db: db.prisma, actor, now: () => new Date() };
    const run = async (label: string, source: AsyncIterable<string>) => {
      const { ms, result } = await measureOnce(() =>
        importAppFile(ctx, {
          appId: app.id,
          format: "csv",
          kind: "accounts",
          mode: "full",
          source,
        }),
      );
      const a: ImportSummary["accounts"] = result.accounts;
      let remapSeconds = "—";
      if (result.remapQueued) {
        const remap = await measureOnce(() => runRemapJobs(db.prisma, { limit: 1 }));
        if (remap.result.succeeded !== 1)
          throw new Error(`the queued re-map did not finish: ${JSON.stringify(remap.result)}`);
        remapSeconds = (remap.ms / 1000).toFixed(1);
      } else if (result.remap) remapSeconds = "in the import";
      lines.push(
        `| ${label} | ${(ms / 1000).toFixed(1)} | ${count(Math.round((a.rows * 1000) / ms))} | ${remapSeconds} | ` +
          `${count(a.created)} created, ${count(a.updated)} updated, ${count(a.unchanged)} unchanged, ${count(a.deleted)} deleted |`,
      );
      console.log(lines.at(-1));
    };
    await run("First import (all new)", csvFile());
    const size = lastFileBytes;
    await run("Same file again (no change)", csvFile());
    await run("Full import: 1% gone, 1% changed", csvFile({ skipEvery: 100, changeEvery: 100 }));
    lines.push(``, `File size: ${(size / 1024 / 1024).toFixed(0)} MB.`, ``);
  } finally {
    await db.close();
  }
  const section = lines.join("\n");
  if (args.out) writeFileSync(args.out, section + "\n");
  else console.log(section);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
