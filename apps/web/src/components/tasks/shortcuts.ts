// The keyboard shortcuts of the inboxes and the task page: which key does what (when a key
// press is a shortcut at all: ui/shortcut-keys.ts). A plain module (the README's table says
// the same).
import type { ShortcutRow } from "~/components/ui/shortcut-keys";
import { ACTION_LABEL, PRIMARY_ACTION, type TaskKind } from "./actions.ts";

/** The key of a task's main action: approve, mark provisioned, mark deprovisioned. */
export const ACTION_KEY: Record<TaskKind, "a" | "p" | "d"> = {
  APPROVAL: "a",
  PROVISION: "p",
  DEPROVISION: "d",
};

/** What a key does in an inbox. */
export type InboxCommand =
  | { type: "next" }
  | { type: "previous" }
  | { type: "open" }
  | { type: "act"; kind: TaskKind }
  | { type: "toggle" }
  | { type: "search" }
  | { type: "help" };

const KIND_OF_KEY = Object.fromEntries(
  Object.entries(ACTION_KEY).map(([kind, key]) => [key, kind as TaskKind]),
) as Record<string, TaskKind>;

/**
 * The command of a key in an inbox (`event.key`, as the keyboard layout produces it, so `?`
 * and `/` work on any layout); null for any other key. Enter is handled by the focused
 * element (the row's task link opens the task) unless nothing in particular has the focus.
 */
export function inboxCommand(key: string): InboxCommand | null {
  switch (key) {
    case "j":
      return { type: "next" };
    case "k":
      return { type: "previous" };
    case "o":
    case "Enter":
      return { type: "open" };
    case "x":
      return { type: "toggle" };
    case "/":
      return { type: "search" };
    case "?":
      return { type: "help" };
    default: {
      const kind = KIND_OF_KEY[key];
      return kind ? { type: "act", kind } : null;
    }
  }
}

/** The inbox's shortcuts, as the `?` dialog lists them for a tab of the given kind of task. */
export function inboxShortcuts(kind: TaskKind | null): ShortcutRow[] {
  return [
    { keys: ["j"], does: "Next task" },
    { keys: ["k"], does: "Previous task" },
    { keys: ["Enter", "o"], does: "Open the task" },
    ...(kind
      ? [
          {
            keys: [ACTION_KEY[kind]],
            does: `${ACTION_LABEL[PRIMARY_ACTION[kind]]} (asks to confirm)`,
          },
          { keys: ["x"], does: "Select the task for a bulk action" },
        ]
      : []),
    { keys: ["/"], does: "Search" },
    { keys: ["?"], does: "Show these shortcuts" },
  ];
}
