"use client";

import { useId } from "react";
import { cn } from "~/lib/cn";

/** The look of text inputs and text areas. A plain class string: any input can use it. */
export const fieldClass =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs placeholder:text-faint focus:border-zinc-500 focus:outline-none aria-[invalid=true]:border-rose-400 disabled:bg-zinc-50 disabled:opacity-70";

/**
 * A labelled multi-line text field, with an optional hint and an error that is announced
 * and tied to the field (aria-describedby, aria-invalid).
 */
export function Textarea({
  label,
  hint,
  error,
  optional = false,
  hideLabel = false,
  className,
  rows = 3,
  ...rest
}: {
  label: string;
  hint?: React.ReactNode;
  error?: string | null;
  /** Says "(optional)" after the label. */
  optional?: boolean;
  /** Keep the label for screen readers only. */
  hideLabel?: boolean;
  className?: string;
} & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "className">) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className={className}>
      <label
        htmlFor={id}
        className={cn("mb-1.5 block text-sm font-medium text-zinc-800", hideLabel && "sr-only")}
      >
        {label}
        {optional ? <span className="text-muted font-normal"> (optional)</span> : null}
      </label>
      <textarea
        id={id}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={cn(fieldClass, "resize-y leading-6")}
        {...rest}
      />
      {hint ? (
        <p id={hintId} className="text-muted mt-1.5 text-xs">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className="mt-1.5 text-xs font-medium text-rose-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
