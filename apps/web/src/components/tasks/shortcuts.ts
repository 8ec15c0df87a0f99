// The keyboard shortcuts of the inboxes and the task page: which key does what, and when a
// key press is a shortcut at all. A plain module (the README's table says the same).
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

/** A key press as the rules below need it (a KeyboardEvent fits). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing: boolean;
  defaultPrevented: boolean;
  target: EventTarget | null;
}

/** Inputs whose keys are not typed text: a letter pressed on them may be a shortcut. */
const NOT_TYPED = new Set(["checkbox", "radio", "button", "submit", "reset", "image", "file"]);

/** Whether keys pressed on `element` are typed into it (a text field, a select, an editor). */
export function isTypingInto(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLInputElement) return !NOT_TYPED.has(element.type);
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (element instanceof HTMLElement && element.isContentEditable) return true;
  return element.closest('[role="textbox"], [role="combobox"], [role="searchbox"]') !== null;
}

/** A dialog or a menu is open: its keys are its own. */
export function isDialogOpen(doc: Document = document): boolean {
  return doc.querySelector('[role="dialog"], [role="alertdialog"], [role="menu"]') !== null;
}

/**
 * Whether a key press may be a shortcut: no Ctrl, ⌘ or Alt (the browser's and the system's),
 * not while composing text, not typed into a field, not while a dialog or menu is open, and
 * not already handled by someone else.
 */
export function isShortcutPress(event: KeyPress): boolean {
  if (event.defaultPrevented || event.isComposing) return false;
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  const target = event.target instanceof Element ? event.target : null;
  if (isTypingInto(target)) return false;
  return !isDialogOpen(target?.ownerDocument ?? document);
}

/** Whether focus is on something that handles Enter itself (a link, a button, a field). */
export function handlesEnter(element: Element | null): boolean {
  return (
    element?.closest(
      'a[href], button, input, select, textarea, summary, [role="button"], [role="link"], [role="checkbox"], [role="menuitem"], [role="tab"]',
    ) != null
  );
}

export interface ShortcutRow {
  keys: string[];
  does: string;
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
