// The Accounts tab at the scale of SPEC §9: one app of 1,000,000 accounts in an organization of
// 100,000 users. Times the service behind the page (`listAccounts`, 50 rows) for the first page
// and a deep keyset page of each sort, a few filters and two searches; captures EXPLAIN
// (ANALYZE, BUFFERS) of each; times a count (what "N accounts match" would cost) and the CSV
// export of the whole list.
//
//   node --import tsx bench/accounts.ts [--accounts 1000000] [--users 100000] [--iterations 30] [--out section.md]
//
// Needs PostgreSQL (DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres): it
// makes a scratch database there and drops it at the end. Writes the report section to --out
// (or stdout) and the plans to bench/reports/accounts-plans.md. The data is generated set-based
// from generate_series (deterministic):
// - user p: `User<p>@Corp.example`, a name from eight given × eight family names plus numbers;
//   every 20th deprovisioned, every 50th (from 1) suspended.
// - account k belongs to person p = k mod users: display name = p's name (every 10th has none:
//   given + family name then), login `<given>.<family><k>`, one email; 90% ACTIVE, 7% DISABLED,
//   3% DELETED; 2% SERVICE, 1% SYSTEM; 30% without usage data, the rest a last login in the two
//   years before 2026; owners: 80% matched by email, 2% set by hand, 2% cleared, 1% ambiguous,
//   the rest unmatched.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { actorFor } from "../packages/api/src/testing.ts";
import { exportAccounts } from "../packages/api/src/services/accounts/export.ts";
import { toByteStream } from "../packages/api/src/services/csv.ts";
import { listAccounts } from "../packages/api/src/services/accounts/list.ts";
import {
  ZAccountFilters,
  ZListAccountsInput,
  type TAccountSort,
  type TListAccountsInput,
} from "../packages/api/src/schemas/accounts.ts";
import { createApp, createOrganization, createUser } from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import { encodeCursor, type Actor } from "@lantern/domain";
import { count, measure, measureOnce, ms, type Timing } from "./measure.ts";
import { explainCalls, planSummary } from "./plans.ts";

const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    accounts: { type: "string" },
    users: { type: "string" },
    iterations: { type: "string" },
    out: { type: "string" },
  },
});
const accounts = args.accounts ? Number(args.accounts.replaceAll("_", "")) : 1_000_000;
const users = args.users ? Number(args.users.replaceAll("_", "")) : 100_000;
const iterations = args.iterations ? Number(args.iterations) : 30;
const warmup = 5;
const budgetSeconds = 8;
process.env.DATABASE_URL ||= "postgresql://postgres@127.0.0.1:5432/postgres";
/** The deep page: the one that starts after this many rows (of the default filter). */
const DEEP = Math.round(accounts * 0.9);
const BIG_TABLES = ["Account", "User"];

const started = performance.now();
const log = (message: string) =>
  process.stderr.write(
    `[accounts ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}\n`,
  );

const GIVEN = `(ARRAY['Ana','Élodie','José','Zoë','Sam','Mary','Jean','Renée'])[1 + (p % 8)] || ((p / 8) % 40)`;
const FAMILY = `(ARRAY['Lima','Dupré','Núñez','Müller','Lee','OBrien','Ström','Nguyen'])[1 + ((p / 320) % 8)] || (p % 1000)`;

const SORT_KEY: Record<TAccountSort, { order: string; key: string }> = {
  name: {
    order: `lower(coalesce("displayName", "givenName" || ' ' || "familyName", "login", "externalId")), id`,
    key: `lower(coalesce("displayName", "givenName" || ' ' || "familyName", "login", "externalId"))`,
  },
  login: {
    order: `lower(coalesce("login", "externalId")), id`,
    key: `lower(coalesce("login", "externalId"))`,
  },
  last_login_newest: {
    order: `("lastLoginAt" IS NULL), "lastLoginAt" DESC, id DESC`,
    key: `coalesce(to_char("lastLoginAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), '')`,
  },
  last_login_oldest: {
    order: `("lastLoginAt" IS NULL), "lastLoginAt" ASC, id ASC`,
    key: `coalesce(to_char("lastLoginAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), '')`,
  },
};

interface Case {
  label: string;
  input: TListAccountsInput;
}

interface Result {
  kase: Case;
  timing: Timing;
  rows: number;
  plans: string[];
}

async function main() {
  const db = await createTestDatabase();
  const p = db.prisma;
  const lines: string[] = [];
  const plansOut: string[] = [];
  try {
    const org = await createOrganization(p, { name: "Bench", slug: "bench-accounts" });
    const app = await createApp(p, org, { name: "Big app" });
    const admin = await createUser(p, org, { email: "admin@bench.example", role: "SUPER_ADMIN" });
    const actor = (await actorFor(p, admin.id)) as Actor;
    const ctx = { db: p, actor, now: () => new Date() };

    log(`loading ${count(users)} users`);
    await p.$executeRawUnsafe(`
      INSERT INTO "User" (id, "organizationId", email, "emailNormalized", "givenName", "familyName",
                          "displayName", "status", "updatedAt")
      SELECT md5('user' || p)::uuid, '${org.id}', 'User' || p || '@Corp.example', 'user' || p || '@corp.example',
             g, f, g || ' ' || f,
             (CASE WHEN p % 20 = 0 THEN 'DEPROVISIONED' WHEN p % 50 = 1 THEN 'SUSPENDED' ELSE 'ACTIVE' END)::"UserStatus",
             now()
      FROM generate_series(0, ${users - 1}) AS p
      CROSS JOIN LATERAL (SELECT ${GIVEN} AS g, ${FAMILY} AS f) n`);

    log(`loading ${count(accounts)} accounts`);
    const loadStart = performance.now();
    const batch = 250_000;
    for (let from = 0; from < accounts; from += batch) {
      const to = Math.min(accounts, from + batch) - 1;
      await p.$executeRawUnsafe(`
        INSERT INTO "Account" (id, "organizationId", "appId", "externalId", login, emails,
          "givenName", "familyName", "displayName", status, type, "lastLoginAt",
          "matchedOwnerId", "matchRule", "matchValue", "matchAmbiguous", "ownerId", "ownerSource",
          "updatedAt")
        SELECT gen_random_uuid(), '${org.id}', '${app.id}', 'ext-' || k, l, ARRAY[l || '@corp.example'],
          g, f, CASE WHEN k % 10 = 0 THEN NULL ELSE g || ' ' || f END,
          (CASE WHEN k % 100 < 90 THEN 'ACTIVE' WHEN k % 100 < 97 THEN 'DISABLED' ELSE 'DELETED' END)::"AccountStatus",
          (CASE WHEN (k / 7) % 100 < 2 THEN 'SERVICE' WHEN (k / 7) % 100 < 3 THEN 'SYSTEM' ELSE 'USER' END)::"AccountType",
          CASE WHEN (k::bigint * 7919) % 10 < 3 THEN NULL
               ELSE timestamp '2024-01-01' + ((k::bigint * 104729) % 63072000) * interval '1 second' END,
          CASE WHEN o < 84 THEN md5('user' || p)::uuid END,
          (CASE WHEN o < 84 THEN 'EMAIL' WHEN o = 84 THEN 'NAME' END)::"MatchRule",
          CASE WHEN o < 84 THEN 'user' || p || '@corp.example' WHEN o = 84 THEN lower(g || ' ' || f) END,
          o = 84,
          CASE WHEN o < 80 THEN md5('user' || p)::uuid
               WHEN o < 82 THEN md5('user' || ((p + 1) % ${users}))::uuid END,
          (CASE WHEN o BETWEEN 80 AND 81 THEN 'MANUAL' WHEN o BETWEEN 82 AND 83 THEN 'CLEARED' ELSE 'MATCHED' END)::"OwnerSource",
          now()
        FROM generate_series(${from}, ${to}) AS k
        CROSS JOIN LATERAL (SELECT k % ${users} AS p, (k / 3) % 100 AS o) q
        CROSS JOIN LATERAL (SELECT ${GIVEN} AS g, ${FAMILY} AS f) n
        CROSS JOIN LATERAL (SELECT lower(g || '.' || f || k) AS l) m`);
      log(`  ${count(to + 1)} accounts`);
    }
    const loadSeconds = (performance.now() - loadStart) / 1000;
    await p.$executeRawUnsafe(`VACUUM ANALYZE "User"`);
    await p.$executeRawUnsafe(`VACUUM ANALYZE "Account"`);
    const [live] = await p.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "Account" WHERE "appId" = '${app.id}' AND status <> 'DELETED'`,
    );
    const liveCount = Number(live!.n);

    /** The cursor a client holds after reading `offset` rows of a sort (default filter). */
    const cursorAt = async (sort: TAccountSort, offset: number) => {
      const [row] = await p.$queryRawUnsafe<{ id: string; key: string }[]>(
        `SELECT id::text, ${SORT_KEY[sort].key} AS key FROM "Account"
          WHERE "appId" = '${app.id}' AND status <> 'DELETED'
          ORDER BY ${SORT_KEY[sort].order} OFFSET ${offset - 1} LIMIT 1`,
      );
      return encodeCursor({ key: row!.key, id: row!.id });
    };

    const input = (fields: Partial<TListAccountsInput> = {}) =>
      ZListAccountsInput.parse({ appId: app.id, limit: 50, ...fields });
    const cases: Case[] = [];
    const sorts: Array<[TAccountSort, string]> = [
      ["name", "name A→Z (default)"],
      ["login", "login A→Z"],
      ["last_login_newest", "last login, newest first"],
      ["last_login_oldest", "last login, oldest first"],
    ];
    for (const [sort, label] of sorts) {
      cases.push({ label: `Sort ${label}: first page`, input: input({ sort }) });
      cases.push({
        label: `Sort ${label}: page after row ${count(DEEP)}`,
        input: input({ sort, cursor: await cursorAt(sort, DEEP) }),
      });
    }
    cases.push({
      label: `Sort last login, newest first: page after row ${count(Math.round(accounts / 2))} (accounts with usage data)`,
      input: input({
        sort: "last_login_newest",
        cursor: await cursorAt("last_login_newest", Math.round(accounts / 2)),
      }),
    });
    cases.push({ label: "Filter type = Service (2%)", input: input({ type: "SERVICE" }) });
    cases.push({ label: "Filter status = Disabled (7%)", input: input({ status: "DISABLED" }) });
    cases.push({
      label: "Filter owner = suspended or deprovisioned (~6%)",
      input: input({ owner: "inactive" }),
    });
    cases.push({ label: "Filter owner = ambiguous (1%)", input: input({ owner: "ambiguous" }) });
    cases.push({
      label: `Filter owner = ambiguous, page after row ${count(Math.round(accounts / 200))}`,
      input: input({
        owner: "ambiguous",
        cursor: await (async () => {
          const [row] = await p.$queryRawUnsafe<{ id: string; key: string }[]>(
            `SELECT id::text, ${SORT_KEY.name.key} AS key FROM "Account"
              WHERE "appId" = '${app.id}' AND status <> 'DELETED' AND "matchAmbiguous"
                AND "ownerId" IS NULL AND "ownerSource" = 'MATCHED'
              ORDER BY ${SORT_KEY.name.order} OFFSET ${Math.round(accounts / 200) - 1} LIMIT 1`,
          );
          return encodeCursor({ key: row!.key, id: row!.id });
        })(),
      }),
    });
    cases.push({
      label: `Search "ana" (common: a given name)`,
      input: input({ search: "ana" }),
    });
    cases.push({
      label: `Search "ext-123457" (rare: a few external ids)`,
      input: input({ search: "ext-123457" }),
    });
    cases.push({
      label: `Search "nobody-has-this" (no match: the whole app is read)`,
      input: input({ search: "nobody-has-this" }),
    });

    const results: Result[] = [];
    for (const kase of cases) {
      const rows = (await listAccounts(ctx, kase.input)).items.length;
      const timing = await measure(kase.label, () => listAccounts(ctx, kase.input), {
        warmup,
        iterations,
        budgetSeconds,
        minIterations: 5,
      });
      const plans = await explainCalls(db.url!, (client) =>
        listAccounts({ ...ctx, db: client }, kase.input),
      );
      results.push({ kase, timing, rows, plans });
      log(`${kase.label}: median ${ms(timing.medianMs)} ms, p95 ${ms(timing.p95Ms)} ms`);
    }

    // What a "N accounts match" line would cost.
    const countCases: Array<[string, string]> = [
      ["Count, default filter (not deleted)", `status <> 'DELETED'`],
      ["Count, owner not set", `status <> 'DELETED' AND "ownerId" IS NULL`],
      [
        `Count, search "ana"`,
        `status <> 'DELETED' AND lower(concat_ws(E'\\x1F', login, "displayName", "givenName", "familyName", "externalId", array_to_string(emails, E'\\x1F'))) LIKE '%ana%'`,
      ],
    ];
    const counts: string[] = [];
    for (const [label, where] of countCases) {
      const sql = `SELECT count(*) FROM "Account" WHERE "appId" = '${app.id}' AND ${where}`;
      const timing = await measure(label, () => p.$queryRawUnsafe(sql), {
        warmup: 2,
        iterations: 10,
        budgetSeconds,
        minIterations: 3,
      });
      counts.push(
        `| ${label} | ${timing.iterations} | ${ms(timing.medianMs)} | ${ms(timing.p95Ms)} |`,
      );
      log(`${label}: median ${ms(timing.medianMs)} ms`);
    }

    log("exporting every account as CSV");
    const exported = await measureOnce(async () => {
      const file = await exportAccounts(ctx, ZAccountFilters.parse({ appId: app.id }));
      const reader = toByteStream(file.chunks).getReader();
      let bytes = 0;
      for (let r = await reader.read(); !r.done; r = await reader.read()) bytes += r.value.length;
      return bytes;
    });
    log(`export: ${(exported.ms / 1000).toFixed(1)} s, ${(exported.result / 1e6).toFixed(0)} MB`);

    lines.push(
      `## Accounts tab at scale (SPEC §4.1, §9)`,
      ``,
      `One app of **${count(accounts)} accounts** (${count(liveCount)} not deleted) in an organization of ${count(users)} users; PostgreSQL, one scratch database, accounts loaded in ${loadSeconds.toFixed(0)} s (then VACUUM ANALYZE). Each row calls the service behind the page (\`listAccounts\`, 50 rows, as a super admin) through Prisma: ${warmup} warm-up calls, then up to ${iterations} timed calls (fewer, at least 5, past ${budgetSeconds} s); times include Prisma and the loopback round trip. "Execute" is the server's execution time in one EXPLAIN (ANALYZE, BUFFERS); plans in [accounts-plans.md](accounts-plans.md). Deep pages start from a real row's cursor (sort key + id).`,
      ``,
      `| Query | Rows | Runs | Median (ms) | p95 (ms) | Execute (ms) | Plan reads |`,
      `|---|---:|---:|---:|---:|---:|---|`,
      ...results.map((r) => {
        const plan = planSummary(r.plans, BIG_TABLES);
        return `| ${r.kase.label} | ${r.rows} | ${r.timing.iterations} | ${ms(r.timing.medianMs)} | ${ms(r.timing.p95Ms)} | ${plan.execution} | ${plan.scans} |`;
      }),
      ``,
      `What a count of the matching accounts would cost (plain \`count(*)\`, same filters):`,
      ``,
      `| Count | Runs | Median (ms) | p95 (ms) |`,
      `|---|---:|---:|---:|`,
      ...counts,
      ``,
      `CSV export of every account not deleted (\`exportAccounts\`, batches of 5,000, read to the end): ${(exported.ms / 1000).toFixed(1)} s, ${(exported.result / 1e6).toFixed(0)} MB, ${count(Math.round((liveCount * 1000) / exported.ms))} rows/s.`,
      ``,
      `Accounts section: ${((performance.now() - started) / 1000).toFixed(0)} s in all.`,
      ``,
    );
    plansOut.push(
      `# Accounts tab query plans`,
      ``,
      `EXPLAIN (ANALYZE, BUFFERS) of each measured call, captured once after its timed runs (warm cache), on ${count(accounts)} accounts. Run: ${new Date().toISOString()}.`,
      ``,
      ...results.flatMap((r) =>
        r.plans.flatMap((plan, i) => [
          `## ${r.kase.label}${r.plans.length > 1 ? ` (statement ${i + 1})` : ""}`,
          ``,
          "```",
          plan,
          "```",
          ``,
        ]),
      ),
    );
  } finally {
    await db.close();
  }
  const reports = join(here, "reports");
  mkdirSync(reports, { recursive: true });
  writeFileSync(join(reports, "accounts-plans.md"), plansOut.join("\n"));
  const section = lines.join("\n");
  if (args.out) writeFileSync(args.out, section);
  else process.stdout.write(section);
  log("done");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
