"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";
import { slugFromName } from "@lantern/domain";
import { PolicySelect } from "~/components/policies/policy-select";
import { apiError, fieldError, type ApiError } from "~/trpc/errors";
import { primaryButton } from "~/components/ui/button";
import { Dialog, DialogContent, DialogActions } from "~/components/ui/dialog";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Textarea } from "~/components/ui/textarea";
import { toast } from "~/components/ui/toast";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import { inheritedFor, type AppInheritedPolicies } from "./policy-inherit.ts";
import { StrategyField, type Strategy } from "./strategy-field.tsx";
import { TextField } from "~/components/ui/text-field";
import { useRefreshQueries } from "~/trpc/refresh";

/**
 * Add entitlement (app owners and super admins): an app created in Lantern has no entitlement
 * until a connector or an import brings them, or someone adds one here. Strategies start
 * Manual, policies start inherited; owners are set on the entitlement's Settings tab.
 */
export function AddEntitlementButton({
  app,
  inherited,
}: {
  app: { id: string; name: string };
  inherited: AppInheritedPolicies;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={primaryButton} onClick={() => setOpen(true)}>
        <Plus className="size-4" aria-hidden />
        Add entitlement
      </button>
      {open ? (
        <AddEntitlementDialog app={app} inherited={inherited} onOpenChange={setOpen} />
      ) : null}
    </>
  );
}

function AddEntitlementDialog({
  app,
  inherited,
  onOpenChange,
}: {
  app: { id: string; name: string };
  inherited: AppInheritedPolicies;
  onOpenChange: (open: boolean) => void;
}) {
  const router = useRouter();
  const client = useTRPCClient();
  const trpc = useTRPC();
  const refresh = useRefreshQueries();
  const [displayName, setDisplayName] = useState("");
  const [slug, setSlug] = useState("");
  const [description, setDescription] = useState("");
  const [provisioning, setProvisioning] = useState<Strategy>("MANUAL");
  const [deprovisioning, setDeprovisioning] = useState<Strategy>("MANUAL");
  const [requestPolicyId, setRequestPolicyId] = useState<string | null>(null);
  const [revocationPolicyId, setRevocationPolicyId] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);

  const autoSlug = slugFromName(displayName);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setProblem(null);
    setPending(true);
    try {
      const created = await client.entitlements.create.mutate({
        appId: app.id,
        displayName,
        slug: slug.trim() || undefined,
        description,
        provisioningStrategy: provisioning,
        deprovisioningStrategy: deprovisioning,
        requestPolicyId,
        revocationPolicyId,
      });
      toast.success(`Added ${created.displayName} to ${app.name}`, {
        description: `Slug: ${created.slug}`,
      });
      // It can be requested at once: the request form's list must have it.
      await refresh([trpc.entitlements.pathKey(), trpc.requests.pathKey()]);
      onOpenChange(false);
      router.push(`/apps/${app.id}/entitlements/${created.id}`);
    } catch (error) {
      setProblem(apiError(error));
    } finally {
      setPending(false);
    }
  };

  // A taken slug (CONFLICT) belongs to the slug field.
  const slugProblem =
    fieldError(problem, "slug") ?? (problem?.code === "CONFLICT" ? problem.message : undefined);
  const general = problem && !problem.fieldErrors && !slugProblem ? problem.message : null;
  return (
    <Dialog open onOpenChange={(next) => !pending && onOpenChange(next)}>
      <DialogContent
        title="Add entitlement"
        description={`A role, group, license or permission people can request in ${app.name}.`}
        dismissible={!pending}
        size="lg"
      >
        <form onSubmit={submit} noValidate>
          <div className="space-y-4">
            <TextField
              label="Display name"
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
              maxLength={120}
              required
              autoFocus
              error={fieldError(problem, "displayName")}
            />
            <TextField
              label="Slug"
              optional
              value={slug}
              onChange={(e) => setSlug(e.target.value)}
              maxLength={100}
              placeholder={autoSlug || "e.g. repo-write"}
              hint={
                autoSlug && !slug.trim()
                  ? `Left empty, it will be “${autoSlug}”. Lower-case letters, digits, “-”, “_” and “.”; unique in ${app.name}.`
                  : `Lower-case letters, digits, “-”, “_” and “.”; unique in ${app.name}.`
              }
              error={slugProblem}
            />
            <Textarea
              label="Description"
              optional
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              maxLength={2000}
              rows={2}
              error={fieldError(problem, "description")}
            />
            <StrategyField
              legend="Provisioning strategy"
              value={provisioning}
              onChange={setProvisioning}
            />
            <StrategyField
              legend="Deprovisioning strategy"
              value={deprovisioning}
              onChange={setDeprovisioning}
            />
            <PolicySelect
              label="Request policy"
              kind="GRANT"
              value={requestPolicyId}
              onChange={setRequestPolicyId}
              inherited={inheritedFor(inherited.request)}
              error={fieldError(problem, "requestPolicyId")}
            />
            <PolicySelect
              label="Revocation policy"
              kind="REVOKE"
              value={revocationPolicyId}
              onChange={setRevocationPolicyId}
              inherited={inheritedFor(inherited.revocation)}
              error={fieldError(problem, "revocationPolicyId")}
            />
            {general ? <ErrorAlert>{general}</ErrorAlert> : null}
          </div>
          <DialogActions pending={pending} label="Add entitlement" pendingLabel="Adding…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
