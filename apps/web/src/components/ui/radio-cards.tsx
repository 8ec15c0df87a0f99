"use client";

import { useId } from "react";
import { ChoiceCard } from "./choice-card.tsx";

export interface RadioCardOption<T extends string> {
  value: T;
  label: React.ReactNode;
  /** What choosing it means, under the label (the radio's description). */
  hint: React.ReactNode;
}

/**
 * A labelled radio group whose options are cards (ChoiceCard) with a label and what they mean. Arrow keys
 * move between them. `columns`: side by side from the small breakpoint (short hints), or
 * stacked (long ones).
 */
export function RadioCards<T extends string>({
  legend,
  options,
  value,
  onChange,
  disabled,
  columns = false,
}: {
  legend: string;
  options: readonly RadioCardOption<T>[];
  value: T;
  onChange: (value: T) => void;
  disabled?: boolean;
  columns?: boolean;
}) {
  const id = useId();
  return (
    <fieldset className="min-w-0" disabled={disabled}>
      <legend className="mb-1.5 block text-sm font-medium text-zinc-800">{legend}</legend>
      <div className={columns ? "grid gap-2 sm:grid-cols-2" : "space-y-2"}>
        {options.map((option) => (
          <ChoiceCard
            key={option.value}
            align="start"
            className="gap-2.5 px-3 py-2.5"
            name={id}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
            aria-labelledby={`${id}-${option.value}`}
            aria-describedby={`${id}-${option.value}-hint`}
          >
            <span className="min-w-0">
              <span
                id={`${id}-${option.value}`}
                className="block text-sm font-medium text-zinc-900"
              >
                {option.label}
              </span>
              <span id={`${id}-${option.value}-hint`} className="block text-xs text-zinc-600">
                {option.hint}
              </span>
            </span>
          </ChoiceCard>
        ))}
      </div>
    </fieldset>
  );
}
