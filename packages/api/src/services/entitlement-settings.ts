import { Prisma, type Strategy } from "@lantern/db";
import {
  assertAllowed,
  canViewAppSettings,
  DomainError,
  fieldChanges,
  slugFromName,
  type Actor,
} from "@lantern/domain";
import type {
  TBulkUpdateEntitlementsInput,
  TCreateEntitlementInput,
  TUpdateEntitlementInput,
} from "../schemas/entitlements.ts";
import { inheritedPolicy, policyRefSelect, type InheritedPolicy } from "./entitlements.ts";
import {
  entitlementFieldsSelect,
  findApp,
  loadManagedApp,
  managedAppFacts,
} from "./shared/apps.ts";
import { lockRow, recordEvents, transaction, type EventRecord, type Tx } from "./shared/records.ts";
import type { ServiceContext } from "./shared/context.ts";

// Entitlement settings (SPEC §1, §8): add an entitlement to an app, change its name,
// description, owners, strategies and policy overrides, or set a strategy or policy on many at
// once. Super admins and the app's owners (canManageApp). Every policy and owner named is
// checked to belong to the organization; each change is one transaction with one Event per
// entitlement that changed, holding only the changed fields. Asking for what is already so
// writes nothing.

const ENTITLEMENT_NOT_FOUND =
  "This entitlement does not exist, or it belongs to another organization.";

const USER_STATUS_WORD = { SUSPENDED: "suspended", DEPROVISIONED: "deprovisioned" } as const;

/** The settings an Event records, owners as a sorted id list. */
interface SettingsSnapshot extends Record<string, unknown> {
  slug: string;
  displayName: string;
  description: string;
  provisioningStrategy: Strategy;
  deprovisioningStrategy: Strategy;
  requestPolicyId: string | null;
  revocationPolicyId: string | null;
  ownerIds: string[];
}

const settingsSelect = {
  ...entitlementFieldsSelect,
  appId: true,
  requestPolicyId: true,
  revocationPolicyId: true,
  owners: { select: { userId: true } },
} as const;

type LoadedSettings = Prisma.EntitlementGetPayload<{ select: typeof settingsSelect }>;

function snapshot(e: LoadedSettings): SettingsSnapshot {
  return {
    slug: e.slug,
    displayName: e.displayName,
    description: e.description,
    provisioningStrategy: e.provisioningStrategy,
    deprovisioningStrategy: e.deprovisioningStrategy,
    requestPolicyId: e.requestPolicyId,
    revocationPolicyId: e.revocationPolicyId,
    ownerIds: e.owners.map((o) => o.userId).sort(),
  };
}

/** Policies named by the input must be policies of the organization. */
async function checkPolicies(
  tx: Tx,
  actor: Actor,
  choices: { requestPolicyId?: string | null; revocationPolicyId?: string | null },
) {
  const wanted = [choices.requestPolicyId, choices.revocationPolicyId].filter(
    (id): id is string => typeof id === "string",
  );
  if (wanted.length === 0) return;
  const found = await tx.policy.findMany({
    where: { id: { in: wanted }, organizationId: actor.organizationId },
    select: { id: true },
  });
  const known = new Set(found.map((p) => p.id));
  for (const [field, word] of [
    ["requestPolicyId", "request"],
    ["revocationPolicyId", "revocation"],
  ] as const) {
    const id = choices[field];
    if (typeof id === "string" && !known.has(id)) {
      throw new DomainError(
        "BAD_REQUEST",
        `The chosen ${word} policy does not exist in your organization (it may have just been deleted). Choose another one.`,
      );
    }
  }
}

/** Owners must be active people of the organization. */
async function checkOwners(tx: Tx, actor: Actor, ownerIds: readonly string[]) {
  if (ownerIds.length === 0) return;
  const people = await tx.user.findMany({
    where: { id: { in: [...ownerIds] }, organizationId: actor.organizationId },
    select: { id: true, displayName: true, status: true },
    orderBy: { displayName: "asc" },
  });
  if (people.length < ownerIds.length) {
    throw new DomainError(
      "BAD_REQUEST",
      "One of the chosen owners is not a person of your organization. Choose owners again.",
    );
  }
  const inactive = people.find((p) => p.status !== "ACTIVE");
  if (inactive && inactive.status !== "ACTIVE") {
    throw new DomainError(
      "BAD_REQUEST",
      `${inactive.displayName} is ${USER_STATUS_WORD[inactive.status]}: choose active people as owners.`,
    );
  }
}

function slugTaken(slug: string, appName: string): DomainError {
  return new DomainError(
    "CONFLICT",
    `${appName} already has an entitlement with the slug “${slug}”. Choose another slug.`,
  );
}

/**
 * What a new entitlement of the app inherits when no policy is chosen (the Add entitlement
 * dialog): the app's defaults, else the organization's. For whoever sees the app's settings
 * (canViewAppSettings).
 */
export async function inheritedPoliciesOfApp(
  ctx: ServiceContext,
  appId: string,
): Promise<{ request: InheritedPolicy | null; revocation: InheritedPolicy | null }> {
  const owned = await findApp(ctx.db, ctx.actor, appId);
  assertAllowed(canViewAppSettings(ctx.actor, managedAppFacts(owned)));
  const app = await ctx.db.app.findUniqueOrThrow({
    where: { id: appId },
    select: {
      defaultRequestPolicy: { select: policyRefSelect },
      defaultRevocationPolicy: { select: policyRefSelect },
      organization: {
        select: {
          defaultRequestPolicy: { select: policyRefSelect },
          defaultRevocationPolicy: { select: policyRefSelect },
        },
      },
    },
  });
  return {
    request: inheritedPolicy(app.defaultRequestPolicy, app.organization.defaultRequestPolicy),
    revocation: inheritedPolicy(
      app.defaultRevocationPolicy,
      app.organization.defaultRevocationPolicy,
    ),
  };
}

/** What create answers. */
export interface CreatedEntitlement {
  id: string;
  appId: string;
  slug: string;
  displayName: string;
}

/**
 * Add an entitlement to an app by hand (an app created in Lantern has none until a connector or
 * an import brings them). The slug is made from the name when none is given; it is unique per
 * app (CONFLICT otherwise).
 */
export async function createEntitlement(
  ctx: ServiceContext,
  input: TCreateEntitlementInput,
): Promise<CreatedEntitlement> {
  const slug = input.slug || slugFromName(input.displayName);
  if (!slug) {
    throw new DomainError(
      "BAD_REQUEST",
      "A slug cannot be made from this name: give one (lower-case letters, digits, “-”, “_” and “.”).",
    );
  }
  try {
    return await transaction(ctx, async (tx) => {
      const app = await loadManagedApp(tx, ctx.actor, input.appId);
      const taken = await tx.entitlement.findUnique({
        where: { appId_slug: { appId: app.id, slug } },
        select: { id: true },
      });
      if (taken) throw slugTaken(slug, app.name);
      await checkPolicies(tx, ctx.actor, input);
      await checkOwners(tx, ctx.actor, input.ownerIds);

      const at = ctx.now();
      const created = await tx.entitlement.create({
        data: {
          organizationId: ctx.actor.organizationId,
          appId: app.id,
          slug,
          displayName: input.displayName,
          description: input.description,
          provisioningStrategy: input.provisioningStrategy,
          deprovisioningStrategy: input.deprovisioningStrategy,
          requestPolicyId: input.requestPolicyId,
          revocationPolicyId: input.revocationPolicyId,
          owners: { createMany: { data: input.ownerIds.map((userId) => ({ userId })) } },
        },
        select: settingsSelect,
      });
      await recordEvents(tx, [
        {
          organizationId: ctx.actor.organizationId,
          actorId: ctx.actor.id,
          action: "entitlement.created",
          targetType: "Entitlement",
          targetId: created.id,
          before: null,
          after: { appId: app.id, ...snapshot(created) },
          at,
        },
      ]);
      return { id: created.id, appId: app.id, slug, displayName: created.displayName };
    });
  } catch (error) {
    // Two people adding the same slug at once: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const app = await ctx.db.app.findFirst({
        where: { id: input.appId, organizationId: ctx.actor.organizationId },
        select: { name: true },
      });
      throw slugTaken(slug, app?.name ?? "This app");
    }
    throw error;
  }
}

/**
 * Locks the entitlement (of the actor's organization), so two people saving at once apply one
 * after the other, and checks the actor manages its app.
 */
async function lockEntitlement(tx: Tx, actor: Actor, entitlementId: string) {
  await lockRow(tx, "Entitlement", entitlementId, actor.organizationId, ENTITLEMENT_NOT_FOUND);
  const entitlement = await tx.entitlement.findUniqueOrThrow({
    where: { id: entitlementId },
    select: settingsSelect,
  });
  await loadManagedApp(tx, actor, entitlement.appId);
  return entitlement;
}

/** What update answers: whether anything changed, and which fields. */
export interface EntitlementUpdate {
  changed: boolean;
  fields: string[];
}

/** Change an entitlement's settings: only the fields given; the same values change nothing. */
export async function updateEntitlement(
  ctx: ServiceContext,
  input: TUpdateEntitlementInput,
): Promise<EntitlementUpdate> {
  return transaction(ctx, async (tx) => {
    const entitlement = await lockEntitlement(tx, ctx.actor, input.id);
    const { id, ownerIds, ...fields } = input;
    const before = snapshot(entitlement);
    const changes = fieldChanges(before, {
      ...fields,
      ownerIds: ownerIds ? [...ownerIds].sort() : undefined,
    });
    if (!changes) return { changed: false, fields: [] };
    await checkPolicies(tx, ctx.actor, fields);
    const nextOwners = changes.after.ownerIds === undefined ? null : [...(ownerIds ?? [])].sort();
    if (nextOwners) await checkOwners(tx, ctx.actor, nextOwners);

    if (Object.keys(changes.after).some((field) => field !== "ownerIds")) {
      await tx.entitlement.update({ where: { id }, data: fields });
    }
    if (nextOwners) {
      await tx.entitlementOwner.deleteMany({
        where: { entitlementId: id, userId: { notIn: nextOwners } },
      });
      await tx.entitlementOwner.createMany({
        data: nextOwners.map((userId) => ({ entitlementId: id, userId })),
        skipDuplicates: true,
      });
    }
    await recordEvents(tx, [
      {
        organizationId: ctx.actor.organizationId,
        actorId: ctx.actor.id,
        action: "entitlement.updated",
        targetType: "Entitlement",
        targetId: id,
        before: changes.before,
        after: changes.after,
        at: ctx.now(),
      },
    ]);
    return { changed: true, fields: Object.keys(changes.after) };
  });
}

/** What a bulk change answers: how many entitlements changed, and how many already were so. */
export interface BulkEntitlementUpdate {
  changed: number;
  unchanged: number;
}

/**
 * Set a strategy or a policy (or inherit) on many entitlements of one app at once. Every id must
 * be an entitlement of that app, else nothing changes (NOT_FOUND says how many were not found).
 * One update statement for those that change, and one Event each.
 */
export async function bulkUpdateEntitlements(
  ctx: ServiceContext,
  input: TBulkUpdateEntitlementsInput,
): Promise<BulkEntitlementUpdate> {
  return transaction(ctx, async (tx) => {
    const app = await loadManagedApp(tx, ctx.actor, input.appId);
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Entitlement"
       WHERE "id" IN (${Prisma.join(input.entitlementIds.map((id) => Prisma.sql`${id}::uuid`))})
         AND "appId" = ${app.id}::uuid
         AND "organizationId" = ${ctx.actor.organizationId}::uuid
       ORDER BY "id"
         FOR UPDATE`;
    const missing = input.entitlementIds.length - locked.length;
    if (missing > 0) {
      throw new DomainError(
        "NOT_FOUND",
        missing === 1
          ? `1 of the chosen entitlements was not found in ${app.name}: nothing was changed. Reload the page and try again.`
          : `${missing} of the chosen entitlements were not found in ${app.name}: nothing was changed. Reload the page and try again.`,
      );
    }
    await checkPolicies(tx, ctx.actor, input.set);

    const entitlements = await tx.entitlement.findMany({
      where: { id: { in: input.entitlementIds } },
      select: settingsSelect,
      orderBy: { id: "asc" },
    });
    const at = ctx.now();
    const events: EventRecord[] = [];
    for (const e of entitlements) {
      const changes = fieldChanges(snapshot(e), input.set);
      if (!changes) continue;
      events.push({
        organizationId: ctx.actor.organizationId,
        actorId: ctx.actor.id,
        action: "entitlement.updated",
        targetType: "Entitlement",
        targetId: e.id,
        before: changes.before,
        after: changes.after,
        at,
      });
    }
    if (events.length > 0) {
      await tx.entitlement.updateMany({
        where: { id: { in: events.map((e) => e.targetId) } },
        data: input.set,
      });
      await recordEvents(tx, events);
    }
    return { changed: events.length, unchanged: entitlements.length - events.length };
  });
}
