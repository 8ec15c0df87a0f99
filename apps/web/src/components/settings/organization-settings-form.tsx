"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { TriangleAlert } from "lucide-react";
import type { RouterOutputs } from "@lantern/api";
import { PolicySelect } from "~/components/policies/policy-select";
import { apiError, fieldError, type ApiError } from "~/trpc/errors";
import { primaryButton } from "~/components/ui/button";
import { Checkbox } from "~/components/ui/checkbox";
import { ErrorAlert } from "~/components/ui/error-alert";
import { fieldClass } from "~/components/ui/textarea";
import { toast } from "~/components/ui/toast";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import { useRefreshQueries } from "~/trpc/refresh";

type Settings = RouterOutputs["organization"]["settings"];

interface Values {
  name: string;
  /** As typed; empty: the server's URL. */
  publicUrl: string;
  defaultRequestPolicyId: string | null;
  defaultRevocationPolicyId: string | null;
  emailNotificationsDefault: boolean;
  slackNotificationsDefault: boolean;
}

const valuesOf = (s: Settings): Values => ({
  name: s.name,
  publicUrl: s.publicUrl ?? "",
  defaultRequestPolicyId: s.defaultRequestPolicy?.id ?? null,
  defaultRevocationPolicyId: s.defaultRevocationPolicy?.id ?? null,
  emailNotificationsDefault: s.emailNotificationsDefault,
  slackNotificationsDefault: s.slackNotificationsDefault,
});

/** Only what differs from the saved values: the update is partial. */
function changesOf(saved: Values, value: Values): Partial<Values> {
  const changes: Partial<Values> = {};
  for (const key of Object.keys(value) as Array<keyof Values>) {
    if (value[key] !== saved[key]) Object.assign(changes, { [key]: value[key] });
  }
  return changes;
}

function TextField({
  label,
  hint,
  error,
  ...input
}: {
  label: string;
  hint?: React.ReactNode;
  error?: string;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "className">) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      <input
        id={id}
        className={`${fieldClass} mt-1`}
        aria-invalid={error ? true : undefined}
        aria-describedby={described.length ? described.join(" ") : undefined}
        {...input}
      />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-rose-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function NoPolicyWarning({ what }: { what: string }) {
  return (
    <p className="mt-2 flex items-start gap-2 rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900 ring-1 ring-amber-100 ring-inset">
      <TriangleAlert className="mt-px size-3.5 shrink-0" aria-hidden />
      {what} for an app or entitlement without a policy of its own will be refused.
    </p>
  );
}

function DefaultChoice({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = useId();
  return (
    <div className="flex items-center gap-3">
      <Checkbox id={id} checked={checked} onCheckedChange={onChange} />
      <label htmlFor={id} className="cursor-pointer text-sm font-medium text-zinc-900">
        {label}
      </label>
    </div>
  );
}

/**
 * Settings → Organization settings (super admins): the name, the public URL of deep links,
 * the default policies and the notification preferences new people start with. Saves only
 * what changed; the server checks and records it. Read-only for auditors: the same fields,
 * disabled, and no Save button.
 */
export function OrganizationSettingsForm({
  initial,
  serverUrl,
  readOnly = false,
}: {
  initial: Settings;
  /** The viewer reads the settings and may change none (me.can.manageOrganization is false). */
  readOnly?: boolean;
  /** NEXTAUTH_URL: what deep links use when the public URL is empty. */
  serverUrl: string;
}) {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const refresh = useRefreshQueries();
  const router = useRouter();
  const [saved, setSaved] = useState(() => valuesOf(initial));
  const [value, setValue] = useState(saved);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const changes = changesOf(saved, value);
  const dirty = Object.keys(changes).length > 0;
  const set = <K extends keyof Values>(key: K, next: Values[K]) =>
    setValue((v) => ({ ...v, [key]: next }));

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (pending || !dirty || readOnly) return;
    setPending(true);
    setError(null);
    try {
      const result = await client.organization.update.mutate({
        ...changes,
        ...(changes.publicUrl !== undefined ? { publicUrl: changes.publicUrl || null } : {}),
      });
      const next = valuesOf(result.settings);
      setSaved(next);
      setValue(next);
      toast.success(
        result.changed ? "Organization settings saved" : "Nothing to save: no setting changed",
      );
      // Its name shows in the sidebar; its default policies decide the request form's
      // "What happens next".
      if (result.changed) await refresh([trpc.me.pathKey(), trpc.requests.pathKey()]);
      router.refresh();
    } catch (e) {
      setError(apiError(e));
    } finally {
      setPending(false);
    }
  };

  const fieldErrors = error?.fieldErrors ? error : null;
  return (
    <form onSubmit={save} noValidate>
      <fieldset disabled={readOnly} className="min-w-0 space-y-5">
        <div className="grid gap-5 md:grid-cols-2">
          <TextField
            label="Organization name"
            value={value.name}
            onChange={(e) => set("name", e.target.value)}
            maxLength={100}
            required
            error={fieldError(fieldErrors, "name")}
          />
          <TextField
            label="Public URL"
            type="url"
            inputMode="url"
            value={value.publicUrl}
            placeholder={serverUrl}
            onChange={(e) => set("publicUrl", e.target.value)}
            error={fieldError(fieldErrors, "publicUrl")}
            hint={
              <>
                Used in deep links in emails and Slack. Empty: this server&rsquo;s URL,{" "}
                <span className="font-mono break-all">{serverUrl}</span>.
              </>
            }
          />
          <div>
            <PolicySelect
              label="Default request policy"
              kind="GRANT"
              value={value.defaultRequestPolicyId}
              onChange={(id) => set("defaultRequestPolicyId", id)}
              error={fieldError(fieldErrors, "defaultRequestPolicyId")}
            />
            {value.defaultRequestPolicyId === null ? <NoPolicyWarning what="A request" /> : null}
          </div>
          <div>
            <PolicySelect
              label="Default revocation policy"
              kind="REVOKE"
              value={value.defaultRevocationPolicyId}
              onChange={(id) => set("defaultRevocationPolicyId", id)}
              error={fieldError(fieldErrors, "defaultRevocationPolicyId")}
            />
            {value.defaultRevocationPolicyId === null ? (
              <NoPolicyWarning what="A revocation" />
            ) : null}
          </div>
        </div>

        <fieldset className="border-t border-zinc-100 pt-4">
          <legend className="float-left w-full text-sm font-medium text-zinc-800">
            Notification defaults
          </legend>
          <p className="mt-0.5 text-xs text-zinc-600">
            What a person starts with when they are added; each person can change theirs later.
          </p>
          <div className="mt-3 space-y-2.5">
            <DefaultChoice
              label="Email notifications for new people"
              checked={value.emailNotificationsDefault}
              onChange={(checked) => set("emailNotificationsDefault", checked)}
            />
            <DefaultChoice
              label="Slack notifications for new people"
              checked={value.slackNotificationsDefault}
              onChange={(checked) => set("slackNotificationsDefault", checked)}
            />
          </div>
        </fieldset>

        {error && !error.fieldErrors ? <ErrorAlert>{error.message}</ErrorAlert> : null}
        {readOnly ? (
          <p className="text-muted border-t border-zinc-100 pt-4 text-xs">
            You can read these settings; only super admins can change them.
          </p>
        ) : (
          <div className="flex items-center gap-3 border-t border-zinc-100 pt-4">
            <button type="submit" className={primaryButton} disabled={!dirty || pending}>
              {pending ? "Saving…" : "Save organization settings"}
            </button>
            {dirty ? <span className="text-muted text-xs">Unsaved changes</span> : null}
          </div>
        )}
      </fieldset>
    </form>
  );
}
