"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";
import { apiError, type ApiError } from "~/trpc/errors";
import { primaryButton } from "~/components/ui/button";
import { Dialog, DialogContent, DialogTrigger, DialogActions } from "~/components/ui/dialog";
import { ErrorAlert } from "~/components/ui/error-alert";
import { toast } from "~/components/ui/toast";
import { useTRPCClient } from "~/trpc/react";
import { AppDetailsFields } from "./app-details-fields.tsx";

/**
 * Add application (super admins): name, description and icon URL; the new app opens on its
 * Settings tab, where its owners, provisioners, instructions and policies are set.
 */
export function AddAppButton() {
  const client = useTRPCClient();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [iconUrl, setIconUrl] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const reset = () => {
    setName("");
    setDescription("");
    setIconUrl("");
    setError(null);
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (pending) return;
    if (!name.trim()) {
      setError({
        code: "BAD_REQUEST",
        message: "Give the app a name.",
        fieldErrors: { name: ["Give the app a name."] },
        details: null,
      });
      return;
    }
    setPending(true);
    setError(null);
    try {
      const app = await client.apps.create.mutate({ name, description, iconUrl });
      toast.success(`${app.name} added`, {
        description: "Choose its owners and provisioners, and write its instructions.",
      });
      setOpen(false);
      reset();
      router.push(`/apps/${app.id}/settings`);
    } catch (caught) {
      setError(apiError(caught));
    } finally {
      setPending(false);
    }
  };

  const otherProblem = error && !error.fieldErrors && error.code !== "CONFLICT";
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setOpen(next);
        if (!next) reset();
      }}
    >
      <DialogTrigger className={primaryButton}>
        <Plus className="size-4" aria-hidden />
        Add application
      </DialogTrigger>
      <DialogContent
        title="Add application"
        description="Add an application your organization manages. You choose its owners, provisioners, instructions and policies next, on its settings."
        dismissible={!pending}
      >
        <form onSubmit={submit} noValidate className="space-y-4">
          <AppDetailsFields
            values={{ name, description, iconUrl }}
            onChange={{ name: setName, description: setDescription, iconUrl: setIconUrl }}
            error={error}
            autoFocus
            descriptionRows={2}
          />
          {otherProblem ? <ErrorAlert>{error.message}</ErrorAlert> : null}
          <DialogActions pending={pending} label="Add application" pendingLabel="Adding…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
