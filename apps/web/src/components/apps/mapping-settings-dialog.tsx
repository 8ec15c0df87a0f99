"use client";

import { useEffect, useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { CheckCircle2 } from "lucide-react";
import { apiError } from "~/trpc/errors";
import { useSubmit } from "~/lib/use-submit";
import { Dialog, DialogContent, DialogActions, DialogDone } from "~/components/ui/dialog";
import { ErrorAlert } from "~/components/ui/error-alert";
import { cn } from "~/lib/cn";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import {
  isRemapActive,
  remapProgressText,
  remapSummary,
  RemapProgressBar,
  useRemapStatus,
  type RemapCounts,
} from "./remap-status";

type Mode = "NARROW" | "BROAD";

const MODES: { mode: Mode; title: string; summary: string; detail: string }[] = [
  {
    mode: "NARROW",
    title: "Narrow",
    summary: "Email addresses only.",
    detail:
      "An account belongs to the person whose email is one of its addresses (primary first, case and spaces ignored).",
  },
  {
    mode: "BROAD",
    title: "Broad",
    summary: "Email, then given and family name.",
    detail:
      "Accounts no email matches are matched by first and last name (accents, case and spacing ignored). When two or more people share the name, the account is flagged ambiguous and gets no owner.",
  },
];

/**
 * Account mapping settings of an app (SPEC §4.2): Narrow or Broad. Saving re-maps the app's
 * accounts at once: a small app's answer carries the counts; a large app's re-map runs in the
 * background and its progress shows here (and in the page's banner) until it ends.
 */
export default function MappingSettingsDialog({
  appId,
  appName,
  mode,
  onOpenChange,
  onCloseAutoFocus,
}: {
  appId: string;
  appName: string;
  mode: Mode;
  onOpenChange: (open: boolean) => void;
  /** Where focus goes when the dialog closes (Radix's hook), e.g. back to the menu's trigger. */
  onCloseAutoFocus?: (event: Event) => void;
}) {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const name = useId();
  const [chosen, setChosen] = useState<Mode>(mode);
  const [saved, setSaved] = useState<{ mode: Mode; counts: RemapCounts | null } | null>(null);
  const { pending, problem, run } = useSubmit((error) => apiError(error).message);
  const status = useRemapStatus(appId);
  const running = saved && !saved.counts && isRemapActive(status.data) ? status.data! : null;
  const finished =
    saved && !saved.counts && status.data?.state === "SUCCEEDED" ? status.data : null;
  const failed = saved && !saved.counts && status.data?.state === "FAILED" ? status.data : null;

  // A background re-map that ends while the dialog is open: the page's figures change.
  useEffect(() => {
    if (finished) router.refresh();
  }, [finished, router]);

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const answer = await client.apps.setAccountMappingMode.mutate({ appId, mode: chosen });
      const key = trpc.apps.remapStatus.queryKey({ appId });
      if (answer.remap) queryClient.setQueryData(key, answer.remap);
      void queryClient.invalidateQueries({ queryKey: key });
      // The dialog shows the outcome (counts, or the progress of a background re-map).
      setSaved({ mode: chosen, counts: answer.result });
      router.refresh();
    });
  };

  const modeTitle = (m: Mode) => MODES.find((x) => x.mode === m)!.title;

  return (
    <Dialog open onOpenChange={(open) => !pending && onOpenChange(open)}>
      <DialogContent
        title="Account mapping settings"
        description={`How ${appName}'s accounts are matched to the people of your organization. Saving re-maps every account at once; owners set or cleared by hand are kept.`}
        dismissible={!pending}
        onCloseAutoFocus={onCloseAutoFocus}
      >
        {saved ? (
          <div className="space-y-4" aria-live="polite">
            {saved.counts || finished ? (
              <p className="flex items-start gap-2 text-sm text-zinc-800">
                <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-emerald-600" aria-hidden />
                <span>
                  <span className="font-medium">{modeTitle(saved.mode)} mapping saved.</span>{" "}
                  {remapSummary(
                    saved.mode,
                    saved.counts ?? {
                      accounts: finished!.done,
                      matched: 0,
                      matchedByName: finished!.matchedByName,
                      ambiguous: finished!.ambiguous,
                      changed: finished!.changed,
                    },
                  )}
                  .
                </span>
              </p>
            ) : failed ? (
              <ErrorAlert>
                {modeTitle(saved.mode)} mapping is saved, but re-mapping the accounts failed:{" "}
                {failed.error ?? "unknown error"}. Save again to retry.
              </ErrorAlert>
            ) : running ? (
              <div className="space-y-2">
                <p className="text-sm text-zinc-800">
                  <span className="font-medium">{modeTitle(saved.mode)} mapping saved.</span>{" "}
                  {remapProgressText(running)}
                </p>
                <RemapProgressBar status={running} label="Re-mapping progress" />
                <p className="text-muted text-xs">
                  This runs in the background: you can close this and keep working; the app page
                  shows the progress until it ends.
                </p>
              </div>
            ) : (
              <p className="text-sm text-zinc-800">
                <span className="font-medium">{modeTitle(saved.mode)} mapping saved.</span>
                {saved.mode === mode ? " Nothing changed." : " Re-mapping…"}
              </p>
            )}
            <DialogDone label={running ? "Continue in the background" : "Done"} />
          </div>
        ) : (
          <form onSubmit={save} noValidate>
            <fieldset>
              <legend className="text-sm font-medium text-zinc-900">Mapping</legend>
              <div className="mt-2 space-y-2">
                {MODES.map((m) => (
                  <label
                    key={m.mode}
                    className={cn(
                      "flex cursor-pointer gap-3 rounded-lg border px-3 py-2.5",
                      chosen === m.mode
                        ? "border-zinc-900 bg-zinc-50 ring-1 ring-zinc-900"
                        : "border-zinc-200 hover:border-zinc-300",
                    )}
                  >
                    <input
                      type="radio"
                      name={name}
                      value={m.mode}
                      checked={chosen === m.mode}
                      onChange={() => setChosen(m.mode)}
                      className="mt-1 size-4 accent-zinc-900"
                    />
                    <span className="text-sm">
                      <span className="font-medium text-zinc-900">{m.title}</span>
                      <span className="text-zinc-700"> — {m.summary}</span>
                      {m.mode === mode ? (
                        <span className="ml-1.5 rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-600">
                          current
                        </span>
                      ) : null}
                      <span className="mt-0.5 block text-zinc-600">{m.detail}</span>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
            {problem ? <ErrorAlert className="mt-3">{problem}</ErrorAlert> : null}
            <DialogActions
              pending={pending}
              label="Save"
              pendingLabel="Saving and re-mapping…"
              disabled={chosen === mode}
              title={chosen === mode ? "This is the current mapping" : undefined}
            />
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
