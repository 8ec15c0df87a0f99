"use client";

import { cn } from "~/lib/cn";
import { Field, splitFieldProps, type FieldProps } from "./field.tsx";

/** The look of text inputs and text areas. A plain class string: any input can use it. */
export const fieldClass =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs placeholder:text-faint focus:border-zinc-500 focus:outline-none aria-[invalid=true]:border-rose-400 disabled:bg-zinc-50 disabled:opacity-70";

/**
 * A labelled multi-line text field, with an optional hint and an error that is announced
 * and tied to the field (aria-describedby, aria-invalid).
 */
export function Textarea({
  rows = 3,
  ...props
}: FieldProps & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "className">) {
  const [field, textarea] = splitFieldProps(props);
  return (
    <Field {...field}>
      {(control) => (
        <textarea
          rows={rows}
          {...control}
          className={cn(fieldClass, "resize-y leading-6")}
          {...textarea}
        />
      )}
    </Field>
  );
}
