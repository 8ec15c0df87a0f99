import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@lantern/db/testing";
import { randomBytes } from "node:crypto";
import { createContext } from "./context.ts";
import { appRouter, createCaller } from "./root.ts";
import { SecretsKey } from "./services/connectors/secrets.ts";
import { freshSession } from "./testing.ts";
import {
  buildWorld,
  MATRIX,
  ROLES,
  type Case,
  type Outcome,
  type ProcedurePath,
  type Role,
  type World,
} from "./role-matrix.table.ts";

// The role matrix (issue 13, SPEC §8): every procedure of appRouter, enumerated from the router
// itself, called as every kind of caller with a valid input from one fixture world, on a real
// database (PostgreSQL at DATABASE_URL, else PGlite). Each call must end as the table says:
// "ok" means the call succeeded (mutations really change a fresh target), a refusal is the
// typed error and changes nothing. Around each answer: another organization's super admin
// never receives anything of the first organization, and a member or a manager never receives
// an account (or a grant of an account) that is neither theirs nor a direct report's.

type AnyCaller = Record<string, Record<string, (input: unknown) => Promise<unknown>>>;

const PROCEDURES = Object.keys(appRouter._def.procedures).sort();
const procedureType = (path: string) =>
  (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)[path]!._def
    .type;

let db: TestDatabase;
let world: World;
const callers = {} as Record<Role, AnyCaller>;
/** Calls by outcome, for the figures printed at the end. */
const tally: Record<string, number> = { ok: 0, FORBIDDEN: 0, NOT_FOUND: 0, UNAUTHORIZED: 0 };
const OUTCOMES: readonly string[] = ["ok", "FORBIDDEN", "NOT_FOUND", "UNAUTHORIZED"];

beforeAll(async () => {
  db = await createTestDatabase();
  world = await buildWorld(db.prisma);
  for (const role of ROLES) {
    const user = role === "signedOut" ? null : world.people[role];
    const context = await createContext({
      db: db.prisma,
      session: await freshSession(db.prisma, user?.id ?? null),
      production: true,
      // As a configured server: connector secrets can be stored.
      secretsKey: SecretsKey.parse(randomBytes(32).toString("base64")),
    });
    callers[role] = createCaller(context) as unknown as AnyCaller;
  }
});

afterAll(async () => {
  const calls = Object.values(tally).reduce((a, b) => a + b, 0);
  if (calls > 0) {
    console.log(
      `role matrix: ${PROCEDURES.length} procedures × ${ROLES.length} callers = ${calls} calls: ` +
        Object.entries(tally)
          .map(([outcome, count]) => `${count} ${outcome}`)
          .join(", "),
    );
  }
  await db?.close();
});

/** Events that record a change (refusals are recorded too, as `…_refused`: not a change). */
async function changeEvents(): Promise<number> {
  const [row] = await db.prisma.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM "Event" WHERE action NOT LIKE '%refused'`;
  return row!.n;
}

/** Every id (and email, and the name) of the first organization's rows. */
async function firstOrganizationMarkers(): Promise<string[]> {
  const org = world.org.id;
  const rows = await db.prisma.$queryRaw<Array<{ v: string }>>`
    SELECT id::text AS v FROM "User" WHERE "organizationId" = ${org}::uuid
    UNION ALL SELECT email FROM "User" WHERE "organizationId" = ${org}::uuid
    UNION ALL SELECT id::text FROM "App" WHERE "organizationId" = ${org}::uuid
    UNION ALL SELECT id::text FROM "Entitlement" WHERE "organizationId" = ${org}::uuid
    UNION ALL SELECT id::text FROM "Account" WHERE "organizationId" = ${org}::uuid
    UNION ALL SELECT id::text FROM "Grant" WHERE "organizationId" = ${org}::uuid
    UNION ALL SELECT id::text FROM "Request" WHERE "organizationId" = ${org}::uuid
    UNION ALL SELECT id::text FROM "Task" WHERE "organizationId" = ${org}::uuid
    UNION ALL SELECT id::text FROM "Policy" WHERE "organizationId" = ${org}::uuid
    UNION ALL SELECT id::text FROM "Notification" WHERE "organizationId" = ${org}::uuid
    UNION ALL SELECT id::text FROM "Event" WHERE "organizationId" = ${org}::uuid`;
  return [org, world.org.name, ...rows.map((r) => r.v)];
}

/** Accounts `userId` may not see (neither theirs nor a direct report's), and their grants. */
async function otherPeoplesAccounts(userId: string): Promise<string[]> {
  const rows = await db.prisma.$queryRaw<Array<{ v: string }>>`
    WITH hidden AS (
      SELECT a.id FROM "Account" a LEFT JOIN "User" o ON o.id = a."ownerId"
       WHERE a."organizationId" = ${world.org.id}::uuid
         AND a."ownerId" IS DISTINCT FROM ${userId}::uuid
         AND o."managerId" IS DISTINCT FROM ${userId}::uuid)
    SELECT id::text AS v FROM hidden
    UNION ALL SELECT g.id::text FROM "Grant" g JOIN hidden h ON h.id = g."accountId"`;
  return rows.map((r) => r.v);
}

function holdsNone(result: unknown, markers: string[], what: string) {
  const text = JSON.stringify(result) ?? "";
  const found = markers.filter((m) => text.includes(m));
  expect(found, `the answer holds ${what}`).toEqual([]);
}

async function callAs(role: Role, path: string, input: unknown) {
  const [router, procedure] = path.split(".") as [string, string];
  try {
    return { outcome: "ok" as Outcome, result: await callers[role][router]![procedure]!(input) };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return { outcome: error.code as Outcome, result: undefined, message: error.message };
  }
}

async function runCase(path: ProcedurePath, row: Case<ProcedurePath>) {
  const mutation = procedureType(path) === "mutation";
  const actual = {} as Record<Role, Outcome | string>;
  for (const role of ROLES) {
    const input = await row.input(world, role);
    const before = await changeEvents();
    const call = await callAs(role, path, input);
    let outcome = call.outcome;
    if (outcome === "ok" && row.outcome) outcome = row.outcome(call.result as never);
    tally[outcome] = (tally[outcome] ?? 0) + 1;
    // Anything but the four outcomes (BAD_REQUEST, CONFLICT…) shows with its message.
    actual[role] = OUTCOMES.includes(outcome) ? outcome : `${outcome}: ${call.message}`;
    const after = await changeEvents();
    if (outcome !== "ok") {
      expect(after, `${role}: a refused ${path} changed something`).toBe(before);
      continue;
    }
    if (mutation && row.writesNothing) {
      expect(after, `${role}: ${path} is not to change anything`).toBe(before);
    } else if (mutation) {
      expect(after, `${role}: ${path} recorded no event`).toBeGreaterThan(before);
    }
    if (role === "otherOrganization") {
      holdsNone(call.result, await firstOrganizationMarkers(), "the first organization's data");
    }
    if (role === "member" || role === "manager") {
      holdsNone(
        call.result,
        await otherPeoplesAccounts(world.people[role].id),
        `other people's accounts or grants (as ${role})`,
      );
    }
    await row.check?.(world, role, call.result as never);
  }
  expect(actual).toEqual(row.expect);
}

describe("the role matrix", () => {
  it("has one row for every procedure of the router, and none for a procedure that is gone", () => {
    const rows = Object.keys(MATRIX).sort();
    expect(
      PROCEDURES.filter((p) => !rows.includes(p)),
      "procedures without a row",
    ).toEqual([]);
    expect(
      rows.filter((p) => !PROCEDURES.includes(p)),
      "rows naming no procedure",
    ).toEqual([]);
  });

  it("lets the auditor read everything and change nothing but their own things", () => {
    // What an auditor may still change: their own notification preferences, and a request of
    // their own (as any member may). The dev mailbox is off on this server, for everyone.
    const selfService = ["me.updateNotificationPreferences", "requests.create"];
    const wrong = Object.entries(MATRIX).flatMap(([path, entry]) => {
      const rows = (Array.isArray(entry) ? entry : [entry]) as Case<ProcedurePath>[];
      const expected: Outcome = path.startsWith("devMailbox.")
        ? "NOT_FOUND"
        : procedureType(path) === "query" || selfService.includes(path)
          ? "ok"
          : "FORBIDDEN";
      return rows
        .filter((row) => row.expect.auditor !== expected)
        .map((row) => `${path}${row.name ? ` (${row.name})` : ""}: ${row.expect.auditor}`);
    });
    expect(wrong).toEqual([]);
  });

  describe.each(PROCEDURES)("%s", (path) => {
    const entry = MATRIX[path as ProcedurePath] as Case<ProcedurePath> | Case<ProcedurePath>[];
    const cases = entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
    if (cases.length === 0) {
      it("has a row", () => {
        expect.fail(`${path} has no row in role-matrix.table.ts: add one`);
      });
    }
    for (const row of cases) {
      it(row.name ?? "every caller", async () => {
        await runCase(path as ProcedurePath, row);
      });
    }
  });
});
