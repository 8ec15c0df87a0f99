"use client";

import { useState } from "react";
import { useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { CheckCircle2 } from "lucide-react";
import type { RouterOutputs } from "@lantern/api";
import { apiError, type ApiError } from "~/trpc/errors";
import { primaryButton, secondaryButton } from "~/components/ui/button";
import { ErrorAlert } from "~/components/ui/error-alert";
import { RadioCards } from "~/components/ui/radio-cards";
import { Section } from "~/components/ui/section";
import { TextField } from "~/components/ui/text-field";
import { toast } from "~/components/ui/toast";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import { useSettingsReadOnly } from "./read-only.tsx";

type ConnectorView = RouterOutputs["apps"]["connector"];
type TestResult = RouterOutputs["apps"]["testConnector"];

/** The saved settings of `kind` (none when another kind is saved): what the fields start with. */
function savedValues(view: ConnectorView, kind: string): Record<string, string> {
  return kind === view.kind ? view.settings : {};
}

/**
 * The app's connector (issue 15 §6): which kind grants and revokes access for its Connector
 * entitlements, with its settings. Secret settings are write-only: the page shows that one is
 * set and sends only a value typed anew (left empty, the stored one stays). Test connection
 * checks what the form holds, before or after saving, and changes nothing.
 */
export function ConnectorSection({ appId }: { appId: string }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { data: view } = useSuspenseQuery(trpc.apps.connector.queryOptions({ appId }));
  const [kind, setKind] = useState(view.kind);
  const [values, setValues] = useState<Record<string, string>>(() => savedValues(view, view.kind));
  const [pending, setPending] = useState<"save" | "test" | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<TestResult | null>(null);
  const readOnly = useSettingsReadOnly() !== null;

  const chosen = view.kinds.find((k) => k.key === kind) ?? view.kinds[0]!;
  const choose = (next: string) => {
    setKind(next);
    setValues(savedValues(view, next));
    setError(null);
    setResult(null);
  };
  /** The form's settings: empty fields left out (a secret left out keeps its stored value). */
  const input = () => ({
    appId,
    kind: chosen.key,
    settings: Object.fromEntries(
      chosen.fields
        .map((f) => [f.key, values[f.key] ?? ""] as const)
        .filter(([, value]) => value.trim() !== ""),
    ),
  });

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (pending || readOnly) return;
    setPending("save");
    setError(null);
    setResult(null);
    try {
      const answer = await client.apps.setConnector.mutate(input());
      queryClient.setQueryData(trpc.apps.connector.queryKey({ appId }), answer.connector);
      setValues(savedValues(answer.connector, answer.connector.kind));
      toast.success(
        answer.changed ? "Connector saved" : "The connector was already so: nothing changed.",
      );
    } catch (caught) {
      setError(apiError(caught));
    } finally {
      setPending(null);
    }
  };

  const test = async () => {
    if (pending) return;
    setPending("test");
    setError(null);
    setResult(null);
    try {
      setResult(await client.apps.testConnector.mutate(input()));
    } catch (caught) {
      setError(apiError(caught));
    } finally {
      setPending(null);
    }
  };

  return (
    <Section
      id="connector"
      title="Connector"
      description="What grants and revokes access in the app for entitlements provisioned by a connector."
    >
      <form onSubmit={save} noValidate>
        <fieldset disabled={readOnly} className="min-w-0 space-y-4">
          <RadioCards
            legend="Connector kind"
            options={view.kinds.map((option) => ({
              value: option.key,
              label: (
                <>
                  {option.label}
                  {option.key === view.kind ? (
                    <span className="text-muted font-normal"> (saved)</span>
                  ) : null}
                </>
              ),
              hint: option.description,
            }))}
            value={kind}
            onChange={choose}
            disabled={pending !== null}
          />
          {chosen.fields.map((field) => {
            const isSet =
              field.secret && chosen.key === view.kind && view.secretsSet.includes(field.key);
            return (
              <TextField
                key={`${chosen.key}.${field.key}`}
                label={field.label}
                optional={!field.required}
                type={field.secret ? "password" : "text"}
                autoComplete={field.secret ? "new-password" : "off"}
                spellCheck={false}
                maxLength={4000}
                value={values[field.key] ?? ""}
                onChange={(e) => setValues((v) => ({ ...v, [field.key]: e.target.value }))}
                placeholder={isSet ? "Set — type a new value to replace it" : undefined}
                hint={
                  isSet
                    ? `${field.description} A value is set: leave this empty to keep it.`
                    : field.description
                }
              />
            );
          })}
          {error ? <ErrorAlert>{error.message}</ErrorAlert> : null}
          {result ? (
            result.ok ? (
              <p
                role="status"
                className="flex items-start gap-2 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-100 ring-inset"
              >
                <CheckCircle2 className="mt-0.5 size-4 shrink-0" aria-hidden />
                {result.message}
              </p>
            ) : (
              <ErrorAlert>{result.message}</ErrorAlert>
            )
          ) : null}
          {readOnly ? null : (
            <div className="flex flex-wrap justify-end gap-2">
              <button
                type="button"
                className={secondaryButton}
                onClick={() => void test()}
                disabled={pending !== null}
              >
                {pending === "test" ? "Testing…" : "Test connection"}
              </button>
              <button type="submit" className={primaryButton} disabled={pending !== null}>
                {pending === "save" ? "Saving…" : "Save connector"}
              </button>
            </div>
          )}
        </fieldset>
      </form>
    </Section>
  );
}
