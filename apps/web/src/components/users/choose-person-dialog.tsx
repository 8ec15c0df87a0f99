"use client";

import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@lantern/api";
import { actionError } from "~/components/tasks/actions";
import { primaryButton, secondaryButton } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "~/components/ui/dialog";
import { ErrorAlert } from "~/components/ui/error-alert";
import { PeoplePicker, useSettledSearch } from "~/components/ui/people-picker";
import { useTRPC } from "~/trpc/react";

export type ActivePerson = RouterOutputs["users"]["search"][number];

/**
 * A dialog to pick one active person of the organization (users.search, 20 at a time): the
 * manager filter of the directory and "Change manager". `onChoose` runs the change; its error
 * stays in the dialog. `extra` sits left of the buttons (e.g. "Remove manager").
 */
export function ChoosePersonDialog({
  title,
  description,
  legend,
  submitLabel,
  pendingLabel = "Saving…",
  required,
  onChoose,
  onOpenChange,
  extra,
}: {
  title: string;
  description: string;
  legend: string;
  submitLabel: string;
  pendingLabel?: string;
  /** Shown when nobody is chosen on submit. */
  required: string;
  onChoose: (person: ActivePerson) => Promise<void>;
  onOpenChange: (open: boolean) => void;
  extra?: (run: (fn: () => Promise<void>) => void, pending: boolean) => React.ReactNode;
}) {
  const trpc = useTRPC();
  const search = useSettledSearch();
  const query = useQuery({
    ...trpc.users.search.queryOptions({ search: search.search || undefined }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const [person, setPerson] = useState<ActivePerson | null>(null);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<{ field: "person" | null; message: string } | null>(null);

  const run = async (fn: () => Promise<void>) => {
    if (pending) return;
    setProblem(null);
    setPending(true);
    try {
      await fn();
      onOpenChange(false);
    } catch (error) {
      setProblem({ field: null, message: actionError(error).message });
    } finally {
      setPending(false);
    }
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!person) {
      setProblem({ field: "person", message: required });
      return;
    }
    void run(() => onChoose(person));
  };

  return (
    <Dialog open onOpenChange={(open) => !pending && onOpenChange(open)}>
      <DialogContent title={title} description={description} dismissible={!pending}>
        <form onSubmit={submit} noValidate>
          <div className="space-y-4">
            <PeoplePicker
              legend={legend}
              search={search}
              people={query.data}
              loading={query.isPending}
              refreshing={query.isFetching && query.isPlaceholderData}
              problem={query.isError ? actionError(query.error).message : null}
              note="Active people of your organization."
              empty="Nobody active to choose."
              limit={20}
              value={person}
              onChange={(p) => {
                setPerson(p);
                if (problem?.field === "person") setProblem(null);
              }}
              error={problem?.field === "person" ? problem.message : null}
              autoFocus
            />
            {problem && problem.field === null ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
          </div>
          <DialogFooter>
            {extra ? <div className="mr-auto">{extra((fn) => void run(fn), pending)}</div> : null}
            <DialogClose className={secondaryButton} disabled={pending}>
              Cancel
            </DialogClose>
            <button type="submit" className={primaryButton} disabled={pending}>
              {pending ? pendingLabel : submitLabel}
            </button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
