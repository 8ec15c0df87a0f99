"use client";

import { useId } from "react";
import { useQuery } from "@tanstack/react-query";
import { fieldClass } from "~/components/ui/textarea";
import { useTRPC } from "~/trpc/react";

/** What an empty choice inherits, e.g. { name: "Manager approval", from: "the app's default" }. */
export type InheritedPolicy = { name: string | null; from: string };

/**
 * Choose the approval policy of a request or revocation (app, entitlement or organization
 * settings). Empty means "inherit": the option says what is inherited, e.g.
 * "Inherit: Manager approval (the app's default)". Below the select, what the chosen (or
 * inherited) policy does, in words.
 */
export function PolicySelect({
  label,
  kind,
  value,
  onChange,
  inherited,
  error,
  disabled,
}: {
  label: string;
  /** Which summary to show: what a request (GRANT) or a revocation (REVOKE) goes through. */
  kind: "GRANT" | "REVOKE";
  /** The chosen policy id; null: inherit. */
  value: string | null;
  onChange: (policyId: string | null) => void;
  /**
   * What applies when nothing is chosen, e.g. { name: "Manager approval", from: "the app's
   * default" }, or { name: null, from: "the organization" } when nothing is set there either.
   * Omit it where a policy need not be inherited (it then says "None").
   */
  inherited?: InheritedPolicy;
  error?: string | null;
  disabled?: boolean;
}) {
  const id = useId();
  const trpc = useTRPC();
  const options = useQuery(trpc.policies.options.queryOptions());
  const chosen = options.data?.find((p) => p.id === value);
  const inheritedOption = options.data?.find((p) => p.name === inherited?.name);
  const shown = chosen ?? (value === null ? inheritedOption : undefined);
  const summary = shown
    ? kind === "GRANT"
      ? shown.requestSummary
      : shown.revocationSummary
    : null;
  const emptyLabel = inherited
    ? inherited.name
      ? `Inherit: ${inherited.name} (${inherited.from})`
      : `Inherit from ${inherited.from} (none set)`
    : "None";
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      <select
        id={id}
        className={`${fieldClass} mt-1`}
        value={value ?? ""}
        disabled={disabled || options.isPending}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-summary${error ? ` ${id}-error` : ""}`}
        onChange={(e) => onChange(e.target.value === "" ? null : e.target.value)}
      >
        <option value="">{emptyLabel}</option>
        {options.data?.map((policy) => (
          <option key={policy.id} value={policy.id}>
            {policy.name}
          </option>
        ))}
      </select>
      <p id={`${id}-summary`} className="mt-1 text-xs text-zinc-600">
        {summary ??
          (value === null && inherited && !inherited.name
            ? "No policy applies: requests will be refused until one is set here or above."
            : "")}
      </p>
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-rose-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
