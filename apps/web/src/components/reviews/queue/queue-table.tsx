"use client";

import { Ellipsis, UserRoundPen, UserRoundX } from "lucide-react";
import { AppIcon } from "~/components/ui/app-icon";
import { Avatar } from "~/components/ui/avatar";
import { Badge } from "~/components/ui/badge";
import { Checkbox } from "~/components/ui/checkbox";
import { Menu, MenuContent, MenuItem, MenuTrigger } from "~/components/ui/menu";
import { tableClass, theadClass } from "~/components/ui/table";
import { compactPrimary, iconButton } from "~/components/tasks/task-row-actions";
import { cn } from "~/lib/cn";
import { formatAgo, formatDate, formatDateTime } from "~/lib/format";
import { KEEP_KEY, REVOKE_KEY } from "./keys.ts";
import { whose, type QueueRow, type ReviewDecision } from "./queue.ts";

const headCell = "px-3 py-2.5 first:pl-4 last:pr-4";
const bodyCell = "px-3 py-3 align-top first:pl-4 last:pr-4";
const compactSecondary =
  "inline-flex items-center justify-center rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-[13px] font-medium whitespace-nowrap text-zinc-800 shadow-xs hover:bg-zinc-50 disabled:opacity-60";

const ACCOUNT_TYPE: Record<QueueRow["accountType"], string> = {
  USER: "User account",
  SERVICE: "Service account",
  SYSTEM: "System account",
};

/** Focuses a row of the queue (j / k, and after a decision the next one). */
export const focusQueueRow = (id: string) =>
  document.querySelector<HTMLElement>(`[data-review-row="${id}"]`)?.focus();

/**
 * One campaign's waiting items: the person and account, the access, when it was granted and
 * last used, its flags, why the viewer reviews it, and Keep / Revoke / Reassign. The
 * `current` row (the keyboard's) is marked; rows are selected for the bulk bar.
 */
export function QueueTable({
  caption,
  rows,
  selected,
  onToggle,
  onToggleAll,
  current,
  onCurrent,
  busy,
  onDecide,
}: {
  caption: string;
  rows: QueueRow[];
  selected: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
  onToggleAll: (ids: string[], on: boolean) => void;
  current: string | null;
  onCurrent: (id: string) => void;
  /** Rows whose decision is on its way (their buttons wait). */
  busy: ReadonlySet<string>;
  onDecide: (row: QueueRow, action: ReviewDecision) => void;
}) {
  const now = new Date();
  const selectedHere = rows.filter((r) => selected.has(r.id)).length;
  return (
    <table className={tableClass}>
      <caption className="sr-only">{caption}</caption>
      <thead className={theadClass}>
        <tr>
          <th scope="col" className="w-11 py-2.5 pr-1 pl-4">
            <Checkbox
              label={`Select all items of ${caption}`}
              checked={rows.length > 0 && selectedHere === rows.length}
              indeterminate={selectedHere > 0}
              onCheckedChange={(on) =>
                onToggleAll(
                  rows.map((r) => r.id),
                  on,
                )
              }
              className="align-middle"
            />
          </th>
          <th scope="col" className={`w-[20%] ${headCell}`}>
            Person
          </th>
          <th scope="col" className={headCell}>
            Access
          </th>
          <th scope="col" className={`hidden w-32 lg:table-cell ${headCell}`}>
            Granted
          </th>
          <th scope="col" className={`hidden w-32 lg:table-cell ${headCell}`}>
            Last used
          </th>
          <th scope="col" className={`w-[15%] ${headCell}`}>
            Flags
          </th>
          <th scope="col" className={`w-48 ${headCell} text-right`}>
            <span className="sr-only">Decision</span>
          </th>
        </tr>
      </thead>
      <tbody
        className="divide-y divide-zinc-100"
        onFocus={(event) => {
          const row = (event.target as Element).closest<HTMLElement>("tr[data-review-row]");
          if (row?.dataset.reviewRow) onCurrent(row.dataset.reviewRow);
        }}
      >
        {rows.map((row) => {
          const isSelected = selected.has(row.id);
          const isCurrent = row.id === current;
          const waiting = busy.has(row.id);
          return (
            <tr
              key={row.id}
              data-review-row={row.id}
              tabIndex={-1}
              aria-current={isCurrent ? "true" : undefined}
              className={cn(
                "hover:bg-zinc-50 focus:outline-none focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-zinc-900",
                isCurrent && "bg-zinc-50 shadow-[inset_3px_0_0_var(--color-zinc-900)]",
                isSelected && "bg-brand-50/60 hover:bg-brand-50",
              )}
            >
              <td className="py-3 pr-1 pl-4 align-top">
                <Checkbox
                  label={`Select ${row.entitlementName} in ${row.appName} for ${whose(row)}`}
                  checked={isSelected}
                  onCheckedChange={(on) => onToggle(row.id, on)}
                  className="mt-1"
                />
              </td>
              <td className={bodyCell}>
                <PersonCell row={row} />
              </td>
              <td className={bodyCell}>
                <span className="flex min-w-0 items-start gap-2">
                  <AppIcon name={row.appName} size="sm" />
                  <span className="min-w-0 break-words text-zinc-900">
                    <span className="font-medium">{row.appName}</span>
                    <span className="text-faint" aria-hidden>
                      {" › "}
                    </span>
                    <span className="sr-only">, </span>
                    {row.entitlementName}
                  </span>
                </span>
                {row.routingNote ? (
                  <p className="text-muted mt-1 text-xs">
                    <span className="font-medium text-zinc-600">Why you:</span> {row.routingNote}
                  </p>
                ) : null}
                {row.level === 2 && row.firstDecidedBy ? (
                  <p className="mt-1 text-xs text-zinc-600">
                    Kept at the first level by {row.firstDecidedBy}
                    {row.firstReason ? `: ${row.firstReason}` : ""}
                  </p>
                ) : null}
                <p className="text-muted mt-1 text-xs lg:hidden">
                  Granted {formatDate(row.grantedAt)} · {lastUsed(row.lastLoginAt, now)}
                </p>
              </td>
              <td className={`hidden lg:table-cell ${bodyCell}`}>
                <time
                  dateTime={new Date(row.grantedAt).toISOString()}
                  title={formatDateTime(row.grantedAt)}
                  className="block whitespace-nowrap text-zinc-700"
                >
                  {formatDate(row.grantedAt)}
                </time>
                <span className="text-muted text-xs" suppressHydrationWarning>
                  {formatAgo(row.grantedAt, now)}
                </span>
              </td>
              <td className={`hidden lg:table-cell ${bodyCell}`}>
                {row.lastLoginAt ? (
                  <>
                    <time
                      dateTime={new Date(row.lastLoginAt).toISOString()}
                      title={formatDateTime(row.lastLoginAt)}
                      className="block whitespace-nowrap text-zinc-700"
                    >
                      {formatDate(row.lastLoginAt)}
                    </time>
                    <span className="text-muted text-xs" suppressHydrationWarning>
                      {formatAgo(row.lastLoginAt, now)}
                    </span>
                  </>
                ) : (
                  <span
                    className="text-muted"
                    title="The app reports no sign-in for this account: never used, or no usage data."
                  >
                    Never, or no usage data
                  </span>
                )}
              </td>
              <td className={bodyCell}>
                {row.flags.length > 0 ? (
                  <ul className="flex flex-wrap gap-1" aria-label="Flags">
                    {row.flags.map((f) => (
                      <li key={f.flag}>
                        <Badge tone={f.flag === "UNUSED" ? "brand" : "red"}>{f.label}</Badge>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="text-faint">—</span>
                )}
              </td>
              <td className={bodyCell}>
                <div className="flex items-center justify-end gap-1">
                  <button
                    type="button"
                    className={compactPrimary}
                    onClick={() => onDecide(row, "keep")}
                    disabled={waiting}
                    aria-label={`Keep ${row.entitlementName} in ${row.appName} for ${whose(row)}`}
                    aria-keyshortcuts={KEEP_KEY}
                    data-keep={row.id}
                  >
                    Keep
                  </button>
                  <button
                    type="button"
                    className={compactSecondary}
                    onClick={() => onDecide(row, "revoke")}
                    disabled={waiting}
                    aria-label={`Revoke ${row.entitlementName} in ${row.appName} for ${whose(row)}`}
                    aria-keyshortcuts={REVOKE_KEY}
                  >
                    Revoke
                  </button>
                  <Menu>
                    <MenuTrigger
                      className={iconButton}
                      aria-label={`More decisions for ${row.entitlementName} in ${row.appName} for ${whose(row)}`}
                      disabled={waiting}
                      data-row-menu={row.id}
                    >
                      <Ellipsis className="size-4" aria-hidden />
                    </MenuTrigger>
                    <MenuContent>
                      <MenuItem onSelect={() => onDecide(row, "reassign")}>
                        <UserRoundPen aria-hidden /> Reassign
                      </MenuItem>
                    </MenuContent>
                  </Menu>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** "Never, or no usage data" when the app gives no last sign-in; else "used 3 days ago". */
function lastUsed(at: Date | null, now: Date): string {
  return at ? `last used ${formatAgo(at, now)}` : "never used, or no usage data";
}

/** Whose access: the owner (avatar, name) and the account, or "No owner". */
function PersonCell({ row }: { row: QueueRow }) {
  const account = (
    <span className="text-muted block truncate text-xs">
      <span className="font-mono">{row.accountLabel}</span> · {ACCOUNT_TYPE[row.accountType]}
    </span>
  );
  if (!row.ownerName) {
    return (
      <span className="flex min-w-0 items-start gap-2">
        <span className="text-faint inline-flex size-6 shrink-0 items-center justify-center rounded-full bg-zinc-100 ring-2 ring-white">
          <UserRoundX className="size-3.5" aria-hidden />
        </span>
        <span className="min-w-0">
          <span className="text-brand-700 block truncate font-medium">No owner</span>
          {account}
        </span>
      </span>
    );
  }
  return (
    <span className="flex min-w-0 items-start gap-2">
      <Avatar name={row.ownerName} size="sm" />
      <span className="min-w-0">
        <span className="block truncate font-medium text-zinc-900" title={row.ownerEmail ?? ""}>
          {row.ownerName}
        </span>
        {account}
      </span>
    </span>
  );
}
