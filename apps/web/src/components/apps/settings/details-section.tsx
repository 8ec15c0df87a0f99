"use client";

import { useState } from "react";
import { useTRPCClient } from "~/trpc/react";
import { AppDetailsFields } from "../app-details-fields.tsx";
import { SettingsForm } from "./settings-form.tsx";
import { useSettingsSave, type AppSettings } from "./use-settings-save.ts";

/** Name, description and icon URL of the app. */
export function DetailsSection({ settings }: { settings: AppSettings }) {
  const client = useTRPCClient();
  const { save, pending, error, problem } = useSettingsSave(settings.id);
  const [name, setName] = useState(settings.name);
  const [description, setDescription] = useState(settings.description);
  const [iconUrl, setIconUrl] = useState(settings.iconUrl ?? "");

  const submit = async () => {
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
  return (
    <SettingsForm
      title="Details"
      description="How the app is named and described across Lantern."
      onSubmit={submit}
      pending={pending}
      // A taken name (CONFLICT) is said beside the name.
      problem={error?.code === "CONFLICT" ? null : problem}
      saveLabel="Save details"
    >
      <AppDetailsFields
        values={{ name, description, iconUrl }}
        onChange={{ name: setName, description: setDescription, iconUrl: setIconUrl }}
        error={error}
        descriptionRows={3}
        iconHint="A web address of the app's logo, kept with the app. Lantern's pages show the app's initials and load no outside images."
      />
    </SettingsForm>
  );
}
