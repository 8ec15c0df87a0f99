"use client";

import { useState } from "react";
import { cn } from "~/lib/cn";
import { RevokeDialog, type RevokeTarget } from "./revoke-dialog.tsx";

/**
 * A row's Revoke button. When the viewer may not revoke (the list's viewerCanRevoke), it is
 * muted, and opens the dialog only to say who can (the server decides anyway).
 */
export function RevokeButton({ target }: { target: RevokeTarget }) {
  const [open, setOpen] = useState(false);
  const refused = target.refusal !== null;
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        aria-label={`Revoke ${target.entitlement.displayName} from ${target.accountLabel}`}
        title={refused ? "You cannot revoke this access. Open to see who can." : undefined}
        className={cn(
          "inline-flex items-center rounded-md border px-2.5 py-1 text-xs font-medium whitespace-nowrap shadow-xs",
          refused
            ? "text-faint cursor-help border-zinc-200 bg-zinc-50"
            : "border-rose-200 bg-white text-rose-700 hover:bg-rose-50",
        )}
      >
        Revoke
      </button>
      {open ? <RevokeDialog target={target} onOpenChange={setOpen} /> : null}
    </>
  );
}
