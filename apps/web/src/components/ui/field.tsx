"use client";

import { useId } from "react";
import { cn } from "~/lib/cn";

/** What a field's control gets to be tied to its label, hint and error. */
export interface FieldControl {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/** The words and state of a field, as TextField and Textarea take them. */
export interface FieldProps {
  label: string;
  hint?: React.ReactNode;
  error?: string | null;
  /** Says "(optional)" after the label. */
  optional?: boolean;
  /** Keep the label for screen readers only. */
  hideLabel?: boolean;
  className?: string;
}

/** A field's props apart from those of its control. */
export function splitFieldProps<T extends FieldProps>({
  label,
  hint,
  error,
  optional,
  hideLabel,
  className,
  ...control
}: T): [FieldProps, Omit<T, keyof FieldProps>] {
  return [{ label, hint, error, optional, hideLabel, className }, control];
}

/**
 * A labelled field around one control (a text input, a text area): an optional hint, and an
 * error that is announced and tied to the control (aria-describedby, aria-invalid).
 */
export function Field({
  label,
  hint,
  error,
  optional = false,
  hideLabel = false,
  className,
  children,
}: FieldProps & { children: (control: FieldControl) => React.ReactNode }) {
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
      {children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy || undefined,
      })}
      {hint ? (
        <p id={hintId} className="text-muted mt-1.5 text-xs">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} error={error} />
    </div>
  );
}

/** A field's error under it, announced; `id` ties it to the field (aria-describedby). */
export function FieldError({ id, error }: { id: string; error?: string | null }) {
  return error ? (
    <p id={id} role="alert" className="mt-1.5 text-xs font-medium text-rose-700">
      {error}
    </p>
  ) : null;
}
