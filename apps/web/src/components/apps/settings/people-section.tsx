"use client";

import { useState } from "react";
import { fieldError } from "~/trpc/errors";
import { type ChosenPerson } from "~/components/ui/people-multi-picker";
import { useTRPCClient } from "~/trpc/react";
import { AppPeopleField } from "../app-people-field.tsx";
import { SettingsForm } from "./settings-form.tsx";
import { useSettingsSave, type AppSettings } from "./use-settings-save.ts";

type Role = "owners" | "provisioners" | "deprovisioners";

/** Each role's field, in order, and the input field its error comes back on. */
const ROLES: Array<{
  role: Role;
  legend: string;
  note: string;
  emptyChoice: string;
  field: string;
}> = [
  {
    role: "owners",
    legend: "Owners",
    note: "An app needs at least one owner.",
    emptyChoice: "No owner yet.",
    field: "ownerIds",
  },
  {
    role: "provisioners",
    legend: "Provisioners",
    note: "When empty, the app owners provision.",
    emptyChoice: "Nobody named.",
    field: "provisionerIds",
  },
  {
    role: "deprovisioners",
    legend: "Deprovisioners",
    note: "When empty, the app owners deprovision.",
    emptyChoice: "Nobody named.",
    field: "deprovisionerIds",
  },
];

const chosen = (settings: AppSettings): Record<Role, ChosenPerson[]> => ({
  owners: settings.owners,
  provisioners: settings.provisioners,
  deprovisioners: settings.deprovisioners,
});

const ids = (people: ChosenPerson[]) => people.map((p) => p.id);

/** Owners, provisioners and deprovisioners, saved together. */
export function PeopleSection({ settings }: { settings: AppSettings }) {
  const client = useTRPCClient();
  const { save, pending, error, problem } = useSettingsSave(settings.id);
  const [people, setPeople] = useState(() => chosen(settings));

  const submit = async () => {
    const saved = await save(
      () =>
        client.apps.setMembers.mutate({
          appId: settings.id,
          ownerIds: ids(people.owners),
          provisionerIds: ids(people.provisioners),
          deprovisionerIds: ids(people.deprovisioners),
        }),
      { saved: "People saved", unchanged: "The people were already so: nothing changed." },
    );
    if (saved) setPeople(chosen(saved));
  };
  return (
    <SettingsForm
      title="People"
      description="Owners answer for the app and change its settings, accounts and entitlements; provisioners and deprovisioners do the tasks of granting and removing access."
      onSubmit={submit}
      pending={pending}
      problem={problem}
      saveLabel="Save people"
      className="space-y-6"
    >
      {ROLES.map(({ role, field, ...words }) => (
        <AppPeopleField
          key={role}
          appId={settings.id}
          {...words}
          value={people[role]}
          onChange={(value) => setPeople((current) => ({ ...current, [role]: value }))}
          error={fieldError(error, field)}
        />
      ))}
    </SettingsForm>
  );
}
