"use client";

import { useId } from "react";
import { cn } from "~/lib/cn";
import { fieldClass } from "./textarea.tsx";

/**
 * A labelled one-line text field, with an optional hint and an error that is announced and
 * tied to the field (aria-describedby, aria-invalid). The sibling of Textarea.
 */
export function TextField({
  label,
  hint,
  error,
  optional = false,
  className,
  ...rest
}: {
  label: string;
  hint?: React.ReactNode;
  error?: string | null;
  /** Says "(optional)" after the label. */
  optional?: boolean;
  className?: string;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "className">) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className={cn("min-w-0", className)}>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-zinc-800">
        {label}
        {optional ? <span className="text-muted font-normal"> (optional)</span> : null}
      </label>
      <input
        id={id}
        type="text"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={fieldClass}
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
