"use client";

import { useEffect, useId, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import { AppPicker } from "~/components/requests/app-picker";
import { AppIcon } from "~/components/ui/app-icon";
import { Checkbox } from "~/components/ui/checkbox";
import { FieldError } from "~/components/ui/field";
import { formatCount, plural } from "~/lib/format";
import { apiError } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import type { ScopeApp } from "./scope-form.ts";

/**
 * The apps of a campaign's scope: the application picker of the request form adds one app at
 * a time; each chosen app is reviewed whole (every entitlement) or only for the entitlements
 * ticked under it.
 */
export function ScopeApps({
  value,
  onChange,
  error,
}: {
  value: ScopeApp[];
  onChange: (apps: ScopeApp[]) => void;
  error?: string | null;
}) {
  const id = useId();
  // The picker chooses one app; it starts empty again (a new key) after each choice.
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (round > 0) document.getElementById(`${id}-picker`)?.focus();
  }, [round, id]);
  const update = (appId: string, change: Partial<ScopeApp>) =>
    onChange(value.map((a) => (a.id === appId ? { ...a, ...change } : a)));

  return (
    <fieldset className="min-w-0" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="mb-1.5 block text-sm font-medium text-zinc-800">Apps</legend>
      <label htmlFor={`${id}-picker`} className="sr-only">
        Add an app to the scope
      </label>
      <AppPicker
        key={round}
        id={`${id}-picker`}
        value={null}
        invalid={!!error}
        describedBy={`${id}-hint`}
        onChange={(app) => {
          if (!app) return;
          if (!value.some((a) => a.id === app.id)) {
            onChange([...value, { id: app.id, name: app.name, all: true, entitlementIds: [] }]);
          }
          setRound((r) => r + 1);
        }}
      />
      <p id={`${id}-hint`} className="text-muted mt-1.5 text-xs">
        Search and add each app to review. An app is reviewed for all its entitlements unless you
        choose some of them.
      </p>
      <FieldError id={`${id}-error`} error={error} />
      {value.length > 0 ? (
        <ul aria-label="Apps in scope" className="mt-3 space-y-2">
          {value.map((app) => (
            <ScopeAppCard
              key={app.id}
              app={app}
              onChange={(change) => update(app.id, change)}
              onRemove={() => onChange(value.filter((a) => a.id !== app.id))}
            />
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}

/** One chosen app: remove it, or narrow it to some of its entitlements. */
function ScopeAppCard({
  app,
  onChange,
  onRemove,
}: {
  app: ScopeApp;
  onChange: (change: Partial<ScopeApp>) => void;
  onRemove: () => void;
}) {
  const trpc = useTRPC();
  const id = useId();
  const details = useQuery(trpc.apps.byId.queryOptions({ id: app.id }));
  const entitlements = details.data?.entitlements ?? [];
  const chosen = new Set(app.entitlementIds);
  return (
    <li className="rounded-lg border border-zinc-200 bg-zinc-50/60 p-3">
      <div className="flex items-center gap-3">
        <AppIcon name={app.name} size="sm" />
        <span className="min-w-0 flex-1 truncate text-sm font-medium text-zinc-900">
          {app.name}
        </span>
        <button
          type="button"
          onClick={onRemove}
          aria-label={`Remove ${app.name} from the scope`}
          className="text-faint rounded-md p-1.5 hover:bg-zinc-100 hover:text-zinc-700"
        >
          <X className="size-4" aria-hidden />
        </button>
      </div>
      <div className="mt-2 flex items-start gap-2.5 pl-1">
        <Checkbox
          id={`${id}-all`}
          checked={app.all}
          onCheckedChange={(all) => onChange({ all })}
          className="mt-0.5"
        />
        <label htmlFor={`${id}-all`} className="text-sm text-zinc-800">
          All entitlements
          {details.data ? (
            <span className="text-muted">
              {" "}
              ({plural(entitlements.length, "entitlement")},{" "}
              {plural(
                entitlements.reduce((n, e) => n + e.liveGrantCount, 0),
                "grant",
              )}
              )
            </span>
          ) : null}
        </label>
      </div>
      {app.all ? null : (
        <fieldset className="mt-2 pl-7">
          <legend className="sr-only">Entitlements of {app.name} to review</legend>
          {details.isPending ? (
            <p className="text-muted text-sm">Loading entitlements…</p>
          ) : details.error ? (
            <p role="alert" className="text-sm text-rose-700">
              {apiError(details.error).message}
            </p>
          ) : entitlements.length === 0 ? (
            <p className="text-muted text-sm">{app.name} has no entitlements.</p>
          ) : (
            <ul className="max-h-56 space-y-1 overflow-y-auto rounded-md border border-zinc-200 bg-white p-2">
              {entitlements.map((e) => (
                <li key={e.id} className="flex items-center gap-2.5">
                  <Checkbox
                    id={`${id}-${e.id}`}
                    checked={chosen.has(e.id)}
                    onCheckedChange={(on) =>
                      onChange({
                        entitlementIds: on
                          ? [...app.entitlementIds, e.id]
                          : app.entitlementIds.filter((x) => x !== e.id),
                      })
                    }
                  />
                  <label
                    htmlFor={`${id}-${e.id}`}
                    className="min-w-0 flex-1 truncate text-sm text-zinc-800"
                  >
                    {e.displayName}
                  </label>
                  <span className="text-muted text-xs tabular-nums">
                    {formatCount(e.liveGrantCount)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      )}
    </li>
  );
}
