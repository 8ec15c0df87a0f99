// When a key press is a page's keyboard shortcut at all (the inboxes, the task page, the
// reviews queue): never while typing, never with a modifier, never under a dialog. A plain
// module; each page's own keys are in its module (tasks/shortcuts.ts, reviews/queue/keys.ts).

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

/** One line of a page's `?` dialog: the keys and what they do. */
export interface ShortcutRow {
  keys: string[];
  does: string;
}
