// The task inbox at the scale of SPEC §9 (an organization with 1,000,000 tasks): times the
// real service functions behind the inbox page and the navigation badges, and captures
// EXPLAIN (ANALYZE, BUFFERS) of each query once.
//
//   node --import tsx bench/inbox.ts [--tasks 1000000] [--iterations 200] [--out section.md]
//
// Needs PostgreSQL (DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres):
// it makes a scratch database there and drops it at the end, also on failure or Ctrl-C.
// Writes the report section to --out (or stdout) and the plans to bench/reports/inbox-plans.md.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { Actor } from "@lantern/domain";
import { getOpenTaskCounts } from "../packages/api/src/services/me.ts";
import { bulkTaskAction } from "../packages/api/src/services/tasks/actions.ts";
import { listInbox } from "../packages/api/src/services/tasks/inbox.ts";
import type { TTaskInboxInput } from "../packages/api/src/schemas/tasks.ts";
import { DEFAULT_TASKS, setupInboxBench, type InboxBench, type ServiceCtx } from "./inbox-setup.ts";
import { count, measure, measureOnce, ms, progress, type Timing } from "./measure.ts";
import { explainCalls, planSummary } from "./plans.ts";

const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    tasks: { type: "string" },
    iterations: { type: "string" },
    budget: { type: "string" },
    out: { type: "string" },
  },
});
const tasks = args.tasks ? Number(args.tasks.replaceAll("_", "")) : DEFAULT_TASKS;
const iterations = args.iterations ? Number(args.iterations) : 200;
const warmup = Math.max(5, Math.round(iterations / 10));
/** Seconds one measurement may take: a slow query gets fewer runs (at least 20), not minutes. */
const budgetSeconds = args.budget ? Number(args.budget) : 8;
const baseUrl = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const SEARCH = "okoro";
const BIG_TABLES = ["Request", "Task", "TaskAssignee", "Account", "User", "Grant", "Event"];
const LATER_PAGE = 21;

/** One measured call: a service function as a viewer would trigger it. */
interface Case {
  label: string;
  viewer: Actor;
  run: (ctx: ServiceCtx) => Promise<{ rows: number }>;
}

interface Result {
  kase: Case;
  timing: Timing;
  rows: number;
  plans: string[];
}

const inbox = (input: Partial<TTaskInboxInput> & Pick<TTaskInboxInput, "tab">) => {
  const full = { box: "requests", limit: 50, ...input } as TTaskInboxInput;
  return async (ctx: ServiceCtx) => ({ rows: (await listInbox(ctx, full)).items.length });
};
const badgeCounts = async (ctx: ServiceCtx) => {
  const counts = await getOpenTaskCounts(ctx);
  return { rows: Object.keys(counts).length };
};

/** The cursor that opens page `page` (1-based) of a tab, or null when there are fewer pages. */
async function cursorOfPage(
  bench: InboxBench,
  viewer: Actor,
  tab: TTaskInboxInput["tab"],
  page: number,
): Promise<string | null> {
  let cursor: string | undefined;
  for (let p = 1; p < page; p++) {
    const next = await listInbox(bench.ctxFor(viewer), {
      box: "requests",
      tab,
      limit: 50,
      cursor,
    } as TTaskInboxInput);
    if (!next.nextCursor) return null;
    cursor = next.nextCursor;
  }
  return cursor ?? null;
}

async function casesFor(bench: InboxBench): Promise<Case[]> {
  const cases: Case[] = [];
  for (const [who, viewer] of [
    ["busy provisioner", bench.busy],
    ["typical user", bench.typical],
  ] as const) {
    const tag = (label: string) => `${label} (${who})`;
    cases.push({
      label: tag("Awaiting provisioning, first page"),
      viewer,
      run: inbox({ tab: "awaiting_provisioning" }),
    });
    const later = await cursorOfPage(bench, viewer, "awaiting_provisioning", LATER_PAGE);
    if (later)
      cases.push({
        label: tag(`Awaiting provisioning, page ${LATER_PAGE} by cursor`),
        viewer,
        run: inbox({ tab: "awaiting_provisioning", cursor: later }),
      });
    cases.push({
      label: tag(`Awaiting provisioning, search "${SEARCH}"`),
      viewer,
      run: inbox({ tab: "awaiting_provisioning", search: SEARCH }),
    });
    if (viewer === bench.busy) {
      cases.push({ label: tag("Completed, first page"), viewer, run: inbox({ tab: "completed" }) });
      const laterDone = await cursorOfPage(bench, viewer, "completed", LATER_PAGE);
      if (laterDone)
        cases.push({
          label: tag(`Completed, page ${LATER_PAGE} by cursor`),
          viewer,
          run: inbox({ tab: "completed", cursor: laterDone }),
        });
    }
    cases.push({ label: tag("Badge counts (getOpenTaskCounts)"), viewer, run: badgeCounts });
  }
  return cases;
}

/** EXPLAIN (ANALYZE, BUFFERS) of the statements a case sends. */
const explain = (bench: InboxBench, kase: Case) =>
  explainCalls(bench.url, (db) => kase.run({ db, actor: kase.viewer, now: () => new Date() }));

/**
 * Bulk "mark provisioned" with a comment on 1,000 of the busy provisioner's open tasks
 * (SPEC §3.7), timed once. It changes data, so it runs after everything else.
 */
async function bulkMarkProvisioned(bench: InboxBench): Promise<string[]> {
  const taskIds = bench.busyOpenTaskIds.slice(0, 1000);
  const { ms: total, result } = await measureOnce(() =>
    bulkTaskAction(bench.ctxFor(bench.busy), {
      action: "mark_provisioned",
      taskIds,
      comment: "Provisioned in bulk (benchmark).",
    }),
  );
  return [
    `| Operation | Tasks | Done | Skipped | Total (ms) | Per task (ms) |`,
    `|---|---:|---:|---:|---:|---:|`,
    `| \`bulkTaskAction\` mark_provisioned with a comment (busy provisioner) | ${count(taskIds.length)} | ${count(result.done)} | ${count(result.skipped)} | ${ms(total)} | ${ms(total / taskIds.length)} |`,
  ];
}

async function main() {
  const started = performance.now();
  const bench = await setupInboxBench({ baseUrl, tasks });
  try {
    const cases = await casesFor(bench);
    const results: Result[] = [];
    for (const kase of cases) {
      const ctx = bench.ctxFor(kase.viewer);
      const { rows } = await kase.run(ctx);
      const timing = await measure(kase.label, () => kase.run(ctx), {
        warmup,
        iterations,
        budgetSeconds,
      });
      const plans = await explain(bench, kase);
      results.push({ kase, timing, rows, plans });
      progress(
        started,
        `${kase.label}: median ${ms(timing.medianMs)} ms, p95 ${ms(timing.p95Ms)} ms`,
      );
    }
    const bulk = await bulkMarkProvisioned(bench);
    progress(started, `bulk action: ${bulk.at(-1)}`);

    const { stats } = bench;
    const viewerLine = (who: string, viewer: Actor) => {
      const v = bench.viewers.get(viewer.id)!;
      return (
        `- **${who}**: ${viewer.displayName}, active assignee of ${count(v.openProvision)} open ` +
        `provisioning tasks (${count(v.openAll)} open tasks in all); ${count(v.completedTab)} ` +
        `tasks in their Completed tab.`
      );
    };
    const section = [
      `## Task inbox at scale (SPEC §9)`,
      ``,
      `One organization in a scratch PostgreSQL database: **${count(stats.tasks)} tasks** ` +
        `(${count(stats.openTasks)} open), ${count(stats.requests)} requests, ` +
        `**${count(stats.taskAssignees)} TaskAssignee rows** (${count(stats.activeOpenAssignees)} ` +
        `active on open tasks), ${count(stats.users)} people, ${count(stats.apps)} apps, ` +
        `${count(stats.entitlements)} entitlements, ${count(stats.accounts)} accounts. ` +
        `Loaded in ${stats.loadSeconds.toFixed(0)} s (then VACUUM ANALYZE).`,
      ``,
      viewerLine("Busy provisioner", bench.busy),
      viewerLine("Typical user", bench.typical),
      ``,
      `Each query calls the service function (\`listInbox\`, limit 50, Requests inbox; ` +
        `\`getOpenTaskCounts\`) through Prisma: ${warmup} warm-up calls, then ${iterations} ` +
        `timed calls one after another ("Runs": fewer, at least 20, when a query would take ` +
        `more than ${budgetSeconds} s); times include Prisma and the loopback round trip. ` +
        `"Plan" and "Execute" are the server's planning and execution times in one ` +
        `EXPLAIN (ANALYZE, BUFFERS) of the same statement (warm cache); plans in ` +
        `[inbox-plans.md](inbox-plans.md).`,
      ``,
      `| Query | Rows | Runs | Median (ms) | p95 (ms) | Plan (ms) | Execute (ms) | Plan reads |`,
      `|---|---:|---:|---:|---:|---:|---:|---|`,
      ...results.map((r) => {
        const plan = planSummary(r.plans, BIG_TABLES);
        return `| ${r.kase.label} | ${r.rows} | ${r.timing.iterations} | ${ms(r.timing.medianMs)} | ${ms(r.timing.p95Ms)} | ${plan.planning} | ${plan.execution} | ${plan.scans} |`;
      }),
      ``,
      `### Bulk action on 1,000 tasks`,
      ``,
      ...bulk,
      ``,
      `Inbox section: ${((performance.now() - started) / 1000).toFixed(0)} s in all.`,
      ``,
    ].join("\n");

    const plans = [
      `# Inbox query plans`,
      ``,
      `EXPLAIN (ANALYZE, BUFFERS) of each measured call, captured once after its timed runs ` +
        `(warm cache), on ${count(stats.tasks)} tasks. Run: ${new Date().toISOString()}.`,
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
    ].join("\n");
    const reports = join(here, "reports");
    mkdirSync(reports, { recursive: true });
    writeFileSync(join(reports, "inbox-plans.md"), plans);
    if (args.out) writeFileSync(args.out, section);
    else process.stdout.write(section);
  } finally {
    await bench.close();
  }
}

await main();
