"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { Copy, Trash2 } from "lucide-react";
import { apiError } from "~/trpc/errors";
import { dangerButton, secondaryButton } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "~/components/ui/dialog";
import { ErrorAlert } from "~/components/ui/error-alert";
import { toast } from "~/components/ui/toast";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import { refreshQueries } from "~/trpc/refresh";

/**
 * Duplicate and Delete of a policy's page. Delete asks first; a policy still in use is refused
 * by the server with where it is used, and the dialog says so.
 */
export function PolicyActions({
  policyId,
  policyName,
  inUse,
}: {
  policyId: string;
  policyName: string;
  /** Used by the organization, an app or an entitlement: said before deleting is tried. */
  inUse: string | null;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [pending, setPending] = useState<"duplicate" | "delete" | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const duplicate = async () => {
    if (pending) return;
    setPending("duplicate");
    try {
      const answer = await client.policies.duplicate.mutate({ id: policyId });
      void refreshQueries(queryClient, [trpc.policies.pathKey()]);
      toast.success(`Created “${answer.policy.name}”`, {
        description: "The copy is used by nothing yet.",
      });
      router.push(`/policies/${answer.policy.id}`);
    } catch (error) {
      toast.error(apiError(error).message);
    } finally {
      setPending(null);
    }
  };

  const remove = async () => {
    if (pending) return;
    setProblem(null);
    setPending("delete");
    try {
      await client.policies.delete.mutate({ id: policyId });
      void refreshQueries(queryClient, [trpc.policies.pathKey()]);
      toast.success(`Policy “${policyName}” deleted`);
      setConfirming(false);
      router.push("/policies");
      router.refresh();
    } catch (error) {
      setProblem(apiError(error).message);
    } finally {
      setPending(null);
    }
  };

  return (
    <>
      <button
        type="button"
        onClick={duplicate}
        disabled={pending !== null}
        className={secondaryButton}
      >
        <Copy className="size-4" aria-hidden />
        Duplicate
      </button>
      <Dialog
        open={confirming}
        onOpenChange={(open) => {
          if (pending) return;
          setConfirming(open);
          setProblem(null);
        }}
      >
        <button
          type="button"
          onClick={() => setConfirming(true)}
          disabled={pending !== null}
          className={secondaryButton}
        >
          <Trash2 className="size-4" aria-hidden />
          Delete
        </button>
        <DialogContent
          title={`Delete “${policyName}”?`}
          description="Requests that ran or are running under it keep the version they started with."
          size="sm"
          dismissible={pending === null}
        >
          <div className="space-y-3 text-sm text-zinc-700">
            {inUse ? (
              <p>
                It is in use ({inUse}): Lantern will refuse to delete it until another policy is
                chosen there.
              </p>
            ) : (
              <p>Nothing uses this policy. Deleting it cannot be undone.</p>
            )}
            {problem ? <ErrorAlert>{problem}</ErrorAlert> : null}
          </div>
          <DialogFooter>
            <DialogClose className={secondaryButton} disabled={pending !== null}>
              Cancel
            </DialogClose>
            <button
              type="button"
              onClick={remove}
              disabled={pending !== null}
              className={dangerButton}
            >
              Delete policy
            </button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}
