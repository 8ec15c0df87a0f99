import type { PolicyWithSteps } from "@lantern/db";
import {
  assertAllowed,
  canManageApp,
  canViewApp,
  describePolicy,
  DomainError,
  entitlementGrantsScope,
  type EntitlementGrantsScope,
  snapshotPolicy,
} from "@lantern/domain";

import type { PersonRef } from "./apps.ts";
import { entitlementGrantFacts } from "./grants/facts.ts";
import { entitlementFieldsSelect } from "./shared/apps.ts";
import { effectivePolicy } from "./requests/index.ts";
import type { ReadContext } from "./shared/context.ts";

/** The policy a request of one kind runs under, and where it comes from. */
export interface EffectivePolicyView {
  id: string;
  name: string;
  /** What it does, in words ("The manager approves, then it is deprovisioned."). */
  summary: string;
  /** Set on the entitlement itself, or inherited from the app's or the organization's default. */
  source: "ENTITLEMENT" | "APP" | "ORGANIZATION";
}

/** The policy an entitlement falls back to: the app's default, else the organization's. */
export interface InheritedPolicy {
  id: string;
  name: string;
  source: "APP" | "ORGANIZATION";
}

export function inheritedPolicy(
  app: { id: string; name: string } | null,
  organization: { id: string; name: string } | null,
): InheritedPolicy | null {
  if (app) return { ...app, source: "APP" };
  if (organization) return { ...organization, source: "ORGANIZATION" };
  return null;
}

export interface EntitlementDetails {
  id: string;
  slug: string;
  displayName: string;
  description: string;
  provisioningStrategy: "MANUAL" | "CONNECTOR";
  deprovisioningStrategy: "MANUAL" | "CONNECTOR";
  app: {
    id: string;
    name: string;
    iconUrl: string | null;
    status: "MANAGED" | "DISCOVERED" | "IGNORED";
  };
  owners: PersonRef[];
  /** Null when no policy is set anywhere (the request is then refused). */
  policies: { request: EffectivePolicyView | null; revocation: EffectivePolicyView | null };
  /**
   * For the Settings tab: the policies chosen on the entitlement itself (null: inherit), and
   * what it inherits when none is chosen (null: no default on the app or the organization).
   */
  settings: {
    requestPolicyId: string | null;
    revocationPolicyId: string | null;
    inherited: { request: InheritedPolicy | null; revocation: InheritedPolicy | null };
  };
  /** Accounts holding it now (all of them, whoever the viewer). */
  liveGrantCount: number;
  /** The viewer may change the app and its entitlements (canManageApp). */
  viewerCanManage: boolean;
  /**
   * Which holders the viewer's Grants tab lists (entitlementGrantsScope): ALL, or only the
   * accounts the viewer and their direct reports own (OWN_AND_REPORTS).
   */
  viewerGrantsScope: EntitlementGrantsScope;
}

export const personSelect = { id: true, displayName: true, email: true } as const;
export const policyRefSelect = { id: true, name: true } as const;

/** The entitlement with what the revoke rule and the policy fallback need. */
export async function loadEntitlement(ctx: ReadContext, entitlementId: string) {
  const entitlement = await ctx.db.entitlement.findFirst({
    where: { id: entitlementId, organizationId: ctx.actor.organizationId },
    select: {
      ...entitlementFieldsSelect,
      requestPolicyId: true,
      revocationPolicyId: true,
      owners: {
        orderBy: { user: { displayName: "asc" } },
        select: { user: { select: personSelect } },
      },
      app: {
        select: {
          id: true,
          organizationId: true,
          name: true,
          iconUrl: true,
          status: true,
          defaultRequestPolicyId: true,
          defaultRevocationPolicyId: true,
          defaultRequestPolicy: { select: policyRefSelect },
          defaultRevocationPolicy: { select: policyRefSelect },
          organization: {
            select: {
              defaultRequestPolicyId: true,
              defaultRevocationPolicyId: true,
              defaultRequestPolicy: { select: policyRefSelect },
              defaultRevocationPolicy: { select: policyRefSelect },
            },
          },
          members: { where: { role: "OWNER" }, select: { userId: true } },
        },
      },
    },
  });
  if (!entitlement) {
    throw new DomainError(
      "NOT_FOUND",
      "This entitlement does not exist, or it belongs to another organization.",
    );
  }
  assertAllowed(canViewApp(ctx.actor, entitlement.app), "NOT_FOUND");
  return entitlement;
}

function policyView(
  policy: PolicyWithSteps | null,
  kind: "GRANT" | "REVOKE",
  own: string | null,
  appDefault: string | null,
): EffectivePolicyView | null {
  if (!policy) return null;
  return {
    id: policy.id,
    name: policy.name,
    summary: describePolicy(snapshotPolicy(policy), kind),
    source: own ? "ENTITLEMENT" : appDefault ? "APP" : "ORGANIZATION",
  };
}

/** One entitlement with its app, owners and effective policies (every member sees apps). */
export async function getEntitlement(
  ctx: ReadContext,
  entitlementId: string,
): Promise<EntitlementDetails> {
  const entitlement = await loadEntitlement(ctx, entitlementId);
  const { app } = entitlement;
  const [requestPolicy, revocationPolicy, liveGrantCount] = await Promise.all([
    effectivePolicy(ctx.db, entitlement, "GRANT"),
    effectivePolicy(ctx.db, entitlement, "REVOKE"),
    ctx.db.grant.count({ where: { entitlementId: entitlement.id, revokedAt: null } }),
  ]);
  return {
    id: entitlement.id,
    slug: entitlement.slug,
    displayName: entitlement.displayName,
    description: entitlement.description,
    provisioningStrategy: entitlement.provisioningStrategy,
    deprovisioningStrategy: entitlement.deprovisioningStrategy,
    app: { id: app.id, name: app.name, iconUrl: app.iconUrl, status: app.status },
    owners: entitlement.owners.map((o) => o.user),
    policies: {
      request: policyView(
        requestPolicy,
        "GRANT",
        entitlement.requestPolicyId,
        app.defaultRequestPolicyId,
      ),
      revocation: policyView(
        revocationPolicy,
        "REVOKE",
        entitlement.revocationPolicyId,
        app.defaultRevocationPolicyId,
      ),
    },
    settings: {
      requestPolicyId: entitlement.requestPolicyId,
      revocationPolicyId: entitlement.revocationPolicyId,
      inherited: {
        request: inheritedPolicy(app.defaultRequestPolicy, app.organization.defaultRequestPolicy),
        revocation: inheritedPolicy(
          app.defaultRevocationPolicy,
          app.organization.defaultRevocationPolicy,
        ),
      },
    },
    liveGrantCount,
    viewerCanManage: canManageApp(ctx.actor, {
      organizationId: app.organizationId,
      ownerIds: app.members.map((m) => m.userId),
    }).allowed,
    viewerGrantsScope: entitlementGrantsScope(
      ctx.actor,
      entitlementGrantFacts(ctx.actor, entitlement),
    ),
  };
}
