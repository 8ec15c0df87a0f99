"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { actionError } from "~/trpc/errors";
import { secondaryButton } from "~/components/ui/button";
import { Dialog, DialogContent, DialogActions } from "~/components/ui/dialog";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Textarea } from "~/components/ui/textarea";
import { toast } from "~/components/ui/toast";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import { ChoosePersonDialog } from "~/components/ui/choose-person-dialog";
import { useActivePeople } from "./active-people.ts";
import {
  aRole,
  ROLE_DESCRIPTION,
  ROLE_LABEL,
  ROLES_IN_ORDER,
  STATUS_BADGE,
  type PersonRole,
  type PersonStatus,
} from "./person-labels.ts";
import { refreshQueries } from "~/trpc/refresh";

export interface PersonTarget {
  id: string;
  displayName: string;
  role: PersonRole;
  status: PersonStatus;
  manager: { id: string; displayName: string } | null;
}

/** After a change: the person page and the directory reload. */
function usePeopleChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  return async () => {
    // A person's status or manager shows in the directory and beside their accounts.
    await refreshQueries(queryClient, [trpc.users.pathKey(), trpc.accounts.pathKey()]);
    router.refresh();
  };
}

/**
 * The super-admin actions of the person page: Change role, Change manager, Change status,
 * Sign out everywhere. Shown to people who may manage people (me.can.managePeople); the server
 * checks again.
 */
export function PersonActions({ person }: { person: PersonTarget }) {
  const [dialog, setDialog] = useState<"role" | "manager" | "status" | "sign-out" | null>(null);
  const client = useTRPCClient();
  const changed = usePeopleChanged();
  const close = (open: boolean) => !open && setDialog(null);
  return (
    <div className="flex flex-wrap gap-2">
      <button type="button" className={secondaryButton} onClick={() => setDialog("role")}>
        Change role
      </button>
      <button type="button" className={secondaryButton} onClick={() => setDialog("manager")}>
        Change manager
      </button>
      <button type="button" className={secondaryButton} onClick={() => setDialog("status")}>
        Change status
      </button>
      <button type="button" className={secondaryButton} onClick={() => setDialog("sign-out")}>
        Sign out everywhere
      </button>
      {dialog === "role" ? <RoleDialog person={person} onOpenChange={close} /> : null}
      {dialog === "sign-out" ? (
        <SignOutEverywhereDialog person={person} onOpenChange={close} />
      ) : null}
      {dialog === "status" ? <StatusDialog person={person} onOpenChange={close} /> : null}
      {dialog === "manager" ? (
        <ChoosePersonDialog
          useCandidates={useActivePeople}
          title="Change manager"
          description={`${person.displayName}'s manager approves their requests when a policy asks their manager. ${
            person.manager ? `Now: ${person.manager.displayName}.` : "They have no manager now."
          }`}
          legend="Manager"
          submitLabel="Change manager"
          required="Choose the new manager, or remove the manager."
          onOpenChange={close}
          onChoose={async (manager) => {
            const result = await client.users.setManager.mutate({
              userId: person.id,
              managerId: manager.id,
            });
            toast.success(
              result.changed
                ? `${person.displayName} now reports to ${manager.displayName}`
                : `${person.displayName} already reports to ${manager.displayName}`,
            );
            await changed();
          }}
          extra={
            person.manager
              ? (run, pending) => (
                  <button
                    type="button"
                    className={secondaryButton}
                    disabled={pending}
                    onClick={() =>
                      run(async () => {
                        await client.users.setManager.mutate({
                          userId: person.id,
                          managerId: null,
                        });
                        toast.success(`${person.displayName} has no manager now`);
                        await changed();
                      })
                    }
                  >
                    Remove manager
                  </button>
                )
              : undefined
          }
        />
      ) : null}
    </div>
  );
}

function useChange(onOpenChange: (open: boolean) => void) {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const changed = usePeopleChanged();
  const run = async (fn: () => Promise<string>) => {
    if (pending) return;
    setProblem(null);
    setPending(true);
    try {
      toast.success(await fn());
      await changed();
      onOpenChange(false);
    } catch (error) {
      setProblem(actionError(error).message);
    } finally {
      setPending(false);
    }
  };
  return { pending, problem, setProblem, run };
}

function RadioOption({
  name,
  value,
  checked,
  onChange,
  label,
  hint,
}: {
  name: string;
  value: string;
  checked: boolean;
  onChange: () => void;
  label: string;
  hint: string;
}) {
  return (
    <label className="flex cursor-pointer items-start gap-3 rounded-md border border-zinc-200 px-3 py-2.5 has-checked:border-zinc-400 has-checked:bg-zinc-50">
      <input
        type="radio"
        name={name}
        value={value}
        checked={checked}
        onChange={onChange}
        className="mt-0.5 size-4 shrink-0 accent-zinc-900"
      />
      <span className="min-w-0">
        <span className="block text-sm font-medium text-zinc-900">{label}</span>
        <span className="text-muted block text-xs">{hint}</span>
      </span>
    </label>
  );
}

function RoleDialog({
  person,
  onOpenChange,
}: {
  person: PersonTarget;
  onOpenChange: (open: boolean) => void;
}) {
  const client = useTRPCClient();
  const [role, setRole] = useState<PersonRole>(person.role);
  const { pending, problem, run } = useChange(onOpenChange);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const result = await client.users.setRole.mutate({ userId: person.id, role });
      return result.changed
        ? `${person.displayName} is now ${aRole(role)}`
        : `${person.displayName} already is ${aRole(role)}`;
    });
  };
  return (
    <Dialog open onOpenChange={(open) => !pending && onOpenChange(open)}>
      <DialogContent
        title="Change role"
        description={`${person.displayName}'s role in Lantern. The organization always keeps at least one active super admin.`}
        dismissible={!pending}
      >
        <form onSubmit={submit} noValidate>
          <fieldset className="space-y-2">
            <legend className="mb-1.5 text-sm font-medium text-zinc-800">Role</legend>
            {ROLES_IN_ORDER.map((option) => (
              <RadioOption
                key={option}
                name="role"
                value={option}
                checked={role === option}
                onChange={() => setRole(option)}
                label={ROLE_LABEL[option]}
                hint={ROLE_DESCRIPTION[option]}
              />
            ))}
          </fieldset>
          {problem ? (
            <div className="mt-4">
              <ErrorAlert>{problem}</ErrorAlert>
            </div>
          ) : null}
          <DialogActions pending={pending} label="Change role" pendingLabel="Saving…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}

const STATUS_HINT: Record<PersonStatus, string> = {
  ACTIVE: "Can sign in; tasks and messages reach them.",
  SUSPENDED: "Temporarily away (leave, investigation). Can be reactivated.",
  DEPROVISIONED: "Has left the organization. Can still be reactivated if that was a mistake.",
};

function StatusDialog({
  person,
  onOpenChange,
}: {
  person: PersonTarget;
  onOpenChange: (open: boolean) => void;
}) {
  const client = useTRPCClient();
  const [status, setStatus] = useState<PersonStatus>(person.status);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const { pending, problem, run } = useChange(onOpenChange);
  const needsReason = status !== "ACTIVE" && status !== person.status;
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (needsReason && !reason.trim()) {
      setReasonError(
        `Say why ${person.displayName} is ${STATUS_BADGE[status].label.toLowerCase()}.`,
      );
      return;
    }
    void run(async () => {
      const result = await client.users.setStatus.mutate({
        userId: person.id,
        status,
        reason: needsReason ? reason : undefined,
      });
      const word = STATUS_BADGE[status].label.toLowerCase();
      return result.changed
        ? `${person.displayName} is now ${word}`
        : `${person.displayName} already is ${word}`;
    });
  };
  return (
    <Dialog open onOpenChange={(open) => !pending && onOpenChange(open)}>
      <DialogContent
        title="Change status"
        description={`Suspended and deprovisioned people cannot sign in to Lantern (they are signed out at their next click). New tasks and messages no longer go to them, but the open tasks they have stay assigned to them: reassign those from each task. The accounts they own keep them as owner and show this change.`}
        dismissible={!pending}
      >
        <form onSubmit={submit} noValidate>
          <fieldset className="space-y-2">
            <legend className="mb-1.5 text-sm font-medium text-zinc-800">Status</legend>
            {(["ACTIVE", "SUSPENDED", "DEPROVISIONED"] as const).map((s) => (
              <RadioOption
                key={s}
                name="status"
                value={s}
                checked={status === s}
                onChange={() => setStatus(s)}
                label={STATUS_BADGE[s].label}
                hint={STATUS_HINT[s]}
              />
            ))}
          </fieldset>
          {needsReason ? (
            <Textarea
              className="mt-4"
              label="Reason"
              hint="Shown on the accounts they own and in their history."
              value={reason}
              maxLength={1000}
              error={reasonError}
              onChange={(e) => {
                setReason(e.target.value);
                setReasonError(null);
              }}
            />
          ) : null}
          {problem ? (
            <div className="mt-4">
              <ErrorAlert>{problem}</ErrorAlert>
            </div>
          ) : null}
          <DialogActions pending={pending} label="Change status" pendingLabel="Saving…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Sign out everywhere: asks first, then ends every session the person has. */
function SignOutEverywhereDialog({
  person,
  onOpenChange,
}: {
  person: PersonTarget;
  onOpenChange: (open: boolean) => void;
}) {
  const client = useTRPCClient();
  const { pending, problem, run } = useChange(onOpenChange);
  return (
    <Dialog open onOpenChange={(open) => !pending && onOpenChange(open)}>
      <DialogContent
        title={`Sign ${person.displayName} out everywhere?`}
        description="Every browser and device where they are signed in to Lantern is signed out at its next click."
        size="sm"
        dismissible={!pending}
      >
        <div className="space-y-3 text-sm text-zinc-700">
          <p>
            {person.status === "ACTIVE"
              ? `${person.displayName} can sign in again right away. To keep them out, change their status instead.`
              : `${person.displayName} cannot sign in again while ${STATUS_BADGE[person.status].label.toLowerCase()}.`}
          </p>
          {problem ? <ErrorAlert>{problem}</ErrorAlert> : null}
        </div>
        <DialogActions
          pending={pending}
          label="Sign out everywhere"
          pendingLabel="Signing out…"
          danger
          onClick={() =>
            void run(async () => {
              await client.users.signOutEverywhere.mutate({ userId: person.id });
              return `${person.displayName} is signed out everywhere`;
            })
          }
        />
      </DialogContent>
    </Dialog>
  );
}
