"use client";

import { cn } from "~/lib/cn";
import { Field, splitFieldProps, type FieldProps } from "./field.tsx";
import { fieldClass } from "./textarea.tsx";

/**
 * A labelled one-line text field, with an optional hint and an error that is announced and
 * tied to the field (aria-describedby, aria-invalid). The sibling of Textarea.
 */
export function TextField(
  props: Omit<FieldProps, "hideLabel"> &
    Omit<React.InputHTMLAttributes<HTMLInputElement>, "className">,
) {
  const [field, input] = splitFieldProps(props);
  return (
    <Field {...field} className={cn("min-w-0", field.className)}>
      {(control) => <input type="text" {...control} className={fieldClass} {...input} />}
    </Field>
  );
}
