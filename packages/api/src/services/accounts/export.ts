import type { Actor } from "@lantern/domain";
import type { Context } from "../../context.ts";
import type { TAccountFilters } from "../../schemas/accounts.ts";
import {
  accountPage,
  viewableAccountApp,
  type AccountOwnerState,
  type AccountRow,
} from "./list.ts";

// The Accounts tab as a CSV file (SPEC §4.1): the filtered, sorted list, any size. Rows are
// read in keyset batches (the list's own query, so each batch is an index range) and handed
// on one batch at a time, so memory stays flat for a million accounts and a client that stops
// reading stops the queries.

type ServiceContext = Pick<Context, "db" | "now"> & { actor: Actor };

export const EXPORT_BATCH_SIZE = 5_000;

const OWNER_STATE: Record<AccountOwnerState, string> = {
  MATCHED: "Matched",
  MANUAL: "Manual",
  CLEARED: "Cleared",
  NONE: "No owner",
  AMBIGUOUS: "Ambiguous",
};

const COLUMNS: Array<[header: string, cell: (row: AccountRow) => string | null]> = [
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

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.
 * Text a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage
 * return) gets a leading apostrophe first, so an account named "=HYPERLINK(…)" stays text.
 */
export function csvCell(value: string | null | undefined): string {
  let text = value ?? "";
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, CRLF-terminated. */
export const csvLine = (cells: ReadonlyArray<string | null | undefined>) =>
  `${cells.map(csvCell).join(",")}\r\n`;

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

export interface AccountsExport {
  filename: string;
  /** The file's text: the header (after a UTF-8 byte-order mark for Excel), then one chunk per batch. */
  chunks: AsyncGenerator<string>;
}

/**
 * The CSV export of the accounts matching `filters`, in the list's order. Who may: as the list
 * (canViewAccounts), checked before anything is returned, so a refusal is an error and never a
 * half-written file.
 */
export async function exportAccounts(
  ctx: ServiceContext,
  filters: TAccountFilters,
  batchSize: number = EXPORT_BATCH_SIZE,
): Promise<AccountsExport> {
  const app = await viewableAccountApp(ctx, filters.appId);
  async function* chunks(): AsyncGenerator<string> {
    yield `\uFEFF${csvLine(COLUMNS.map(([header]) => header))}`;
    let cursor: string | null = null;
    do {
      const page = await accountPage(ctx.db, app, filters, { cursor, limit: batchSize });
      if (page.items.length > 0) {
        yield page.items.map((row) => csvLine(COLUMNS.map(([, cell]) => cell(row)))).join("");
      }
      cursor = page.nextCursor;
    } while (cursor);
  }
  return { filename: exportFilename(app.appName, ctx.now()), chunks: chunks() };
}

/** The chunks as a byte stream for a Response: each read pulls the next batch, no sooner. */
export function toByteStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
