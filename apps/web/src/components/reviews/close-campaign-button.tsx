"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { Lock } from "lucide-react";
import { secondaryButton } from "~/components/ui/button";
import { Dialog, DialogActions, DialogContent, DialogTrigger } from "~/components/ui/dialog";
import { ErrorAlert } from "~/components/ui/error-alert";
import { toast } from "~/components/ui/toast";
import { plural } from "~/lib/format";
import { useSubmit } from "~/lib/use-submit";
import { actionError } from "~/trpc/errors";
import { refreshQueries } from "~/trpc/refresh";
import { useTRPC, useTRPCClient } from "~/trpc/react";

/**
 * Close campaign (super admins, running campaigns): asks first, saying how many undecided
 * items will be recorded as "not reviewed"; the decisions made stay as they are.
 */
export function CloseCampaignButton({
  campaignId,
  name,
  pending: undecided,
}: {
  campaignId: string;
  name: string;
  /** Items nobody has decided yet. */
  pending: number;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { pending, problem, setProblem, run } = useSubmit(actionError);

  const close = (event: React.FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const { notReviewed } = await client.reviews.close.mutate({ campaignId });
      void refreshQueries(queryClient, [trpc.reviews.pathKey(), trpc.me.pathKey()]);
      toast.success(`Campaign “${name}” closed`, {
        description:
          notReviewed > 0
            ? `${plural(notReviewed, "undecided item was", "undecided items were")} recorded as not reviewed.`
            : "Every item had been decided.",
      });
      setOpen(false);
      router.refresh();
    });
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setOpen(next);
        setProblem(null);
      }}
    >
      <DialogTrigger className={secondaryButton}>
        <Lock className="size-4" aria-hidden />
        Close campaign
      </DialogTrigger>
      <DialogContent
        title={`Close “${name}”?`}
        description="Reviewers stop being asked, and the campaign keeps its evidence as it stands."
        size="sm"
        dismissible={!pending}
      >
        <form onSubmit={close} className="space-y-3 text-sm text-zinc-700">
          <p>
            {undecided > 0
              ? `${plural(undecided, "undecided item")} will be recorded as “not reviewed”. Decisions already made stay, and revoked access is still removed.`
              : "Every item has been decided: nothing will be recorded as “not reviewed”."}{" "}
            A closed campaign cannot be opened again.
          </p>
          {problem ? <ErrorAlert>{problem.message}</ErrorAlert> : null}
          <DialogActions
            label="Close campaign"
            pendingLabel="Closing…"
            pending={pending}
            danger={undecided > 0}
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
