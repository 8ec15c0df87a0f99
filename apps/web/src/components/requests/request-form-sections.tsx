"use client";

import Link from "next/link";
import { CircleAlert, Route } from "lucide-react";
import { describeWhoDoesIt } from "@lantern/domain";
import { AppIcon } from "~/components/ui/app-icon";
import { Badge } from "~/components/ui/badge";
import { cn } from "~/lib/cn";
import type { ApiError } from "~/trpc/errors";
import { LazyInlineMarkdown } from "~/components/ui/inline-markdown-lazy";
import type { PickedApp } from "./app-picker.tsx";
import type { Requestable } from "./use-request-form.ts";

// The pieces of the request form: its error alert, a field's error line, the entitlements of
// the chosen app as radio cards, and "What happens next" beside the form.

export const inputClass =
  "block rounded-md border bg-white px-3 py-2 text-sm shadow-xs placeholder:text-faint focus:outline-none disabled:bg-zinc-50";
export const inputTone = (invalid: boolean) =>
  invalid ? "border-rose-400 focus:border-rose-500" : "border-zinc-300 focus:border-zinc-500";

/** A field's error, under it; `id` is what the field's aria-describedby names. */
export function FieldError({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <p id={id} className="mt-1.5 text-xs text-rose-700">
      {children}
    </p>
  );
}

/** The server refused the request as a whole; a conflict links the task or My requests. */
export function FormErrorAlert({
  error,
  alertRef,
}: {
  error: ApiError;
  alertRef: React.Ref<HTMLDivElement>;
}) {
  return (
    <div
      ref={alertRef}
      tabIndex={-1}
      role="alert"
      className="flex gap-3 rounded-lg border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-900 focus:outline-none"
    >
      <CircleAlert className="mt-0.5 size-4 shrink-0 text-rose-600" aria-hidden />
      <div>
        <p className="font-medium">{error.message}</p>
        {error.code === "CONFLICT" ? (
          <p className="mt-1 text-rose-800">
            {typeof error.details?.taskNumber === "number" ? (
              <>
                <Link
                  href={`/tasks/${error.details.taskNumber}`}
                  className="font-medium underline underline-offset-2"
                >
                  Open task #{error.details.taskNumber}
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
  );
}

/** You ask for yourself: "the manager of the person whose access it is" is your manager. */
const forYou = (summary: string) =>
  summary.replace(/\b([Tt])he manager of the person whose access it is\b/g, (_, t: string) =>
    t === "T" ? "Your manager" : "your manager",
  );

export function EntitlementOptions({
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

export function WhatHappens({
  app,
  selected,
}: {
  app: PickedApp | null;
  selected: Requestable | null;
}) {
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
