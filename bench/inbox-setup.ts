// The data set of the inbox benchmark: one organization at the scale of SPEC §9 (1,000,000
// tasks), in a scratch PostgreSQL database that `close()` drops again.
//
// The small tables (people, apps, entitlements, accounts, policies) go through the seed
// factories, like every fixture. The big ones (Request, Task, TaskAssignee) are generated
// set-based in SQL from generate_series, a few batches of INSERT ... SELECT in one session,
// with those tables' secondary indexes and foreign keys rebuilt (and so checked) afterwards.
// Their shape is decided by deterministic hashes of the request / task ordinal
// (hashint4extended), so every run builds the same organization:
//
// - six request shapes repeat (10 tasks per 6 requests): [PROVISION], [APPROVAL, PROVISION],
//   [DEPROVISION] (a REVOKE), [APPROVAL, APPROVAL, PROVISION], [APPROVAL] (pending or
//   denied), [APPROVAL, PROVISION]. Earlier steps are DONE (approved); the last task is
//   OPEN for ~8.3% of requests (~5% of all tasks), else DONE, ERRORED or CANCELLED.
// - apps are picked Zipf-like (a few big apps, a long tail); each app has 2 owners (who
//   approve the second step and deprovision) and a team of 20 provisioners; a request's
//   first approval goes to the requester's manager (380 line managers, 20 directors).
//   Every fifth person has an account in an app; other GRANTs name the person instead.
// - the busy provisioner is the sole or first assignee of ~6% of all PROVISION tasks, in
//   the ten biggest apps: ~2,000 open and ~20,000 closed by them; they were also
//   reassigned away from ~1% of the other provisioning tasks of those apps.
// - ~1% of all tasks were reassigned once (an inactive TaskAssignee row).
//
// Ids are uuid columns without a database default (Prisma makes uuid v7 in the client).
// Here they are v7-shaped too: the row's createdAt in the first 48 bits, then an md5 of
// the task number or request ordinal; deterministic, so tasks find their request's id
// without a lookup table. Not generated: events, comments, grants, notifications (the
// measured queries do not read them).
import { performance } from "node:perf_hooks";
import {
  listMigrations,
  applyMigrations,
  openDatabase,
  reserveTaskNumbers,
  withExecutor,
  type App,
  type Database,
  type Organization,
  type User,
} from "@lantern/db";
import {
  createAccounts,
  createApp,
  createEntitlement,
  createOrganization,
  createPolicy,
  createScratchPostgres,
  createUsers,
  snapshotPolicy,
  type PolicyWithSteps,
  type UserInput,
} from "@lantern/seed";
import type { Actor } from "@lantern/domain";
import { actorFor } from "../packages/api/src/testing.ts";
import { count, progress } from "./measure.ts";

export const DEFAULT_TASKS = 1_000_000;

export interface InboxBenchOptions {
  /** A PostgreSQL URL on the server where the scratch database is made. */
  baseUrl: string;
  /** Number of tasks, a multiple of 10 (6 requests per 10 tasks). */
  tasks?: number;
  /** Loading batches of Request + Task + TaskAssignee rows. */
  batches?: number;
}

/** What the service functions take: `{ db, actor }` (plus `now` for the ones that write). */
export interface ServiceCtx {
  db: Database["prisma"];
  actor: Actor;
  now: () => Date;
}

export interface DatasetStats {
  users: number;
  apps: number;
  entitlements: number;
  accounts: number;
  requests: number;
  tasks: number;
  openTasks: number;
  taskAssignees: number;
  activeOpenAssignees: number;
  loadSeconds: number;
}

export interface ViewerStats {
  openProvision: number;
  openAll: number;
  /** Tasks in the Completed tab of the Requests inbox (closed by them, or reassigned away). */
  completedTab: number;
}

export interface InboxBench {
  /** The scratch database, opened with `openDatabase({ url })`: what the services use. */
  db: Database;
  /** The scratch database's URL (for a second client, or raw SQL through `withExecutor`). */
  url: string;
  org: Organization;
  /** The busy provisioner. */
  busy: Actor;
  /** The ids of the busy provisioner's open PROVISION tasks (active assignee), oldest first. */
  busyOpenTaskIds: string[];
  /** A person with about ten open provisioning tasks. */
  typical: Actor;
  stats: DatasetStats;
  viewers: Map<string, ViewerStats>;
  ctxFor(actor: Actor): ServiceCtx;
  /** Closes the client and drops the scratch database. Safe to call twice. */
  close(): Promise<void>;
}

// ─────────────────────────── The organization's people and apps ───────────────────────────
// Person i of USERS (their index decides their role), written once for JS and SQL.

const USERS = 2000;
const APPS = 50;
const BIG_APPS = 10;
const POOL = 20;
/** Person i has an account in app a when (i + a) % ACCOUNT_EVERY = 0. */
const ACCOUNT_EVERY = 5;
const BUSY = 0;
const ADMIN = 1;
/** App a is owned by persons 2+2a and 3+2a. */
const owner = (a: number, j: 0 | 1) => 2 + 2 * a + j;
const ownerSql = (a: string, j: string) => `(2 + 2 * (${a}) + (${j}))`;
/** App a's provisioning team: persons 602+20a .. 621+20a. */
const poolMember = (a: number, j: number) => 602 + POOL * a + j;
const poolSql = (a: string, j: string) => `(602 + ${POOL} * (${a}) + (${j}))`;
/** Directors 202..221 report to the admin, line managers 222..601 to a director. */
function managerOf(i: number): number | null {
  if (i === ADMIN) return null;
  if (i >= 202 && i <= 221) return ADMIN;
  if (i >= 222 && i <= 601) return 202 + (i % 20);
  return 222 + (i % 380);
}

// prettier-ignore
const GIVEN = [
  "Avery", "Jordan", "Riley", "Morgan", "Casey", "Quinn", "Reese", "Rowan", "Amara", "Bilal",
  "Chen", "Dalia", "Emeka", "Farah", "Goran", "Hana", "Ines", "Jonas", "Kenji", "Leila",
  "Mateo", "Nadia", "Omar", "Priya", "Rafael", "Sofia", "Tomas", "Uma", "Viktor", "Wen",
  "Yara", "Zane", "Aiko", "Bruno", "Carmen", "Dmitri", "Elif", "Felix", "Greta", "Hugo",
];
// prettier-ignore
const FAMILY = [
  "Ellis", "Hayes", "Moreno", "Okoro", "Sato", "Novak", "Brandt", "Iqbal", "Kowalski", "Lindqvist",
  "Mensah", "Nakamura", "Oliveira", "Petrov", "Quintero", "Rossi", "Schmidt", "Tanaka", "Usman", "Varga",
  "Walsh", "Xu", "Yilmaz", "Zhang", "Abbott", "Baptiste", "Castillo", "Dubois", "Eriksen", "Fischer",
  "Garcia", "Horvat", "Ivanova", "Jensen", "Khan", "Larsen", "Murphy", "Nguyen", "O'Brien", "Park",
  "Quinlan", "Reyes", "Silva", "Thompson", "Ueda", "Vogel", "Weber", "Yamada", "Ziegler", "Achebe",
];
// prettier-ignore
const APP_NAMES = [
  "Salesforce", "GitHub", "Google Workspace", "Slack", "Jira", "AWS", "Okta", "Zoom", "Confluence", "Workday",
  "NetSuite", "HubSpot", "Zendesk", "Figma", "Notion", "Datadog", "Snowflake", "Tableau", "DocuSign", "Box",
  "Dropbox", "Asana", "Miro", "PagerDuty", "Sentry", "Greenhouse", "BambooHR", "Expensify", "Coupa", "Gong",
  "Outreach", "Intercom", "Marketo", "Looker", "Airtable", "1Password", "CrowdStrike", "Cloudflare", "Vercel", "Linear",
  "Loom", "Calendly", "Gusto", "Rippling", "Lattice", "Segment", "Mixpanel", "Amplitude", "Twilio", "Stripe",
];
const ENTITLEMENTS = ["viewer", "member", "admin", "billing"];
const REASONS = [
  "Joining the project this sprint.",
  "Needed for the quarterly close.",
  "New role on the team.",
  "Covering for a colleague on leave.",
  "Customer escalation needs it.",
  "Onboarding.",
  "Audit preparation.",
  "Access no longer needed.",
];

/** Zipf-like app popularity (weight 1/(a+1)): lower bounds of apps 1..49 in 0..1e6. */
function appBuckets(): { bounds: number[]; bigTotal: number } {
  const weights = Array.from({ length: APPS }, (_, a) => 1 / (a + 1));
  const total = weights.reduce((s, w) => s + w, 0);
  const bounds: number[] = [];
  let acc = 0;
  for (let a = 0; a < APPS - 1; a++) {
    acc += weights[a]!;
    bounds.push(Math.round((acc / total) * 1_000_000));
  }
  return { bounds, bigTotal: bounds[BIG_APPS - 1]! };
}

const BIG_TABLES = ["Request", "Task", "TaskAssignee"];

/** A well-mixed hash of an integer SQL expression, in 0 .. 2^30-1. */
const H = (expr: string, salt: number) =>
  `(hashint4extended((${expr})::int4, ${salt}) & 1073741823)`;

// Final-task fates, per mille of requests.
const OPEN_PER_MILLE = 83;
const ERRORED_UNTIL = 123;
const CANCELLED_UNTIL = 160;
/** Per mille of PROVISION-ending requests that go to the busy provisioner. */
const BUSY_PER_MILLE = 60;

// ──────────────────────────────────────── Setup ────────────────────────────────────────

export async function setupInboxBench(options: InboxBenchOptions): Promise<InboxBench> {
  const tasks = options.tasks ?? DEFAULT_TASKS;
  if (!Number.isInteger(tasks) || tasks <= 0 || tasks % 10 !== 0)
    throw new Error(`tasks must be a positive multiple of 10 (got ${tasks})`);
  const batches = options.batches ?? 4;
  const started = performance.now();
  const log = (message: string) => progress(started, message);

  const scratch = await createScratchPostgres(options.baseUrl, "lantern_bench");
  log(`scratch database ${scratch.name}`);
  let db: Database | null = null;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await db?.close().catch(() => {});
    await scratch.drop();
    log(`dropped ${scratch.name}`);
  };
  // Ctrl-C during a long load still drops the database.
  const onSignal = (signal: NodeJS.Signals) => {
    void close().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    const migrations = await listMigrations();
    await withExecutor({ url: scratch.url }, (sql) =>
      applyMigrations(sql, migrations, { log: () => {} }),
    );
    log(`applied ${migrations.length} migration(s)`);
    db = await openDatabase({ url: scratch.url });
    const prisma = db.prisma;

    // ── Small tables through the seed factories ──
    const org = await createOrganization(prisma, { slug: "bench-corp", name: "Bench Corp" });
    const person = (i: number): UserInput => {
      const givenName = i === BUSY ? "Dana" : GIVEN[i % GIVEN.length]!;
      const familyName = i === BUSY ? "Whitfield" : FAMILY[Math.floor(i / GIVEN.length)]!;
      const slug = `${givenName}.${familyName}`.toLowerCase().replace(/[^a-z.]/g, "");
      return {
        givenName,
        familyName,
        email: `${slug}.${i}@bench.example`,
        role: i === ADMIN ? "SUPER_ADMIN" : "MEMBER",
        title:
          i === BUSY
            ? "IT provisioning lead"
            : i >= 202 && i <= 221
              ? "Director"
              : i >= 222 && i <= 601
                ? "Team lead"
                : null,
      };
    };
    const users: User[] = new Array<User>(USERS);
    // Managers before their reports: the admin, directors, line managers, everyone else.
    const waves = [
      [ADMIN],
      range(202, 221),
      range(222, 601),
      [...range(0, USERS - 1)].filter((i) => i !== ADMIN && (i < 202 || i > 601)),
    ];
    for (const wave of waves) {
      const created = await createUsers(
        prisma,
        org,
        wave.map((i) => {
          const m = managerOf(i);
          return { ...person(i), manager: m === null ? null : users[m]! };
        }),
      );
      wave.forEach((i, n) => (users[i] = created[n]!));
    }
    const u = (i: number) => users[i]!;

    const policies = {
      direct: await createPolicy(prisma, org, { name: "Direct provisioning", steps: [] }),
      manager: await createPolicy(prisma, org, {
        name: "Manager approval",
        steps: [{ approverKind: "MANAGER" }],
      }),
      managerThenOwner: await createPolicy(prisma, org, {
        name: "Manager, then app owner",
        steps: [{ approverKind: "MANAGER" }, { approverKind: "APP_OWNERS" }],
      }),
      revoke: await createPolicy(prisma, org, { name: "Direct revocation", steps: [] }),
    };
    // The policy of each request shape (see the header).
    const shapePolicy: PolicyWithSteps[] = [
      policies.direct,
      policies.manager,
      policies.revoke,
      policies.managerThenOwner,
      policies.manager,
      policies.manager,
    ];

    const apps: App[] = [];
    const entitlements: { app: number; j: number; id: string }[] = [];
    const accounts: { app: number; user: number; id: string }[] = [];
    for (let a = 0; a < APPS; a++) {
      const app = await createApp(prisma, org, {
        name: APP_NAMES[a]!,
        owners: [u(owner(a, 0)), u(owner(a, 1))],
        provisioners: [
          ...range(0, POOL - 1).map((j) => u(poolMember(a, j))),
          ...(a < BIG_APPS ? [u(BUSY)] : []),
        ],
      });
      apps.push(app);
      for (const [j, slug] of ENTITLEMENTS.entries()) {
        const e = await createEntitlement(prisma, app, { slug });
        entitlements.push({ app: a, j, id: e.id });
      }
      // Every fifth person has an account in each app (more would only slow the factories).
      const holders = range(0, USERS - 1).filter((i) => (i + a) % ACCOUNT_EVERY === 0);
      const created = await createAccounts(
        prisma,
        app,
        holders.map((i) => ({ owner: u(i) })),
      );
      holders.forEach((i, n) => accounts.push({ app: a, user: i, id: created[n]!.id }));
    }
    log(
      `factories: ${count(USERS)} people, ${APPS} apps, ${entitlements.length} entitlements, ` +
        `${count(accounts.length)} accounts, ${Object.keys(policies).length} policies`,
    );

    // ── Requests, tasks and assignees, set-based ──
    const requests = (tasks / 10) * 6;
    const firstNumber = await reserveTaskNumbers(prisma, org.id, tasks);
    const { bounds, bigTotal } = appBuckets();
    // About three years of history, the newest requests a few days old.
    const stepSeconds = Math.max(1, Math.floor((3 * 365 * 86_400) / requests));
    const t0 = new Date(Date.now() - (requests * stepSeconds + 5 * 86_400) * 1000);

    await withExecutor({ url: scratch.url }, async (sql) => {
      await sql.exec(`
        SET temp_buffers = '256MB';
        SET maintenance_work_mem = '512MB';
        CREATE FUNCTION pg_temp.bench_id(ts timestamp, tag text) RETURNS uuid
          LANGUAGE sql IMMUTABLE AS $$
          SELECT (lpad(to_hex(floor(extract(epoch FROM ts) * 1000)::bigint), 12, '0')
                  || '7' || substr(md5(tag), 1, 3) || '8' || substr(md5(tag), 4, 15))::uuid
        $$;
        CREATE TEMP TABLE b_user (i int PRIMARY KEY, id uuid NOT NULL, manager_i int);
        CREATE TEMP TABLE b_app (i int PRIMARY KEY, id uuid NOT NULL);
        CREATE TEMP TABLE b_ent (app_i int, j int, id uuid NOT NULL, PRIMARY KEY (app_i, j));
        CREATE TEMP TABLE b_account (app_i int, user_i int, id uuid NOT NULL,
                                     PRIMARY KEY (app_i, user_i));
        CREATE TEMP TABLE b_policy (shape int PRIMARY KEY, id uuid NOT NULL, name text NOT NULL,
                                    snapshot jsonb NOT NULL);
        -- The task slots of each request shape.
        CREATE TEMP TABLE b_slot (shape int, pos int, kind "TaskKind", ntasks int,
                                  PRIMARY KEY (shape, pos));
        INSERT INTO b_slot VALUES
          (0, 0, 'PROVISION', 1),
          (1, 0, 'APPROVAL', 2), (1, 1, 'PROVISION', 2),
          (2, 0, 'DEPROVISION', 1),
          (3, 0, 'APPROVAL', 3), (3, 1, 'APPROVAL', 3), (3, 2, 'PROVISION', 3),
          (4, 0, 'APPROVAL', 1),
          (5, 0, 'APPROVAL', 2), (5, 1, 'PROVISION', 2);`);
      await sql.query(`INSERT INTO b_user SELECT * FROM unnest($1::int[], $2::uuid[], $3::int[])`, [
        range(0, USERS - 1),
        users.map((x) => x.id),
        range(0, USERS - 1).map(managerOf),
      ]);
      await sql.query(`INSERT INTO b_app SELECT * FROM unnest($1::int[], $2::uuid[])`, [
        range(0, APPS - 1),
        apps.map((x) => x.id),
      ]);
      await sql.query(`INSERT INTO b_ent SELECT * FROM unnest($1::int[], $2::int[], $3::uuid[])`, [
        entitlements.map((e) => e.app),
        entitlements.map((e) => e.j),
        entitlements.map((e) => e.id),
      ]);
      await sql.query(
        `INSERT INTO b_account SELECT * FROM unnest($1::int[], $2::int[], $3::uuid[])`,
        [accounts.map((x) => x.app), accounts.map((x) => x.user), accounts.map((x) => x.id)],
      );
      await sql.query(
        `INSERT INTO b_policy SELECT * FROM unnest($1::int[], $2::uuid[], $3::text[], $4::jsonb[])`,
        [
          shapePolicy.map((_, shape) => shape),
          shapePolicy.map((p) => p.id),
          shapePolicy.map((p) => p.name),
          shapePolicy.map((p) => JSON.stringify(snapshotPolicy(p))),
        ],
      );

      // One row per request: everything its rows are computed from.
      await sql.query(
        `CREATE TEMP TABLE b_req AS
         SELECT q.*,
                q.created_at + (q.ntasks - 1) * interval '2 hours' AS last_created,
                CASE WHEN q.fate = 'OPEN' THEN NULL
                     ELSE q.created_at + (q.ntasks - 1) * interval '2 hours'
                          + q.close_minutes * interval '1 minute' END AS final_completed_at
           FROM (
             SELECT g.k, g.shape, g.busy,
                    CASE WHEN g.busy THEN width_bucket(${H("g.k", 2)} % ${bigTotal}, $1::bigint[])
                         ELSE width_bucket(${H("g.k", 2)} % 1000000, $1::bigint[]) END AS app_i,
                    (${H("g.k", 3)} % ${USERS})::int AS requester_i,
                    (${H("g.k", 4)} % ${USERS})::int AS subject_raw,
                    (${H("g.k", 5)} % ${ENTITLEMENTS.length})::int AS ent_j,
                    CASE WHEN ${H("g.k", 6)} % 1000 < ${OPEN_PER_MILLE} THEN 'OPEN'
                         WHEN ${H("g.k", 6)} % 1000 < ${ERRORED_UNTIL} THEN 'ERRORED'
                         WHEN ${H("g.k", 6)} % 1000 < ${CANCELLED_UNTIL} THEN 'CANCELLED'
                         ELSE 'DONE' END::"TaskState" AS fate,
                    (ARRAY[1, 2, 1, 3, 1, 2])[g.shape + 1] AS ntasks,
                    (g.k / 6) * 10 + (ARRAY[0, 1, 3, 4, 7, 8])[g.shape + 1] AS first_offset,
                    $2::timestamp + (g.k::bigint * ${stepSeconds} + ${H("g.k", 7)} % ${stepSeconds})
                                    * interval '1 second' AS created_at,
                    (30 + ${H("g.k", 8)} % 4000)::int AS close_minutes
               FROM (SELECT k, k % 6 AS shape,
                            (k % 6 IN (0, 1, 3, 5) AND ${H("k", 1)} % 1000 < ${BUSY_PER_MILLE}) AS busy
                       FROM generate_series(0, ${requests - 1}) AS k) g
           ) q`,
        [bounds, t0.toISOString()],
      );
      await sql.exec(`
        ALTER TABLE b_req ADD COLUMN subject_i int;
        -- A revocation is about an account: the next person who has one in the app.
        UPDATE b_req SET subject_i = CASE WHEN shape <> 2 THEN subject_raw
          ELSE (subject_raw + (${ACCOUNT_EVERY} - (subject_raw + app_i) % ${ACCOUNT_EVERY}) % ${ACCOUNT_EVERY}) % ${USERS} END;
        CREATE INDEX ON b_req (k);
        ANALYZE b_req;`);

      // One row per task, with its assignees as person indexes.
      await sql.exec(`
        CREATE TEMP VIEW b_task0 AS
        SELECT r.k, s.pos, s.kind, r.app_i, r.busy, r.requester_i,
               (r.first_offset + s.pos)::int AS t,
               ${firstNumber} + r.first_offset + s.pos AS number,
               pg_temp.bench_id(r.created_at, 'r' || r.k) AS request_id,
               r.created_at + s.pos * interval '2 hours' AS created_at,
               CASE WHEN s.pos < r.ntasks - 1 THEN 'DONE' ELSE r.fate END::"TaskState" AS state,
               s.pos = r.ntasks - 1 AS final,
               CASE WHEN s.pos < r.ntasks - 1 THEN r.created_at + (s.pos + 1) * interval '2 hours'
                    ELSE r.final_completed_at END AS completed_at
          FROM b_req r JOIN b_slot s ON s.shape = r.shape;

        CREATE TEMP VIEW b_task1 AS
        SELECT x.*, m.manager_i AS requester_manager_i,
               CASE WHEN x.kind = 'APPROVAL' AND x.pos = 0 THEN coalesce(m.manager_i, ${ownerSql("x.app_i", "0")})
                    WHEN x.kind = 'APPROVAL' THEN ${ownerSql("x.app_i", "0")}
                    WHEN x.kind = 'PROVISION' AND x.busy THEN ${BUSY}
                    WHEN x.kind = 'PROVISION' THEN ${poolSql("x.app_i", `${H("x.t", 9)} % ${POOL}`)}
                    ELSE ${ownerSql("x.app_i", `${H("x.t", 9)} % 2`)} END AS a1_i,
               CASE WHEN x.kind = 'APPROVAL' AND x.pos = 0 THEN NULL
                    WHEN x.kind = 'APPROVAL' THEN ${ownerSql("x.app_i", "1")}
                    WHEN x.kind = 'PROVISION' AND x.busy THEN
                      CASE WHEN ${H("x.t", 10)} % 10 < 3 THEN ${poolSql("x.app_i", `${H("x.t", 9)} % ${POOL}`)} END
                    WHEN x.kind = 'PROVISION' THEN
                      CASE WHEN ${H("x.t", 10)} % 10 < 4 THEN ${poolSql("x.app_i", `(${H("x.t", 9)} + 1) % ${POOL}`)} END
                    ELSE CASE WHEN ${H("x.t", 10)} % 2 = 0 THEN ${ownerSql("x.app_i", `1 - ${H("x.t", 9)} % 2`)} END
               END AS a2_i,
               CASE WHEN ${H("x.t", 11)} % 100 = 0 THEN
                 CASE WHEN x.kind = 'PROVISION' AND x.app_i < ${BIG_APPS} AND NOT x.busy THEN ${BUSY}
                      ELSE (${H("x.t", 12)} % ${USERS})::int END
               END AS prev_raw
          FROM b_task0 x JOIN b_user m ON m.i = x.requester_i;

        CREATE TEMP VIEW b_task AS
        SELECT y.*,
               CASE WHEN y.prev_raw IN (y.a1_i, coalesce(y.a2_i, -1)) THEN NULL ELSE y.prev_raw END AS prev_i,
               CASE WHEN y.state IN ('DONE', 'ERRORED') THEN y.a1_i
                    WHEN y.state = 'CANCELLED' THEN y.requester_i END AS completed_by_i,
               pg_temp.bench_id(y.created_at, 't' || y.number) AS id
          FROM b_task1 y;`);

      // Like pg_restore: the big tables' secondary indexes and foreign keys go while the
      // rows load and are rebuilt afterwards, from their own definitions, by PostgreSQL,
      // which checks every row against them (unique indexes, partial unique indexes and
      // foreign keys alike). Row-by-row index and foreign-key maintenance would take most
      // of the run instead.
      const deferred = await sql.query<{ kind: string; name: string; tbl: string; def: string }>(
        `SELECT 'index' AS kind, c.relname AS name, i.indrelid::regclass::text AS tbl,
                pg_get_indexdef(i.indexrelid) AS def
           FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
          WHERE i.indrelid = ANY ($1::regclass[]) AND NOT i.indisprimary
            AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
         UNION ALL
         SELECT 'fk', k.conname, k.conrelid::regclass::text, pg_get_constraintdef(k.oid)
           FROM pg_constraint k
          WHERE k.conrelid = ANY ($1::regclass[]) AND k.contype = 'f'`,
        [BIG_TABLES.map((t) => `"${t}"`)],
      );
      for (const d of deferred)
        await sql.exec(
          d.kind === "index"
            ? `DROP INDEX "${d.name}"`
            : `ALTER TABLE ${d.tbl} DROP CONSTRAINT "${d.name}"`,
        );

      const perBatch = Math.ceil(requests / batches);
      for (let b = 0; b < batches; b++) {
        const lo = b * perBatch;
        const hi = Math.min(requests, lo + perBatch) - 1;
        if (lo > hi) break;
        const inserted = { requests: 0, tasks: 0, assignees: 0 };
        await sql.exec("BEGIN");
        inserted.requests = await insertCount(
          sql,
          `INSERT INTO "Request" ("id", "organizationId", "kind", "requesterId", "accountId",
             "targetUserId", "appId", "entitlementId", "grantId", "reason", "durationDays", "state",
             "policyId", "policyName", "policySnapshot", "currentStep", "completedAt",
             "createdAt", "updatedAt")
           SELECT pg_temp.bench_id(r.created_at, 'r' || r.k), $1::uuid,
                  CASE WHEN r.shape = 2 THEN 'REVOKE' ELSE 'GRANT' END::"RequestKind",
                  rq.id, ac.id, CASE WHEN ac.id IS NULL THEN su.id END, ap.id, en.id, NULL,
                  CASE WHEN r.shape = 2 THEN $2 ELSE ($3::text[])[(1 + ${H("r.k", 13)} % 7)::int] END,
                  CASE WHEN r.shape <> 2 AND ${H("r.k", 14)} % 5 = 0 THEN 90 END,
                  CASE r.fate
                    WHEN 'OPEN' THEN CASE WHEN r.shape = 4 THEN 'PENDING_APPROVAL' ELSE 'PROVISIONING' END
                    WHEN 'DONE' THEN CASE WHEN r.shape = 4 THEN 'DENIED' ELSE 'COMPLETED' END
                    WHEN 'ERRORED' THEN 'ERRORED'
                    ELSE 'CANCELLED' END::"RequestState",
                  po.id, po.name, po.snapshot, r.ntasks - 1, r.final_completed_at,
                  r.created_at, coalesce(r.final_completed_at, r.last_created)
             FROM b_req r
             JOIN b_user rq ON rq.i = r.requester_i
             JOIN b_user su ON su.i = r.subject_i
             JOIN b_app ap ON ap.i = r.app_i
             JOIN b_ent en ON en.app_i = r.app_i AND en.j = r.ent_j
             JOIN b_policy po ON po.shape = r.shape
             LEFT JOIN b_account ac ON ac.app_i = r.app_i AND ac.user_i = r.subject_i
            WHERE r.k BETWEEN ${lo} AND ${hi}`,
          [org.id, REASONS[REASONS.length - 1]!, REASONS.slice(0, -1)],
        );
        // This batch's tasks, computed once for both inserts.
        await sql.exec(
          `CREATE TEMP TABLE b_batch AS SELECT * FROM b_task WHERE k BETWEEN ${lo} AND ${hi}`,
        );
        inserted.tasks = await insertCount(
          sql,
          `INSERT INTO "Task" ("id", "organizationId", "number", "requestId", "appId", "kind",
             "state", "stepIndex", "outcome", "outcomeNote", "completedById", "completedAt",
             "version", "createdAt", "updatedAt")
           SELECT x.id, $1::uuid, x.number, x.request_id, ap.id, x.kind, x.state, x.pos,
                  CASE WHEN x.state = 'OPEN' THEN NULL
                       WHEN x.state = 'ERRORED' THEN 'ERRORED'
                       WHEN x.state = 'CANCELLED' THEN 'CANCELLED'
                       WHEN x.kind = 'APPROVAL' THEN CASE WHEN x.final THEN 'DENIED' ELSE 'APPROVED' END
                       WHEN x.kind = 'PROVISION' THEN 'PROVISIONED'
                       ELSE 'DEPROVISIONED' END::"TaskOutcome",
                  CASE WHEN x.state = 'ERRORED' THEN 'The app refused the change: no licence left.'
                       WHEN x.state = 'DONE' AND x.kind = 'APPROVAL' AND x.final
                         THEN 'Not needed for this role.' END,
                  cb.id, x.completed_at,
                  (x.state <> 'OPEN')::int + (x.prev_i IS NOT NULL)::int,
                  x.created_at, coalesce(x.completed_at, x.created_at)
             FROM b_batch x
             JOIN b_app ap ON ap.i = x.app_i
             LEFT JOIN b_user cb ON cb.i = x.completed_by_i
`,
          [org.id],
        );
        // Active assignees (1-2), and the person some tasks were reassigned away from.
        inserted.assignees = await insertCount(
          sql,
          `INSERT INTO "TaskAssignee" ("id", "taskId", "userId", "organizationId", "kind",
             "taskOpen", "active", "assignedAt", "assignedById", "unassignedAt", "unassignedReason")
           SELECT pg_temp.bench_id(x.created_at, 'a' || x.number || ':' || v.slot), x.id, au.id, $1::uuid, x.kind, x.state = 'OPEN', v.active,
                  CASE WHEN x.prev_i IS NOT NULL AND v.active
                       THEN x.created_at + interval '30 minutes' ELSE x.created_at END,
                  CASE WHEN v.active THEN pu.id END,
                  CASE WHEN NOT v.active THEN x.created_at + interval '30 minutes' END,
                  CASE WHEN NOT v.active THEN 'Out of office this week, handing over.' END
             FROM b_batch x
             CROSS JOIN LATERAL (VALUES (x.a1_i, true, 1), (x.a2_i, true, 2), (x.prev_i, false, 3))
                   AS v(user_i, active, slot)
             JOIN b_user au ON au.i = v.user_i
             LEFT JOIN b_user pu ON pu.i = x.prev_i
`,
          [org.id],
        );
        await sql.exec("DROP TABLE b_batch");
        await sql.exec("COMMIT");
        log(
          `batch ${b + 1}/${batches}: ${count(inserted.requests)} requests, ` +
            `${count(inserted.tasks)} tasks, ${count(inserted.assignees)} assignees`,
        );
      }
      log(`rows loaded; rebuilding ${deferred.length} indexes and foreign keys`);
      for (const d of deferred.filter((x) => x.kind === "index")) await sql.exec(d.def);
      log(`indexes rebuilt`);
      for (const d of deferred.filter((x) => x.kind === "fk"))
        await sql.exec(`ALTER TABLE ${d.tbl} ADD CONSTRAINT "${d.name}" ${d.def}`);
      log(`foreign keys added and validated`);
      // ANALYZE for the planner; VACUUM sets the visibility map, as on a table in service
      // (index-only scans otherwise visit the heap for every row).
      await sql.exec(`VACUUM (ANALYZE) ${BIG_TABLES.map((t) => `"${t}"`).join(", ")}`);
      await sql.exec(`ANALYZE`);
      log(`VACUUM (ANALYZE) done`);
    });

    // ── Who is measured ──
    const stats = await datasetStats(db, org.id, (performance.now() - started) / 1000);
    const typicalRow = await prisma.$queryRaw<{ userId: string }[]>`
      SELECT a."userId"
        FROM "TaskAssignee" a
       WHERE a."organizationId" = ${org.id}::uuid AND a."kind" = 'PROVISION' AND a."active"
       GROUP BY a."userId"
      HAVING count(*) FILTER (WHERE a."taskOpen") > 0
       ORDER BY abs(count(*) FILTER (WHERE a."taskOpen") - 10), count(*) DESC, a."userId"
       LIMIT 1`;
    const busy = await actorOf(db, u(BUSY).id);
    const typical = await actorOf(db, typicalRow[0]?.userId ?? u(poolMember(APPS - 1, 0)).id);
    const busyOpenTaskIds = (
      await prisma.$queryRaw<{ id: string }[]>`
        SELECT t."id"
          FROM "TaskAssignee" a JOIN "Task" t ON t."id" = a."taskId"
         WHERE a."userId" = ${busy.id}::uuid AND a."kind" = 'PROVISION'
           AND a."taskOpen" AND a."active"
         ORDER BY t."createdAt", t."id"`
    ).map((r) => r.id);
    const viewers = new Map<string, ViewerStats>();
    for (const actor of [busy, typical]) viewers.set(actor.id, await viewerStats(db, actor));
    log(
      `ready: ${count(stats.tasks)} tasks (${count(stats.openTasks)} open), ` +
        `${count(stats.taskAssignees)} assignees; busy provisioner ${busy.displayName}: ` +
        `${count(busyOpenTaskIds.length)} open PROVISION tasks`,
    );

    const opened = db;
    return {
      db: opened,
      url: scratch.url,
      org,
      busy,
      busyOpenTaskIds,
      typical,
      stats,
      viewers,
      ctxFor: (actor) => ({ db: opened.prisma, actor, now: () => new Date() }),
      close,
    };
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, n) => from + n);
}

/** The raw SQL session `withExecutor` hands out. */
type Sql = Parameters<Parameters<typeof withExecutor>[1]>[0];

async function insertCount(sql: Sql, statement: string, params: unknown[]): Promise<number> {
  const rows = await sql.query<{ n: string }>(
    `WITH ins AS (${statement} RETURNING 1) SELECT count(*)::text AS n FROM ins`,
    params,
  );
  return Number(rows[0]?.n ?? 0);
}

async function actorOf(db: Database, userId: string): Promise<Actor> {
  const actor = await actorFor(db.prisma, userId);
  if (!actor) throw new Error(`User ${userId} cannot sign in`);
  return actor;
}

async function datasetStats(
  db: Database,
  orgId: string,
  loadSeconds: number,
): Promise<DatasetStats> {
  const [row] = await db.prisma.$queryRaw<Record<string, bigint>[]>`
    SELECT (SELECT count(*) FROM "User" WHERE "organizationId" = ${orgId}::uuid) AS users,
           (SELECT count(*) FROM "App" WHERE "organizationId" = ${orgId}::uuid) AS apps,
           (SELECT count(*) FROM "Entitlement" WHERE "organizationId" = ${orgId}::uuid) AS entitlements,
           (SELECT count(*) FROM "Account" WHERE "organizationId" = ${orgId}::uuid) AS accounts,
           (SELECT count(*) FROM "Request" WHERE "organizationId" = ${orgId}::uuid) AS requests,
           (SELECT count(*) FROM "Task" WHERE "organizationId" = ${orgId}::uuid) AS tasks,
           (SELECT count(*) FROM "Task" WHERE "organizationId" = ${orgId}::uuid AND "state" = 'OPEN') AS "openTasks",
           (SELECT count(*) FROM "TaskAssignee" WHERE "organizationId" = ${orgId}::uuid) AS "taskAssignees",
           (SELECT count(*) FROM "TaskAssignee" WHERE "organizationId" = ${orgId}::uuid
               AND "active" AND "taskOpen") AS "activeOpenAssignees"`;
  const n = (key: string) => Number(row?.[key] ?? 0);
  return {
    users: n("users"),
    apps: n("apps"),
    entitlements: n("entitlements"),
    accounts: n("accounts"),
    requests: n("requests"),
    tasks: n("tasks"),
    openTasks: n("openTasks"),
    taskAssignees: n("taskAssignees"),
    activeOpenAssignees: n("activeOpenAssignees"),
    loadSeconds,
  };
}

async function viewerStats(db: Database, actor: Actor): Promise<ViewerStats> {
  const [row] = await db.prisma.$queryRaw<Record<string, bigint>[]>`
    SELECT (SELECT count(*) FROM "TaskAssignee" WHERE "userId" = ${actor.id}::uuid
               AND "active" AND "taskOpen" AND "kind" = 'PROVISION') AS "openProvision",
           (SELECT count(*) FROM "TaskAssignee" WHERE "userId" = ${actor.id}::uuid
               AND "active" AND "taskOpen") AS "openAll",
           (SELECT count(DISTINCT id) FROM (
              SELECT t."id" FROM "Task" t
               WHERE t."completedById" = ${actor.id}::uuid AND t."state" IN ('DONE', 'ERRORED')
                 AND t."kind" IN ('APPROVAL', 'PROVISION')
              UNION ALL
              SELECT a."taskId" FROM "TaskAssignee" a
               WHERE a."userId" = ${actor.id}::uuid AND NOT a."active"
                 AND a."kind" IN ('APPROVAL', 'PROVISION')) c) AS "completedTab"`;
  return {
    openProvision: Number(row?.openProvision ?? 0),
    openAll: Number(row?.openAll ?? 0),
    completedTab: Number(row?.completedTab ?? 0),
  };
}
