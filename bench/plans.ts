// Query plans for the benchmarks: the SQL a call sends, caught from a Prisma client that logs
// its queries, then EXPLAIN (ANALYZE, BUFFERS) of each statement with the same parameters; and
// a one-line summary of what the plans read.
import { PrismaClient, withExecutor, type Prisma } from "@lantern/db";
import { PrismaPg } from "@prisma/adapter-pg";
import { ms } from "./measure.ts";

/** EXPLAIN (ANALYZE, BUFFERS) of every SELECT that `run` sends, on the database at `url`. */
export async function explainCalls(
  url: string,
  run: (db: PrismaClient) => Promise<unknown>,
): Promise<string[]> {
  const seen: Prisma.QueryEvent[] = [];
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 1 }),
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", (event) => seen.push(event));
  try {
    await run(client);
  } finally {
    await client.$disconnect();
  }
  const statements = seen.filter((e) => /^\s*(SELECT|WITH)\b/i.test(e.query));
  return withExecutor({ url }, async (sql) => {
    const plans: string[] = [];
    for (const statement of statements) {
      const params = JSON.parse(statement.params) as unknown[];
      const explain = () =>
        sql.query<{ "QUERY PLAN": string }>(
          `EXPLAIN (ANALYZE, BUFFERS) ${statement.query}`,
          params,
        );
      await explain(); // the first planning in a new session reads the catalogs: not kept
      plans.push((await explain()).map((r) => r["QUERY PLAN"]).join("\n"));
    }
    return plans;
  });
}

/**
 * The indexes a plan reads, any sequential scan (bold for the tables in `bigTables`: there it
 * is a full read), and the server's planning and execution time.
 */
export function planSummary(
  plans: string[],
  bigTables: readonly string[],
): { planning: string; execution: string; scans: string } {
  const text = plans.join("\n");
  const indexes = new Set<string>();
  for (const m of text.matchAll(
    /(?:Index Only Scan|Index Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) "?([\w]+)"?/g,
  ))
    indexes.add(m[1]!);
  const seq = new Set<string>();
  for (const m of text.matchAll(/Seq Scan on "?([\w]+)"?/g)) seq.add(m[1]!);
  const total = (label: string) =>
    [...text.matchAll(new RegExp(`${label} Time: ([\\d.]+) ms`, "g"))]
      .map((m) => Number(m[1]))
      .reduce((s, v) => s + v, 0);
  const scans = [
    ...[...indexes].map((i) => `\`${i}\``),
    // A sequential scan of a small table (App: 50 rows) is the planner's right choice.
    ...[...seq].map((t) => (bigTables.includes(t) ? `**Seq Scan ${t}**` : `Seq Scan ${t}`)),
  ].join(", ");
  return {
    planning: plans.length ? ms(total("Planning")) : "–",
    execution: plans.length ? ms(total("Execution")) : "–",
    scans: scans || "–",
  };
}
