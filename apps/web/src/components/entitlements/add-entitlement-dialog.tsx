"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";
import { slugFromName } from "@lantern/domain";
import { PolicyPair, type PolicyPairValue } from "~/components/policies/policy-pair";
import { apiError, fieldError } from "~/trpc/errors";
import { useSubmit } from "~/lib/use-submit";
import { primaryButton } from "~/components/ui/button";
import { Dialog, DialogContent, DialogActions } from "~/components/ui/dialog";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Textarea } from "~/components/ui/textarea";
import { toast } from "~/components/ui/toast";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import { inheritedPair, type AppInheritedPolicies } from "./policy-inherit.ts";
import { StrategyPair, type Strategies } from "./strategy-field.tsx";
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
  const [strategies, setStrategies] = useState<Strategies>({
    provisioning: "MANUAL",
    deprovisioning: "MANUAL",
  });
  const [policies, setPolicies] = useState<PolicyPairValue>({ request: null, revocation: null });
  const { pending, problem, run } = useSubmit(apiError);

  const autoSlug = slugFromName(displayName);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const created = await client.entitlements.create.mutate({
        appId: app.id,
        displayName,
        slug: slug.trim() || undefined,
        description,
        provisioningStrategy: strategies.provisioning,
        deprovisioningStrategy: strategies.deprovisioning,
        requestPolicyId: policies.request,
        revocationPolicyId: policies.revocation,
      });
      toast.success(`Added ${created.displayName} to ${app.name}`, {
        description: `Slug: ${created.slug}`,
      });
      // It can be requested at once: the request form's list must have it.
      await refresh([trpc.entitlements.pathKey(), trpc.requests.pathKey()]);
      onOpenChange(false);
      router.push(`/apps/${app.id}/entitlements/${created.id}`);
    });
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
            <StrategyPair value={strategies} onChange={setStrategies} />
            <PolicyPair
              value={policies}
              onChange={setPolicies}
              inherited={inheritedPair(inherited)}
              errors={{
                request: fieldError(problem, "requestPolicyId"),
                revocation: fieldError(problem, "revocationPolicyId"),
              }}
            />
            {general ? <ErrorAlert>{general}</ErrorAlert> : null}
          </div>
          <DialogActions pending={pending} label="Add entitlement" pendingLabel="Adding…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
