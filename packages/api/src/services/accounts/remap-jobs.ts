import { randomUUID } from "node:crypto";
import {
  enqueueJobs,
  QUEUES,
  runDueJobs,
  type AccountRemap,
  type Prisma,
  type PrismaClient,
} from "@lantern/db";
import { recordEvents, transaction } from "../shared/records.ts";
import { remapAccounts, withoutCursor, type RemapResult } from "./remap.ts";

// When and how an app's accounts are re-mapped (SPEC §4.2). Every change that can move owners
// (a mode change, an ingestion, people added, renamed or removed) calls `remapOrQueue` in its
// own transaction: a small app is re-mapped right there, so the change and its new owners
// commit together; a large one gets a queued AccountRemap, with its job in the job queue, that
// the background work runs batch by batch over id ranges (each batch the one set-based
// statement of remap.ts), recording its progress for the page to show. At most one re-map per
// app is QUEUED or RUNNING: a newer one supersedes it, and a batch that finds its job
// superseded stops.
//
// Locks, always in this order, so nothing deadlocks: the App row (changers take it FOR NO KEY
// UPDATE before anything else, a batch FOR SHARE — so a batch never runs while a change of the
// same app is in flight), then the AccountRemap row, then the accounts.

/** Apps with at most this many accounts are re-mapped inside the change's transaction. */
export const REMAP_INLINE_LIMIT = 20_000;
/** Accounts per batch of a queued re-map. */
export const REMAP_BATCH_SIZE = 20_000;
/** A RUNNING re-map whose worker has not finished a batch for this long is taken over. */
const STALE_AFTER_MS = 2 * 60_000;
const MAX_ATTEMPTS = 5;

export type RemapReason = "mode" | "import" | "people";

export interface RemapStatus {
  id: string;
  state: AccountRemap["state"];
  mode: AccountRemap["mode"];
  reason: string;
  total: number;
  done: number;
  matched: number;
  matchedByName: number;
  ambiguous: number;
  changed: number;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export function toRemapStatus(row: AccountRemap): RemapStatus {
  return {
    id: row.id,
    state: row.state,
    mode: row.mode,
    reason: row.reason,
    total: row.total,
    done: row.done,
    matched: row.matched,
    matchedByName: row.matchedByName,
    ambiguous: row.ambiguous,
    changed: row.changed,
    error: row.lastError,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}

type Tx = Prisma.TransactionClient;

/**
 * Takes the app's row lock for a change that will re-map it (FOR NO KEY UPDATE: account
 * inserts referencing the app still proceed). Returns the app's current mode, or null when
 * the app is gone or of another organization.
 */
export async function lockAppForRemap(tx: Tx, organizationId: string, appId: string) {
  const rows = await tx.$queryRaw<{ mode: AccountRemap["mode"] }[]>`
    SELECT "accountMappingMode"::text AS mode FROM "App"
    WHERE id = ${appId}::uuid AND "organizationId" = ${organizationId}::uuid
    FOR NO KEY UPDATE`;
  return rows[0]?.mode ?? null;
}

export interface RemapOrQueueInput {
  organizationId: string;
  appId: string;
  reason: RemapReason;
  requestedById: string | null;
  at: Date;
  /** Re-map inline when the app has at most this many accounts (default REMAP_INLINE_LIMIT). */
  inlineLimit?: number;
}

export interface RemapOutcome {
  status: RemapStatus;
  /** The counts when the re-map ran inline; null when it was queued. */
  result: RemapResult | null;
  /** Re-maps of the app this one superseded. */
  superseded: string[];
}

/**
 * In the caller's transaction (which holds the app's lock, see lockAppForRemap): supersedes
 * the app's queued or running re-map, then re-maps the app now when it is small, or queues a
 * re-map for the background work. Either way an AccountRemap row says what happened.
 */
export async function remapOrQueue(tx: Tx, input: RemapOrQueueInput): Promise<RemapOutcome> {
  const { organizationId, appId, at } = input;
  const superseded = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "AccountRemap"
    SET state = 'SUPERSEDED', "finishedAt" = ${at}, "lockedBy" = NULL, "updatedAt" = ${at}
    WHERE "appId" = ${appId}::uuid AND state IN ('QUEUED', 'RUNNING')
    RETURNING id::text`;
  const [app] = await tx.$queryRaw<{ mode: AccountRemap["mode"]; accounts: number }[]>`
    SELECT "accountMappingMode"::text AS mode,
           (SELECT count(*)::int FROM "Account" WHERE "appId" = ${appId}::uuid) AS accounts
    FROM "App" WHERE id = ${appId}::uuid AND "organizationId" = ${organizationId}::uuid`;
  if (!app) throw new Error(`remapOrQueue: no app ${appId} in organization ${organizationId}`);
  const base = {
    organizationId,
    appId,
    mode: app.mode,
    reason: input.reason,
    requestedById: input.requestedById,
    createdAt: at,
    updatedAt: at,
  };
  if (app.accounts <= (input.inlineLimit ?? REMAP_INLINE_LIMIT)) {
    const result = withoutCursor(await remapAccounts(tx, appId));
    const row = await tx.accountRemap.create({
      data: {
        ...base,
        state: "SUCCEEDED",
        total: result.accounts,
        done: result.accounts,
        matched: result.matched,
        matchedByName: result.matchedByName,
        ambiguous: result.ambiguous,
        changed: result.changed,
        startedAt: at,
        finishedAt: at,
      },
    });
    return { status: toRemapStatus(row), result, superseded: superseded.map((s) => s.id) };
  }
  const row = await tx.accountRemap.create({
    data: { ...base, state: "QUEUED", total: app.accounts, runAfter: at },
  });
  await enqueueRemap(tx, row.id);
  return { status: toRemapStatus(row), result: null, superseded: superseded.map((s) => s.id) };
}

/** The app's latest re-map (running, queued or finished), or null when it never had one. */
export async function latestRemap(db: PrismaClient, appId: string): Promise<RemapStatus | null> {
  const row = await db.accountRemap.findFirst({
    where: { appId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return row ? toRemapStatus(row) : null;
}

// ───────────────────────────── The background runner ─────────────────────────────

/** In the caller's transaction: hands a QUEUED re-map to the job queue, to run at `runAfter`. */
async function enqueueRemap(tx: Tx, remapId: string, runAfter?: Date) {
  await enqueueJobs(tx, QUEUES.remap, [{ data: { remapId }, startAfter: runAfter }]);
}

export interface RemapJobOptions {
  now?: () => Date;
  /** Accounts per batch (default REMAP_BATCH_SIZE). */
  batchSize?: number;
  /** Jobs taken per run of `runRemapJobs` (default 1). */
  limit?: number;
  /** This worker's claim token (default: a fresh one per re-map). */
  workerId?: string;
  /** Called after every batch (tests use it to act between batches). */
  afterBatch?: (job: { id: string; done: number }) => Promise<void> | void;
  /** Aborted: stop after the current batch and hand the re-map back to the queue. */
  signal?: AbortSignal;
  /** Delay before retrying after a failed batch. */
  backoffMs?: (attempt: number) => number;
}

export interface RemapRunSummary {
  claimed: number;
  batches: number;
  succeeded: number;
  /** Stopped because a newer re-map superseded them, or another worker took them over. */
  stopped: number;
  retried: number;
  failed: number;
}

interface ClaimedRemap {
  id: string;
  appId: string;
  organizationId: string;
  attempts: number;
}

const emptySummary = (): RemapRunSummary => ({
  claimed: 0,
  batches: 0,
  succeeded: 0,
  stopped: 0,
  retried: 0,
  failed: 0,
});

/**
 * Takes the due re-map jobs from the queue (at most `limit`, default 1) and runs each, as a
 * worker would; answers what became of them.
 */
export async function runRemapJobs(
  db: PrismaClient,
  options: RemapJobOptions = {},
): Promise<RemapRunSummary> {
  const summary = emptySummary();
  // A job can find its re-map finished or superseded: only re-maps it claims count.
  while (summary.claimed < (options.limit ?? 1) && !options.signal?.aborted) {
    const taken = await runDueJobs(
      db,
      QUEUES.remap,
      async (job) => {
        const one = await runRemapJob(db, job.data.remapId, options);
        for (const key of Object.keys(summary) as (keyof RemapRunSummary)[]) {
          summary[key] += one[key];
        }
      },
      { limit: 1 },
    );
    if (taken === 0) break;
  }
  return summary;
}

/**
 * Runs one queued re-map: claims it (a QUEUED one, or a RUNNING one whose worker went quiet,
 * which continues from its cursor), then re-maps it batch by batch, each batch one transaction
 * that re-checks the claim, re-maps one id range and records the progress. The last batch
 * marks it SUCCEEDED with an Event. A failing batch is queued again with backoff, then the
 * re-map is FAILED with an Event. A re-map another worker is running (its claim fresh) gets a
 * later look, so it is taken over if that worker dies.
 */
export async function runRemapJob(
  db: PrismaClient,
  remapId: string,
  options: RemapJobOptions = {},
): Promise<RemapRunSummary> {
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? REMAP_BATCH_SIZE;
  const backoff = options.backoffMs ?? ((attempt: number) => Math.min(30_000 * attempt, 300_000));
  const summary = emptySummary();
  const token = options.workerId ?? randomUUID();
  const at = now();
  const staleBefore = new Date(at.getTime() - STALE_AFTER_MS);
  const [job] = await db.$queryRaw<ClaimedRemap[]>`
    UPDATE "AccountRemap" r
    SET state = 'RUNNING', "lockedBy" = ${token}::uuid, "lockedAt" = ${at},
        attempts = r.attempts + 1, "startedAt" = coalesce(r."startedAt", ${at}), "updatedAt" = ${at}
    WHERE r.id = ${remapId}::uuid
      AND (r.state = 'QUEUED' OR (r.state = 'RUNNING' AND r."lockedAt" < ${staleBefore}))
    RETURNING r.id::text, r."appId"::text, r."organizationId"::text, r.attempts`;
  if (!job) {
    // Finished, superseded, or running under a live worker: look again once a dead worker's
    // claim would have gone stale.
    await transaction({ db }, async (tx) => {
      const [running] = await tx.$queryRaw<{ lockedAt: Date }[]>`
        SELECT "lockedAt" FROM "AccountRemap"
        WHERE id = ${remapId}::uuid AND state = 'RUNNING' FOR UPDATE`;
      if (running) {
        await enqueueRemap(tx, remapId, new Date(Date.now() + STALE_AFTER_MS + 1000));
      }
    });
    return summary;
  }
  summary.claimed += 1;
  try {
    for (;;) {
      const step = await runBatch(db, job, token, batchSize, now());
      if (step.kind === "lost") {
        summary.stopped += 1;
        break;
      }
      summary.batches += 1;
      if (step.kind === "finished") {
        summary.succeeded += 1;
        break;
      }
      await options.afterBatch?.({ id: job.id, done: step.done });
      if (options.signal?.aborted) {
        await release(db, job, token, now());
        summary.stopped += 1;
        return summary;
      }
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const outcome = await giveBack(db, job, token, message, now(), backoff);
    if (outcome === "failed") summary.failed += 1;
    else if (outcome === "retried") summary.retried += 1;
    else summary.stopped += 1;
  }
  return summary;
}

type BatchStep = { kind: "lost" } | { kind: "finished" } | { kind: "continue"; done: number };

async function runBatch(
  db: PrismaClient,
  job: ClaimedRemap,
  token: string,
  batchSize: number,
  at: Date,
): Promise<BatchStep> {
  return transaction(
    { db },
    async (tx) => {
      // A change of the app in flight holds its row: wait for it (it may supersede this job).
      await tx.$queryRaw`SELECT 1 FROM "App" WHERE id = ${job.appId}::uuid FOR SHARE`;
      const [current] = await tx.$queryRaw<
        {
          state: string;
          lockedBy: string | null;
          cursor: string | null;
          done: number;
          total: number;
        }[]
      >`
        SELECT state::text, "lockedBy"::text, cursor::text, done, total
        FROM "AccountRemap" WHERE id = ${job.id}::uuid FOR UPDATE`;
      if (!current || current.state !== "RUNNING" || current.lockedBy !== token) {
        return { kind: "lost" } as const;
      }
      const batch = await remapAccounts(tx, job.appId, { after: current.cursor, limit: batchSize });
      const done = current.done + batch.accounts;
      const finished = batch.accounts < batchSize;
      const row = await tx.accountRemap.update({
        where: { id: job.id },
        data: {
          cursor: batch.lastId ?? current.cursor,
          done,
          total: Math.max(current.total, done),
          matched: { increment: batch.matched },
          matchedByName: { increment: batch.matchedByName },
          ambiguous: { increment: batch.ambiguous },
          changed: { increment: batch.changed },
          lockedAt: at,
          updatedAt: at,
          ...(finished
            ? { state: "SUCCEEDED", total: done, lockedBy: null, finishedAt: at, lastError: null }
            : {}),
        },
      });
      if (!finished) return { kind: "continue", done } as const;
      await recordEvents(tx, [
        {
          organizationId: job.organizationId,
          actorId: null,
          action: "app.remapped",
          targetType: "App",
          targetId: job.appId,
          after: {
            remapId: row.id,
            mode: row.mode,
            reason: row.reason,
            requestedById: row.requestedById,
            result: {
              accounts: row.done,
              matched: row.matched,
              matchedByName: row.matchedByName,
              ambiguous: row.ambiguous,
              changed: row.changed,
            },
          },
          at,
        },
      ]);
      return { kind: "finished" } as const;
    },
    { maxWait: 60_000, timeout: 30 * 60_000 },
  );
}

/** Hands a re-map back to the queue (this worker stops): another worker continues it at once. */
async function release(db: PrismaClient, job: ClaimedRemap, token: string, at: Date) {
  await transaction({ db }, async (tx) => {
    const released = await tx.$executeRaw`
      UPDATE "AccountRemap" SET state = 'QUEUED', "lockedBy" = NULL, "runAfter" = ${at},
                                attempts = greatest(attempts - 1, 0), "updatedAt" = ${at}
      WHERE id = ${job.id}::uuid AND state = 'RUNNING' AND "lockedBy" = ${token}::uuid`;
    if (released > 0) await enqueueRemap(tx, job.id);
  });
}

/** After a failed batch: queue the re-map again with backoff, or fail it after the last try. */
async function giveBack(
  db: PrismaClient,
  job: ClaimedRemap,
  token: string,
  message: string,
  at: Date,
  backoff: (attempt: number) => number,
): Promise<"retried" | "failed" | "lost"> {
  return transaction({ db }, async (tx) => {
    const [current] = await tx.$queryRaw<{ state: string; lockedBy: string | null }[]>`
      SELECT state::text, "lockedBy"::text FROM "AccountRemap"
      WHERE id = ${job.id}::uuid FOR UPDATE`;
    if (!current || current.state !== "RUNNING" || current.lockedBy !== token) return "lost";
    const error = message.slice(0, 2000);
    if (job.attempts >= MAX_ATTEMPTS) {
      await tx.accountRemap.update({
        where: { id: job.id },
        data: { state: "FAILED", lastError: error, lockedBy: null, finishedAt: at, updatedAt: at },
      });
      await recordEvents(tx, [
        {
          organizationId: job.organizationId,
          actorId: null,
          action: "app.remap_failed",
          targetType: "App",
          targetId: job.appId,
          after: { remapId: job.id, attempts: job.attempts, error },
          at,
        },
      ]);
      return "failed";
    }
    const runAfter = new Date(at.getTime() + backoff(job.attempts));
    await tx.accountRemap.update({
      where: { id: job.id },
      data: { state: "QUEUED", lastError: error, lockedBy: null, runAfter, updatedAt: at },
    });
    await enqueueRemap(tx, job.id, runAfter);
    return "retried";
  });
}
