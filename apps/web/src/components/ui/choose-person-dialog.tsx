"use client";

import { useState } from "react";
import { actionError } from "~/trpc/errors";
import { Dialog, DialogContent, DialogActions } from "~/components/ui/dialog";
import { ErrorAlert } from "~/components/ui/error-alert";
import { PeoplePicker, useSettledSearch, type PickablePerson } from "~/components/ui/people-picker";

/** What a candidates query gives the dialog (a TanStack Query result of 20 people at most). */
export interface CandidatesQuery<P> {
  data: P[] | undefined;
  isPending: boolean;
  isFetching: boolean;
  isPlaceholderData: boolean;
  isError: boolean;
  error: unknown;
}

/**
 * A dialog to pick one active person of the organization: Set account owner, Change manager,
 * the directory's manager filter. `useCandidates` runs the search (each caller's procedure has
 * its own audience). `onChoose` runs the change; its error stays in the dialog. `extra` sits
 * left of the buttons (e.g. "Remove manager").
 */
export function ChoosePersonDialog<P extends PickablePerson>({
  title,
  description,
  legend,
  submitLabel,
  pendingLabel = "Saving…",
  required,
  useCandidates,
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
  /** A hook running the search for the settled search text (undefined: no text yet). */
  useCandidates: (search: string | undefined) => CandidatesQuery<P>;
  onChoose: (person: P) => Promise<void>;
  onOpenChange: (open: boolean) => void;
  extra?: (run: (fn: () => Promise<void>) => void, pending: boolean) => React.ReactNode;
}) {
  const search = useSettledSearch();
  const query = useCandidates(search.search || undefined);
  const [person, setPerson] = useState<P | null>(null);
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
          <DialogActions pending={pending} label={submitLabel} pendingLabel={pendingLabel}>
            {extra ? <div className="mr-auto">{extra((fn) => void run(fn), pending)}</div> : null}
          </DialogActions>
        </form>
      </DialogContent>
    </Dialog>
  );
}
