import type { TAccountFilters } from "../../schemas/accounts.ts";
import { pagedCsvExport, type CsvColumns, type CsvExport } from "../csv.ts";
import {
  accountPage,
  viewableAccountApp,
  type AccountOwnerState,
  type AccountRow,
} from "./list.ts";
import type { ServiceContext } from "../shared/context.ts";

// The Accounts tab as a CSV file (SPEC §4.1): the filtered, sorted list, any size. Rows are
// read in keyset batches (the list's own query, so each batch is an index range) and handed
// on one batch at a time, so memory stays flat for a million accounts and a client that stops
// reading stops the queries.

export const EXPORT_BATCH_SIZE = 5_000;

const OWNER_STATE: Record<AccountOwnerState, string> = {
  MATCHED: "Matched",
  MANUAL: "Manual",
  CLEARED: "Cleared",
  NONE: "No owner",
  AMBIGUOUS: "Ambiguous",
};

const COLUMNS: CsvColumns<AccountRow> = [
  ["Name", (r) => r.name],
  ["Login", (r) => r.login],
  ["Emails", (r) => r.emails.join("; ")],
  ["Given name", (r) => r.givenName],
  ["Family name", (r) => r.familyName],
  ["External ID", (r) => r.externalId],
  ["Status", (r) => r.status],
  ["Type", (r) => r.type],
  ["Type set", (r) => (r.typeSource === "MANUAL" ? "Manually" : "By ingestion")],
  ["Last login", (r) => r.lastLoginAt?.toISOString() ?? ""],
  ["Owner", (r) => r.owner?.displayName ?? ""],
  ["Owner email", (r) => r.owner?.email ?? ""],
  ["Owner status", (r) => r.owner?.status ?? ""],
  ["Owner source", (r) => OWNER_STATE[r.ownerState]],
  ["Match rule", (r) => r.evidence.matchRule],
  ["Match value", (r) => r.evidence.matchValue],
  ["Matched owner email", (r) => r.evidence.matchedOwner?.email ?? ""],
  ["Lantern ID", (r) => r.id],
];

/** "github-accounts-2026-11-22.csv": the app's name made safe for a file name. */
export function exportFilename(appName: string, at: Date): string {
  const slug =
    appName
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "app";
  return `${slug}-accounts-${at.toISOString().slice(0, 10)}.csv`;
}

export type AccountsExport = CsvExport;

/**
 * The CSV export of the accounts matching `filters`, in the list's order. Who may: as the list
 * (canViewAccounts). The permission is checked and the first batch read before anything is
 * returned, so a refusal or a failing query is an error and never a half-written file.
 */
export async function exportAccounts(
  ctx: ServiceContext,
  filters: TAccountFilters,
  batchSize: number = EXPORT_BATCH_SIZE,
): Promise<AccountsExport> {
  const app = await viewableAccountApp(ctx, filters.appId);
  return pagedCsvExport(exportFilename(app.appName, ctx.now()), COLUMNS, (cursor) =>
    accountPage(ctx.db, app, filters, { cursor, limit: batchSize }),
  );
}
