import { policyInclude } from "@lantern/db";
import {
  describePolicy,
  resolveWorkers,
  type Actor,
  snapshotPolicy,
  type WhoDoesIt,
} from "@lantern/domain";
import type { TRequestableInput } from "../../schemas/requests.ts";
import { type Tx } from "../shared/records.ts";
import { escapeLike } from "../search.ts";
import { personFactSelect, toFact } from "../workflow/engine.ts";
import type { Context } from "../../context.ts";

// What can be requested, and who would provision it (the request form).

export interface RequestableEntitlement {
  id: string;
  slug: string;
  displayName: string;
  description: string;
  app: { id: string; name: string; iconUrl: string | null };
  /** The viewer holds it already (on an account they own). */
  held: boolean;
  /** The viewer has a request for it running. */
  pending: boolean;
  policyName: string | null;
  policySummary: string | null;
  /**
   * Who provisions it once approved, by the rules a request's task would follow: the app's
   * provisioners (else its owners, else the super admins), by name, or the app's connector.
   */
  provisionedBy: WhoDoesIt;
}

/**
 * The entitlements of managed apps the viewer may request, with whether they hold or
 * already asked for each, and what the policy will do. At most 200 per call: narrow
 * with `appId` or `search`.
 */
export async function listRequestable(
  ctx: Pick<Context, "db"> & { actor: Actor },
  input: TRequestableInput,
): Promise<RequestableEntitlement[]> {
  const actor = ctx.actor;
  const entitlements = await ctx.db.entitlement.findMany({
    where: {
      organizationId: actor.organizationId,
      app: { status: "MANAGED" },
      ...(input.appId ? { appId: input.appId } : {}),
      ...(input.search
        ? {
            OR: [
              { displayName: { contains: escapeLike(input.search), mode: "insensitive" } },
              { slug: { contains: escapeLike(input.search), mode: "insensitive" } },
              { app: { name: { contains: escapeLike(input.search), mode: "insensitive" } } },
            ],
          }
        : {}),
    },
    orderBy: [{ app: { name: "asc" } }, { displayName: "asc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      slug: true,
      displayName: true,
      description: true,
      requestPolicyId: true,
      revocationPolicyId: true,
      provisioningStrategy: true,
      app: {
        select: {
          id: true,
          name: true,
          iconUrl: true,
          defaultRequestPolicyId: true,
          defaultRevocationPolicyId: true,
          organization: {
            select: { defaultRequestPolicyId: true, defaultRevocationPolicyId: true },
          },
        },
      },
    },
  });
  const ids = entitlements.map((e) => e.id);
  const [held, pending] = await Promise.all([
    ctx.db.grant.findMany({
      where: { entitlementId: { in: ids }, revokedAt: null, account: { ownerId: actor.id } },
      select: { entitlementId: true },
    }),
    ctx.db.request.findMany({
      where: {
        entitlementId: { in: ids },
        kind: "GRANT",
        state: { in: ["PENDING_APPROVAL", "APPROVED", "PROVISIONING"] },
        OR: [
          { requesterId: actor.id },
          { targetUserId: actor.id },
          { account: { ownerId: actor.id } },
        ],
      },
      select: { entitlementId: true },
    }),
  ]);
  const heldIds = new Set(held.map((g) => g.entitlementId));
  const pendingIds = new Set(pending.map((r) => r.entitlementId));
  const policyIds = [
    ...new Set(
      entitlements.flatMap((e) => {
        const id =
          e.requestPolicyId ??
          e.app.defaultRequestPolicyId ??
          e.app.organization.defaultRequestPolicyId;
        return id ? [id] : [];
      }),
    ),
  ];
  const policies = new Map(
    (
      await ctx.db.policy.findMany({ where: { id: { in: policyIds } }, include: policyInclude })
    ).map((p) => [p.id, p]),
  );
  const provisioners = await provisionersOf(
    ctx.db,
    actor.organizationId,
    entitlements.filter((e) => e.provisioningStrategy === "MANUAL").map((e) => e.app.id),
  );
  return entitlements.map((e) => {
    const policyId =
      e.requestPolicyId ??
      e.app.defaultRequestPolicyId ??
      e.app.organization.defaultRequestPolicyId;
    const policy = policyId ? policies.get(policyId) : undefined;
    return {
      id: e.id,
      slug: e.slug,
      displayName: e.displayName,
      description: e.description,
      app: { id: e.app.id, name: e.app.name, iconUrl: e.app.iconUrl },
      held: heldIds.has(e.id),
      pending: pendingIds.has(e.id),
      policyName: policy?.name ?? null,
      policySummary: policy ? describePolicy(snapshotPolicy(policy), "GRANT") : null,
      provisionedBy:
        e.provisioningStrategy === "CONNECTOR"
          ? { kind: "connector" }
          : { kind: "people", people: provisioners.get(e.app.id) ?? [] },
    };
  });
}

/**
 * Who would get a provisioning task in each of these apps today (resolveWorkers, the rule the
 * workflow engine assigns by), by name in alphabetical order. Two statements whatever the
 * number of apps.
 */
async function provisionersOf(
  db: Tx,
  organizationId: string,
  appIds: string[],
): Promise<Map<string, Array<{ id: string; displayName: string }>>> {
  const found = new Map<string, Array<{ id: string; displayName: string }>>();
  const apps = [...new Set(appIds)];
  if (apps.length === 0) return found;
  const [members, superAdmins] = await Promise.all([
    db.appMember.findMany({
      where: { appId: { in: apps }, role: { in: ["OWNER", "PROVISIONER"] } },
      select: { appId: true, role: true, user: { select: personFactSelect } },
      orderBy: { createdAt: "asc" },
    }),
    db.user.findMany({
      where: { organizationId, role: "SUPER_ADMIN", status: "ACTIVE" },
      select: personFactSelect,
      orderBy: { displayName: "asc" },
    }),
  ]);
  for (const appId of apps) {
    const mine = members.filter((m) => m.appId === appId);
    const people = new Map(mine.map((m) => [m.user.id, m.user]));
    for (const admin of superAdmins) people.set(admin.id, admin);
    const { userIds } = resolveWorkers("GRANT", {
      appWorkers: mine.filter((m) => m.role === "PROVISIONER").map((m) => toFact(m.user)),
      appOwners: mine.filter((m) => m.role === "OWNER").map((m) => toFact(m.user)),
      superAdmins: superAdmins.map(toFact),
    });
    found.set(
      appId,
      userIds
        .map((id) => ({ id, displayName: people.get(id)!.displayName }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id)),
    );
  }
  return found;
}
