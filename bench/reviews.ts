// Access reviews at the scale of SPEC §9 (issue 16): starting a campaign over 1,000,000 grants,
// a reviewer's queue at that size, and bulk decisions on 1,000 items. Calls the real services
// (`startReviewCampaign`, `listReviewQueue`, `bulkReviewDecision`) and times, in the same run,
// the floor each is compared with: the snapshot as one bare INSERT … SELECT (no reviewers, no
// flags), and the bare keyset read of ReviewAssignment.
//
//   node --import tsx bench/reviews.ts [--grants 1000000] [--people 20000] [--iterations 200] [--out section.md]
//   npm run bench -- --only reviews --grants 50000 --people 2000     a quick check
//
// Needs PostgreSQL (DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres): it
// makes a scratch database there and drops it at the end. Writes the report section to --out
// (or stdout) and the queue plans to bench/reports/reviews-plans.md. The data is generated
// set-based from generate_series (deterministic: the same every run):
// - person 0 is the super admin who starts the campaign; persons 1..199 are managers reporting
//   to them; every other person p reports to person 1 (the busy manager) when p % 50 = 0, else
//   to manager 2 + p % 198. Every 40th person is deprovisioned, every 97th suspended.
// - 50 apps of one entitlement each, owned by two managers; app a has one account per person
//   (account k of the app belongs to person k mod people), so grants = apps × accounts. 10% of
//   accounts have no usage data, 15% last logged in more than 90 days ago (flagged "unused").
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { createApp, createEntitlement, createOrganization, createPolicy } from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import { decodeCursor, type Actor } from "@lantern/domain";
import { actorFor } from "../packages/api/src/testing.ts";
import { startReviewCampaign } from "../packages/api/src/services/reviews/start.ts";
import { listReviewQueue } from "../packages/api/src/services/reviews/queue.ts";
import { bulkReviewDecision } from "../packages/api/src/services/reviews/decide.ts";
import { runReviewRemovalJobs } from "../packages/api/src/services/reviews/removals.ts";
import {
  ZStartReviewCampaignInput,
  ZReviewQueueInput,
  type TReviewQueueInput,
} from "../packages/api/src/schemas/reviews.ts";
import { count, measure, measureOnce, ms, type Timing } from "./measure.ts";
import { explainCalls, planSummary } from "./plans.ts";

const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    grants: { type: "string" },
    people: { type: "string" },
    iterations: { type: "string" },
    out: { type: "string" },
  },
});
const APPS = 50;
const grants = args.grants ? Number(args.grants.replaceAll("_", "")) : 1_000_000;
const people = args.people ? Number(args.people.replaceAll("_", "")) : 20_000;
const iterations = args.iterations ? Number(args.iterations) : 200;
const perApp = Math.floor(grants / APPS);
if (perApp < 1 || people < 400) {
  console.error("Use at least 50 grants and 400 people.");
  process.exit(2);
}
process.env.DATABASE_URL ||= "postgresql://postgres@127.0.0.1:5432/postgres";
const BIG_TABLES = ["ReviewAssignment", "ReviewItem", "Grant", "Account", "User"];
const BUSY = 1;

const started = performance.now();
const log = (message: string) =>
  process.stderr.write(
    `[reviews ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}\n`,
  );
const uid = (expr: string) => `md5('person' || (${expr}))::uuid`;
const seconds = (msTaken: number) => (msTaken / 1000).toFixed(1);

async function main() {
  const db = await createTestDatabase();
  const p = db.prisma;
  const lines: string[] = [];
  const plansOut: string[] = [];
  try {
    const org = await createOrganization(p, { name: "Bench", slug: "bench-reviews" });
    log(`loading ${count(people)} people`);
    await p.$executeRawUnsafe(`
      INSERT INTO "User" (id, "organizationId", email, "emailNormalized", "givenName", "familyName",
                          "displayName", status, role, "managerId", "updatedAt")
      SELECT ${uid("p")}, '${org.id}', 'person' || p || '@bench.example', 'person' || p || '@bench.example',
             g, f, g || ' ' || f,
             (CASE WHEN p > 200 AND p % 40 = 0 THEN 'DEPROVISIONED'
                   WHEN p > 200 AND p % 97 = 0 THEN 'SUSPENDED' ELSE 'ACTIVE' END)::"UserStatus",
             (CASE WHEN p = 0 THEN 'SUPER_ADMIN' ELSE 'MEMBER' END)::"UserRole",
             CASE WHEN p = 0 THEN NULL WHEN p < 200 THEN ${uid("0")}
                  WHEN p % 50 = 0 THEN ${uid(String(BUSY))} ELSE ${uid("2 + p % 198")} END,
             now()
        FROM generate_series(0, ${people - 1}) AS p
        CROSS JOIN LATERAL (SELECT (ARRAY['Ana','Ben','Chloé','Dev','Eli','Fay','Gus','Hana'])[1 + p % 8] AS g,
                                   (ARRAY['Lima','Ng','Okafor','Park','Quinn','Rossi','Sato','Ueda'])[1 + (p / 8) % 8] || (p % 997) AS f) n`);
    const actorOf = async (person: number) => {
      const [row] = await p.$queryRawUnsafe<{ id: string }[]>(
        `SELECT ${uid(String(person))}::text AS id`,
      );
      return (await actorFor(p, row!.id))!;
    };
    const admin = await actorOf(0);
    const busy = await actorOf(BUSY);
    const ctxOf = (actor: Actor) => ({ db: p, actor, now: () => new Date() });

    // A revocation policy, so that Revoke opens requests (each a DEPROVISION task).
    const revocation = await createPolicy(p, org, { name: "Direct revocation", steps: [] });
    await p.organization.update({
      where: { id: org.id },
      data: { defaultRevocationPolicyId: revocation.id },
    });
    const appIds: string[] = [];
    for (let a = 0; a < APPS; a++) {
      const [o1, o2] = await p.$queryRawUnsafe<{ id: string }[]>(
        `SELECT ${uid(`${2 + 2 * a}`)}::text AS id UNION ALL SELECT ${uid(`${3 + 2 * a}`)}::text`,
      );
      const app = await createApp(p, org, { name: `App ${a}`, owners: [o1!.id, o2!.id] });
      await createEntitlement(p, app, { slug: "member" });
      appIds.push(app.id);
    }

    log(`loading ${count(perApp * APPS)} accounts and grants`);
    const loadStart = performance.now();
    for (let a = 0; a < APPS; a++) {
      await p.$executeRawUnsafe(`
        INSERT INTO "Account" (id, "organizationId", "appId", "externalId", login, emails,
          "displayName", "lastLoginAt", "matchedOwnerId", "matchRule", "matchValue", "ownerId",
          "ownerSource", "createdAt", "updatedAt")
        SELECT gen_random_uuid(), '${org.id}', '${appIds[a]}', 'ext-' || k, 'person' || q.p || '-' || k,
               ARRAY['person' || q.p || '@bench.example'], 'Person ' || q.p,
               CASE WHEN k % 10 = 0 THEN NULL
                    WHEN k % 20 < 5 THEN now() - interval '100 days' - (k % 300) * interval '1 day'
                    ELSE now() - (k % 60) * interval '1 day' END,
               ${uid("q.p")}, 'EMAIL', 'person' || q.p || '@bench.example', ${uid("q.p")}, 'MATCHED',
               now() - interval '400 days', now()
          FROM generate_series(0, ${perApp - 1}) AS k
          CROSS JOIN LATERAL (SELECT (k + ${a}) % ${people} AS p) q`);
      await p.$executeRawUnsafe(`
        INSERT INTO "Grant" (id, "organizationId", "accountId", "entitlementId", source, "grantedAt")
        SELECT gen_random_uuid(), '${org.id}', acc.id, e.id, 'INGESTED',
               now() - interval '1 day' - (abs(hashtext(acc.id::text)) % 700) * interval '1 day'
          FROM "Account" acc JOIN "Entitlement" e ON e."appId" = acc."appId"
         WHERE acc."appId" = '${appIds[a]}'`);
      if ((a + 1) % 10 === 0) log(`  ${a + 1} apps`);
    }
    const loadSeconds = (performance.now() - loadStart) / 1000;
    for (const table of ["User", "Account", "Grant", "App", "Entitlement", "AppMember"]) {
      await p.$executeRawUnsafe(`VACUUM ANALYZE "${table}"`);
    }

    // ── The floor: the same snapshot as one statement, no reviewers and no flags ──
    const dueDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const floorCampaign = await p.reviewCampaign.create({
      data: {
        organizationId: org.id,
        name: "Floor",
        dueAt: new Date(`${dueDate}T23:59:59.999Z`),
        state: "RUNNING",
        scope: {},
        reviewerPlan: {},
        createdById: admin.id,
      },
    });
    log("floor: one INSERT … SELECT of the snapshot");
    const floor = await measureOnce(() =>
      p.$executeRawUnsafe(`
        INSERT INTO "ReviewItem"
          (id, "organizationId", "campaignId", position, "grantId", "accountId", "appId",
           "entitlementId", "appName", "entitlementName", "accountLabel", "accountType",
           "ownerId", "ownerName", "ownerEmail", "ownerStatus", "ownerSource", "matchRule",
           "matchValue", "matchAmbiguous", "grantedAt", "lastLoginAt")
        SELECT gen_random_uuid(), '${org.id}', '${floorCampaign.id}',
               row_number() OVER (ORDER BY o."displayName" NULLS LAST, o.id, app.name, app.id,
                                           e."displayName", e.id, a.id, g.id)::int,
               g.id, a.id, e."appId", g."entitlementId", app.name, e."displayName",
               COALESCE(a.login, a.emails[1], a."displayName", a."externalId"), a.type,
               a."ownerId", o."displayName", o.email, o.status, a."ownerSource", a."matchRule",
               a."matchValue", a."matchAmbiguous", g."grantedAt", a."lastLoginAt"
          FROM "Grant" g
          JOIN "Account" a ON a.id = g."accountId"
          JOIN "Entitlement" e ON e.id = g."entitlementId"
          JOIN "App" app ON app.id = e."appId"
          LEFT JOIN "User" o ON o.id = a."ownerId"
         WHERE g."organizationId" = '${org.id}' AND g."revokedAt" IS NULL
           AND a.status <> 'DELETED' AND e."appId" = ANY('{${appIds.join(",")}}'::uuid[])
           AND a.type::text = ANY('{USER}'::text[])`),
    );
    log(`floor: ${count(floor.result)} items in ${seconds(floor.ms)} s`);
    await p.$executeRawUnsafe(`TRUNCATE "ReviewItem" CASCADE`);
    await p.reviewCampaign.delete({ where: { id: floorCampaign.id } });

    // ── startReviewCampaign over every grant, reviewed by the owners' managers ──
    log("startReviewCampaign");
    const input = ZStartReviewCampaignInput.parse({
      name: "Annual review — every app",
      dueDate,
      scope: { appIds },
      reviewers: { first: { kind: "MANAGER" } },
    });
    const start = await measureOnce(() => startReviewCampaign(ctxOf(admin), input));
    const { campaignId, items, reviewers, unreviewable } = start.result;
    log(`start: ${count(items)} items, ${count(reviewers)} reviewers in ${seconds(start.ms)} s`);
    await p.$executeRawUnsafe(`VACUUM ANALYZE "ReviewItem"`);
    await p.$executeRawUnsafe(`VACUUM ANALYZE "ReviewAssignment"`);
    const [{ assignments }] = await p.$queryRawUnsafe<[{ assignments: number }]>(
      `SELECT count(*)::int AS assignments FROM "ReviewAssignment" WHERE "campaignId" = '${campaignId}'`,
    );
    const [{ waiting }] = await p.$queryRawUnsafe<[{ waiting: number }]>(
      `SELECT count(*)::int AS waiting FROM "ReviewAssignment" WHERE "userId" = '${busy.id}' AND active`,
    );

    // ── The busy manager's queue: first pages and deep pages by cursor ──
    const queueInput = (cursor?: string): TReviewQueueInput =>
      ZReviewQueueInput.parse({ limit: 50, ...(cursor ? { cursor } : {}) });
    const cursors: { depth: number; cursor: string | undefined }[] = [
      { depth: 0, cursor: undefined },
    ];
    {
      let cursor: string | undefined;
      for (let depth = 50; depth < waiting; depth += 50) {
        const page = await listReviewQueue(ctxOf(busy), queueInput(cursor));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
        if (depth % 1000 === 0) cursors.push({ depth, cursor });
      }
    }
    const deep = cursors.filter((c) => c.depth > 0);
    log(
      `queue: ${count(waiting)} items waiting; ${deep.length} deep cursors, the last ${count(deep.at(-1)?.depth ?? 0)} in`,
    );
    const rotate = <T>(list: T[]) => {
      let i = 0;
      return () => list[i++ % list.length]!;
    };
    const queueCall = (next: () => { cursor: string | undefined }) => () =>
      listReviewQueue(ctxOf(busy), queueInput(next().cursor));
    const keysetOf = (cursor: string | undefined) => {
      if (!cursor) return "";
      const { key, id } = decodeCursor(cursor, "integer");
      return `AND ("campaignId", position) > ('${id}'::uuid, ${Number(key)})`;
    };
    const bareCall = (next: () => { cursor: string | undefined }) => () =>
      p.$queryRawUnsafe(
        `SELECT "itemId" FROM "ReviewAssignment" WHERE "userId" = '${busy.id}' AND active
           ${keysetOf(next().cursor)} ORDER BY "campaignId", position LIMIT 51`,
      );
    const timings: { label: string; timing: Timing; floor: Timing }[] = [];
    for (const [label, list] of [
      ["First page", [cursors[0]!]],
      [`Deep pages (cursors 1,000 … ${count(deep.at(-1)?.depth ?? 0)} items in)`, deep],
      ["First and deep pages, mixed", cursors],
    ] as const) {
      if (list.length === 0) continue;
      const options = { warmup: 20, iterations, budgetSeconds: 60 };
      const timing = await measure(label, queueCall(rotate([...list])), options);
      const bare = await measure(label, bareCall(rotate([...list])), options);
      timings.push({ label, timing, floor: bare });
      log(
        `${label}: p50 ${ms(timing.medianMs)} ms, p95 ${ms(timing.p95Ms)} ms (bare p95 ${ms(bare.p95Ms)} ms)`,
      );
    }
    const plans: { label: string; plans: string[] }[] = [];
    for (const c of [cursors[0]!, deep.at(-1)].filter((c) => c !== undefined)) {
      const label = c.depth === 0 ? "Queue, first page" : `Queue, page ${count(c.depth)} items in`;
      plans.push({
        label,
        plans: await explainCalls(db.url!, (client) =>
          listReviewQueue({ db: client, actor: busy }, queueInput(c.cursor)),
        ),
      });
    }

    // ── Bulk decisions on 1,000 of the busy manager's items ──
    const firstIds = async (n: number, skip: number) =>
      (
        await p.$queryRawUnsafe<{ itemId: string }[]>(
          `SELECT "itemId"::text FROM "ReviewAssignment" WHERE "userId" = '${busy.id}' AND active
            ORDER BY "campaignId", position OFFSET ${skip} LIMIT ${n}`,
        )
      ).map((r) => r.itemId);
    const keepIds = await firstIds(1000, 0);
    const keep = await measureOnce(() =>
      bulkReviewDecision(ctxOf(busy), {
        itemIds: keepIds,
        decision: "keep",
        comment: "Still needed (benchmark).",
      }),
    );
    log(`bulk keep: ${keep.result.done} done in ${seconds(keep.ms)} s`);
    const revokeIds = await firstIds(1000, 0);
    const revoke = await measureOnce(() =>
      bulkReviewDecision(ctxOf(busy), {
        itemIds: revokeIds,
        decision: "revoke",
        comment: "No longer needed (benchmark).",
      }),
    );
    log(`bulk revoke: ${revoke.result.done} done in ${seconds(revoke.ms)} s`);
    // What the reviewer does not wait for: the job opening the thousand removals.
    const drain = await measureOnce(() => runReviewRemovalJobs(p));
    log(
      `removal jobs: ${drain.result.jobs} jobs, ${drain.result.requested} requested in ${seconds(drain.ms)} s`,
    );
    const [{ requests, tasks }] = await p.$queryRawUnsafe<[{ requests: number; tasks: number }]>(
      `SELECT (SELECT count(*)::int FROM "Request" WHERE kind = 'REVOKE') AS requests,
              (SELECT count(*)::int FROM "Task" WHERE kind = 'DEPROVISION') AS tasks`,
    );

    const all = timings.find((t) => t.label.startsWith("First and deep"));
    lines.push(
      `## Access reviews at scale (SPEC §10, §9)`,
      ``,
      `One organization in a scratch PostgreSQL database: ${count(people)} people (200 managers; the busy manager has ${count(Math.ceil((people - 200) / 50))} reports), ${APPS} apps of one entitlement, **${count(perApp * APPS)} live grants** on as many accounts (accounts and grants loaded in ${loadSeconds.toFixed(0)} s, then VACUUM ANALYZE). Times are wall time through Prisma over the loopback, including the commit.`,
      ``,
      `### Start a campaign over every grant (target < 60 s)`,
      ``,
      `| Run | Seconds | Items | Reviewers | Items/s |`,
      `|---|---:|---:|---:|---:|`,
      `| \`startReviewCampaign\`, reviewers: each owner's manager (snapshot, flags, reviewers, ${count(assignments)} assignments, one message per reviewer) | ${seconds(start.ms)} | ${count(items)} | ${count(reviewers)} | ${count(Math.round((items * 1000) / start.ms))} |`,
      `| Floor: the snapshot as one \`INSERT INTO "ReviewItem" … SELECT\` over the scope's joins (no reviewers, no flags) | ${seconds(floor.ms)} | ${count(floor.result)} | – | ${count(Math.round((floor.result * 1000) / floor.ms))} |`,
      ``,
      `Start / floor: **${(start.ms / floor.ms).toFixed(1)}×**. Items nobody could review: ${count(unreviewable)}.`,
      ``,
      `### The busy manager's queue (target p95 ≤ 50 ms)`,
      ``,
      `\`listReviewQueue\` (50 items, with the item columns, reviewers and removal state) as the manager with **${count(waiting)} items waiting**; deep pages start from the real \`nextCursor\` after every 1,000 items, followed from the first page. 20 warm-up calls, then up to ${iterations} timed calls cycling through the cursors. Floor: the bare keyset read of ReviewAssignment alone (\`"userId", active, ("campaignId", position) >\` cursor, 51 rows) with the same cursors.`,
      ``,
      `| Pages | Runs | p50 (ms) | p95 (ms) | Floor p50 (ms) | Floor p95 (ms) |`,
      `|---|---:|---:|---:|---:|---:|`,
      ...timings.map(
        (t) =>
          `| ${t.label} | ${t.timing.iterations} | ${ms(t.timing.medianMs)} | ${ms(t.timing.p95Ms)} | ${ms(t.floor.medianMs)} | ${ms(t.floor.p95Ms)} |`,
      ),
      ``,
      `Server time in one EXPLAIN (ANALYZE, BUFFERS) of each statement (plans in [reviews-plans.md](reviews-plans.md)):`,
      ``,
      `| Query | Plan (ms) | Execute (ms) | Plan reads |`,
      `|---|---:|---:|---|`,
      ...plans.map((x) => {
        const s = planSummary(x.plans, BIG_TABLES);
        return `| ${x.label} | ${s.planning} | ${s.execution} | ${s.scans} |`;
      }),
      ``,
      `### Bulk decisions on 1,000 items (target < 5 s)`,
      ``,
      `| Operation | Items | Done | Skipped | Seconds | Per item (ms) |`,
      `|---|---:|---:|---:|---:|---:|`,
      `| \`bulkReviewDecision\` keep, one comment | ${count(keepIds.length)} | ${count(keep.result.done)} | ${count(keep.result.skipped)} | ${seconds(keep.ms)} | ${ms(keep.ms / keepIds.length)} |`,
      `| \`bulkReviewDecision\` revoke, one comment (the decisions, the revocation policy checked per entitlement, the removal jobs queued) | ${count(revokeIds.length)} | ${count(revoke.result.done)} | ${count(revoke.result.skipped)} | ${seconds(revoke.ms)} | ${revokeIds.length ? ms(revoke.ms / revokeIds.length) : "–"} |`,
      `| Then, in the background: \`runReviewRemovalJobs\` opens each removal (a REVOKE request through the revocation policy, a DEPROVISION task), ${count(drain.result.jobs)} jobs | ${count(revokeIds.length)} | ${count(drain.result.requested)} | ${count(drain.result.refused + drain.result.skipped)} | ${seconds(drain.ms)} | ${revokeIds.length ? ms(drain.ms / revokeIds.length) : "–"} |`,
      ``,
      `After the revoke: ${count(requests)} REVOKE requests, ${count(tasks)} DEPROVISION tasks.${all ? ` Queue p95 over first and deep pages: ${ms(all.timing.p95Ms)} ms (${all.timing.iterations} runs).` : ""}`,
      ``,
      `Reviews section: ${((performance.now() - started) / 1000).toFixed(0)} s in all.`,
      ``,
    );
    plansOut.push(
      `# Access review queue plans`,
      ``,
      `EXPLAIN (ANALYZE, BUFFERS) of each statement \`listReviewQueue\` sends, captured once after the timed runs (warm cache), on ${count(items)} items. Run: ${new Date().toISOString()}.`,
      ``,
      ...plans.flatMap((x) =>
        x.plans.flatMap((plan, i) => [
          `## ${x.label}${x.plans.length > 1 ? ` (statement ${i + 1})` : ""}`,
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
  writeFileSync(join(reports, "reviews-plans.md"), plansOut.join("\n"));
  const section = lines.join("\n");
  if (args.out) writeFileSync(args.out, section);
  else process.stdout.write(section);
  log("done");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
