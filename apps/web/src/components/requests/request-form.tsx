"use client";

import Link from "next/link";
import { Info, Send } from "lucide-react";
import { primaryButton, secondaryButton } from "~/components/ui/button";
import { cn } from "~/lib/cn";
import { AppPicker } from "./app-picker.tsx";
import {
  EntitlementOptions,
  FieldError,
  FormErrorAlert,
  inputClass,
  inputTone,
  WhatHappens,
} from "./request-form-sections.tsx";
import {
  useRequestForm,
  type DurationChoice,
  type RequestFormState,
  type RequestPrefill,
} from "./use-request-form.ts";

export type { RequestPrefill } from "./use-request-form.ts";

const DURATIONS: Array<{ value: DurationChoice; label: string }> = [
  { value: "none", label: "Until revoked" },
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "custom", label: "Another number of days…" },
];

/** More entitlements than this in an app: offer a filter above the list. */
const FILTER_FROM = 8;

/** Request access for yourself: app, entitlement, reason, duration; what happens next. */
export function RequestForm({
  prefill,
  prefillProblem,
}: {
  prefill: RequestPrefill | null;
  /** The link named an entitlement that cannot be requested: why. */
  prefillProblem: string | null;
}) {
  const form = useRequestForm(prefill);
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem] xl:grid-cols-[minmax(0,1fr)_20rem]">
      <form
        ref={form.formRef}
        noValidate
        onSubmit={form.submit}
        aria-label="Request access"
        className="min-w-0 space-y-6"
      >
        {form.formError ? <FormErrorAlert error={form.formError} alertRef={form.alertRef} /> : null}
        {prefillProblem ? (
          <div className="flex gap-3 rounded-lg border border-zinc-200 bg-white px-4 py-3 text-sm text-zinc-700">
            <Info className="text-faint mt-0.5 size-4 shrink-0" aria-hidden />
            <p>{prefillProblem}</p>
          </div>
        ) : null}

        <div className="rounded-xl border border-zinc-200 bg-white shadow-xs">
          <div className="space-y-6 px-5 py-5">
            <AppField form={form} />
            <EntitlementField form={form} />
            <ReasonField form={form} />
            <DurationField form={form} />
          </div>
          <div className="flex items-center justify-end gap-2 rounded-b-xl border-t border-zinc-100 bg-zinc-50/60 px-5 py-3">
            <Link href="/my-requests" className={secondaryButton}>
              Cancel
            </Link>
            <button type="submit" className={primaryButton} disabled={form.busy}>
              <Send className="size-4" aria-hidden />
              {form.sending ? "Sending…" : form.sent ? "Sent" : "Send request"}
            </button>
          </div>
        </div>
      </form>

      <aside aria-label="What happens next" className="min-w-0">
        <WhatHappens app={form.app} selected={form.selected} />
      </aside>
    </div>
  );
}

/** A labelled field of the form: its hint, the control, and its error (or a note). */
function FormRow({
  id,
  label,
  hint,
  error,
  errorId = `${id}-error`,
  note,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error: string | undefined;
  errorId?: string;
  /** Said under the control while there is no error. */
  note?: string;
  children: React.ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-900">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-muted mt-0.5 text-xs">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <FieldError id={errorId}>{error}</FieldError>
      ) : note ? (
        <p className="text-muted mt-1.5 text-xs">{note}</p>
      ) : null}
    </div>
  );
}

/** 1. The app. */
function AppField({ form }: { form: RequestFormState }) {
  const { ids } = form;
  const error = form.errors.app;
  return (
    <FormRow id={ids.app} label="Application" hint="The app you need access in." error={error}>
      <div className="mt-2 max-w-md">
        <AppPicker
          id={ids.app}
          value={form.app}
          onChange={form.setApp}
          invalid={Boolean(error)}
          describedBy={error ? `${ids.app}-error` : `${ids.app}-hint`}
          disabled={form.busy}
        />
      </div>
    </FormRow>
  );
}

/** 2. The entitlement. */
function EntitlementField({ form }: { form: RequestFormState }) {
  const { ids, app, entitlements } = form;
  const error = form.errors.entitlementId;
  return (
    <fieldset
      aria-describedby={error ? `${ids.ent}-error` : undefined}
      aria-invalid={error ? true : undefined}
      disabled={form.busy || !app}
    >
      <legend className="block text-sm font-medium text-zinc-900">Access</legend>
      <p className="text-muted mt-0.5 text-xs">
        {app
          ? `The role, group or license you need in ${app.name}.`
          : "Choose an application to see what you can ask for in it."}
      </p>
      {error ? <FieldError id={`${ids.ent}-error`}>{error}</FieldError> : null}
      {app ? (
        <div className="mt-3 space-y-3">
          {entitlements.length > FILTER_FROM ? (
            <label className="block max-w-sm">
              <span className="sr-only">Filter the access of {app.name}</span>
              <input
                type="search"
                value={form.filter}
                onChange={(e) => form.setFilter(e.target.value)}
                placeholder={`Filter ${entitlements.length} entitlements`}
                className={cn("w-full", inputClass, inputTone(false))}
              />
            </label>
          ) : null}
          <EntitlementOptions
            name="entitlement"
            loading={form.requestable.isPending}
            failed={form.requestable.isError}
            entitlements={form.shown}
            total={entitlements.length}
            appName={app.name}
            value={form.entitlementId}
            invalid={Boolean(error)}
            onChange={form.setEntitlementId}
          />
        </div>
      ) : null}
    </fieldset>
  );
}

/** 3. Why. */
function ReasonField({ form }: { form: RequestFormState }) {
  const { ids } = form;
  const error = form.errors.reason;
  return (
    <FormRow
      id={ids.reason}
      label="Reason"
      hint="What you need it for. Your approvers read this."
      error={error}
    >
      <textarea
        id={ids.reason}
        rows={4}
        maxLength={2000}
        value={form.reason}
        disabled={form.busy}
        onChange={(e) => form.setReason(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${ids.reason}-error` : `${ids.reason}-hint`}
        placeholder="e.g. I join the payments team on Monday and review their pull requests."
        className={cn("mt-2 w-full max-w-2xl", inputClass, inputTone(Boolean(error)))}
      />
    </FormRow>
  );
}

/** 4. How long. */
function DurationField({ form }: { form: RequestFormState }) {
  const { ids, duration } = form;
  const error = form.errors.durationDays;
  return (
    <FormRow
      id={ids.duration}
      label="For how long"
      error={error}
      errorId={`${ids.days}-error`}
      note={
        duration === "none"
          ? "You keep the access until someone removes it."
          : "The access ends on its own after this time."
      }
    >
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <select
          id={ids.duration}
          value={duration}
          disabled={form.busy}
          onChange={(e) => form.setDuration(e.target.value as DurationChoice)}
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
              value={form.customDays}
              disabled={form.busy}
              onChange={(e) => form.setCustomDays(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${ids.days}-error` : undefined}
              className={cn("w-24", inputClass, inputTone(Boolean(error)))}
            />
            <span className="text-sm text-zinc-600">days (1–365)</span>
          </span>
        ) : null}
      </div>
    </FormRow>
  );
}
