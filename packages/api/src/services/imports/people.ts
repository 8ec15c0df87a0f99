import {
  ImportFileError,
  readImportFile,
  type ImportFormat,
  type ImportSource,
} from "@lantern/connectors";
import { assertAllowed, canManageOrganization, textProblem } from "@lantern/domain";

import { remapAfterPeopleChange } from "../accounts/people-change.ts";
import { recordEvents, transaction } from "../shared/records.ts";
import type { ServiceContext } from "../shared/context.ts";
import { MAX_PROBLEMS, refused, stage, STAGE_BATCH, USER_STAGING_TABLE, UUID7 } from "./staging.ts";
import type { ImportOptions } from "./app-file.ts";

// The people of the organization from a CSV or JSON file (SPEC §4.6), staged and applied
// like an app's file (staging.ts), in one transaction with its audit Events.

export interface ImportPeopleInput {
  format: ImportFormat;
  source: ImportSource;
}

export interface PeopleImportSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** People whose manager the file set or changed. */
  managersSet: number;
  /** Apps whose account owners were re-mapped within the import. */
  appsRemapped: number;
  /** Large apps whose re-map the import queued for the background work. */
  appsRemapQueued: number;
}

/**
 * Imports the organization's people (kind `users`), keyed by email compared case-insensitively.
 * Creates and updates; nobody missing from the file is touched (people leave through the
 * Users directory, where their accounts' fate is visible). Role, notification settings and
 * Slack ids are never changed by a file; a blank title, department or manager keeps the
 * current one. Super admins only. One transaction with its Event.
 */
export async function importPeople(
  ctx: ServiceContext,
  input: ImportPeopleInput,
  options: ImportOptions = {},
): Promise<PeopleImportSummary> {
  assertAllowed(canManageOrganization(ctx.actor));
  const org = ctx.actor.organizationId;
  const now = ctx.now();
  const at = now.toISOString();
  const summary = await transaction(
    ctx,
    async (tx) => {
      await tx.$executeRawUnsafe(USER_STAGING_TABLE);
      let rows = 0;
      try {
        for await (const batch of readImportFile(input.source, {
          format: input.format,
          kind: "users",
          batchSize: STAGE_BATCH,
          maxProblems: MAX_PROBLEMS,
          textProblem,
        })) {
          await stage(tx, batch);
          rows += batch.rows.length;
        }
      } catch (error) {
        if (error instanceof ImportFileError) throw refused(error.problems, error.truncated);
        throw error;
      }
      await tx.$executeRawUnsafe(`ANALYZE import_user`);
      const self = await tx.$queryRawUnsafe<{ line: number }[]>(
        `SELECT line FROM import_user WHERE "emailNormalized" = lower($1) AND status <> 'ACTIVE'`,
        ctx.actor.email,
      );
      if (self.length > 0) {
        throw refused(
          self.map((r) => ({
            line: r.line,
            message: "this is you: you cannot suspend or deprovision yourself by an import",
          })),
          false,
        );
      }
      // What the file changes that can move account owners: new people (their emails and
      // names), and names of people already here (emails are the key, so never change).
      const [moves] = await tx.$queryRawUnsafe<{ added: boolean; renamed: boolean }[]>(
        `SELECT bool_or(u.id IS NULL) AS added,
                bool_or(u.id IS NOT NULL AND (u."givenName", u."familyName")
                        IS DISTINCT FROM (s."givenName", s."familyName")) AS renamed
         FROM import_user s
         LEFT JOIN "User" u ON u."organizationId" = $1::uuid
                           AND u."emailNormalized" = s."emailNormalized"`,
        org,
      );
      const [upserted] = await tx.$queryRawUnsafe<{ created: number; updated: number }[]>(
        `WITH up AS (
           INSERT INTO "User" AS u (id, "organizationId", email, "emailNormalized", "givenName",
             "familyName", "displayName", title, department, status, "emailNotifications",
             "slackNotifications", "createdAt", "updatedAt")
           SELECT ${UUID7}, $1::uuid, s.email, s."emailNormalized", s."givenName", s."familyName",
                  coalesce(s."displayName", btrim(s."givenName" || ' ' || s."familyName")),
                  s.title, s.department, s.status,
                  -- New people start with the organization's notification defaults.
                  o."emailNotificationsDefault", o."slackNotificationsDefault",
                  $2::timestamp, $2::timestamp
           FROM import_user s
           JOIN "Organization" o ON o.id = $1::uuid
           ON CONFLICT ("organizationId", "emailNormalized") DO UPDATE SET
             email = EXCLUDED.email, "givenName" = EXCLUDED."givenName",
             "familyName" = EXCLUDED."familyName", "displayName" = EXCLUDED."displayName",
             title = coalesce(EXCLUDED.title, u.title),
             department = coalesce(EXCLUDED.department, u.department),
             status = EXCLUDED.status, "updatedAt" = EXCLUDED."updatedAt",
             -- A status change ends the person's sessions (changeEndsSessions, domain).
             "sessionGeneration" = u."sessionGeneration"
               + (u.status IS DISTINCT FROM EXCLUDED.status)::int
           WHERE (u.email, u."givenName", u."familyName", u."displayName", u.title, u.department,
                  u.status)
                 IS DISTINCT FROM (EXCLUDED.email, EXCLUDED."givenName", EXCLUDED."familyName",
                  EXCLUDED."displayName", coalesce(EXCLUDED.title, u.title),
                  coalesce(EXCLUDED.department, u.department), EXCLUDED.status)
           RETURNING (xmax = 0) AS inserted
         )
         SELECT count(*) FILTER (WHERE inserted)::int AS created,
                count(*) FILTER (WHERE NOT inserted)::int AS updated
         FROM up`,
        org,
        at,
      );
      // Managers may be people of the same file: resolved after everyone is in.
      const unknownManagers = await tx.$queryRawUnsafe<
        { line: number; managerEmail: string; self: boolean }[]
      >(
        `SELECT s.line, s."managerEmail", s."managerEmail" = s."emailNormalized" AS self
         FROM import_user s
         WHERE s."managerEmail" IS NOT NULL
           AND (s."managerEmail" = s."emailNormalized"
                OR NOT EXISTS (SELECT 1 FROM "User" m WHERE m."organizationId" = $1::uuid
                                 AND m."emailNormalized" = s."managerEmail"))
         ORDER BY s.line LIMIT ${MAX_PROBLEMS + 1}`,
        org,
      );
      if (unknownManagers.length > 0) {
        throw refused(
          unknownManagers.slice(0, MAX_PROBLEMS).map((m) => ({
            line: m.line,
            message: m.self
              ? "a person cannot be their own manager"
              : `managerEmail "${m.managerEmail}" is nobody in the organization or in this file`,
          })),
          unknownManagers.length > MAX_PROBLEMS,
        );
      }
      const managersSet = await tx.$executeRawUnsafe(
        `UPDATE "User" u SET "managerId" = m.id, "updatedAt" = $2::timestamp
         FROM import_user s
         JOIN "User" m ON m."organizationId" = $1::uuid AND m."emailNormalized" = s."managerEmail"
         WHERE u."organizationId" = $1::uuid AND u."emailNormalized" = s."emailNormalized"
           AND u."managerId" IS DISTINCT FROM m.id`,
        org,
        at,
      );
      const result: PeopleImportSummary = {
        rows,
        created: upserted!.created,
        updated: upserted!.updated,
        unchanged: rows - upserted!.created - upserted!.updated,
        managersSet,
        appsRemapped: 0,
        appsRemapQueued: 0,
      };
      // New and renamed people change the matches (SPEC §4.2): the apps that can move are
      // re-mapped with the import (large ones queued), in this transaction.
      const remaps = await remapAfterPeopleChange(tx, {
        organizationId: org,
        change: { emails: moves?.added === true, names: moves?.renamed === true },
        actorId: ctx.actor.id,
        at: now,
        inlineBudget: options.remapInlineLimit,
      });
      result.appsRemapped = remaps.remapped;
      result.appsRemapQueued = remaps.queued;
      await recordEvents(tx, [
        {
          organizationId: org,
          actorId: ctx.actor.id,
          action: "users.imported",
          targetType: "Organization",
          targetId: org,
          after: { result },
          reason: `${input.format.toUpperCase()} import of people`,
          at: now,
        },
      ]);
      return result;
    },
    { timeout: 60 * 60_000, maxWait: 60_000 },
  );
  return summary;
}
