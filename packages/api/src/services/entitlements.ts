import { Prisma, type PolicyWithSteps } from "@lantern/db";
import {
  assertAllowed,
  canManageApp,
  canViewApp,
  decodeCursor,
  describePolicy,
  DomainError,
  entitlementGrantsScope,
  toPage,
  type Actor,
  type EntitlementGrantsScope,
  type Page,
  snapshotPolicy,
} from "@lantern/domain";

import type { TEntitlementGrantsInput } from "../schemas/entitlements.ts";
import type { PersonRef } from "./apps.ts";
import {
  accountLabel,
  pendingView,
  revokeAbility,
  type PendingRevocationView,
  type RevokeAbility,
} from "./grant-rows.ts";
import { effectivePolicy } from "./requests/index.ts";
import { pendingRevocations } from "./revocations.ts";
import { accountSearchSql } from "./search.ts";
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

const personSelect = { id: true, displayName: true, email: true } as const;
export const policyRefSelect = { id: true, name: true } as const;

/** The entitlement with what the revoke rule and the policy fallback need. */
async function loadEntitlement(ctx: ReadContext, entitlementId: string) {
  const entitlement = await ctx.db.entitlement.findFirst({
    where: { id: entitlementId, organizationId: ctx.actor.organizationId },
    select: {
      id: true,
      slug: true,
      displayName: true,
      description: true,
      provisioningStrategy: true,
      deprovisioningStrategy: true,
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
    viewerGrantsScope: entitlementGrantsScope(ctx.actor, grantFacts(ctx.actor, entitlement)),
  };
}

/** The people around the entitlement's grants, as the visibility and revoke rules need them. */
function grantFacts(actor: Actor, entitlement: Awaited<ReturnType<typeof loadEntitlement>>) {
  return {
    organizationId: actor.organizationId,
    appName: entitlement.app.name,
    entitlementName: entitlement.displayName,
    appOwnerIds: entitlement.app.members.map((m) => m.userId),
    entitlementOwnerIds: entitlement.owners.map((o) => o.user.id),
  };
}

// ─────────────────────────────── Grants tab ───────────────────────────────

export interface EntitlementGrantRow extends RevokeAbility {
  grantId: string;
  source: "INGESTED" | "REQUEST" | "MANUAL";
  grantedAt: Date;
  expiresAt: Date | null;
  account: {
    id: string;
    /** Login, else primary email, name or external id. */
    label: string;
    login: string | null;
    displayName: string | null;
    primaryEmail: string | null;
    status: "ACTIVE" | "DISABLED" | "DELETED";
    type: "USER" | "SERVICE" | "SYSTEM";
  };
  owner: {
    id: string;
    displayName: string;
    email: string;
    status: "ACTIVE" | "SUSPENDED" | "DEPROVISIONED";
  } | null;
  ownerSource: "MATCHED" | "MANUAL" | "CLEARED";
  pending: PendingRevocationView | null;
}

/**
 * The accounts holding an entitlement (its live grants), newest grant first, keyset-paginated
 * on the grant id: the (entitlementId, revokedAt, id) index answers every page at 10M grants.
 * Only the grants the viewer may see (entitlementGrantsScope, SPEC §8): everyone's for super
 * admins and the app's and entitlement's owners; otherwise those of accounts the viewer or a
 * direct report of theirs owns, filtered in the same statement. Optional search by account
 * login, email address or name. Each row says whether a revocation is in flight and whether
 * the viewer may revoke it (canRevokeGrant), from facts loaded once for the page.
 */
export async function listEntitlementGrants(
  ctx: ReadContext,
  input: TEntitlementGrantsInput,
): Promise<Page<EntitlementGrantRow>> {
  const entitlement = await loadEntitlement(ctx, input.entitlementId);
  const orgId = ctx.actor.organizationId;
  const facts = grantFacts(ctx.actor, entitlement);
  const scope = entitlementGrantsScope(ctx.actor, facts);
  if (scope === "NONE") return { items: [], nextCursor: null };
  const after = input.cursor ? decodeCursor(input.cursor, "id") : null;
  const search = input.search?.trim();
  const actorId = ctx.actor.id;

  const ids = await ctx.db.$queryRaw<Array<{ id: string }>>`
    SELECT g.id
      FROM "Grant" g
     WHERE g."entitlementId" = ${entitlement.id}::uuid
       AND g."revokedAt" IS NULL
       AND g."organizationId" = ${orgId}::uuid
       ${after ? Prisma.sql`AND g.id < ${after.id}::uuid` : Prisma.empty}
       ${
         scope === "OWN_AND_REPORTS"
           ? // Two index lookups (the viewer's accounts, their reports' accounts), never a
             // walk over the entitlement's holders.
             Prisma.sql`AND g."accountId" IN (
               SELECT a.id FROM "Account" a
                WHERE a."organizationId" = ${orgId}::uuid AND a."ownerId" = ${actorId}::uuid
               UNION ALL
               SELECT a.id FROM "User" u
                 JOIN "Account" a ON a."organizationId" = ${orgId}::uuid AND a."ownerId" = u.id
                WHERE u."managerId" = ${actorId}::uuid AND u."organizationId" = ${orgId}::uuid)`
           : Prisma.empty
       }
       ${
         search
           ? Prisma.sql`AND EXISTS (
               SELECT 1 FROM "Account" a
                WHERE a.id = g."accountId" AND ${accountSearchSql(search)})`
           : Prisma.empty
       }
     ORDER BY g.id DESC
     LIMIT ${input.limit + 1}`;
  const page = toPage(ids, input.limit, (g) => ({ key: g.id, id: g.id }));
  const pageIds = page.items.map((g) => g.id);

  const [grants, pending] = await Promise.all([
    ctx.db.grant.findMany({
      where: { id: { in: pageIds }, organizationId: orgId },
      select: {
        id: true,
        source: true,
        grantedAt: true,
        expiresAt: true,
        account: {
          select: {
            id: true,
            externalId: true,
            login: true,
            displayName: true,
            emails: true,
            status: true,
            type: true,
            ownerSource: true,
            owner: {
              select: { ...personSelect, status: true, managerId: true },
            },
          },
        },
      },
    }),
    pendingRevocations(ctx.db, orgId, pageIds),
  ]);
  const byId = new Map(grants.map((g) => [g.id, g]));

  return {
    nextCursor: page.nextCursor,
    items: pageIds.flatMap((id) => {
      const grant = byId.get(id);
      if (!grant) return [];
      const { account } = grant;
      const owner = account.owner;
      return [
        {
          grantId: grant.id,
          source: grant.source,
          grantedAt: grant.grantedAt,
          expiresAt: grant.expiresAt,
          account: {
            id: account.id,
            label: accountLabel(account),
            login: account.login,
            displayName: account.displayName,
            primaryEmail: account.emails[0] ?? null,
            status: account.status,
            type: account.type,
          },
          owner: owner
            ? {
                id: owner.id,
                displayName: owner.displayName,
                email: owner.email,
                status: owner.status,
              }
            : null,
          ownerSource: account.ownerSource,
          pending: pendingView(pending.get(grant.id), ctx.actor, facts.appOwnerIds),
          ...revokeAbility(ctx.actor, { ...facts, accountOwner: owner }),
        },
      ];
    }),
  };
}
