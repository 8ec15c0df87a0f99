import { ImportFileError, type ImportBatch, type ImportProblem } from "@lantern/connectors";
import type { Prisma } from "@lantern/db";
import { DomainError } from "@lantern/domain";

// What both imports share: the temporary staging tables a file is read into in batches, the
// database-made ids, and the refusal that lists a file's problems.

/** Rows staged per statement. */
export const STAGE_BATCH = 5000;
/** Problems listed in a refusal. */
export const MAX_PROBLEMS = 50;

/** A time-ordered UUID (version 7) computed by the database, like the ids Prisma makes. */
export const UUID7 = `encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid`;

export type Tx = Prisma.TransactionClient;

export function refused(problems: ImportProblem[], truncated: boolean): DomainError {
  const error = new ImportFileError(problems, truncated);
  return new DomainError("BAD_REQUEST", error.message, { problems, truncated });
}

export const STAGING_TABLES = [
  `CREATE TEMP TABLE import_account (
  line int NOT NULL, "externalId" text NOT NULL, login text, emails text[] NOT NULL,
  "givenName" text, "familyName" text, "displayName" text, status "AccountStatus" NOT NULL,
  type "AccountType" NOT NULL, "lastLoginAt" timestamp(3), profile jsonb NOT NULL
) ON COMMIT DROP`,
  `CREATE TEMP TABLE import_entitlement (
  line int NOT NULL, slug text NOT NULL, "displayName" text, description text
) ON COMMIT DROP`,
  `CREATE TEMP TABLE import_grant (
  line int NOT NULL, "accountExternalId" text NOT NULL, "entitlementSlug" text NOT NULL,
  "grantedAt" timestamp(3), "expiresAt" timestamp(3)
) ON COMMIT DROP`,
];

export const USER_STAGING_TABLE = `CREATE TEMP TABLE import_user (
  line int NOT NULL, email text NOT NULL, "emailNormalized" text NOT NULL, "givenName" text NOT NULL,
  "familyName" text NOT NULL, "displayName" text, title text, department text,
  "managerEmail" text, status "UserStatus" NOT NULL
) ON COMMIT DROP`;

/**
 * Stages batches one behind the reader: while the database writes batch N, batch N+1 is
 * parsed and validated (the database works in its own process, so the two overlap). At most
 * one statement is in flight on the transaction's connection at any time.
 */
export function pipelinedStager(tx: Tx) {
  let pending: Promise<void> | null = null;
  return {
    async add(batch: ImportBatch) {
      if (pending) await pending;
      pending = stage(tx, batch);
      // Awaited by the next add or by flush; never an unhandled rejection meanwhile.
      pending.catch(() => {});
    },
    /** Waits for the last batch; `quiet` swallows its error (the import fails anyway). */
    async flush(quiet = false) {
      const last = pending;
      pending = null;
      if (last) await (quiet ? last.catch(() => {}) : last);
    },
  };
}

/** Writes one batch into its staging table: one statement, the rows as one JSON parameter. */
export async function stage(tx: Tx, batch: ImportBatch): Promise<void> {
  const rows = JSON.stringify(batch.rows);
  switch (batch.kind) {
    case "accounts":
      await tx.$executeRawUnsafe(
        `INSERT INTO import_account
         SELECT r.line, r."externalId", r.login, ARRAY(SELECT jsonb_array_elements_text(r.emails)),
                r."givenName", r."familyName", r."displayName", r.status::"AccountStatus",
                r.type::"AccountType", r."lastLoginAt"::timestamp, r.profile
         FROM jsonb_to_recordset($1::jsonb) AS r(line int, "externalId" text, login text,
           emails jsonb, "givenName" text, "familyName" text, "displayName" text, status text,
           type text, "lastLoginAt" text, profile jsonb)`,
        rows,
      );
      return;
    case "entitlements":
      await tx.$executeRawUnsafe(
        `INSERT INTO import_entitlement
         SELECT r.line, r.slug, r."displayName", r.description
         FROM jsonb_to_recordset($1::jsonb) AS r(line int, slug text, "displayName" text,
           description text)`,
        rows,
      );
      return;
    case "grants":
      await tx.$executeRawUnsafe(
        `INSERT INTO import_grant
         SELECT r.line, r."accountExternalId", r."entitlementSlug", r."grantedAt"::timestamp,
                r."expiresAt"::timestamp
         FROM jsonb_to_recordset($1::jsonb) AS r(line int, "accountExternalId" text,
           "entitlementSlug" text, "grantedAt" text, "expiresAt" text)`,
        rows,
      );
      return;
    case "users":
      await tx.$executeRawUnsafe(
        `INSERT INTO import_user
         SELECT r.line, btrim(r.email), lower(btrim(r.email)), r."givenName", r."familyName",
                r."displayName", r.title, r.department, lower(btrim(r."managerEmail")),
                r.status::"UserStatus"
         FROM jsonb_to_recordset($1::jsonb) AS r(line int, email text, "givenName" text,
           "familyName" text, "displayName" text, title text, department text,
           "managerEmail" text, status text)`,
        rows,
      );
      return;
  }
}
