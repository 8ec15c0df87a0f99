"use client";

import { useDeferredValue, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { parseAsString, useQueryState } from "nuqs";
import dynamic from "next/dynamic";
import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { CircleCheck, History, Keyboard, SearchX } from "lucide-react";
import { BulkBar } from "~/components/ui/bulk-bar";
import { EmptyState } from "~/components/ui/empty-state";
import { Kbd } from "~/components/ui/kbd";
import { SearchInput } from "~/components/ui/search-input";
import { useUrlSearch } from "~/lib/use-url-search";
import { ShowMore } from "~/components/ui/show-more";
import { TableFrame } from "~/components/ui/table";
import { useTRPC } from "~/trpc/react";
import {
  ACTION_LABEL,
  bulkActionsFor,
  PRIMARY_ACTION,
  type BulkAction,
  type TaskAction,
  type TaskKind,
} from "./actions.ts";
import { CLIENT_URL_STATE } from "~/lib/url-state";
import {
  INBOXES,
  inboxInput,
  resolveInboxSort,
  sortsOf,
  type InboxBox,
  type InboxSort,
  type InboxTab,
} from "./inbox.ts";
import { handlesEnter } from "~/components/ui/shortcut-keys";
import { ACTION_KEY, inboxCommand, inboxShortcuts } from "./shortcuts.ts";
import type { ActionTarget } from "./task-action-dialog.tsx";
import { rowSummary, TaskTable, type InboxRow } from "./task-table.tsx";
import { useShortcutKeys } from "~/components/ui/use-shortcut-keys";
import { nextPage } from "~/trpc/pages";

// The dialogs load when first opened: the list itself stays light.
const TaskActionDialog = dynamic(() => import("./task-action-dialog.tsx"), { ssr: false });
const BulkActionDialog = dynamic(() => import("./bulk-action-dialog.tsx"), { ssr: false });
const ShortcutsDialog = dynamic(() => import("~/components/ui/shortcuts-dialog"), { ssr: false });
const preloadDialogs = () => {
  void import("./task-action-dialog.tsx");
  void import("./bulk-action-dialog.tsx");
};

/** The kind of task an awaiting tab lists (its main action's key); none on Completed tasks. */
const TAB_KIND: Record<InboxTab, TaskKind | null> = {
  awaiting_approval: "APPROVAL",
  awaiting_provisioning: "PROVISION",
  awaiting_deprovisioning: "DEPROVISION",
  completed: null,
};

/** Focuses the task link of a row (the current row's focus: Enter opens the task). */
const focusRow = (id: string) =>
  document.querySelector<HTMLElement>(`[data-task-link="${id}"]`)?.focus();

const target = (row: InboxRow): ActionTarget => ({
  id: row.id,
  number: row.number,
  kind: row.kind,
  summary: rowSummary(row),
});

/**
 * One tab of an inbox: search (kept in the URL), the task table and "Show more". On the
 * awaiting tabs, each row's actions, the selection and the bulk bar (SPEC §3.2, §3.7).
 * The keyboard shortcuts (`?` lists them, shortcuts.ts says when a key is one) move a
 * current row with j / k, open it, act on it and select it; a status line tells screen
 * readers which task is current.
 */
export function TaskInbox({
  box,
  tab,
  initialSearch,
  initialSort,
}: {
  box: InboxBox;
  tab: InboxTab;
  initialSearch: string;
  initialSort: InboxSort;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const defaultSort = sortsOf(tab)[0]!.id;
  // The sort and the search are each kept in the URL on their own (nuqs): changing one keeps
  // the other and the tab, however quickly they follow each other.
  const [sortParam, setSortParam] = useQueryState(
    "sort",
    parseAsString.withOptions(CLIENT_URL_STATE),
  );
  const [firstSortParam] = useState(sortParam);
  const sort =
    sortParam === firstSortParam ? initialSort : resolveInboxSort(tab, sortParam ?? undefined);
  // The rows follow the sort once their data is there.
  const shownSort = useDeferredValue(sort);
  const sorting = shownSort !== sort;
  const { input, setInput, search, isPending } = useUrlSearch(initialSearch);
  const changeSort = (next: InboxSort) => void setSortParam(next === defaultSort ? null : next);
  const query = useSuspenseInfiniteQuery(
    trpc.tasks.inbox.infiniteQueryOptions(inboxInput(box, tab, search, shownSort), nextPage),
  );
  const rows = query.data.pages.flatMap((p) => p.items);
  const tabDef = INBOXES[box].tabs.find((t) => t.id === tab)!;
  const completed = tab === "completed";

  const [picked, setPicked] = useState<ReadonlySet<string>>(() => new Set());
  const [single, setSingle] = useState<{
    action: TaskAction;
    task: ActionTarget;
    /** The row whose main button gets the focus afterwards, for the next task. */
    nextId: string | null;
    /** What opened the dialog: focus goes back there when it is cancelled. */
    opener: string;
  } | null>(null);
  const [bulk, setBulk] = useState<{ action: BulkAction; tasks: ActionTarget[] } | null>(null);
  // Only rows still listed count as selected (a finished task leaves the list).
  const selected = useMemo(() => {
    const ids = new Set(rows.map((r) => r.id));
    return new Set([...picked].filter((id) => ids.has(id)));
  }, [picked, rows]);
  const selectedRows = rows.filter((r) => selected.has(r.id));

  const acted = useRef(false);
  const [current, setCurrent] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const root = useRef<HTMLDivElement>(null);
  const tabKind = TAB_KIND[tab];

  const openAction = (row: InboxRow, action: TaskAction, opener: string) => {
    const at = rows.findIndex((r) => r.id === row.id);
    const next = rows[at + 1] ?? rows[at - 1] ?? null;
    acted.current = false;
    setSingle({ action, task: target(row), nextId: next?.id ?? null, opener });
  };

  const toggle = (id: string, on: boolean) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  useShortcutKeys((key, event) => {
    const command = inboxCommand(key);
    if (!command) return false;
    const at = rows.findIndex((r) => r.id === current);
    const row = at === -1 ? null : rows[at]!;
    const choose = `Press j to choose a task first.`;
    switch (command.type) {
      case "next":
      case "previous": {
        if (rows.length === 0) return false;
        const to =
          at === -1
            ? 0
            : Math.min(Math.max(at + (command.type === "next" ? 1 : -1), 0), rows.length - 1);
        const next = rows[to]!;
        setCurrent(next.id);
        focusRow(next.id);
        const edge =
          to === at ? (command.type === "next" ? " Last task on this page." : " First task.") : "";
        setAnnouncement(
          `Task #${next.number}, ${to + 1} of ${rows.length}: ${rowSummary(next)}.${
            selected.has(next.id) ? " Selected." : ""
          }${edge}`,
        );
        return true;
      }
      case "open":
        // Enter on a link, a button or a field is theirs (the row's task link opens the task).
        if (key === "Enter" && handlesEnter(event.target as Element | null)) return false;
        if (!row) return false;
        router.push(`/tasks/${row.number}`);
        return true;
      case "act": {
        if (completed) return false;
        if (!row) {
          setAnnouncement(choose);
          return true;
        }
        const primary = PRIMARY_ACTION[row.kind];
        if (command.kind !== row.kind) {
          setAnnouncement(
            `Task #${row.number}: press ${ACTION_KEY[row.kind]} to ${ACTION_LABEL[primary].toLowerCase()}.`,
          );
          return true;
        }
        openAction(row, primary, `[data-task-link="${row.id}"]`);
        return true;
      }
      case "toggle": {
        if (completed) return false;
        if (!row) {
          setAnnouncement(choose);
          return true;
        }
        const on = !selected.has(row.id);
        toggle(row.id, on);
        const count = selected.size + (on ? 1 : -1);
        setAnnouncement(
          `Task #${row.number} ${on ? "selected" : "no longer selected"}: ${count} selected.`,
        );
        return true;
      }
      case "search": {
        const box = root.current?.querySelector<HTMLInputElement>('input[type="search"]');
        if (!box) return false;
        box.focus();
        box.select();
        return true;
      }
      case "help":
        setHelp(true);
        return true;
    }
  });

  /**
   * After a row's action, focus goes to the next row's main button: ready for the next task.
   * A cancelled dialog gives focus back to what opened it (the row's button or … menu).
   */
  const returnFocus = (selector: string) => (event: Event) => {
    const done = acted.current;
    acted.current = false;
    const target = done
      ? single?.nextId
        ? `[data-primary-action="${single.nextId}"]`
        : null
      : selector;
    const element = target ? document.querySelector<HTMLElement>(target) : null;
    if (element) {
      event.preventDefault();
      element.focus();
    }
  };

  return (
    <div ref={root} className="space-y-4" onPointerOver={completed ? undefined : preloadDialogs}>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {rows.length > 0 || search || input ? (
        <div className="flex items-center justify-between gap-4">
          <SearchInput
            value={input}
            onChange={setInput}
            label="Search tasks"
            placeholder="Search by task number, app, entitlement or person"
          />
          <div className="flex shrink-0 items-center gap-3">
            <label className="flex items-center gap-2 text-sm text-zinc-600">
              Sort
              <select
                value={sort}
                onChange={(e) => changeSort(e.target.value as InboxSort)}
                className="rounded-md border border-zinc-300 bg-white py-1.5 pr-8 pl-2.5 text-sm text-zinc-800 shadow-xs focus:border-zinc-500 focus:outline-none"
              >
                {sortsOf(tab).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.label}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              onClick={() => setHelp(true)}
              aria-keyshortcuts="?"
              className="hidden items-center gap-1.5 rounded-md px-2 py-1.5 text-sm text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 sm:inline-flex"
            >
              <Keyboard className="text-muted size-4" aria-hidden />
              Shortcuts <Kbd>?</Kbd>
            </button>
          </div>
        </div>
      ) : null}

      {rows.length === 0 ? (
        search ? (
          <EmptyState icon={<SearchX className="size-8" />} title={`No tasks match “${search}”`}>
            Search by task number (#1042), app, entitlement, requester or the person whose access it
            is.
          </EmptyState>
        ) : (
          <EmptyState
            icon={completed ? <History className="size-8" /> : <CircleCheck className="size-8" />}
            title={tabDef.empty.title}
          >
            {tabDef.empty.body}
          </EmptyState>
        )
      ) : (
        <TableFrame pending={isPending || sorting}>
          {/* Narrower than its columns need (a phone), the table scrolls sideways. */}
          <div className="overflow-x-auto [&>table]:min-w-5xl">
            <TaskTable
              rows={rows}
              completed={completed}
              showKind={completed && box === "requests"}
              current={current}
              onCurrent={setCurrent}
              actions={
                completed
                  ? undefined
                  : {
                      selected,
                      onToggle: toggle,
                      onToggleAll: (on) =>
                        setPicked(on ? new Set(rows.map((r) => r.id)) : new Set()),
                      onAction: (row, action) =>
                        openAction(
                          row,
                          action,
                          action === PRIMARY_ACTION[row.kind]
                            ? `[data-primary-action="${row.id}"]`
                            : `[data-row-menu="${row.id}"]`,
                        ),
                    }
              }
            />
          </div>
          <ShowMore query={query} label="Show more tasks" />
        </TableFrame>
      )}

      {!completed && selectedRows.length > 0 ? (
        <>
          {/* Room below the table so the bar never hides the last rows. */}
          <div aria-hidden className="h-16" />
          <BulkBar
            count={selectedRows.length}
            actions={bulkActionsFor(selectedRows[0]!.kind).map((id) => ({
              id,
              label: ACTION_LABEL[id],
            }))}
            onAction={(action) => setBulk({ action, tasks: selectedRows.map(target) })}
            onClear={() => setPicked(new Set())}
          />
        </>
      ) : null}

      {single ? (
        <TaskActionDialog
          key={`${single.task.id}:${single.action}`}
          action={single.action}
          task={single.task}
          onOpenChange={(open) => !open && setSingle(null)}
          onDone={() => {
            acted.current = true;
          }}
          onCloseAutoFocus={returnFocus(single.opener)}
        />
      ) : null}
      {help ? (
        <ShortcutsDialog
          description={`In ${INBOXES[box].title}, whenever you are not typing in a field.`}
          shortcuts={inboxShortcuts(tabKind)}
          note={
            tabKind
              ? `On a task’s page, ${ACTION_KEY[tabKind]} opens ${ACTION_LABEL[PRIMARY_ACTION[tabKind]]} too.`
              : undefined
          }
          onOpenChange={(open) => !open && setHelp(false)}
          onCloseAutoFocus={(event) => {
            // Back to the current row, else wherever the page had the focus.
            if (!current || !document.querySelector(`[data-task-link="${current}"]`)) return;
            event.preventDefault();
            focusRow(current);
          }}
        />
      ) : null}
      {bulk ? (
        <BulkActionDialog
          action={bulk.action}
          tasks={bulk.tasks}
          onOpenChange={(open) => !open && setBulk(null)}
          onFinished={() => setPicked(new Set())}
          onCloseAutoFocus={(event) => {
            // The bar that opened the dialog is gone once the tasks are done: focus goes to
            // the table's "select all" instead of the page's top.
            if (document.querySelector('[role="region"][aria-label="Bulk actions"]')) return;
            const all = document.querySelector<HTMLElement>(
              'input[aria-label="Select all tasks on this page"]',
            );
            if (all) {
              event.preventDefault();
              all.focus();
            }
          }}
        />
      ) : null}
    </div>
  );
}
