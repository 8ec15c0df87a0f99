"use client";

import { RadioCards } from "~/components/ui/radio-cards";

export type Strategy = "MANUAL" | "CONNECTOR";

const OPTIONS = [
  { value: "MANUAL", label: "Manual", hint: "A person does it through a task" },
  { value: "CONNECTOR", label: "Connector", hint: "Lantern's connector does it" },
] as const;

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
  return (
    <RadioCards
      legend={legend}
      options={OPTIONS}
      value={value}
      onChange={onChange}
      disabled={disabled}
      columns
    />
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
