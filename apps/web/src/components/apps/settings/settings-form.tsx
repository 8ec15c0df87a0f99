"use client";

import { ErrorAlert } from "~/components/ui/error-alert";
import { SaveButton } from "~/components/ui/save-button";
import { Section } from "~/components/ui/section";
import { useSettingsReadOnly } from "./read-only.tsx";

/**
 * One section of App settings as a form: its card, its fields, the refusal that belongs to no
 * field, and its own Save button (each section saves on its own). Read-only (an auditor):
 * the fields are disabled and there is no Save button.
 */
export function SettingsForm({
  id,
  title,
  description,
  onSubmit,
  pending,
  problem,
  saveLabel,
  className = "space-y-4",
  children,
}: {
  id?: string;
  title: string;
  description: string;
  /** Called on submit (the page does not reload). */
  onSubmit: () => Promise<void>;
  pending: boolean;
  /** A message for the whole section (not one field's). */
  problem: string | null;
  saveLabel: string;
  className?: string;
  children: React.ReactNode;
}) {
  const readOnly = useSettingsReadOnly() !== null;
  return (
    <Section id={id} title={title} description={description}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!readOnly) void onSubmit();
        }}
        noValidate
      >
        <fieldset disabled={readOnly} className={`min-w-0 ${className}`}>
          {children}
          {problem ? <ErrorAlert>{problem}</ErrorAlert> : null}
          {readOnly ? null : <SaveButton label={saveLabel} pending={pending} />}
        </fieldset>
      </form>
    </Section>
  );
}
