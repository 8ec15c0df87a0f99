"use client";

import { useState } from "react";
import { fieldError } from "~/trpc/errors";
import { MarkdownEditor } from "~/components/ui/markdown-editor";
import { useTRPCClient } from "~/trpc/react";
import { SettingsForm } from "./settings-form.tsx";
import { useSettingsSave, type AppSettings } from "./use-settings-save.ts";

/** Same limit as the API (schemas/apps.ts). */
const INSTRUCTIONS_MAX = 20_000;

/** What provisioners and deprovisioners read on every task of the app (Markdown). */
export function InstructionsSection({ settings }: { settings: AppSettings }) {
  const client = useTRPCClient();
  const { save, pending, error, problem } = useSettingsSave(settings.id);
  const [provisioning, setProvisioning] = useState(settings.provisioningInstructions);
  const [deprovisioning, setDeprovisioning] = useState(settings.deprovisioningInstructions);

  const submit = async () => {
    const saved = await save(
      () =>
        client.apps.update.mutate({
          appId: settings.id,
          provisioningInstructions: provisioning,
          deprovisioningInstructions: deprovisioning,
        }),
      {
        saved: "Instructions saved",
        unchanged: "The instructions were already so: nothing changed.",
      },
    );
    if (saved) {
      setProvisioning(saved.provisioningInstructions);
      setDeprovisioning(saved.deprovisioningInstructions);
    }
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
      <MarkdownEditor
        label="Provisioning instructions"
        value={provisioning}
        onChange={setProvisioning}
        maxLength={INSTRUCTIONS_MAX}
        placeholder={"1. Open the admin console\n2. Invite the person with their work email"}
        error={fieldError(error, "provisioningInstructions")}
      />
      <MarkdownEditor
        label="Deprovisioning instructions"
        value={deprovisioning}
        onChange={setDeprovisioning}
        maxLength={INSTRUCTIONS_MAX}
        placeholder={"1. Transfer the person's files\n2. Remove their seat"}
        error={fieldError(error, "deprovisioningInstructions")}
      />
    </SettingsForm>
  );
}
