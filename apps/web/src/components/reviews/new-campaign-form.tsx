"use client";

import { useEffect, useId, useState } from "react";
import { useRouter } from "next/navigation";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { Info } from "lucide-react";
import { REVIEW_ACCOUNT_TYPES, type ReviewAccountType } from "@lantern/domain";
import { primaryButton } from "~/components/ui/button";
import { Checkbox } from "~/components/ui/checkbox";
import { ErrorAlert } from "~/components/ui/error-alert";
import { FieldError } from "~/components/ui/field";
import { Section } from "~/components/ui/section";
import { TextField } from "~/components/ui/text-field";
import { fieldClass, Textarea } from "~/components/ui/textarea";
import { toast } from "~/components/ui/toast";
import { plural } from "~/lib/format";
import { useSubmit } from "~/lib/use-submit";
import { apiError, type ApiError } from "~/trpc/errors";
import { refreshQueries } from "~/trpc/refresh";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import { ACCOUNT_TYPE_LABEL, FALLBACK_SENTENCE, scopeCountSentence } from "./review-labels.ts";
import { ReviewerLevel, type ReviewerLevelDraft } from "./reviewer-level.tsx";
import { ScopeApps } from "./scope-apps.tsx";
import {
  EMPTY_SCOPE,
  scopeInput,
  scopeProblems,
  type DaysFilter,
  type ScopeDraft,
  type ScopeField,
} from "./scope-form.ts";

/** How long the scope rests before it is counted again. */
const COUNT_DEBOUNCE_MS = 400;

/** The value after it has stopped changing for `ms` (compared by its JSON). */
function useSettled<T>(value: T, ms: number): T {
  const key = JSON.stringify(value);
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const handle = setTimeout(() => setSettled(JSON.parse(key) as T), ms);
    return () => clearTimeout(handle);
  }, [key, ms]);
  return settled;
}

/** A field's message from a refusal: the domain's (details.fieldErrors) or zod's. */
function fieldErrorOf(error: ApiError | null | undefined, field: string): string | undefined {
  const domain = error?.details?.fieldErrors as Record<string, string[]> | undefined;
  return domain?.[field]?.[0] ?? error?.fieldErrors?.[field]?.[0];
}

const planLevel = (level: ReviewerLevelDraft) => ({
  kind: level.kind,
  userIds: level.kind === "USERS" ? level.people.map((p) => p.id) : [],
});

/**
 * New campaign (super admins, SPEC §10): name and due date, the scope (apps or some of their
 * entitlements, account types, filters) with a live count of what it holds, and who reviews
 * (a first level, an optional second). Start snapshots the scope and opens the campaign page.
 */
export function NewCampaignForm({
  defaultDueDate,
  today,
}: {
  defaultDueDate: string;
  today: string;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const router = useRouter();
  const ids = useId();

  const [name, setName] = useState("");
  const [dueDate, setDueDate] = useState(defaultDueDate);
  const [description, setDescription] = useState("");
  const [scope, setScope] = useState<ScopeDraft>(EMPTY_SCOPE);
  const [first, setFirst] = useState<ReviewerLevelDraft>({ kind: "MANAGER", people: [] });
  const [secondOn, setSecondOn] = useState(false);
  const [second, setSecond] = useState<ReviewerLevelDraft>({ kind: "APP_OWNERS", people: [] });
  const [tried, setTried] = useState(false);
  const { pending, problem, run } = useSubmit(apiError);

  const patch = (change: Partial<ScopeDraft>) => setScope((s) => ({ ...s, ...change }));
  const local = scopeProblems(scope);
  const countable = Object.keys(local).length === 0;
  const settledScope = useSettled(scopeInput(scope), COUNT_DEBOUNCE_MS);
  const settling = JSON.stringify(settledScope) !== JSON.stringify(scopeInput(scope));
  const count = useQuery({
    ...trpc.reviews.countScope.queryOptions({ scope: settledScope }),
    enabled: countable,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const countProblem = count.error ? apiError(count.error) : null;

  // The apps' problem shows once something was chosen or Start was tried; the filters' at once.
  const scopeError = (field: ScopeField) =>
    (field === "apps" && !tried && scope.apps.length === 0 ? undefined : local[field]) ??
    fieldErrorOf(countProblem, field) ??
    fieldErrorOf(problem, field);
  const countFieldErrors = Object.keys(
    (countProblem?.details?.fieldErrors as object | undefined) ?? {},
  ).length;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!countable) return;
    void run(async () => {
      const started = await client.reviews.start.mutate({
        name,
        description,
        dueDate,
        scope: scopeInput(scope),
        reviewers: { first: planLevel(first), second: secondOn ? planLevel(second) : null },
      });
      void refreshQueries(queryClient, [trpc.reviews.pathKey(), trpc.me.pathKey()]);
      toast.success(`Campaign “${name.trim()}” started`, {
        description: `${plural(started.items, "item")} for ${plural(started.reviewers, "reviewer")}; each reviewer is told once.`,
      });
      router.push(`/reviews/${started.campaignId}`);
    });
  };

  const items = count.data?.items;
  const shownFieldErrors = Object.keys(
    (problem?.details?.fieldErrors as object | undefined) ?? problem?.fieldErrors ?? {},
  ).length;

  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <Section title="Campaign">
        <div className="space-y-4">
          <TextField
            label="Name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={120}
            required
            placeholder="Q3 access review: finance apps"
            error={
              fieldErrorOf(problem, "name") ??
              (problem?.code === "CONFLICT" ? problem.message : undefined)
            }
          />
          <TextField
            label="Due date"
            type="date"
            value={dueDate}
            min={today}
            onChange={(e) => setDueDate(e.target.value)}
            required
            className="max-w-sm"
            hint="Reviewers are reminded as it nears; after it, the campaign shows as overdue."
            error={fieldErrorOf(problem, "dueDate")}
          />
          <Textarea
            label="Description"
            optional
            rows={2}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            maxLength={2000}
            hint="Why this review, for the reviewers and for the auditors who read it later."
            error={fieldErrorOf(problem, "description")}
          />
        </div>
      </Section>

      <Section
        title="Scope"
        description="The live grants the campaign reviews, snapshotted when it starts."
      >
        <div className="space-y-5">
          <ScopeApps
            value={scope.apps}
            onChange={(apps) => patch({ apps })}
            error={scopeError("apps")}
          />

          <fieldset
            className="min-w-0"
            aria-describedby={`${ids}-types-hint${scopeError("accountTypes") ? ` ${ids}-types-error` : ""}`}
          >
            <legend className="block text-sm font-medium text-zinc-800">Account types</legend>
            <p id={`${ids}-types-hint`} className="text-muted mt-0.5 text-xs">
              User accounts are reviewed by default. Service and system accounts can be included or
              excluded as needed.
            </p>
            <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
              {REVIEW_ACCOUNT_TYPES.map((type) => (
                <label key={type} className="flex items-center gap-2 text-sm text-zinc-800">
                  <Checkbox
                    checked={scope.accountTypes.includes(type)}
                    onCheckedChange={(on) =>
                      patch({
                        accountTypes: REVIEW_ACCOUNT_TYPES.filter((t) =>
                          t === type ? on : scope.accountTypes.includes(t),
                        ) as ReviewAccountType[],
                      })
                    }
                  />
                  {ACCOUNT_TYPE_LABEL[type]}
                </label>
              ))}
            </div>
            <FieldError id={`${ids}-types-error`} error={scopeError("accountTypes")} />
          </fieldset>

          <fieldset className="min-w-0">
            <legend className="block text-sm font-medium text-zinc-800">
              Filters <span className="text-muted font-normal">(optional)</span>
            </legend>
            <p className="text-muted mt-0.5 text-xs">Every filter you turn on applies.</p>
            <div className="mt-2 space-y-2.5">
              <DaysFilterField
                label="Only grants older than"
                after="days"
                value={scope.grantOlder}
                onChange={(grantOlder) => patch({ grantOlder })}
                error={scopeError("grantOlderThanDays")}
              />
              <FlagField
                label="Only accounts whose owner is suspended or deprovisioned"
                checked={scope.ownerInactiveOnly}
                onChange={(ownerInactiveOnly) => patch({ ownerInactiveOnly })}
              />
              <FlagField
                label="Only accounts with no owner"
                checked={scope.ownerlessOnly}
                onChange={(ownerlessOnly) => patch({ ownerlessOnly })}
                error={scopeError("ownerlessOnly")}
              />
              <DaysFilterField
                label="Only accounts not used for"
                after="days"
                hint="Accounts whose app reports no sign-ins are left out."
                value={scope.unused}
                onChange={(unused) => patch({ unused })}
                error={scopeError("unusedForDays")}
              />
            </div>
          </fieldset>

          <div
            aria-live="polite"
            aria-busy={count.isFetching || settling}
            className="rounded-lg bg-zinc-50 px-4 py-3 text-sm ring-1 ring-zinc-200 ring-inset"
            data-testid="scope-count"
          >
            {!countable ? (
              <p className="text-muted">Choose what to review to see how many grants it holds.</p>
            ) : countProblem && countFieldErrors === 0 ? (
              <p className="text-rose-700">{countProblem.message}</p>
            ) : countProblem ? (
              <p className="text-muted">Fix the marked filters to see how many grants they hold.</p>
            ) : count.data ? (
              <p className={count.isPlaceholderData || settling ? "text-muted" : "text-zinc-900"}>
                {scopeCountSentence(count.data)}
                {count.data.items === 0
                  ? " Widen the scope: a campaign needs something to review."
                  : ""}
              </p>
            ) : (
              <p className="text-muted">Counting…</p>
            )}
          </div>
        </div>
      </Section>

      <Section title="Reviewers" description="Who keeps or revokes each item.">
        <div className="space-y-5">
          <ReviewerLevel
            legend="First level"
            value={first}
            onChange={setFirst}
            error={fieldErrorOf(problem, "reviewers")}
            errorId={`${ids}-first-error`}
          />
          <div className="space-y-3 border-t border-zinc-100 pt-4">
            <FlagField
              label="Add a second level"
              hint="A second reviewer looks again at what the first level kept."
              checked={secondOn}
              onChange={setSecondOn}
            />
            {secondOn ? (
              <div className="sm:pl-7">
                <ReviewerLevel
                  legend="Second level"
                  value={second}
                  onChange={setSecond}
                  error={undefined}
                  errorId={`${ids}-second-error`}
                />
              </div>
            ) : null}
          </div>
          <p className="flex items-start gap-2 rounded-lg bg-sky-50 px-4 py-3 text-sm text-sky-900 ring-1 ring-sky-100 ring-inset">
            <Info className="mt-0.5 size-4 shrink-0" aria-hidden />
            <span>{FALLBACK_SENTENCE}</span>
          </p>
        </div>
      </Section>

      {problem && problem.code !== "CONFLICT" ? (
        <ErrorAlert>
          {problem.message}
          {shownFieldErrors ? " Fix the fields marked above and try again." : ""}
        </ErrorAlert>
      ) : null}

      <div className="flex flex-wrap items-center justify-end gap-3">
        {pending ? (
          <p role="status" className="text-muted text-sm">
            {items !== undefined ? `Starting… snapshotting ${plural(items, "item")}` : "Starting…"}
          </p>
        ) : null}
        <button type="submit" className={primaryButton} disabled={pending}>
          {pending ? "Starting…" : "Start campaign"}
        </button>
      </div>
    </form>
  );
}

/** A yes/no filter or option: a checkbox with its label and an optional hint. */
function FlagField({
  label,
  hint,
  checked,
  onChange,
  error,
}: {
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (on: boolean) => void;
  error?: string | null;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return (
    <div>
      <div className="flex items-start gap-2.5">
        <Checkbox
          id={id}
          checked={checked}
          onCheckedChange={onChange}
          aria-describedby={describedBy.join(" ") || undefined}
          aria-invalid={error ? true : undefined}
          className="mt-0.5"
        />
        <div className="min-w-0">
          <label htmlFor={id} className="text-sm text-zinc-800">
            {label}
          </label>
          {hint ? (
            <p id={`${id}-hint`} className="text-muted text-xs">
              {hint}
            </p>
          ) : null}
        </div>
      </div>
      <div className="pl-6.5">
        <FieldError id={`${id}-error`} error={error} />
      </div>
    </div>
  );
}

/** A day count's box: the look of text fields, a few digits wide, in the line of its words. */
const dayInputClass = fieldClass
  .replace("block w-full", "inline-block w-24")
  .replace("py-2", "py-1");

/** "Only … [90] days": a checkbox that turns the filter on, and its number of days. */
function DaysFilterField({
  label,
  after,
  hint,
  value,
  onChange,
  error,
}: {
  label: string;
  after: string;
  hint?: string;
  value: DaysFilter;
  onChange: (value: DaysFilter) => void;
  error?: string | null;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return (
    <div>
      <div className="flex flex-wrap items-center gap-x-2.5 gap-y-1">
        <Checkbox id={id} checked={value.on} onCheckedChange={(on) => onChange({ ...value, on })} />
        <label htmlFor={id} className="text-sm text-zinc-800">
          {label}
        </label>
        <input
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          value={value.days}
          disabled={!value.on}
          onChange={(e) => onChange({ ...value, days: e.target.value })}
          aria-label={`${label} (days)`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy.join(" ") || undefined}
          className={dayInputClass}
        />
        <span className="text-sm text-zinc-800">{after}</span>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="text-muted mt-0.5 pl-6.5 text-xs">
          {hint}
        </p>
      ) : null}
      <div className="pl-6.5">
        <FieldError id={`${id}-error`} error={error} />
      </div>
    </div>
  );
}
