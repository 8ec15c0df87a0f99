"use client";

import { useEffect, useRef } from "react";
import { cn } from "~/lib/cn";

/**
 * A native checkbox in Lantern's look: keyboard and screen readers work as with any
 * checkbox, and it works before hydration. `indeterminate` shows the "some selected" dash
 * (e.g. "select all" when part of the page is selected). Give it a `label` (read by screen
 * readers) unless a visible <label> wraps it.
 */
export function Checkbox({
  checked,
  indeterminate = false,
  onCheckedChange,
  label,
  className,
  disabled,
  ...rest
}: {
  checked: boolean;
  indeterminate?: boolean;
  onCheckedChange: (checked: boolean) => void;
  label?: string;
  className?: string;
  disabled?: boolean;
} & Omit<
  React.InputHTMLAttributes<HTMLInputElement>,
  "type" | "checked" | "onChange" | "className" | "disabled"
>) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate && !checked;
  }, [indeterminate, checked]);
  return (
    <input
      ref={ref}
      type="checkbox"
      checked={checked}
      disabled={disabled}
      onChange={(e) => onCheckedChange(e.target.checked)}
      aria-label={label}
      className={cn(
        "size-4 shrink-0 cursor-pointer accent-zinc-900 disabled:cursor-not-allowed disabled:opacity-50",
        className,
      )}
      {...rest}
    />
  );
}
