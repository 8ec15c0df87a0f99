// The keyboard shortcuts of the reviews queue: which key does what (when a key press is a
// shortcut at all: ui/shortcut-keys.ts). e and r are no inbox's or task page's key (a, p, d,
// o, x…), so a reviewer's fingers never Keep where they meant to approve. A plain module.
import type { ShortcutRow } from "~/components/ui/shortcut-keys";

export const KEEP_KEY = "e";
export const REVOKE_KEY = "r";

export type QueueCommand =
  | { type: "next" }
  | { type: "previous" }
  | { type: "toggle" }
  | { type: "keep" }
  | { type: "revoke" }
  | { type: "help" };

/** The command of a key (`event.key`) in the queue; null for any other key. */
export function queueCommand(key: string): QueueCommand | null {
  switch (key) {
    case "j":
      return { type: "next" };
    case "k":
      return { type: "previous" };
    case "x":
      return { type: "toggle" };
    case KEEP_KEY:
      return { type: "keep" };
    case REVOKE_KEY:
      return { type: "revoke" };
    case "?":
      return { type: "help" };
    default:
      return null;
  }
}

/** The queue's shortcuts, as its `?` dialog lists them. */
export const QUEUE_SHORTCUTS: ShortcutRow[] = [
  { keys: ["j"], does: "Next item" },
  { keys: ["k"], does: "Previous item" },
  { keys: [KEEP_KEY], does: "Keep (asks for a reason when the item is flagged)" },
  { keys: [REVOKE_KEY], does: "Revoke (asks for a reason)" },
  { keys: ["x"], does: "Select the item for a bulk decision" },
  { keys: ["?"], does: "Show these shortcuts" },
];
