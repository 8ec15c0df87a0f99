"use client";

import { PolicySelect, type InheritedPolicy } from "./policy-select.tsx";

type Which = "request" | "revocation";
type Pair<T> = Record<Which, T>;

/** The chosen request and revocation policies (null: inherit). */
export type PolicyPairValue = Pair<string | null>;

const KIND = { request: "GRANT", revocation: "REVOKE" } as const;
const LABELS: Pair<string> = { request: "Request policy", revocation: "Revocation policy" };

/**
 * The two policies a form sets together (an app's defaults, an entitlement's own): the request
 * policy, then the revocation policy, each a PolicySelect with what it inherits.
 */
export function PolicyPair({
  labels = LABELS,
  value,
  onChange,
  inherited,
  errors,
  disabled,
}: {
  labels?: Pair<string>;
  value: PolicyPairValue;
  onChange: (value: PolicyPairValue) => void;
  inherited: Pair<InheritedPolicy>;
  errors: Pair<string | null | undefined>;
  disabled?: boolean;
}) {
  return (
    <>
      {(["request", "revocation"] as const).map((which) => (
        <PolicySelect
          key={which}
          label={labels[which]}
          kind={KIND[which]}
          value={value[which]}
          onChange={(policyId) => onChange({ ...value, [which]: policyId })}
          inherited={inherited[which]}
          error={errors[which]}
          disabled={disabled}
        />
      ))}
    </>
  );
}
