"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { cn } from "~/lib/cn";
import { dangerButton, primaryButton, secondaryButton } from "./button.ts";

/**
 * A modal dialog (Radix): focus moves in and is trapped, Escape and the × close it, focus
 * returns to what opened it, the page behind is inert. Every dialog has a title (its
 * accessible name) and usually a description.
 *
 *   <Dialog open={open} onOpenChange={setOpen}>
 *     <DialogContent title="Mark #1042 provisioned" description="…">
 *       …
 *       <DialogFooter>…buttons…</DialogFooter>   (a form's: <DialogActions … />)
 *     </DialogContent>
 *   </Dialog>
 */
export const Dialog = RadixDialog.Root;
export const DialogTrigger = RadixDialog.Trigger;
export const DialogClose = RadixDialog.Close;

const WIDTH = { sm: "max-w-md", md: "max-w-lg", lg: "max-w-2xl" } as const;

export function DialogContent({
  title,
  description,
  children,
  size = "md",
  className,
  onOpenAutoFocus,
  onCloseAutoFocus,
  dismissible = true,
}: {
  title: React.ReactNode;
  description?: React.ReactNode;
  children?: React.ReactNode;
  size?: keyof typeof WIDTH;
  className?: string;
  /** Radix's hook: call `event.preventDefault()` and focus something else to choose the first focus. */
  onOpenAutoFocus?: (event: Event) => void;
  /** Radix's hook: call `event.preventDefault()` and focus something else where focus should go back. */
  onCloseAutoFocus?: (event: Event) => void;
  /** False while something runs: the dialog then ignores Escape and clicks outside. */
  dismissible?: boolean;
}) {
  const block = (event: Event) => {
    if (!dismissible) event.preventDefault();
  };
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/40" />
      <RadixDialog.Content
        onOpenAutoFocus={onOpenAutoFocus}
        onCloseAutoFocus={onCloseAutoFocus}
        onEscapeKeyDown={block}
        onPointerDownOutside={block}
        onInteractOutside={block}
        // Without a description Radix warns unless told there is none.
        {...(description ? {} : { "aria-describedby": undefined })}
        className={cn(
          "fixed top-[12vh] left-1/2 z-50 flex max-h-[80vh] w-[calc(100vw-2rem)] -translate-x-1/2 flex-col rounded-xl border border-zinc-200 bg-white shadow-xl focus:outline-none",
          WIDTH[size],
          className,
        )}
      >
        <div className="border-b border-zinc-100 py-3.5 pr-12 pl-5">
          <RadixDialog.Title className="text-base font-semibold text-zinc-950">
            {title}
          </RadixDialog.Title>
          {description ? (
            <RadixDialog.Description className="mt-1 text-sm text-zinc-600">
              {description}
            </RadixDialog.Description>
          ) : null}
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">{children}</div>
        {/* Last in the focus order: the first focus goes to the dialog's own fields. */}
        <RadixDialog.Close
          className="text-faint absolute top-3 right-3 rounded-md p-1.5 hover:bg-zinc-100 hover:text-zinc-700 disabled:opacity-50"
          aria-label="Close"
          disabled={!dismissible}
        >
          <X className="size-4" aria-hidden />
        </RadixDialog.Close>
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
}

/** The buttons at the bottom of a dialog: the main one last (rightmost). */
export function DialogFooter({ children }: { children: React.ReactNode }) {
  return (
    <div className="sticky -bottom-4 -mx-5 mt-5 -mb-4 flex items-center justify-end gap-2 rounded-b-xl border-t border-zinc-100 bg-zinc-50 px-5 py-3">
      {children}
    </div>
  );
}

/**
 * The footer of a dialog's form: Cancel (closes it), then the submit button, both off while
 * the form is `pending` — the submit button then says `pendingLabel`. `children` go first
 * (leftmost), e.g. a secondary way out.
 */
export function DialogActions({
  label,
  pendingLabel,
  pending,
  danger = false,
  disabled = false,
  title,
  autoFocus,
  cancelLabel = "Cancel",
  onClick,
  children,
}: {
  label: React.ReactNode;
  pendingLabel: React.ReactNode;
  pending: boolean;
  /** The submit button stops or refuses something (dangerButton). */
  danger?: boolean;
  /** Off for another reason than `pending` (say why in `title`). */
  disabled?: boolean;
  title?: string;
  autoFocus?: boolean;
  cancelLabel?: React.ReactNode;
  /** For a dialog without a form: the button does this instead of submitting. */
  onClick?: () => void;
  children?: React.ReactNode;
}) {
  return (
    <DialogFooter>
      {children}
      <DialogClose className={secondaryButton} disabled={pending}>
        {cancelLabel}
      </DialogClose>
      <button
        type={onClick ? "button" : "submit"}
        onClick={onClick}
        className={danger ? dangerButton : primaryButton}
        disabled={pending || disabled}
        title={title}
        autoFocus={autoFocus}
      >
        {pending ? pendingLabel : label}
      </button>
    </DialogFooter>
  );
}

/**
 * The footer of a dialog that has done its work: one button that closes it (Done, Close),
 * focused so that Enter or Space dismisses it; `children` go first (leftmost).
 */
export function DialogDone({
  label = "Done",
  primary = true,
  children,
}: {
  label?: React.ReactNode;
  /** False: a secondary look, for a dialog that ends without having done anything. */
  primary?: boolean;
  children?: React.ReactNode;
}) {
  return (
    <DialogFooter>
      {children}
      <DialogClose className={primary ? primaryButton : secondaryButton} autoFocus>
        {label}
      </DialogClose>
    </DialogFooter>
  );
}
