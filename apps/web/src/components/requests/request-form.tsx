"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CircleAlert, Info, Route, Send } from "lucide-react";
import type { RouterOutputs } from "@lantern/api";
import { describeWhoDoesIt } from "@lantern/domain";
import { AppIcon } from "~/components/ui/app-icon";
import { Badge } from "~/components/ui/badge";
import { primaryButton, secondaryButton } from "~/components/ui/button";
import { cn } from "~/lib/cn";
import { useTRPC } from "~/trpc/react";
import { apiError, fieldError, type ApiError } from "~/trpc/errors";
import { AppPicker, type PickedApp } from "./app-picker.tsx";
import { LazyInlineMarkdown } from "~/components/ui/inline-markdown-lazy";
import { refreshQueries } from "~/trpc/refresh";

type Requestable = RouterOutputs["requests"]["requestable"][number];

type DurationChoice = "none" | "7" | "30" | "90" | "custom";

const DURATIONS: Array<{ value: DurationChoice; label: string }> = [
  { value: "none", label: "Until revoked" },
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "custom", label: "Another number of days…" },
];

/** The same words as the API's validation (ZCreateRequestInput), checked before sending. */
const MESSAGES = {
  entitlementId: "Choose what you need access to.",
  app: "Choose the application first.",
  reason: "Say why you need this access.",
  durationDays: "A duration is a whole number of days, from 1 to 365.",
};

/** More entitlements than this in an app: offer a filter above the list. */
const FILTER_FROM = 8;

const inputClass =
  "block rounded-md border bg-white px-3 py-2 text-sm shadow-xs placeholder:text-faint focus:outline-none disabled:bg-zinc-50";
const inputTone = (invalid: boolean) =>
  invalid ? "border-rose-400 focus:border-rose-500" : "border-zinc-300 focus:border-zinc-500";

export interface RequestPrefill {
  app: PickedApp;
  entitlementId: string | null;
}

/** Request access for yourself: app, entitlement, reason, duration; what happens next. */
export function RequestForm({
  prefill,
  prefillProblem,
}: {
  prefill: RequestPrefill | null;
  /** The link named an entitlement that cannot be requested: why. */
  prefillProblem: string | null;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const ids = { app: useId(), reason: useId(), duration: useId(), days: useId(), ent: useId() };

  const [app, setApp] = useState<PickedApp | null>(prefill?.app ?? null);
  const [entitlementId, setEntitlementId] = useState<string | null>(prefill?.entitlementId ?? null);
  const [reason, setReason] = useState("");
  const [duration, setDuration] = useState<DurationChoice>("none");
  const [customDays, setCustomDays] = useState("");
  const [filter, setFilter] = useState("");
  const [clientErrors, setClientErrors] = useState<Partial<Record<keyof typeof MESSAGES, string>>>(
    {},
  );
  const [serverError, setServerError] = useState<ApiError | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const requestable = useQuery({
    ...trpc.requests.requestable.queryOptions({ appId: app?.id }),
    enabled: app !== null,
  });
  const entitlements = useMemo(() => requestable.data ?? [], [requestable.data]);
  const selected = entitlements.find((e) => e.id === entitlementId) ?? null;
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    if (!q) return entitlements;
    return entitlements.filter(
      (e) =>
        e.displayName.toLowerCase().includes(q) ||
        e.slug.toLowerCase().includes(q) ||
        e.description.toLowerCase().includes(q) ||
        e.id === entitlementId,
    );
  }, [entitlements, filter, entitlementId]);

  // A prefilled entitlement the viewer already has (or asked for) is not chosen for them.
  useEffect(() => {
    if (selected && (selected.held || selected.pending)) setEntitlementId(null);
  }, [selected]);

  const create = useMutation(
    trpc.requests.create.mutationOptions({
      onSuccess: async (created) => {
        // My requests (where this goes next) must show it at once; its first task is in
        // someone's inbox, perhaps the requester's own.
        await refreshQueries(queryClient, [
          trpc.requests.pathKey(),
          trpc.tasks.pathKey(),
          trpc.me.openTaskCounts.queryKey(),
          // My access lists the requests on their way.
          trpc.me.access.queryKey(),
        ]);
        router.push(`/my-requests?requested=${created.requestId}`);
      },
      onError: (error) => {
        const parsed = apiError(error);
        setServerError(parsed);
        // Someone else's view may be stale: a conflict refreshes what is held or pending.
        if (parsed.code === "CONFLICT") {
          void queryClient.invalidateQueries(trpc.requests.requestable.pathFilter());
        }
      },
    }),
  );
  const busy = create.isPending || create.isSuccess;

  useEffect(() => {
    if (serverError && !serverError.fieldErrors) alertRef.current?.focus();
  }, [serverError]);

  const errorFor = (field: keyof typeof MESSAGES) =>
    clientErrors[field] ?? (field === "app" ? undefined : fieldError(serverError, field));
  const formError = serverError && !hasFieldErrors(serverError) ? serverError : null;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (busy) return;
    const errors: Partial<Record<keyof typeof MESSAGES, string>> = {};
    if (!app) errors.app = MESSAGES.app;
    else if (!entitlementId) errors.entitlementId = MESSAGES.entitlementId;
    if (!reason.trim()) errors.reason = MESSAGES.reason;
    let durationDays: number | null = null;
    if (duration === "custom") {
      const days = Number(customDays);
      if (!/^\d+$/.test(customDays.trim()) || days < 1 || days > 365) {
        errors.durationDays = MESSAGES.durationDays;
      } else durationDays = days;
    } else if (duration !== "none") durationDays = Number(duration);
    setClientErrors(errors);
    setServerError(null);
    if (Object.keys(errors).length > 0) {
      // Take the person to the first field to fix.
      const first = errors.app
        ? ids.app
        : errors.entitlementId
          ? ids.ent
          : errors.reason
            ? ids.reason
            : ids.days;
      const el = formRef.current?.querySelector<HTMLElement>(
        first === ids.ent ? `[name="entitlement"]:not(:disabled)` : `[id="${first}"]`,
      );
      el?.focus();
      return;
    }
    create.mutate({ entitlementId: entitlementId!, reason: reason.trim(), durationDays });
  }

  const entError = errorFor("entitlementId");
  const reasonError = errorFor("reason");
  const durationError = errorFor("durationDays");
  const appError = errorFor("app");

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem] xl:grid-cols-[minmax(0,1fr)_20rem]">
      <form
        ref={formRef}
        noValidate
        onSubmit={submit}
        aria-label="Request access"
        className="min-w-0 space-y-6"
      >
        {formError ? (
          <div
            ref={alertRef}
            tabIndex={-1}
            role="alert"
            className="flex gap-3 rounded-lg border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-900 focus:outline-none"
          >
            <CircleAlert className="mt-0.5 size-4 shrink-0 text-rose-600" aria-hidden />
            <div>
              <p className="font-medium">{formError.message}</p>
              {formError.code === "CONFLICT" ? (
                <p className="mt-1 text-rose-800">
                  {typeof formError.details?.taskNumber === "number" ? (
                    <>
                      <Link
                        href={`/tasks/${formError.details.taskNumber}`}
                        className="font-medium underline underline-offset-2"
                      >
                        Open task #{formError.details.taskNumber}
                      </Link>{" "}
                      or see{" "}
                    </>
                  ) : (
                    "See "
                  )}
                  <Link href="/my-requests" className="font-medium underline underline-offset-2">
                    My requests
                  </Link>
                  .
                </p>
              ) : null}
            </div>
          </div>
        ) : null}
        {prefillProblem ? (
          <div className="flex gap-3 rounded-lg border border-zinc-200 bg-white px-4 py-3 text-sm text-zinc-700">
            <Info className="text-faint mt-0.5 size-4 shrink-0" aria-hidden />
            <p>{prefillProblem}</p>
          </div>
        ) : null}

        <div className="rounded-xl border border-zinc-200 bg-white shadow-xs">
          <div className="space-y-6 px-5 py-5">
            {/* 1. The app */}
            <div>
              <label htmlFor={ids.app} className="block text-sm font-medium text-zinc-900">
                Application
              </label>
              <p id={`${ids.app}-hint`} className="text-muted mt-0.5 text-xs">
                The app you need access in.
              </p>
              <div className="mt-2 max-w-md">
                <AppPicker
                  id={ids.app}
                  value={app}
                  onChange={(next) => {
                    setApp(next);
                    setEntitlementId(null);
                    setFilter("");
                    setClientErrors((c) => ({ ...c, app: undefined, entitlementId: undefined }));
                  }}
                  invalid={Boolean(appError)}
                  describedBy={appError ? `${ids.app}-error` : `${ids.app}-hint`}
                  disabled={busy}
                />
              </div>
              {appError ? (
                <p id={`${ids.app}-error`} className="mt-1.5 text-xs text-rose-700">
                  {appError}
                </p>
              ) : null}
            </div>

            {/* 2. The entitlement */}
            <fieldset
              aria-describedby={entError ? `${ids.ent}-error` : undefined}
              aria-invalid={entError ? true : undefined}
              disabled={busy || !app}
            >
              <legend className="block text-sm font-medium text-zinc-900">Access</legend>
              <p className="text-muted mt-0.5 text-xs">
                {app
                  ? `The role, group or license you need in ${app.name}.`
                  : "Choose an application to see what you can ask for in it."}
              </p>
              {entError ? (
                <p id={`${ids.ent}-error`} className="mt-1.5 text-xs text-rose-700">
                  {entError}
                </p>
              ) : null}
              {app ? (
                <div className="mt-3 space-y-3">
                  {entitlements.length > FILTER_FROM ? (
                    <label className="block max-w-sm">
                      <span className="sr-only">Filter the access of {app.name}</span>
                      <input
                        type="search"
                        value={filter}
                        onChange={(e) => setFilter(e.target.value)}
                        placeholder={`Filter ${entitlements.length} entitlements`}
                        className={cn("w-full", inputClass, inputTone(false))}
                      />
                    </label>
                  ) : null}
                  <EntitlementOptions
                    name="entitlement"
                    loading={requestable.isPending}
                    failed={requestable.isError}
                    entitlements={shown}
                    total={entitlements.length}
                    appName={app.name}
                    value={entitlementId}
                    invalid={Boolean(entError)}
                    onChange={(id) => {
                      setEntitlementId(id);
                      setClientErrors((c) => ({ ...c, entitlementId: undefined }));
                    }}
                  />
                </div>
              ) : null}
            </fieldset>

            {/* 3. Why */}
            <div>
              <label htmlFor={ids.reason} className="block text-sm font-medium text-zinc-900">
                Reason
              </label>
              <p id={`${ids.reason}-hint`} className="text-muted mt-0.5 text-xs">
                What you need it for. Your approvers read this.
              </p>
              <textarea
                id={ids.reason}
                rows={4}
                maxLength={2000}
                value={reason}
                disabled={busy}
                onChange={(e) => {
                  setReason(e.target.value);
                  if (e.target.value.trim()) setClientErrors((c) => ({ ...c, reason: undefined }));
                }}
                aria-invalid={reasonError ? true : undefined}
                aria-describedby={reasonError ? `${ids.reason}-error` : `${ids.reason}-hint`}
                placeholder="e.g. I join the payments team on Monday and review their pull requests."
                className={cn("mt-2 w-full max-w-2xl", inputClass, inputTone(Boolean(reasonError)))}
              />
              {reasonError ? (
                <p id={`${ids.reason}-error`} className="mt-1.5 text-xs text-rose-700">
                  {reasonError}
                </p>
              ) : null}
            </div>

            {/* 4. How long */}
            <div>
              <label htmlFor={ids.duration} className="block text-sm font-medium text-zinc-900">
                For how long
              </label>
              <div className="mt-2 flex flex-wrap items-center gap-3">
                <select
                  id={ids.duration}
                  value={duration}
                  disabled={busy}
                  onChange={(e) => {
                    setDuration(e.target.value as DurationChoice);
                    setClientErrors((c) => ({ ...c, durationDays: undefined }));
                  }}
                  className={cn("w-56", inputClass, inputTone(false))}
                >
                  {DURATIONS.map((d) => (
                    <option key={d.value} value={d.value}>
                      {d.label}
                    </option>
                  ))}
                </select>
                {duration === "custom" ? (
                  <span className="flex items-center gap-2">
                    <label htmlFor={ids.days} className="sr-only">
                      Number of days
                    </label>
                    <input
                      id={ids.days}
                      type="number"
                      inputMode="numeric"
                      min={1}
                      max={365}
                      step={1}
                      autoFocus
                      value={customDays}
                      disabled={busy}
                      onChange={(e) => setCustomDays(e.target.value)}
                      aria-invalid={durationError ? true : undefined}
                      aria-describedby={durationError ? `${ids.days}-error` : undefined}
                      className={cn("w-24", inputClass, inputTone(Boolean(durationError)))}
                    />
                    <span className="text-sm text-zinc-600">days (1–365)</span>
                  </span>
                ) : null}
              </div>
              {durationError ? (
                <p id={`${ids.days}-error`} className="mt-1.5 text-xs text-rose-700">
                  {durationError}
                </p>
              ) : (
                <p className="text-muted mt-1.5 text-xs">
                  {duration === "none"
                    ? "You keep the access until someone removes it."
                    : "The access ends on its own after this time."}
                </p>
              )}
            </div>
          </div>
          <div className="flex items-center justify-end gap-2 rounded-b-xl border-t border-zinc-100 bg-zinc-50/60 px-5 py-3">
            <Link href="/my-requests" className={secondaryButton}>
              Cancel
            </Link>
            <button type="submit" className={primaryButton} disabled={busy}>
              <Send className="size-4" aria-hidden />
              {create.isPending ? "Sending…" : create.isSuccess ? "Sent" : "Send request"}
            </button>
          </div>
        </div>
      </form>

      <aside aria-label="What happens next" className="min-w-0">
        <WhatHappens app={app} selected={selected} />
      </aside>
    </div>
  );
}

/** You ask for yourself: "the manager of the person whose access it is" is your manager. */
const forYou = (summary: string) =>
  summary.replace(/\b([Tt])he manager of the person whose access it is\b/g, (_, t: string) =>
    t === "T" ? "Your manager" : "your manager",
  );

const hasFieldErrors = (error: ApiError) =>
  Boolean(error.fieldErrors && Object.values(error.fieldErrors).some((m) => m && m.length > 0));

function EntitlementOptions({
  name,
  loading,
  failed,
  entitlements,
  total,
  appName,
  value,
  invalid,
  onChange,
}: {
  name: string;
  loading: boolean;
  failed: boolean;
  entitlements: Requestable[];
  total: number;
  appName: string;
  value: string | null;
  invalid: boolean;
  onChange: (id: string) => void;
}) {
  if (loading) {
    return (
      <div className="space-y-2" aria-busy="true">
        <p className="sr-only">Loading what you can ask for in {appName}…</p>
        {[0, 1, 2].map((i) => (
          <div key={i} className="h-16 animate-pulse rounded-lg bg-zinc-100" />
        ))}
      </div>
    );
  }
  if (failed) {
    return (
      <p className="text-sm text-rose-700">
        Lantern could not load the access of {appName}. Reload the page to try again.
      </p>
    );
  }
  if (total === 0) {
    return (
      <p className="rounded-lg border border-dashed border-zinc-300 px-4 py-3 text-sm text-zinc-600">
        {appName} has no access you can request yet.
      </p>
    );
  }
  if (entitlements.length === 0) {
    return <p className="text-muted text-sm">Nothing in {appName} matches that filter.</p>;
  }
  return (
    <div className={cn("space-y-2", invalid && "rounded-lg ring-1 ring-rose-300 ring-offset-4")}>
      {entitlements.map((e) => {
        const unavailable = e.held ? "You have this" : e.pending ? "Already requested" : null;
        const checked = value === e.id;
        return (
          <label
            key={e.id}
            className={cn(
              "flex items-start gap-3 rounded-lg border px-3.5 py-3 transition-colors",
              unavailable
                ? "cursor-not-allowed border-zinc-200 bg-zinc-50"
                : checked
                  ? "border-zinc-900 bg-white ring-1 ring-zinc-900"
                  : "cursor-pointer border-zinc-200 bg-white hover:border-zinc-300 hover:bg-zinc-50",
            )}
          >
            <input
              type="radio"
              name={name}
              value={e.id}
              checked={checked}
              disabled={Boolean(unavailable)}
              onChange={() => onChange(e.id)}
              className="mt-0.5 size-4 shrink-0 accent-zinc-900"
            />
            <span className="min-w-0 flex-1">
              <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <span
                  className={cn(
                    "text-sm font-medium",
                    unavailable ? "text-muted" : "text-zinc-900",
                  )}
                >
                  {e.displayName}
                </span>
                <span className="text-muted font-mono text-xs">{e.slug}</span>
                {unavailable ? (
                  <Badge tone={e.held ? "green" : "brand"} className="ml-auto">
                    {unavailable}
                  </Badge>
                ) : null}
              </span>
              {e.description ? (
                <span
                  className={cn(
                    "mt-0.5 block text-xs leading-5",
                    unavailable ? "text-muted" : "text-zinc-600",
                  )}
                >
                  <LazyInlineMarkdown>{e.description}</LazyInlineMarkdown>
                </span>
              ) : null}
            </span>
          </label>
        );
      })}
    </div>
  );
}

function WhatHappens({ app, selected }: { app: PickedApp | null; selected: Requestable | null }) {
  return (
    <div className="rounded-xl border border-zinc-200 bg-white shadow-xs lg:sticky lg:top-6">
      <div className="flex items-center gap-2 border-b border-zinc-100 px-5 py-3.5">
        <Route className="text-faint size-4" aria-hidden />
        <h2 className="text-sm font-semibold text-zinc-900">What happens next</h2>
      </div>
      <div className="px-5 py-4 text-sm">
        {selected ? (
          <div className="space-y-4" aria-live="polite">
            <div className="flex items-center gap-3">
              <AppIcon name={selected.app.name} size="sm" />
              <div className="min-w-0">
                <p className="truncate font-medium text-zinc-900">{selected.displayName}</p>
                <p className="text-muted truncate text-xs">{selected.app.name}</p>
              </div>
            </div>
            {selected.policySummary ? (
              <>
                <p className="leading-6 text-zinc-800">{forYou(selected.policySummary)}</p>
                <p className="leading-6 text-zinc-800">
                  {describeWhoDoesIt(selected.provisionedBy, "GRANT")}
                </p>
                <dl className="border-t border-zinc-100 pt-3 text-xs">
                  <dt className="text-muted">Request policy</dt>
                  <dd className="mt-0.5 font-medium text-zinc-900">{selected.policyName}</dd>
                </dl>
                <p className="text-muted text-xs leading-5">
                  You can follow it on My requests, and withdraw it while it waits for approval.
                </p>
              </>
            ) : (
              <p className="bg-brand-50 text-brand-700 rounded-md px-3 py-2">
                No request policy applies to this access yet, so it cannot be requested. Ask a super
                admin to set a default request policy for {selected.app.name}.
              </p>
            )}
          </div>
        ) : (
          <p className="text-muted leading-6" aria-live="polite">
            {app
              ? `Choose the access you need in ${app.name} to see who approves it.`
              : "Choose an application and the access you need: this shows who approves it and who sets it up."}
          </p>
        )}
      </div>
    </div>
  );
}
