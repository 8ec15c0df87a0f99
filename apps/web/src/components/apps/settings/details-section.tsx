"use client";

import { useState } from "react";
import { fieldError } from "~/trpc/errors";
import { primaryButton } from "~/components/ui/button";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Section } from "~/components/ui/section";
import { TextField } from "~/components/ui/text-field";
import { Textarea } from "~/components/ui/textarea";
import { useTRPCClient } from "~/trpc/react";
import { useSettingsSave, type AppSettings } from "./use-settings-save.ts";

/** Name, description and icon URL of the app. */
export function DetailsSection({ settings }: { settings: AppSettings }) {
  const client = useTRPCClient();
  const { save, pending, error } = useSettingsSave(settings.id);
  const [name, setName] = useState(settings.name);
  const [description, setDescription] = useState(settings.description);
  const [iconUrl, setIconUrl] = useState(settings.iconUrl ?? "");

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const saved = await save(
      () =>
        client.apps.update.mutate({
          appId: settings.id,
          name,
          description,
          iconUrl,
        }),
      { saved: "Details saved", unchanged: "The details were already so: nothing changed." },
    );
    if (saved) {
      setName(saved.name);
      setDescription(saved.description);
      setIconUrl(saved.iconUrl ?? "");
    }
  };
  const problem = error && !error.fieldErrors ? error.message : null;
  return (
    <Section title="Details" description="How the app is named and described across Lantern.">
      <form onSubmit={submit} noValidate className="space-y-4">
        <TextField
          label="Name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={100}
          required
          autoComplete="off"
          error={fieldError(error, "name") ?? (error?.code === "CONFLICT" ? error.message : null)}
        />
        <Textarea
          label="Description"
          optional
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          maxLength={2000}
          rows={3}
          error={fieldError(error, "description")}
        />
        <TextField
          label="Icon URL"
          optional
          type="url"
          inputMode="url"
          value={iconUrl}
          onChange={(e) => setIconUrl(e.target.value)}
          placeholder="https://"
          maxLength={2000}
          autoComplete="off"
          hint="A web address of the app's logo, kept with the app. Lantern's pages show the app's initials and load no outside images."
          error={fieldError(error, "iconUrl")}
        />
        {problem && error?.code !== "CONFLICT" ? <ErrorAlert>{problem}</ErrorAlert> : null}
        <div className="flex justify-end">
          <button type="submit" className={primaryButton} disabled={pending}>
            {pending ? "Saving…" : "Save details"}
          </button>
        </div>
      </form>
    </Section>
  );
}
