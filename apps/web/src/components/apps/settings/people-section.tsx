"use client";

import { useState } from "react";
import { primaryButton } from "~/components/ui/button";
import { ErrorAlert } from "~/components/ui/error-alert";
import { type ChosenPerson } from "~/components/ui/people-multi-picker";
import { Section } from "~/components/ui/section";
import { useTRPCClient } from "~/trpc/react";
import { AppPeopleField } from "../app-people-field.tsx";
import { useSettingsSave, type AppSettings } from "./use-settings-save.ts";

const ids = (people: ChosenPerson[]) => people.map((p) => p.id);

/** Owners, provisioners and deprovisioners, saved together. */
export function PeopleSection({ settings }: { settings: AppSettings }) {
  const client = useTRPCClient();
  const { save, pending, error } = useSettingsSave(settings.id);
  const [owners, setOwners] = useState<ChosenPerson[]>(settings.owners);
  const [provisioners, setProvisioners] = useState<ChosenPerson[]>(settings.provisioners);
  const [deprovisioners, setDeprovisioners] = useState<ChosenPerson[]>(settings.deprovisioners);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const saved = await save(
      () =>
        client.apps.setMembers.mutate({
          appId: settings.id,
          ownerIds: ids(owners),
          provisionerIds: ids(provisioners),
          deprovisionerIds: ids(deprovisioners),
        }),
      { saved: "People saved", unchanged: "The people were already so: nothing changed." },
    );
    if (saved) {
      setOwners(saved.owners);
      setProvisioners(saved.provisioners);
      setDeprovisioners(saved.deprovisioners);
    }
  };
  const zodError = (field: string) => error?.fieldErrors?.[field]?.[0];
  return (
    <Section
      title="People"
      description="Owners answer for the app and change its settings, accounts and entitlements; provisioners and deprovisioners do the tasks of granting and removing access."
    >
      <form onSubmit={submit} noValidate className="space-y-6">
        <AppPeopleField
          appId={settings.id}
          legend="Owners"
          note="An app needs at least one owner."
          emptyChoice="No owner yet."
          value={owners}
          onChange={setOwners}
          error={zodError("ownerIds")}
        />
        <AppPeopleField
          appId={settings.id}
          legend="Provisioners"
          note="When empty, the app owners provision."
          emptyChoice="Nobody named."
          value={provisioners}
          onChange={setProvisioners}
          error={zodError("provisionerIds")}
        />
        <AppPeopleField
          appId={settings.id}
          legend="Deprovisioners"
          note="When empty, the app owners deprovision."
          emptyChoice="Nobody named."
          value={deprovisioners}
          onChange={setDeprovisioners}
          error={zodError("deprovisionerIds")}
        />
        {error && !error.fieldErrors ? <ErrorAlert>{error.message}</ErrorAlert> : null}
        <div className="flex justify-end">
          <button type="submit" className={primaryButton} disabled={pending}>
            {pending ? "Saving…" : "Save people"}
          </button>
        </div>
      </form>
    </Section>
  );
}
