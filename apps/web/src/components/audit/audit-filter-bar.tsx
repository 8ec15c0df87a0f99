"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { UserRound, X } from "lucide-react";
import { useActivePeople } from "~/components/users/active-people";
import { primaryButton, secondaryButton } from "~/components/ui/button";
import { ChoosePersonDialog } from "~/components/ui/choose-person-dialog";
import { fieldClass } from "~/components/ui/textarea";
import { AUDIT_TARGET_TYPES, auditHref, type AuditParams } from "./audit-filters";

/** The families of `actions` ("task." for task.created, …), for "every task action". */
function families(actions: string[]): string[] {
  const prefixes = actions.filter((a) => a.includes(".")).map((a) => `${a.split(".")[0]}.`);
  return [...new Set(prefixes)].filter((p) => actions.filter((a) => a.startsWith(p)).length > 1);
}

function Field({
  label,
  children,
  className,
}: {
  label: string;
  children: (id: string) => React.ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-xs font-medium text-zinc-700">
        {label}
      </label>
      <div className="mt-1">{children(id)}</div>
    </div>
  );
}

/**
 * The filters of the audit log, applied to the URL (so a view can be shared, reloaded and
 * exported as is): actor, target type and id, action (one, or a whole family), from / to dates.
 */
export function AuditFilterBar({
  params,
  actions,
  actorName,
}: {
  params: AuditParams;
  /** The organization's distinct actions (audit.actions). */
  actions: string[];
  /** The name of the person `params.actor` names, when known. */
  actorName: string | null;
}) {
  const router = useRouter();
  const [value, setValue] = useState<AuditParams>(params);
  const [actor, setActor] = useState<{ id: string; name: string } | null>(
    params.actor ? { id: params.actor, name: actorName ?? "Unknown person" } : null,
  );
  const [choosing, setChoosing] = useState(false);
  const set = (key: keyof AuditParams, next: string) =>
    setValue((v) => ({ ...v, [key]: next || undefined }));
  /** A field bound to one filter: its value, and its changes written back. */
  const bind = (key: Exclude<keyof AuditParams, "actor">) => ({
    className: fieldClass,
    value: value[key] ?? "",
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      set(key, e.target.value),
  });
  const apply = (next: AuditParams) => router.push(auditHref(next));
  const filtered = Object.keys(params).length > 0;

  return (
    <form
      role="search"
      aria-label="Filter events"
      onSubmit={(event) => {
        event.preventDefault();
        apply({ ...value, actor: actor?.id });
      }}
      className="grid grid-cols-2 items-end gap-3 rounded-xl border border-zinc-200 bg-white p-4 shadow-xs md:grid-cols-4"
    >
      <div className="col-span-2 md:col-span-1">
        <span className="block text-xs font-medium text-zinc-700" id="audit-actor-label">
          Actor
        </span>
        <div className="mt-1 flex min-w-0 items-center gap-1">
          <button
            type="button"
            aria-describedby="audit-actor-label"
            onClick={() => setChoosing(true)}
            className={`${fieldClass} flex min-w-0 items-center gap-2 text-left`}
          >
            <UserRound className="text-faint size-4 shrink-0" aria-hidden />
            <span className={`truncate ${actor ? "" : "text-muted"}`}>
              {actor ? actor.name : "Anyone"}
            </span>
          </button>
          {actor ? (
            <button
              type="button"
              onClick={() => setActor(null)}
              className="text-muted shrink-0 rounded-md p-2 hover:bg-zinc-100 hover:text-zinc-900"
              aria-label={`Clear actor ${actor.name}`}
            >
              <X className="size-4" aria-hidden />
            </button>
          ) : null}
        </div>
      </div>
      <Field label="Target type">
        {(id) => (
          <select id={id} {...bind("targetType")}>
            <option value="">Any target</option>
            {AUDIT_TARGET_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Target id">
        {(id) => <input id={id} {...bind("targetId")} placeholder="Any" spellCheck={false} />}
      </Field>
      <Field label="Action" className="col-span-2 md:col-span-1">
        {(id) => (
          <select id={id} {...bind("action")}>
            <option value="">Any action</option>
            {families(actions).length > 0 ? (
              <optgroup label="Every action of a kind">
                {families(actions).map((family) => (
                  <option key={family} value={family}>
                    {family}* (every {family.slice(0, -1)} action)
                  </option>
                ))}
              </optgroup>
            ) : null}
            <optgroup label="One action">
              {/* A filter from a shared link that no event has (yet) stays selectable. */}
              {[
                ...new Set([
                  ...actions,
                  ...(value.action && !value.action.endsWith(".") ? [value.action] : []),
                ]),
              ].map((action) => (
                <option key={action} value={action}>
                  {action}
                </option>
              ))}
            </optgroup>
          </select>
        )}
      </Field>
      <Field label="From">
        {(id) => <input id={id} type="date" {...bind("from")} max={value.to} />}
      </Field>
      <Field label="To">
        {(id) => <input id={id} type="date" {...bind("to")} min={value.from} />}
      </Field>
      <div className="col-span-2 flex items-center gap-2">
        <button type="submit" className={primaryButton}>
          Apply filters
        </button>
        {filtered ? (
          <button
            type="button"
            className={secondaryButton}
            onClick={() => {
              setValue({});
              setActor(null);
              apply({});
            }}
          >
            Clear
          </button>
        ) : null}
      </div>
      {choosing ? (
        <ChoosePersonDialog
          useCandidates={useActivePeople}
          title="Filter by actor"
          description="Show only the events of one person. Events of the system (connectors, jobs) have no actor."
          legend="Actor"
          submitLabel="Show their events"
          pendingLabel="Showing…"
          required="Choose a person."
          onOpenChange={setChoosing}
          onChoose={async (person) => setActor({ id: person.id, name: person.displayName })}
        />
      ) : null}
    </form>
  );
}
