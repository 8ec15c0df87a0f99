"use client";

import { secondaryButton } from "./button.ts";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "./dialog.tsx";
import { Kbd } from "./kbd.tsx";
import type { ShortcutRow } from "./shortcut-keys.ts";

/** The `?` dialog: the shortcuts of the page, each with what it does. */
export default function ShortcutsDialog({
  description,
  shortcuts,
  note,
  onOpenChange,
  onCloseAutoFocus,
}: {
  description: string;
  shortcuts: ShortcutRow[];
  /** A line under the list (e.g. what works on the task page too). */
  note?: React.ReactNode;
  onOpenChange: (open: boolean) => void;
  onCloseAutoFocus?: (event: Event) => void;
}) {
  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent
        title="Keyboard shortcuts"
        description={description}
        size="sm"
        onCloseAutoFocus={onCloseAutoFocus}
      >
        <dl className="divide-y divide-zinc-100 text-sm">
          {shortcuts.map((s) => (
            <div key={s.keys.join()} className="flex items-center justify-between gap-4 py-2">
              <dt className="text-zinc-800">{s.does}</dt>
              <dd className="flex shrink-0 items-center gap-1.5 text-xs text-zinc-600">
                {s.keys.map((key, i) => (
                  <span key={key} className="flex items-center gap-1.5">
                    {i > 0 ? <span>or</span> : null}
                    <Kbd>{key}</Kbd>
                  </span>
                ))}
              </dd>
            </div>
          ))}
        </dl>
        {note ? <p className="mt-3 text-xs text-zinc-600">{note}</p> : null}
        <DialogFooter>
          <DialogClose className={secondaryButton}>Close</DialogClose>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
