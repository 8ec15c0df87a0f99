import { QUEUES, runDueJobs, type PrismaClient } from "@lantern/db";
import type { Connector, ConnectorResult } from "@lantern/connectors";
import { isRequestRunning, stepAt, orderedSteps } from "@lantern/domain";
import { connectorForApp } from "./connectors/for-app.ts";
import type { SecretsKey } from "./connectors/secrets.ts";
import { notifyRequestEnd } from "./tasks/actions.ts";
import {
  applyGrantChange,
  enqueueConnectorJob,
  loadRequest,
  startStep,
  subjectOf,
} from "./workflow/engine.ts";
import { recordEvents, transaction } from "./shared/records.ts";

// Runs CONNECTOR-strategy grants and revokes (SPEC §6.4). The step that needs one writes a
// ConnectorJob row — the record of the work: attempts, last error, state — and enqueues its
// job in the same transaction (`enqueueConnectorJob`). A job calls the app's connector and
// records the result in one transaction: the request completes with its grant change, or the
// job is queued again with backoff, or — after the last attempt — the work falls back to a
// MANUAL task for the app owners, carrying the connector's error. Nothing is silently dropped.
// The worker runs jobs as the queue hands them out (one job to one worker at a time); a
// worker that dies mid-job leaves its queue job to expire and be handed out again.

export interface ConnectorJobOptions {
  now?: () => Date;
  /** The connector of an app. Default: the one configured in its settings (connectorForApp). */
  connectorFor?: (appId: string) => Connector;
  /** Opens the connector secrets stored for apps (LANTERN_SECRETS_KEY). */
  secretsKey?: SecretsKey | null;
  /** Jobs taken per run of `runConnectorJobs`. */
  limit?: number;
  /** Delay before attempt `n + 1` after attempt `n` failed. */
  backoffMs?: (attempt: number) => number;
}

/** 10 s, 40 s, 90 s, 160 s … capped at 15 minutes. */
export const defaultBackoffMs = (attempt: number) => Math.min(10_000 * attempt * attempt, 900_000);

export interface ConnectorRunSummary {
  claimed: number;
  succeeded: number;
  retried: number;
  fellBack: number;
}

export type ConnectorJobOutcome = "succeeded" | "retried" | "fellBack" | "cancelled";

interface ClaimedJob {
  id: string;
  requestId: string;
  action: "GRANT" | "REVOKE";
  attempts: number;
  maxAttempts: number;
}

/**
 * Takes the due connector jobs from the queue (at most `limit`) and runs them one by one, as a
 * worker would; answers what became of them.
 */
export async function runConnectorJobs(
  db: PrismaClient,
  options: ConnectorJobOptions = {},
): Promise<ConnectorRunSummary> {
  const summary: ConnectorRunSummary = { claimed: 0, succeeded: 0, retried: 0, fellBack: 0 };
  await runDueJobs(
    db,
    QUEUES.connector,
    async (job) => {
      const outcome = await runConnectorJob(db, job.data.connectorJobId, options);
      if (outcome === null) return;
      summary.claimed += 1;
      if (outcome !== "cancelled") summary[outcome] += 1;
    },
    { limit: options.limit ?? 20 },
  );
  return summary;
}

/**
 * One attempt of one ConnectorJob: claims its row (QUEUED, or RUNNING under a worker that
 * died), calls the connector, records the outcome. Null when the row has nothing left to do.
 */
export async function runConnectorJob(
  db: PrismaClient,
  connectorJobId: string,
  options: ConnectorJobOptions = {},
): Promise<ConnectorJobOutcome | null> {
  const now = options.now ?? (() => new Date());
  const backoff = options.backoffMs ?? defaultBackoffMs;
  const at = now();
  const [job] = await db.$queryRaw<ClaimedJob[]>`
    UPDATE "ConnectorJob" j
       SET "state" = 'RUNNING', "lockedAt" = ${at}, "attempts" = j."attempts" + 1, "updatedAt" = ${at}
     WHERE j."id" = ${connectorJobId}::uuid AND j."state" IN ('QUEUED', 'RUNNING')
    RETURNING j."id", j."requestId", j."action"::text AS "action", j."attempts", j."maxAttempts"`;
  if (!job) return null;
  const request = await loadRequest(db, job.requestId);
  const connector =
    options.connectorFor?.(request.appId) ??
    (await connectorForApp(db, request.appId, options.secretsKey));
  const owner = subjectOf(request);
  const account = request.accountId
    ? await db.account.findUnique({
        where: { id: request.accountId },
        select: { id: true, externalId: true, login: true, emails: true },
      })
    : null;
  let result: ConnectorResult;
  try {
    const input = {
      kind: job.action,
      requestId: request.id,
      app: request.app,
      entitlement: request.entitlement,
      account,
      person: owner
        ? {
            id: owner.id,
            displayName: owner.displayName,
            email: request.targetUser?.email ?? account?.emails[0] ?? "",
          }
        : null,
    };
    result = job.action === "GRANT" ? await connector.grant(input) : await connector.revoke(input);
  } catch (error) {
    result = {
      ok: false,
      error: error instanceof Error ? error.message : String(error),
      retryable: true,
    };
  }

  const done = now();
  return transaction({ db }, async (tx): Promise<ConnectorJobOutcome> => {
    const current = await loadRequest(tx, job.requestId);
    const base = {
      organizationId: current.organizationId,
      actorId: null,
      requestId: current.id,
      at: done,
    };
    if (!isRequestRunning(current.state)) {
      // Cancelled while the connector ran: nothing more to do.
      await tx.connectorJob.update({
        where: { id: job.id },
        data: {
          state: "FAILED",
          lastError: "The request was no longer running.",
          finishedAt: done,
          updatedAt: done,
        },
      });
      return "cancelled";
    }
    if (result.ok) {
      await tx.connectorJob.update({
        where: { id: job.id },
        data: { state: "SUCCEEDED", lastError: null, finishedAt: done, updatedAt: done },
      });
      await tx.request.update({
        where: { id: current.id },
        data: { state: "COMPLETED", completedAt: done, updatedAt: done },
      });
      const grantEvents = await applyGrantChange(tx, { actorId: null, now: done }, current);
      await recordEvents(tx, [
        {
          ...base,
          action: "connector.succeeded",
          targetType: "Request",
          targetId: current.id,
          after: {
            jobId: job.id,
            connector: connector.name,
            message: result.message,
            attempt: job.attempts,
          },
        },
        {
          ...base,
          action: "request.completed",
          targetType: "Request",
          targetId: current.id,
          before: { state: current.state },
          after: { state: "COMPLETED" },
        },
        ...grantEvents,
      ]);
      await notifyRequestEnd(tx, current, "COMPLETED", {
        taskNumber: null,
        note: result.message,
        now: done,
      });
      return "succeeded";
    }
    const lastAttempt = !result.retryable || job.attempts >= job.maxAttempts;
    const runAfter = new Date(done.getTime() + backoff(job.attempts));
    await tx.connectorJob.update({
      where: { id: job.id },
      data: lastAttempt
        ? { state: "FAILED", lastError: result.error, finishedAt: done, updatedAt: done }
        : {
            state: "QUEUED",
            lastError: result.error,
            runAfter,
            lockedAt: null,
            updatedAt: done,
          },
    });
    await recordEvents(tx, [
      {
        ...base,
        action: lastAttempt ? "connector.failed" : "connector.attempt_failed",
        targetType: "Request",
        targetId: current.id,
        after: {
          jobId: job.id,
          connector: connector.name,
          attempt: job.attempts,
          maxAttempts: job.maxAttempts,
        },
        reason: result.error,
      },
    ]);
    if (!lastAttempt) {
      await enqueueConnectorJob(tx, job.id, runAfter);
      return "retried";
    }
    const verb = current.kind === "GRANT" ? "grant" : "revoke";
    const provision = stepAt(current.snapshot, orderedSteps(current.snapshot).length - 1);
    await startStep(tx, { actorId: null, now: done }, current, provision, {
      connectorFallbackNote: `The connector could not ${verb} this access after ${job.attempts} attempt${job.attempts === 1 ? "" : "s"} (${result.error}), so an app owner must do it by hand.`,
    });
    return "fellBack";
  });
}
