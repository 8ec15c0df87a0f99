"use client";

import { useState } from "react";
import { fieldError } from "~/trpc/errors";
import { MarkdownEditor } from "~/components/ui/markdown-editor";
import { useTRPCClient } from "~/trpc/react";
import { SettingsForm } from "./settings-form.tsx";
import { useSettingsSave, type AppSettings } from "./use-settings-save.ts";

/** Same limit as the API (schemas/apps.ts). */
const INSTRUCTIONS_MAX = 20_000;

type Field = "provisioningInstructions" | "deprovisioningInstructions";

/** The two texts, in order: each one's label and an example of what to write. */
const TEXTS: Array<{ field: Field; label: string; placeholder: string }> = [
  {
    field: "provisioningInstructions",
    label: "Provisioning instructions",
    placeholder: "1. Open the admin console\n2. Invite the person with their work email",
  },
  {
    field: "deprovisioningInstructions",
    label: "Deprovisioning instructions",
    placeholder: "1. Transfer the person's files\n2. Remove their seat",
  },
];

const written = (settings: AppSettings): Record<Field, string> => ({
  provisioningInstructions: settings.provisioningInstructions,
  deprovisioningInstructions: settings.deprovisioningInstructions,
});

/** What provisioners and deprovisioners read on every task of the app (Markdown). */
export function InstructionsSection({ settings }: { settings: AppSettings }) {
  const client = useTRPCClient();
  const { save, pending, error, problem } = useSettingsSave(settings.id);
  const [texts, setTexts] = useState(() => written(settings));

  const submit = async () => {
    const saved = await save(() => client.apps.update.mutate({ appId: settings.id, ...texts }), {
      saved: "Instructions saved",
      unchanged: "The instructions were already so: nothing changed.",
    });
    if (saved) setTexts(written(saved));
  };
  return (
    <SettingsForm
      id="instructions"
      title="Instructions"
      description="Shown on every provisioning or deprovisioning task of this app, and on its Overview. Markdown: headings, lists, links, **bold**, `code`."
      onSubmit={submit}
      pending={pending}
      problem={problem}
      saveLabel="Save instructions"
      className="space-y-6"
    >
      {TEXTS.map(({ field, label, placeholder }) => (
        <MarkdownEditor
          key={field}
          label={label}
          value={texts[field]}
          onChange={(text) => setTexts((current) => ({ ...current, [field]: text }))}
          maxLength={INSTRUCTIONS_MAX}
          placeholder={placeholder}
          error={fieldError(error, field)}
        />
      ))}
    </SettingsForm>
  );
}
