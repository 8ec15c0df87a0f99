"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@lantern/api";
import { useTRPC } from "~/trpc/react";
import { apiError, fieldError, type ApiError } from "~/trpc/errors";
import { refreshQueries } from "~/trpc/refresh";
import type { PickedApp } from "./app-picker.tsx";

export type Requestable = RouterOutputs["requests"]["requestable"][number];

export type DurationChoice = "none" | "7" | "30" | "90" | "custom";

/** The same words as the API's validation (ZCreateRequestInput), checked before sending. */
const MESSAGES = {
  entitlementId: "Choose what you need access to.",
  app: "Choose the application first.",
  reason: "Say why you need this access.",
  durationDays: "A duration is a whole number of days, from 1 to 365.",
};

type FormField = keyof typeof MESSAGES;
type ClientErrors = Partial<Record<FormField, string>>;

export interface RequestPrefill {
  app: PickedApp;
  entitlementId: string | null;
}

const hasFieldErrors = (error: ApiError) =>
  Boolean(error.fieldErrors && Object.values(error.fieldErrors).some((m) => m && m.length > 0));

/** The entitlements that match the filter (the chosen one always stays in the list). */
function filterEntitlements(entitlements: Requestable[], filter: string, chosen: string | null) {
  const q = filter.trim().toLowerCase();
  if (!q) return entitlements;
  return entitlements.filter(
    (e) =>
      e.displayName.toLowerCase().includes(q) ||
      e.slug.toLowerCase().includes(q) ||
      e.description.toLowerCase().includes(q) ||
      e.id === chosen,
  );
}

/** What is wrong before sending, and the duration in days the choice makes. */
function validate(
  values: { app: PickedApp | null; entitlementId: string | null; reason: string },
  duration: DurationChoice,
  customDays: string,
): { errors: ClientErrors; durationDays: number | null } {
  const errors: ClientErrors = {};
  if (!values.app) errors.app = MESSAGES.app;
  else if (!values.entitlementId) errors.entitlementId = MESSAGES.entitlementId;
  if (!values.reason.trim()) errors.reason = MESSAGES.reason;
  let durationDays: number | null = null;
  if (duration === "custom") {
    const days = Number(customDays);
    if (!/^\d+$/.test(customDays.trim()) || days < 1 || days > 365) {
      errors.durationDays = MESSAGES.durationDays;
    } else durationDays = days;
  } else if (duration !== "none") durationDays = Number(duration);
  return { errors, durationDays };
}

/**
 * The request form's state: the chosen app and entitlement (and the app's requestable
 * entitlements, filtered), the reason and duration, the errors found before sending and the
 * server's answer; `submit` checks, then sends `requests.create` and goes to My requests.
 */
export function useRequestForm(prefill: RequestPrefill | null) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const ids = { app: useId(), reason: useId(), duration: useId(), days: useId(), ent: useId() };

  const [app, setAppState] = useState<PickedApp | null>(prefill?.app ?? null);
  const [entitlementId, setEntitlementIdState] = useState<string | null>(
    prefill?.entitlementId ?? null,
  );
  const [reason, setReasonState] = useState("");
  const [duration, setDurationState] = useState<DurationChoice>("none");
  const [customDays, setCustomDays] = useState("");
  const [filter, setFilter] = useState("");
  const [clientErrors, setClientErrors] = useState<ClientErrors>({});
  const [serverError, setServerError] = useState<ApiError | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const clear = (...fields: FormField[]) =>
    setClientErrors((c) => ({ ...c, ...Object.fromEntries(fields.map((f) => [f, undefined])) }));

  const requestable = useQuery({
    ...trpc.requests.requestable.queryOptions({ appId: app?.id }),
    enabled: app !== null,
  });
  const entitlements = useMemo(() => requestable.data ?? [], [requestable.data]);
  const selected = entitlements.find((e) => e.id === entitlementId) ?? null;
  const shown = useMemo(
    () => filterEntitlements(entitlements, filter, entitlementId),
    [entitlements, filter, entitlementId],
  );

  // A prefilled entitlement the viewer already has (or asked for) is not chosen for them.
  useEffect(() => {
    if (selected && (selected.held || selected.pending)) setEntitlementIdState(null);
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

  const errorFor = (field: FormField) =>
    clientErrors[field] ?? (field === "app" ? undefined : fieldError(serverError, field));

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (busy) return;
    const { errors, durationDays } = validate({ app, entitlementId, reason }, duration, customDays);
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

  return {
    ids,
    formRef,
    alertRef,
    submit,
    busy,
    sending: create.isPending,
    sent: create.isSuccess,
    formError: serverError && !hasFieldErrors(serverError) ? serverError : null,
    errors: {
      app: errorFor("app"),
      entitlementId: errorFor("entitlementId"),
      reason: errorFor("reason"),
      durationDays: errorFor("durationDays"),
    },
    app,
    setApp: (next: PickedApp | null) => {
      setAppState(next);
      setEntitlementIdState(null);
      setFilter("");
      clear("app", "entitlementId");
    },
    requestable,
    entitlements,
    shown,
    selected,
    filter,
    setFilter,
    entitlementId,
    setEntitlementId: (id: string) => {
      setEntitlementIdState(id);
      clear("entitlementId");
    },
    reason,
    setReason: (value: string) => {
      setReasonState(value);
      if (value.trim()) clear("reason");
    },
    duration,
    setDuration: (value: DurationChoice) => {
      setDurationState(value);
      clear("durationDays");
    },
    customDays,
    setCustomDays,
  };
}

export type RequestFormState = ReturnType<typeof useRequestForm>;
