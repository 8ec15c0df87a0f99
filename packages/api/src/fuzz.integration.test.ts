import fc from "fast-check";
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@lantern/db/testing";
import { createContext } from "./context.ts";
import { appRouter, createCaller } from "./root.ts";
import { freshSession } from "./testing.ts";
import { inputOf, validOf, type FuzzPools, type Schema } from "./testing/fuzz/arbitraries.ts";
import { fuzzSettings } from "./testing/fuzz/env.ts";
import { seedFuzzWorld, topUpOpenWork, type FuzzWorld } from "./testing/fuzz/world.ts";

// The net of issue 13: every procedure of the router — enumerated, so one added tomorrow is
// fuzzed with no edit — called as a super admin, an auditor and a plain member with generated inputs
// (valid, boundary and hostile: NUL, lone surrogates, control characters, 1 MB text, deep
// nesting, wrong types, missing and extra fields, tampered cursors, the other organization's
// ids, real ids of the actor's organization). Any INTERNAL_SERVER_ERROR, or an error that is not
// a TRPCError, fails the test with the procedure, the role and the shrunk input.
//
//   FUZZ_RUNS=300 DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \
//     npx vitest run src/fuzz.integration.test.ts          (a deep run; FUZZ_SEED replays one)
// Runs per procedure and role: FUZZ_RUNS, else 50 on PostgreSQL (CI) and 20 on PGlite.

const { runs: RUNS, seed: SEED, database: DATABASE } = fuzzSettings();

interface Procedure {
  path: string;
  type: "query" | "mutation" | "subscription";
  inputs: Schema[];
}

/** Every procedure of the router, from its own record (flat at run time: "apps.list" → …). */
const PROCEDURES: Procedure[] = Object.entries(
  appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: Procedure["type"]; inputs: Schema[] } }
  >,
).map(([path, procedure]) => ({ path, type: procedure._def.type, inputs: procedure._def.inputs }));

const ROLES = ["superAdmin", "auditor", "member"] as const;
type Role = (typeof ROLES)[number];

let db: TestDatabase;
let world: FuzzWorld;
let pools: FuzzPools;
const started = Date.now();
let seededIn = "?";
const tally = { calls: 0, ok: 0, refusedInput: 0, refusedOther: 0, internal: 0 };
const byCode = new Map<string, number>();
/** Procedure × role pairs that answered at least once (the rest are listed at the end). */
const answered = new Set<string>();

type Call = (input: unknown) => Promise<unknown>;

/** The procedure at `path` of a caller acting as `userId` (the dev mailbox switched on). */
async function callFor(userId: string, path: string): Promise<Call> {
  const caller = createCaller(
    await createContext({
      db: db.prisma,
      session: await freshSession(db.prisma, userId),
      production: true,
      devMailbox: "signed-in",
    }),
  );
  return path
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], caller) as Call;
}

/** Text of an input for a report: long strings cut, control characters escaped by JSON. */
function preview(value: unknown): string {
  const seen = new WeakSet<object>();
  let depth = 0;
  const text = JSON.stringify(value, function (_key, v: unknown) {
    if (typeof v === "string" && v.length > 120)
      return `${v.slice(0, 60)}…(${v.length} characters)`;
    if (typeof v === "bigint") return `${v}n`;
    if (v === undefined) return "(undefined)";
    if (typeof v === "object" && v !== null) {
      if (seen.has(v) || ++depth > 200) return "(deep)";
      seen.add(v);
    }
    return v;
  });
  return text === undefined ? String(value) : text;
}

type Outcome = { ok: true } | { ok: false; internal: boolean; code: string; error: unknown };

async function attempt(call: Call, input: unknown): Promise<Outcome> {
  tally.calls++;
  try {
    await call(input);
    tally.ok++;
    return { ok: true };
  } catch (error) {
    const code = error instanceof TRPCError ? error.code : "NOT_A_TRPC_ERROR";
    byCode.set(code, (byCode.get(code) ?? 0) + 1);
    const internal = !(error instanceof TRPCError) || error.code === "INTERNAL_SERVER_ERROR";
    if (internal) tally.internal++;
    else if (error.code === "BAD_REQUEST" && error.cause instanceof ZodError) tally.refusedInput++;
    else tally.refusedOther++;
    return { ok: false, internal, code, error };
  }
}

function describeError(error: unknown): string {
  const cause = error instanceof TRPCError ? (error.cause ?? error) : error;
  return cause instanceof Error
    ? `${cause.name}: ${cause.message}\n${cause.stack ?? ""}`
    : String(cause);
}

/** Keeps the actors as they are meant to be: a mutation may have changed a role or a status. */
async function restoreActors() {
  await db.prisma.user.update({
    where: { id: world.actors.superAdmin },
    data: { role: "SUPER_ADMIN", status: "ACTIVE" },
  });
  await db.prisma.user.update({
    where: { id: world.actors.auditor },
    data: { role: "AUDITOR", status: "ACTIVE" },
  });
  await db.prisma.user.update({
    where: { id: world.actors.member },
    data: { role: "MEMBER", status: "ACTIVE" },
  });
}

/** nextCursor values of every list, gathered with valid inputs of page size 1. */
async function collectCursors(base: Omit<FuzzPools, "cursors">): Promise<string[]> {
  const cursors = new Set<string>();
  const ctxPools: FuzzPools = { ...base, cursors: [] };
  for (const procedure of PROCEDURES) {
    const [schema] = procedure.inputs;
    const shape = schema && (schema._zod.def.shape as Record<string, unknown> | undefined);
    if (procedure.type !== "query" || !shape || !("cursor" in shape)) continue;
    const call = await callFor(world.actors.superAdmin, procedure.path);
    const namespace = procedure.path.split(".")[0]!;
    const samples = fc.sample(validOf(schema, { pools: ctxPools, namespace }), {
      numRuns: 8,
      seed: 1,
    });
    for (const sample of samples) {
      const input = { ...(sample as object), cursor: undefined, limit: 1 };
      const page = await call(input).catch(() => null);
      const next = (page as { nextCursor?: unknown } | null)?.nextCursor;
      if (typeof next === "string") cursors.add(next);
    }
  }
  return [...cursors];
}

beforeAll(async () => {
  db = await createTestDatabase();
  world = await seedFuzzWorld(db.prisma);
  pools = { ...world.pools, cursors: await collectCursors(world.pools) };
  seededIn = ((Date.now() - started) / 1000).toFixed(1);
}, 300_000);

afterAll(async () => {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const codes = [...byCode].map(([code, n]) => `${code} ${n}`).join(", ");
  console.log(
    `fuzz: ${PROCEDURES.length} procedures × ${ROLES.length} roles × ${RUNS} runs: ${tally.calls} calls ` +
      `(${tally.ok} answered, ${tally.refusedInput} refused by input validation, ` +
      `${tally.refusedOther} refused by the services, ${tally.internal} internal errors) in ${seconds} s` +
      `${codes ? ` — ${codes}` : ""}; ${pools?.cursors.length ?? 0} real cursors; ` +
      `${DATABASE}, world seeded in ${seededIn} s`,
  );
  const never = PROCEDURES.flatMap((p) => ROLES.map((role) => `${p.path} as ${role}`)).filter(
    (pair) => !answered.has(pair),
  );
  if (never.length > 0) console.log(`fuzz: never answered without an error: ${never.join(", ")}`);
  await db?.close();
});

describe("the router", () => {
  it("has procedures to fuzz, each a query or a mutation", () => {
    expect(PROCEDURES.length).toBeGreaterThan(50);
    for (const { path, type } of PROCEDURES)
      expect([path, type]).toEqual([path, expect.stringMatching(/^(query|mutation)$/)]);
  });
});

describe.each(ROLES)("fuzzing every procedure as %s", (role: Role) => {
  it.each(PROCEDURES.map((p) => [p.path, p] as const))(
    "%s never answers an internal error",
    async (path, procedure) => {
      await restoreActors();
      if (procedure.type === "mutation") {
        const work = await topUpOpenWork(db.prisma, world, world.actors[role]);
        pools = {
          ...pools,
          ids: { ...pools.ids, task: work.task, request: work.request },
          taskNumbers: work.taskNumbers,
        };
      }
      const userId = world.actors[role];
      const call = await callFor(userId, path);
      const namespace = path.split(".")[0]!;
      const reached = { count: 0 };
      // The first internal error as it happened (a replay may not repeat it: the world moves).
      const first: { found: { input: unknown; error: unknown } | null } = { found: null };
      const details = await fc.check(
        fc.asyncProperty(inputOf(procedure.inputs, { pools, namespace }), async (input) => {
          const outcome = await attempt(call, input);
          if (outcome.ok) answered.add(`${path} as ${role}`);
          else if (outcome.internal && !first.found) first.found = { input, error: outcome.error };
          if (
            outcome.ok ||
            !(outcome.error instanceof TRPCError && outcome.error.cause instanceof ZodError)
          ) {
            reached.count++;
          }
          return outcome.ok || !outcome.internal;
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: false, maxSkipsPerRun: 0 },
      );
      if (details.failed) {
        const input = details.counterexample?.[0];
        const outcome = await attempt(call, input);
        throw new Error(
          [
            `${path} as ${role} answered an internal error (seed ${details.seed}, path ${details.counterexamplePath}).`,
            `Shrunk input: ${preview(input)}`,
            `Error on replay: ${outcome.ok ? "(none: the world has moved on)" : describeError(outcome.error)}`,
            `First failing input: ${preview(first.found?.input)}`,
            `Its error: ${first.found ? describeError(first.found.error) : "(none recorded)"}`,
          ].join("\n"),
        );
      }
      // The generators reach past input validation (else the run proves little).
      expect(reached.count, `${path} as ${role}: no input got past validation`).toBeGreaterThan(0);
    },
    Math.max(60_000, RUNS * 3_000),
  );
});
