"use client";

import { useMemo, useRef, useState } from "react";
import { useSuspenseQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@lantern/api";
import { useTRPC } from "~/trpc/react";
import { PRIMARY_ACTION, type TaskAction } from "./actions.ts";
import type { HistoryFacts } from "./history.ts";
import type { RequestAction } from "./request-action-dialog.tsx";
import { ACTION_KEY } from "./shortcuts.ts";
import type { ActionTarget } from "./task-action-dialog.tsx";
import { summaryOf } from "./task-labels.ts";
import { useReminder } from "./task-reminder.tsx";
import { useShortcutKeys } from "~/components/ui/use-shortcut-keys";

export type TaskDetails = RouterOutputs["tasks"]["byNumber"];

/** Where a dialog was opened from: a button keeps the focus, a menu item hands it to the menu. */
export type Opener = "menu" | "button";

/** The names the history's sentences use, from every person the task's details mention. */
function historyFacts(task: TaskDetails): HistoryFacts {
  const names = new Map<string, string>();
  const add = (p: { id: string; displayName: string } | null | undefined) => {
    if (p) names.set(p.id, p.displayName);
  };
  task.assignees.forEach(add);
  task.formerAssignees.forEach((f) => add(f.person));
  task.steps.forEach((s) =>
    s.tasks.forEach((t) => {
      t.assignees.forEach(add);
      add(t.completedBy);
    }),
  );
  task.history.forEach((e) => add(e.actor));
  task.comments.forEach((c) => add(c.author));
  add(task.request.requester);
  return {
    requestKind: task.request.kind,
    entitlement: task.request.entitlement.displayName,
    app: task.app.name,
    names,
  };
}

/**
 * The task page's data and its dialogs: which action or request action is open, where the
 * focus goes back when it closes, the reminder, and the page's keyboard shortcuts (the
 * inbox's key for the task's main action, and `?`) for the people who may act.
 */
export function useTaskPage(number: number) {
  const trpc = useTRPC();
  const { data: task } = useSuspenseQuery(trpc.tasks.byNumber.queryOptions({ number }));
  const [action, setActionState] = useState<TaskAction | null>(null);
  const [requestAction, setRequestActionState] = useState<RequestAction | null>(null);
  const [help, setHelp] = useState(false);
  // What opened a dialog: focus goes back there when it closes (a menu item is gone by then,
  // so the menu's own button stands in for it).
  const opener = useRef<HTMLElement | null>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const primaryRef = useRef<HTMLButtonElement>(null);
  const remember = (from: Opener) => {
    opener.current =
      from === "menu" ? menuButton.current : (document.activeElement as HTMLElement | null);
  };
  const primary = PRIMARY_ACTION[task.kind];
  const actionKey = ACTION_KEY[task.kind];

  useShortcutKeys((key) => {
    if (key === actionKey) {
      opener.current = primaryRef.current;
      setActionState(primary);
      return true;
    }
    if (key === "?") {
      setHelp(true);
      return true;
    }
    return false;
  }, task.viewer.can.act);

  const summary = summaryOf(task);
  const target: ActionTarget = { id: task.id, number: task.number, kind: task.kind, summary };
  const facts = useMemo(() => historyFacts(task), [task]);
  const reminder = useReminder(task);

  return {
    task,
    summary,
    target,
    facts,
    reminder,
    primary,
    actionKey,
    menuButton,
    primaryRef,
    action,
    requestAction,
    help,
    setAction: (next: TaskAction, from: Opener = "button") => {
      remember(from);
      setActionState(next);
    },
    setRequestAction: (next: RequestAction, from: Opener = "button") => {
      remember(from);
      setRequestActionState(next);
    },
    closeAction: () => setActionState(null),
    closeRequestAction: () => setRequestActionState(null),
    closeHelp: () => setHelp(false),
    focusOpener: (event: Event) => {
      const element = opener.current;
      opener.current = null;
      if (element?.isConnected) {
        event.preventDefault();
        element.focus();
      }
    },
  };
}

export type TaskPageState = ReturnType<typeof useTaskPage>;
