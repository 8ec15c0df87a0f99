import { policyInclude, type PolicyWithSteps, type Prisma, type UserStatus } from "@lantern/db";
import {
  assertAllowed,
  assertValidPolicyDefinition,
  canManagePolicies,
  canViewPolicies,
  definitionFromSnapshot,
  describePolicy,
  DomainError,
  duplicateName,
  fieldChanges,
  peopleNamedBy,
  policyAuditFields,
  TERMINAL_REQUEST_STATES,
  snapshotPolicy,
  type Actor,
  type ApproverKind,
  type Page,
  type PolicyDefinition,
} from "@lantern/domain";
import { BY_NAME, keyset } from "./shared/keyset.ts";
import type { Context } from "../context.ts";
import type {
  TCreatePolicyInput,
  TListPoliciesInput,
  TPolicyIdInput,
  TUpdatePolicyInput,
} from "../schemas/policies.ts";
import { lockRow, recordEvents, transaction, type Tx } from "./shared/records.ts";
import type { ServiceContext } from "./shared/context.ts";

// Approval policies (issue 6, SPEC §1): super admins and auditors list and read them
// (canViewPolicies); super admins create, edit, duplicate and delete them (canManagePolicies). A request snapshots its policy when it starts, so an edit
// here never changes a running request. Each change is one transaction with its Event
// ("policy.created", "policy.updated", "policy.deleted"; before and after in the readable form
// of policyAuditFields). A policy still in use (organization default, app default, entitlement
// override) cannot be deleted.

type ReadContext = Pick<Context, "db"> & { actor: Actor };

const POLICY_NOT_FOUND = "This policy does not exist, or it belongs to another organization.";
/** How many apps and entitlements byId lists by name; `total` says how many there are. */
const USAGE_LIST_MAX = 50;

export interface PolicyOption {
  id: string;
  name: string;
  /** What a request under it goes through, in words ("The manager … approves, then …"). */
  requestSummary: string;
  revocationSummary: string;
}

/**
 * Every policy of the organization, by name, for the policy pickers of app, entitlement and
 * organization settings. Any member may read them: the request form already shows the policy a
 * request will run under.
 */
export async function listPolicyOptions(ctx: ReadContext): Promise<PolicyOption[]> {
  const policies = await ctx.db.policy.findMany({
    where: { organizationId: ctx.actor.organizationId },
    include: policyInclude,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return policies.map((policy) => {
    const snapshot = snapshotPolicy(policy);
    return {
      id: policy.id,
      name: policy.name,
      requestSummary: describePolicy(snapshot, "GRANT"),
      revocationSummary: describePolicy(snapshot, "REVOKE"),
    };
  });
}

// ─────────────────────────────── Usage ───────────────────────────────

/** Where a policy is used, in counts. */
export interface PolicyUsageCounts {
  /** The organization's default for access requests / for revocations. */
  orgRequestDefault: boolean;
  orgRevocationDefault: boolean;
  /** Apps whose default request or revocation policy it is. */
  apps: number;
  /** Entitlements that override their app's policy with it. */
  entitlements: number;
  /** Requests not yet finished that started under it (they keep their snapshot). */
  runningRequests: number;
}

const usageCount = {
  _count: {
    select: {
      requests: { where: { state: { notIn: [...TERMINAL_REQUEST_STATES] } } },
    },
  },
} satisfies Prisma.PolicyInclude;

/** Usage counts of a set of policies of the actor's organization, in four queries. */
async function usageCounts(
  db: Tx | Context["db"],
  actor: Actor,
  policies: Array<{ id: string; _count: { requests: number } }>,
): Promise<Map<string, PolicyUsageCounts>> {
  const ids = policies.map((p) => p.id);
  const org = await db.organization.findUniqueOrThrow({
    where: { id: actor.organizationId },
    select: { defaultRequestPolicyId: true, defaultRevocationPolicyId: true },
  });
  const apps = await db.app.findMany({
    where: {
      organizationId: actor.organizationId,
      OR: [{ defaultRequestPolicyId: { in: ids } }, { defaultRevocationPolicyId: { in: ids } }],
    },
    select: { defaultRequestPolicyId: true, defaultRevocationPolicyId: true },
  });
  const entitlements = await db.entitlement.findMany({
    where: {
      organizationId: actor.organizationId,
      OR: [{ requestPolicyId: { in: ids } }, { revocationPolicyId: { in: ids } }],
    },
    select: { requestPolicyId: true, revocationPolicyId: true },
  });
  const usingIds = (rows: Array<[string | null, string | null]>, id: string) =>
    rows.filter(([a, b]) => a === id || b === id).length;
  const appPairs = apps.map((a): [string | null, string | null] => [
    a.defaultRequestPolicyId,
    a.defaultRevocationPolicyId,
  ]);
  const entitlementPairs = entitlements.map((e): [string | null, string | null] => [
    e.requestPolicyId,
    e.revocationPolicyId,
  ]);
  return new Map(
    policies.map((p) => [
      p.id,
      {
        orgRequestDefault: org.defaultRequestPolicyId === p.id,
        orgRevocationDefault: org.defaultRevocationPolicyId === p.id,
        apps: usingIds(appPairs, p.id),
        entitlements: usingIds(entitlementPairs, p.id),
        runningRequests: p._count.requests,
      },
    ]),
  );
}

const inUse = (u: PolicyUsageCounts) =>
  u.orgRequestDefault || u.orgRevocationDefault || u.apps > 0 || u.entitlements > 0;

// ─────────────────────────────── Reading ───────────────────────────────

export interface PolicyListItem {
  id: string;
  name: string;
  description: string;
  requestSummary: string;
  revocationSummary: string;
  approvalStepCount: number;
  usage: PolicyUsageCounts;
  updatedAt: Date;
}

/** Policies by name, keyset-paginated, with what they do and where they are used. */
export async function listPolicies(
  ctx: ReadContext,
  input: TListPoliciesInput,
): Promise<Page<PolicyListItem>> {
  assertAllowed(canViewPolicies(ctx.actor));
  const keys = keyset(input, BY_NAME);
  const rows = await ctx.db.policy.findMany({
    where: { organizationId: ctx.actor.organizationId, ...keys.after },
    include: { ...policyInclude, ...usageCount },
    ...keys.window,
  });
  const page = keys.page(rows);
  const usage = await usageCounts(ctx.db, ctx.actor, page.items);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((policy) => {
      const snapshot = snapshotPolicy(policy);
      return {
        id: policy.id,
        name: policy.name,
        description: policy.description,
        requestSummary: describePolicy(snapshot, "GRANT"),
        revocationSummary: describePolicy(snapshot, "REVOKE"),
        approvalStepCount: policy.steps.filter((s) => s.kind === "APPROVAL").length,
        usage: usage.get(policy.id)!,
        updatedAt: policy.updatedAt,
      };
    }),
  };
}

export interface PolicyPerson {
  id: string;
  displayName: string;
  email: string;
  status: UserStatus;
}

export interface PolicyDetails {
  id: string;
  name: string;
  description: string;
  steps: Array<{ approver: ApproverKind; people: PolicyPerson[] }>;
  allowReassignment: boolean;
  restrictReassignees: boolean;
  allowedReassignees: PolicyPerson[];
  allowSelfApproval: boolean;
  requireDistinctApprovers: boolean;
  requestSummary: string;
  revocationSummary: string;
  createdAt: Date;
  updatedAt: Date;
  usage: PolicyUsageCounts & {
    /** Apps using it by name (at most 50; `usage.apps` is the total), and how. */
    appList: Array<{ id: string; name: string; forRequests: boolean; forRevocations: boolean }>;
    entitlementList: Array<{
      id: string;
      displayName: string;
      app: { id: string; name: string };
      forRequests: boolean;
      forRevocations: boolean;
    }>;
  };
}

const personSelect = { id: true, displayName: true, email: true, status: true } as const;

async function loadPolicy(db: Tx | Context["db"], actor: Actor, id: string) {
  const policy = await db.policy.findFirst({
    where: { id, organizationId: actor.organizationId },
    include: { ...policyInclude, ...usageCount },
  });
  if (!policy) throw new DomainError("NOT_FOUND", POLICY_NOT_FOUND);
  return policy;
}

/** One policy: its definition with named people, what it does in words, and where it is used. */
export async function getPolicy(ctx: ReadContext, input: TPolicyIdInput): Promise<PolicyDetails> {
  assertAllowed(canViewPolicies(ctx.actor));
  const policy = await loadPolicy(ctx.db, ctx.actor, input.id);
  const snapshot = snapshotPolicy(policy);
  const definition = definitionFromSnapshot(snapshot);
  const people = new Map(
    (
      await ctx.db.user.findMany({
        where: { id: { in: peopleNamedBy(definition) } },
        select: personSelect,
      })
    ).map((u) => [u.id, u]),
  );
  const byName = (ids: string[]) =>
    ids
      .map((id) => people.get(id)!)
      .filter(Boolean)
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  const usage = (await usageCounts(ctx.db, ctx.actor, [policy])).get(policy.id)!;
  const apps = await ctx.db.app.findMany({
    where: {
      organizationId: ctx.actor.organizationId,
      OR: [{ defaultRequestPolicyId: policy.id }, { defaultRevocationPolicyId: policy.id }],
    },
    select: { id: true, name: true, defaultRequestPolicyId: true, defaultRevocationPolicyId: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: USAGE_LIST_MAX,
  });
  const entitlements = await ctx.db.entitlement.findMany({
    where: {
      organizationId: ctx.actor.organizationId,
      OR: [{ requestPolicyId: policy.id }, { revocationPolicyId: policy.id }],
    },
    select: {
      id: true,
      displayName: true,
      requestPolicyId: true,
      revocationPolicyId: true,
      app: { select: { id: true, name: true } },
    },
    orderBy: [{ app: { name: "asc" } }, { displayName: "asc" }, { id: "asc" }],
    take: USAGE_LIST_MAX,
  });
  return {
    id: policy.id,
    name: policy.name,
    description: policy.description,
    steps: definition.steps.map((s) => ({ approver: s.approver, people: byName(s.people) })),
    allowReassignment: policy.allowReassignment,
    restrictReassignees: policy.restrictReassignees,
    allowedReassignees: byName(definition.allowedReassigneeIds),
    allowSelfApproval: policy.allowSelfApproval,
    requireDistinctApprovers: policy.requireDistinctApprovers,
    requestSummary: describePolicy(snapshot, "GRANT"),
    revocationSummary: describePolicy(snapshot, "REVOKE"),
    createdAt: policy.createdAt,
    updatedAt: policy.updatedAt,
    usage: {
      ...usage,
      appList: apps.map((a) => ({
        id: a.id,
        name: a.name,
        forRequests: a.defaultRequestPolicyId === policy.id,
        forRevocations: a.defaultRevocationPolicyId === policy.id,
      })),
      entitlementList: entitlements.map((e) => ({
        id: e.id,
        displayName: e.displayName,
        app: e.app,
        forRequests: e.requestPolicyId === policy.id,
        forRevocations: e.revocationPolicyId === policy.id,
      })),
    },
  };
}

// ─────────────────────────────── Writing ───────────────────────────────

/** What a change answers: the policy's id and name, and whether anything was written. */
export interface PolicyChange {
  changed: boolean;
  policy: { id: string; name: string };
}

/** Named approvers and reassignees must be active people of the organization. */
async function checkPeople(tx: Tx, actor: Actor, def: PolicyDefinition): Promise<void> {
  const named = peopleNamedBy(def);
  if (named.length === 0) return;
  const active = new Set(
    (
      await tx.user.findMany({
        where: { id: { in: named }, organizationId: actor.organizationId, status: "ACTIVE" },
        select: { id: true },
      })
    ).map((u) => u.id),
  );
  const stepIndex = def.steps.findIndex((s) => s.people.some((id) => !active.has(id)));
  if (stepIndex >= 0) {
    throw new DomainError(
      "BAD_REQUEST",
      `Step ${stepIndex + 1}: every named approver must be an active person of this organization.`,
      {
        fieldErrors: { [`steps.${stepIndex + 1}`]: ["Choose active people of this organization."] },
      },
    );
  }
  if (def.allowedReassigneeIds.some((id) => !active.has(id))) {
    throw new DomainError(
      "BAD_REQUEST",
      "Tasks can be reassigned only to active people of this organization.",
      { fieldErrors: { allowedReassigneeIds: ["Choose active people of this organization."] } },
    );
  }
}

/** CONFLICT when another policy of the organization has this name (in any letter case). */
async function checkNameFree(tx: Tx, actor: Actor, name: string, exceptId?: string) {
  const taken = await tx.policy.findFirst({
    where: {
      organizationId: actor.organizationId,
      name: { equals: name, mode: "insensitive" },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { name: true },
  });
  if (taken) {
    throw new DomainError("CONFLICT", `A policy named “${taken.name}” already exists.`, {
      fieldErrors: { name: ["Choose a name no other policy has."] },
    });
  }
}

/** The rows of a definition: the approval steps at 0…n-1 and provisioning last. */
function stepRows(def: PolicyDefinition) {
  return [
    ...def.steps.map((step, position) => ({
      position,
      kind: "APPROVAL" as const,
      approverKind: step.approver,
      approvers: {
        create: step.approver === "USERS" ? step.people.map((userId) => ({ userId })) : [],
      },
    })),
    { position: def.steps.length, kind: "PROVISION" as const },
  ];
}

const flags = (def: PolicyDefinition) => ({
  name: def.name,
  description: def.description,
  allowReassignment: def.allowReassignment,
  restrictReassignees: def.restrictReassignees,
  allowSelfApproval: def.allowSelfApproval,
  requireDistinctApprovers: def.requireDistinctApprovers,
});

const reassigneeRows = (def: PolicyDefinition) =>
  def.restrictReassignees ? def.allowedReassigneeIds.map((userId) => ({ userId })) : [];

/** Two admins naming two policies alike at once: the database's unique name decides. */
async function uniqueName<T>(name: () => string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new DomainError("CONFLICT", `A policy named “${name()}” already exists.`);
    }
    throw error;
  }
}

async function insertPolicy(
  ctx: ServiceContext,
  tx: Tx,
  def: PolicyDefinition,
  reason: string | null,
): Promise<PolicyChange> {
  const at = ctx.now();
  const created = await tx.policy.create({
    data: {
      organizationId: ctx.actor.organizationId,
      ...flags(def),
      createdAt: at,
      updatedAt: at,
      steps: { create: stepRows(def) },
      allowedReassignees: { create: reassigneeRows(def) },
    },
    select: { id: true, name: true },
  });
  await recordEvents(tx, [
    {
      organizationId: ctx.actor.organizationId,
      actorId: ctx.actor.id,
      action: "policy.created",
      targetType: "Policy",
      targetId: created.id,
      before: null,
      after: policyAuditFields(def),
      reason,
      at,
    },
  ]);
  return { changed: true, policy: created };
}

/** A new policy from the editor. */
export async function createPolicy(
  ctx: ServiceContext,
  input: TCreatePolicyInput,
): Promise<PolicyChange> {
  assertAllowed(canManagePolicies(ctx.actor));
  const def = assertValidPolicyDefinition(input);
  return uniqueName(
    () => def.name,
    () =>
      transaction(ctx, async (tx) => {
        await checkNameFree(tx, ctx.actor, def.name);
        await checkPeople(tx, ctx.actor, def);
        return insertPolicy(ctx, tx, def, null);
      }),
  );
}

/** Locks the policy row (so two edits apply one after the other) and loads it. */
async function lockPolicy(tx: Tx, actor: Actor, id: string) {
  await lockRow(tx, "Policy", id, actor.organizationId, POLICY_NOT_FOUND);
  return loadPolicy(tx, actor, id);
}

const definitionOf = (policy: PolicyWithSteps) => definitionFromSnapshot(snapshotPolicy(policy));

/**
 * Replaces the policy's name, description, flags and steps in one transaction. Requests that
 * already started keep the snapshot they started with. Nothing to change: nothing written.
 */
export async function updatePolicy(
  ctx: ServiceContext,
  input: TUpdatePolicyInput,
): Promise<PolicyChange> {
  assertAllowed(canManagePolicies(ctx.actor));
  const { id, ...rest } = input;
  const def = assertValidPolicyDefinition(rest);
  return uniqueName(
    () => def.name,
    () =>
      transaction(ctx, async (tx) => {
        const policy = await lockPolicy(tx, ctx.actor, id);
        const changes = fieldChanges(
          policyAuditFields(definitionOf(policy)),
          policyAuditFields(def),
        );
        if (!changes) return { changed: false, policy: { id, name: policy.name } };
        if (changes.after.name !== undefined) await checkNameFree(tx, ctx.actor, def.name, id);
        await checkPeople(tx, ctx.actor, def);
        const at = ctx.now();
        await tx.policyStep.deleteMany({ where: { policyId: id } });
        await tx.policyReassignee.deleteMany({ where: { policyId: id } });
        const updated = await tx.policy.update({
          where: { id },
          data: {
            ...flags(def),
            updatedAt: at,
            steps: { create: stepRows(def) },
            allowedReassignees: { create: reassigneeRows(def) },
          },
          select: { id: true, name: true },
        });
        await recordEvents(tx, [
          {
            organizationId: ctx.actor.organizationId,
            actorId: ctx.actor.id,
            action: "policy.updated",
            targetType: "Policy",
            targetId: id,
            before: changes.before,
            after: changes.after,
            at,
          },
        ]);
        return { changed: true, policy: updated };
      }),
  );
}

/** A copy named "Copy of X" (or "Copy of X (2)", …), used by nothing yet. */
export async function duplicatePolicy(
  ctx: ServiceContext,
  input: TPolicyIdInput,
): Promise<PolicyChange> {
  assertAllowed(canManagePolicies(ctx.actor));
  let copyName = "";
  return uniqueName(
    () => copyName,
    () =>
      transaction(ctx, async (tx) => {
        const source = await loadPolicy(tx, ctx.actor, input.id);
        const names = await tx.policy.findMany({
          where: {
            organizationId: ctx.actor.organizationId,
            name: { startsWith: "Copy of ", mode: "insensitive" },
          },
          select: { name: true },
        });
        copyName = duplicateName(source.name, new Set(names.map((n) => n.name)));
        const def = { ...definitionOf(source), name: copyName };
        // People named by the original may have left since: then the copy is refused as an edit
        // would be, naming the step to fix in the original first.
        await checkPeople(tx, ctx.actor, def);
        return insertPolicy(ctx, tx, def, `Duplicated from “${source.name}”.`);
      }),
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Where a policy in use is used, as a sentence part: "the organization's default …, 2 apps". */
function usageWords(u: PolicyUsageCounts): string {
  const parts: string[] = [];
  if (u.orgRequestDefault && u.orgRevocationDefault) {
    parts.push("the organization's default for requests and revocations");
  } else if (u.orgRequestDefault) parts.push("the organization's default request policy");
  else if (u.orgRevocationDefault) parts.push("the organization's default revocation policy");
  if (u.apps > 0) parts.push(`the default of ${plural(u.apps, "app", "apps")}`);
  if (u.entitlements > 0) {
    parts.push(`the policy of ${plural(u.entitlements, "entitlement", "entitlements")}`);
  }
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0]!;
}

/**
 * Deletes a policy nothing uses. In use (organization default, app default, entitlement
 * override): CONFLICT saying where. Requests that ran under it keep their snapshot.
 */
export async function deletePolicy(
  ctx: ServiceContext,
  input: TPolicyIdInput,
): Promise<PolicyChange> {
  assertAllowed(canManagePolicies(ctx.actor));
  return transaction(ctx, async (tx) => {
    const policy = await lockPolicy(tx, ctx.actor, input.id);
    const usage = (await usageCounts(tx, ctx.actor, [policy])).get(policy.id)!;
    if (inUse(usage)) {
      throw new DomainError(
        "CONFLICT",
        `“${policy.name}” is still in use: it is ${usageWords(usage)}. Choose another policy there first.`,
        { usage },
      );
    }
    const at = ctx.now();
    await tx.policy.delete({ where: { id: policy.id } });
    await recordEvents(tx, [
      {
        organizationId: ctx.actor.organizationId,
        actorId: ctx.actor.id,
        action: "policy.deleted",
        targetType: "Policy",
        targetId: policy.id,
        before: policyAuditFields(definitionOf(policy)),
        after: null,
        at,
      },
    ]);
    return { changed: true, policy: { id: policy.id, name: policy.name } };
  });
}
