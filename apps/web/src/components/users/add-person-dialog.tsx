"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { UserPlus } from "lucide-react";
import { actionError } from "~/trpc/errors";
import { primaryButton } from "~/components/ui/button";
import { Dialog, DialogContent, DialogActions } from "~/components/ui/dialog";
import { ErrorAlert } from "~/components/ui/error-alert";
import { PeoplePicker, useSettledSearch } from "~/components/ui/people-picker";
import { TextField } from "~/components/ui/text-field";
import { fieldClass } from "~/components/ui/textarea";
import { toast } from "~/components/ui/toast";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import { useActivePeople, type ActivePerson } from "./active-people.ts";
import { ROLE_DESCRIPTION, ROLE_LABEL, ROLES_IN_ORDER, type PersonRole } from "./person-labels.ts";
import { refreshQueries } from "~/trpc/refresh";

type Field = "email" | "givenName" | "familyName" | "displayName" | "title" | "department";

const EMPTY: Record<Field, string> = {
  email: "",
  givenName: "",
  familyName: "",
  displayName: "",
  title: "",
  department: "",
};

/** "Add person" (super admins): the button and its dialog. */
export function AddPersonButton({ organizationName }: { organizationName: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={primaryButton} onClick={() => setOpen(true)}>
        <UserPlus className="size-4" aria-hidden />{" "}
        <span className="max-sm:sr-only">Add person</span>
      </button>
      {open ? <AddPersonDialog organizationName={organizationName} onOpenChange={setOpen} /> : null}
    </>
  );
}

/**
 * Add one person by hand (the people import adds many): active, with the organization's
 * notification defaults; the accounts whose email or name match them get them as owner.
 */
function AddPersonDialog({
  organizationName,
  onOpenChange,
}: {
  organizationName: string;
  onOpenChange: (open: boolean) => void;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const router = useRouter();
  const search = useSettledSearch();
  const managers = useActivePeople(search.search || undefined);
  const [values, setValues] = useState(EMPTY);
  const [manager, setManager] = useState<ActivePerson | null>(null);
  const [role, setRole] = useState<PersonRole>("MEMBER");
  const roleHintId = useId();
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const field = (name: Field) => ({
    value: values[name],
    error: errors[name] ?? null,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      setValues((v) => ({ ...v, [name]: e.target.value }));
      if (errors[name]) setErrors((x) => ({ ...x, [name]: undefined }));
    },
  });
  const defaultName = `${values.givenName.trim()} ${values.familyName.trim()}`.trim();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const missing: Partial<Record<Field, string>> = {};
    if (!values.email.trim()) missing.email = "Enter an email address.";
    if (!values.givenName.trim()) missing.givenName = "Enter the given name.";
    if (!values.familyName.trim()) missing.familyName = "Enter the family name.";
    setErrors(missing);
    setProblem(null);
    if (Object.keys(missing).length > 0) return;
    setPending(true);
    try {
      const created = await client.users.create.mutate({
        email: values.email,
        givenName: values.givenName,
        familyName: values.familyName,
        displayName: values.displayName || undefined,
        title: values.title || undefined,
        department: values.department || undefined,
        managerId: manager?.id ?? null,
        role,
      });
      toast.success(`${created.displayName} was added`, {
        description: "The accounts that match their email or name now show them as owner.",
      });
      // The accounts that match them now have an owner.
      await refreshQueries(queryClient, [trpc.users.pathKey(), trpc.accounts.pathKey()]);
      onOpenChange(false);
      router.push(`/users/${created.id}`);
    } catch (error) {
      const { code, message } = actionError(error);
      if (code === "CONFLICT") setErrors({ email: message });
      else setProblem(message);
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog open onOpenChange={(open) => !pending && onOpenChange(open)}>
      <DialogContent
        title="Add person"
        description={`Add someone to ${organizationName} by hand. They start active, with the organization's notification defaults.`}
        size="lg"
        dismissible={!pending}
      >
        <form onSubmit={submit} noValidate>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="Email"
              type="email"
              autoComplete="off"
              maxLength={320}
              className="sm:col-span-2"
              autoFocus
              {...field("email")}
            />
            <TextField label="Given name" maxLength={100} {...field("givenName")} />
            <TextField label="Family name" maxLength={100} {...field("familyName")} />
            <TextField
              label="Display name"
              optional
              maxLength={200}
              placeholder={defaultName || "Given and family name"}
              hint="Left empty: the given and family name."
              {...field("displayName")}
            />
            <label className="block min-w-0">
              <span className="mb-1.5 block text-sm font-medium text-zinc-800">Role</span>
              <select
                value={role}
                onChange={(e) => setRole(e.target.value as typeof role)}
                aria-describedby={roleHintId}
                className={fieldClass}
              >
                {ROLES_IN_ORDER.map((option) => (
                  <option key={option} value={option}>
                    {ROLE_LABEL[option]}
                  </option>
                ))}
              </select>
              <span id={roleHintId} className="text-muted mt-1.5 block text-xs">
                {ROLE_DESCRIPTION[role]}
              </span>
            </label>
            <TextField label="Title" optional maxLength={200} {...field("title")} />
            <TextField label="Department" optional maxLength={200} {...field("department")} />
            <div className="sm:col-span-2">
              <PeoplePicker
                legend="Manager (optional)"
                search={search}
                people={managers.data}
                loading={managers.isPending}
                refreshing={managers.isFetching && managers.isPlaceholderData}
                problem={managers.isError ? actionError(managers.error).message : null}
                note={
                  manager ? (
                    <>
                      Manager:{" "}
                      <span className="font-medium text-zinc-800">{manager.displayName}</span>
                      {" · "}
                      <button
                        type="button"
                        className="font-medium text-zinc-700 underline hover:text-zinc-950"
                        onClick={() => setManager(null)}
                      >
                        No manager
                      </button>
                    </>
                  ) : (
                    "Active people of your organization. Leave unchosen for no manager."
                  )
                }
                empty="Nobody active to choose."
                limit={20}
                value={manager}
                onChange={setManager}
              />
            </div>
            {problem ? (
              <div className="sm:col-span-2">
                <ErrorAlert>{problem}</ErrorAlert>
              </div>
            ) : null}
          </div>
          <DialogActions pending={pending} label="Add person" pendingLabel="Adding…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
