// The queues of Lantern's one job runner: pg-boss 10, in the `pgboss` schema of Lantern's own
// database (created by the migration `…_job_queue`, so a job can be enqueued from the first
// command on; a worker's start brings each queue's options up to date).
//
// Why pg-boss: it accepts a "bring your own database" executor (`executeSql(text, values)`),
// so the same queue runs over a PostgreSQL pool and over the embedded PGlite session, and its
// inserts join the transaction of the command that made the work — a job exists exactly when
// its command committed. It polls instead of needing LISTEN on a dedicated connection (which
// one PGlite session cannot give), and has retries with backoff, expiry of jobs whose worker
// died, dead-letter queues and cron schedules built in.

export const QUEUE_SCHEMA = "pgboss";

/** Queue names. */
export const QUEUES = {
  /** One notification to send (SPEC §6.3); its Notification row is the delivery record. */
  deliver: "lantern-notification-deliver",
  /** Deliveries that used up their retries. */
  dead: "lantern-notification-dead",
  /** The daily digest's cron tick. */
  digest: "lantern-notification-digest",
  /**
   * The hourly tick of the access reviews' reminders and overdue escalations (SPEC §10). Not
   * in the migration: only a worker's schedule enqueues it, after its start made the queue.
   */
  reviewSweep: "lantern-review-sweep",
  /** One CONNECTOR grant or revoke attempt (SPEC §6.4); its ConnectorJob row is the record. */
  connector: "lantern-connector-job",
  /** A queued re-map of a large app's account owners (§4.2); its AccountRemap row is the record. */
  remap: "lantern-account-remap",
  /**
   * The removals of review items revoked in bulk (SPEC §10): the decisions are recorded at once,
   * and this opens each one's REVOKE request through the revocation path.
   */
  reviewRemovals: "lantern-review-removals",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** What a job of each queue carries: the id of the row that records the work. */
export interface JobData {
  [QUEUES.deliver]: { notificationId: string };
  [QUEUES.dead]: { notificationId: string };
  [QUEUES.digest]: Record<string, never>;
  [QUEUES.reviewSweep]: Record<string, never>;
  [QUEUES.connector]: { connectorJobId: string };
  [QUEUES.remap]: { remapId: string };
  /** At most REVIEW_REMOVALS_PER_JOB items, revoked by `actorId`. */
  [QUEUES.reviewRemovals]: { itemIds: string[]; actorId: string };
}

/** What pg-boss keeps per queue: retries of a job whose handler failed or whose worker died. */
export interface QueuePolicy {
  retryLimit: number;
  /** Seconds; doubled per retry when `retryBackoff`. */
  retryDelay: number;
  retryBackoff?: boolean;
  /** A job still active after this long is presumed dead and retried. */
  expireInSeconds?: number;
  deadLetter?: QueueName;
}

/**
 * Each queue's policy. Connector jobs and re-maps schedule their own retries (with the backoff
 * their rows record); pg-boss's retries cover a worker that died or a handler that failed.
 * The dead-letter queue comes first: the delivery queue names it.
 */
export const QUEUE_POLICIES: ReadonlyArray<readonly [QueueName, QueuePolicy]> = [
  [QUEUES.dead, { retryLimit: 3, retryDelay: 5 }],
  [
    QUEUES.deliver,
    {
      retryLimit: 5,
      retryDelay: 10,
      retryBackoff: true,
      expireInSeconds: 120,
      deadLetter: QUEUES.dead,
    },
  ],
  [QUEUES.digest, { retryLimit: 2, retryDelay: 60 }],
  [QUEUES.reviewSweep, { retryLimit: 2, retryDelay: 60 }],
  [QUEUES.connector, { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 600 }],
  // A batch may take up to its transaction's 30 minutes.
  [QUEUES.remap, { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 3600 }],
  [
    QUEUES.reviewRemovals,
    { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 600 },
  ],
];
