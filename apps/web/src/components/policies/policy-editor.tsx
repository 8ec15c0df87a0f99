"use client";

import { useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { ArrowDown, ArrowUp, Info, PackageCheck, Plus, Trash2 } from "lucide-react";
import type { RouterOutputs } from "@lantern/api";
import {
  describePolicy,
  snapshotFromDefinition,
  type ApproverKind,
  type PolicyDefinition,
} from "@lantern/domain";
import { apiError, type ApiError } from "~/trpc/errors";
import { useSubmit } from "~/lib/use-submit";
import { primaryButton, secondaryButton } from "~/components/ui/button";
import { Checkbox } from "~/components/ui/checkbox";
import { ErrorAlert } from "~/components/ui/error-alert";
import type { ChosenPerson } from "~/components/ui/people-multi-picker";
import { Section } from "~/components/ui/section";
import { TextField } from "~/components/ui/text-field";
import { fieldClass, Textarea } from "~/components/ui/textarea";
import { toast } from "~/components/ui/toast";
import { plural } from "~/lib/format";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import { PolicyPeoplePicker } from "./policy-people-picker";
import { refreshQueries } from "~/trpc/refresh";

type PolicyDetails = RouterOutputs["policies"]["byId"];

export const APPROVER_OPTIONS: { value: ApproverKind; label: string }[] = [
  { value: "MANAGER", label: "Manager" },
  { value: "APP_OWNERS", label: "App owners" },
  { value: "ENTITLEMENT_OWNERS", label: "Entitlement owners" },
  { value: "USERS", label: "Named people" },
];

interface StepState {
  key: number;
  approver: ApproverKind;
  people: ChosenPerson[];
}

/** Field errors of a refusal: the domain's (details.fieldErrors) or zod's. */
function fieldErrorOf(error: ApiError | null, field: string): string | undefined {
  const domain = error?.details?.fieldErrors as Record<string, string[]> | undefined;
  return domain?.[field]?.[0] ?? error?.fieldErrors?.[field]?.[0];
}

/**
 * Create or edit an approval policy (issue 6): name, description, the approval steps in order
 * (who approves each; named people for a "Named people" step), provisioning fixed last, the
 * reassignment and approval flags, and what the policy does in words as it is written. Editing
 * says that running requests keep the version they started with. `readOnly` (an auditor, who
 * reads policies and changes none): the fields are disabled, the reason shows instead of Save.
 */
export function PolicyEditor({
  policy,
  readOnly = null,
}: {
  policy: PolicyDetails | null;
  /** Why the viewer may not change the policy; null when they may. */
  readOnly?: string | null;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const router = useRouter();
  const ids = useId();
  const nextKey = useRef(0);
  const keyed = (approver: ApproverKind, people: ChosenPerson[] = []): StepState => ({
    key: nextKey.current++,
    approver,
    people,
  });

  const [name, setName] = useState(policy?.name ?? "");
  const [description, setDescription] = useState(policy?.description ?? "");
  const [steps, setSteps] = useState<StepState[]>(() =>
    policy ? policy.steps.map((s) => keyed(s.approver, s.people)) : [keyed("MANAGER")],
  );
  const [allowReassignment, setAllowReassignment] = useState(policy?.allowReassignment ?? true);
  const [restrictReassignees, setRestrictReassignees] = useState(
    policy?.restrictReassignees ?? false,
  );
  const [reassignees, setReassignees] = useState<ChosenPerson[]>(policy?.allowedReassignees ?? []);
  const [allowSelfApproval, setAllowSelfApproval] = useState(policy?.allowSelfApproval ?? false);
  const [requireDistinctApprovers, setRequireDistinctApprovers] = useState(
    policy?.requireDistinctApprovers ?? false,
  );
  const { pending, problem, run } = useSubmit(apiError);

  const definition: PolicyDefinition = {
    name,
    description,
    steps: steps.map((s) => ({
      approver: s.approver,
      people: s.approver === "USERS" ? s.people.map((p) => p.id) : [],
    })),
    allowReassignment,
    restrictReassignees: allowReassignment && restrictReassignees,
    allowedReassigneeIds:
      allowReassignment && restrictReassignees ? reassignees.map((p) => p.id) : [],
    allowSelfApproval,
    requireDistinctApprovers,
  };
  const draft = snapshotFromDefinition(policy?.id ?? "new", definition);

  const update = (index: number, change: Partial<StepState>) =>
    setSteps((all) => all.map((s, i) => (i === index ? { ...s, ...change } : s)));
  const move = (index: number, by: -1 | 1) =>
    setSteps((all) => {
      const next = [...all];
      [next[index], next[index + by]] = [next[index + by]!, next[index]!];
      return next;
    });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (readOnly) return;
    void run(async () => {
      const answer = policy
        ? await client.policies.update.mutate({ id: policy.id, ...definition })
        : await client.policies.create.mutate(definition);
      void refreshQueries(queryClient, [trpc.policies.pathKey()]);
      if (!policy) {
        toast.success(`Policy “${answer.policy.name}” created`);
        router.push(`/policies/${answer.policy.id}`);
      } else if (answer.changed) {
        toast.success(`Policy “${answer.policy.name}” saved`, {
          description: "New requests follow it; running requests keep their version.",
        });
        router.refresh();
      } else {
        toast.success("Nothing to save: the policy is as it was.");
      }
    });
  };

  const running = policy?.usage.runningRequests ?? 0;
  const stepsError = fieldErrorOf(problem, "steps");
  const shownFieldErrors = new Set(
    Object.keys((problem?.details?.fieldErrors as object | undefined) ?? {}),
  );

  return (
    <form onSubmit={submit} noValidate>
      <fieldset disabled={readOnly !== null} className="min-w-0 space-y-6">
        {readOnly ? (
          <p
            role="note"
            className="flex items-start gap-2 rounded-lg bg-zinc-50 px-4 py-3 text-sm text-zinc-700 ring-1 ring-zinc-200 ring-inset"
          >
            <Info className="mt-0.5 size-4 shrink-0" aria-hidden />
            <span>{readOnly}</span>
          </p>
        ) : policy ? (
          <p className="flex items-start gap-2 rounded-lg bg-sky-50 px-4 py-3 text-sm text-sky-900 ring-1 ring-sky-100 ring-inset">
            <Info className="mt-0.5 size-4 shrink-0" aria-hidden />
            <span>
              Changes apply to new requests only.{" "}
              {running === 1
                ? "1 request running under this policy keeps the version it started with."
                : `${plural(running, "request")} running under this policy keep the version they started with.`}
            </span>
          </p>
        ) : null}

        <Section title="Policy">
          <div className="space-y-4">
            <TextField
              label="Name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={80}
              required
              error={fieldErrorOf(problem, "name")}
            />
            <Textarea
              label="Description"
              optional
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              maxLength={2000}
              rows={2}
              hint="When to choose this policy, for the admins who set it on apps and entitlements."
              error={fieldErrorOf(problem, "description")}
            />
          </div>
        </Section>

        <Section
          title="Steps"
          description="Each approval step must be approved before the next one starts. Provisioning always comes last."
        >
          <ol className="space-y-3" aria-label="Steps">
            {steps.map((step, index) => {
              const n = index + 1;
              const error = fieldErrorOf(problem, `steps.${n}`);
              return (
                <li
                  key={step.key}
                  className="rounded-lg border border-zinc-200 bg-zinc-50/60 p-3"
                  aria-label={`Step ${n}`}
                >
                  <div className="flex flex-wrap items-end gap-x-3 gap-y-2">
                    <span className="flex size-7 shrink-0 items-center justify-center rounded-full bg-white text-xs font-semibold text-zinc-700 ring-1 ring-zinc-200">
                      {n}
                    </span>
                    <div className="min-w-0 flex-1 basis-48">
                      <label
                        htmlFor={`${ids}-step-${step.key}`}
                        className="mb-1 block text-xs font-medium text-zinc-600"
                      >
                        Who approves
                        <span className="sr-only"> at step {n}</span>
                      </label>
                      <select
                        id={`${ids}-step-${step.key}`}
                        value={step.approver}
                        onChange={(e) =>
                          update(index, { approver: e.target.value as ApproverKind })
                        }
                        aria-invalid={error ? true : undefined}
                        className={fieldClass}
                      >
                        {APPROVER_OPTIONS.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="flex items-center gap-1">
                      <button
                        type="button"
                        onClick={() => move(index, -1)}
                        disabled={index === 0}
                        aria-label={`Move step ${n} up`}
                        title="Move up"
                        className={`${secondaryButton} px-2`}
                      >
                        <ArrowUp className="size-4" aria-hidden />
                      </button>
                      <button
                        type="button"
                        onClick={() => move(index, 1)}
                        disabled={index === steps.length - 1}
                        aria-label={`Move step ${n} down`}
                        title="Move down"
                        className={`${secondaryButton} px-2`}
                      >
                        <ArrowDown className="size-4" aria-hidden />
                      </button>
                      <button
                        type="button"
                        onClick={() => setSteps((all) => all.filter((_, i) => i !== index))}
                        aria-label={`Remove step ${n}`}
                        title="Remove step"
                        className={`${secondaryButton} px-2 text-rose-700`}
                      >
                        <Trash2 className="size-4" aria-hidden />
                      </button>
                    </div>
                  </div>
                  {step.approver === "USERS" ? (
                    <div className="mt-3 sm:pl-10">
                      <PolicyPeoplePicker
                        legend={`Approvers of step ${n}`}
                        note="Any one of them approves the step."
                        value={step.people}
                        onChange={(people) => update(index, { people })}
                        error={error}
                      />
                    </div>
                  ) : error ? (
                    <p role="alert" className="mt-2 text-xs font-medium text-rose-700">
                      {error}
                    </p>
                  ) : null}
                </li>
              );
            })}
            <li className="flex items-center gap-3 rounded-lg border border-dashed border-zinc-300 p-3 text-sm text-zinc-700">
              <span className="flex size-7 shrink-0 items-center justify-center rounded-full bg-white ring-1 ring-zinc-200">
                <PackageCheck className="text-muted size-4" aria-hidden />
              </span>
              Provisioned (by the entitlement&apos;s strategy)
            </li>
          </ol>
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <button
              type="button"
              onClick={() => setSteps((all) => [...all, keyed("APP_OWNERS")])}
              disabled={steps.length >= 10}
              className={secondaryButton}
            >
              <Plus className="size-4" aria-hidden />
              Add approval step
            </button>
            {steps.length >= 10 ? (
              <span className="text-muted text-xs">A policy has at most 10 approval steps.</span>
            ) : null}
          </div>
          {stepsError ? (
            <p role="alert" className="mt-2 text-xs font-medium text-rose-700">
              {stepsError}
            </p>
          ) : null}
          <div
            aria-live="polite"
            className="mt-4 rounded-lg bg-zinc-50 px-4 py-3 text-sm ring-1 ring-zinc-200 ring-inset"
          >
            <p className="text-muted text-xs font-medium tracking-wide uppercase">
              What this policy does
            </p>
            <p className="mt-1 text-zinc-900" data-testid="policy-summary">
              {describePolicy(draft, "GRANT")}
            </p>
            <p className="mt-1 text-xs text-zinc-600">
              For a revocation: {describePolicy(draft, "REVOKE")}
            </p>
          </div>
        </Section>

        <Section title="Approvers" description="Who may act on the approval tasks of this policy.">
          <div className="space-y-4">
            <Flag
              label="Allow reassignment"
              hint="An approver may hand a task to someone else."
              checked={allowReassignment}
              onChange={(on) => {
                setAllowReassignment(on);
                if (!on) setRestrictReassignees(false);
              }}
            />
            <div className="pl-7">
              <Flag
                label="Only to these people"
                hint="Without it, tasks may go to any active person of the organization."
                checked={allowReassignment && restrictReassignees}
                disabled={!allowReassignment}
                onChange={setRestrictReassignees}
              />
              {allowReassignment && restrictReassignees ? (
                <div className="mt-3 pl-7">
                  <PolicyPeoplePicker
                    legend="People tasks may be reassigned to"
                    value={reassignees}
                    onChange={setReassignees}
                    error={fieldErrorOf(problem, "allowedReassigneeIds")}
                  />
                </div>
              ) : fieldErrorOf(problem, "allowedReassigneeIds") ? (
                <p role="alert" className="mt-1.5 pl-7 text-xs font-medium text-rose-700">
                  {fieldErrorOf(problem, "allowedReassigneeIds")}
                </p>
              ) : null}
            </div>
            <Flag
              label="Allow self-approval"
              hint="The person who asked may approve a step of their own request when it names them."
              checked={allowSelfApproval}
              onChange={setAllowSelfApproval}
            />
            <Flag
              label="Require distinct approvers"
              hint="Nobody approves two steps of the same request."
              checked={requireDistinctApprovers}
              onChange={setRequireDistinctApprovers}
            />
          </div>
        </Section>

        {problem && !shownFieldErrors.size ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
        {problem && shownFieldErrors.size ? (
          <ErrorAlert>{problem.message} Fix the fields marked above and try again.</ErrorAlert>
        ) : null}

        {readOnly ? null : (
          <div className="flex items-center justify-end gap-2">
            <button type="submit" className={primaryButton} disabled={pending}>
              {policy ? "Save changes" : "Create policy"}
            </button>
          </div>
        )}
      </fieldset>
    </form>
  );
}

function Flag({
  label,
  hint,
  checked,
  onChange,
  disabled,
}: {
  label: string;
  hint: string;
  checked: boolean;
  onChange: (on: boolean) => void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="flex items-start gap-3">
      <Checkbox
        id={id}
        checked={checked}
        onCheckedChange={onChange}
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        className="mt-0.5"
      />
      <div className="min-w-0">
        <label htmlFor={id} className="text-sm font-medium text-zinc-800">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-muted text-xs">
          {hint}
        </p>
      </div>
    </div>
  );
}
