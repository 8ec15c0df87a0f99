"use client";

import { useId } from "react";
import { ChoiceCard } from "~/components/ui/choice-card";

export type Strategy = "MANUAL" | "CONNECTOR";

const OPTIONS: Array<{ value: Strategy; label: string; hint: string }> = [
  { value: "MANUAL", label: "Manual", hint: "A person does it through a task" },
  { value: "CONNECTOR", label: "Connector", hint: "Lantern's connector does it" },
];

/**
 * How an entitlement is provisioned or deprovisioned (SPEC §1): a radio group of Manual and
 * Connector, each with what it means. Arrow keys move between the two.
 */
export function StrategyField({
  legend,
  value,
  onChange,
  disabled,
}: {
  legend: string;
  value: Strategy;
  onChange: (value: Strategy) => void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <fieldset className="min-w-0" disabled={disabled}>
      <legend className="mb-1.5 block text-sm font-medium text-zinc-800">{legend}</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {OPTIONS.map((option) => (
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

/** How an entitlement is granted and how it is removed. */
export type Strategies = { provisioning: Strategy; deprovisioning: Strategy };

/** Both strategies of an entitlement, as its forms ask them: provisioning, then deprovisioning. */
export function StrategyPair({
  value,
  onChange,
}: {
  value: Strategies;
  onChange: (value: Strategies) => void;
}) {
  return (
    <>
      <StrategyField
        legend="Provisioning strategy"
        value={value.provisioning}
        onChange={(provisioning) => onChange({ ...value, provisioning })}
      />
      <StrategyField
        legend="Deprovisioning strategy"
        value={value.deprovisioning}
        onChange={(deprovisioning) => onChange({ ...value, deprovisioning })}
      />
    </>
  );
}
