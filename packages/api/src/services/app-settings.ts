import type { AppMemberRole, UserStatus } from "@lantern/db";
import {
  assertAllowed,
  canCreateApp,
  canManageApp,
  canViewAppSettings,
  DomainError,
  fieldChanges,
  type Actor,
} from "@lantern/domain";

import type {
  TCreateAppInput,
  TSetAppMembersInput,
  TUpdateAppSettingsInput,
} from "../schemas/apps.ts";
import { APP_NOT_FOUND, appProfile, appProfileSelect, peopleInRole } from "./shared/apps.ts";
import { lockRow, recordEvents, transaction, type Tx } from "./shared/records.ts";
import type { ServiceContext } from "./shared/context.ts";

// Add application and App settings (issue 6): super admins add apps (canCreateApp); super
// admins and the app's owners change its details, people, instructions and default policies
// (canManageApp). Each change is one transaction with its Event ("App" target): app.created
// with what the app starts with, app.updated with only the changed fields, app.members_changed
// with the sorted id list of the role before and after. Asking for what is already so writes
// nothing and answers `changed: false`.

/** The event field that carries a role's people: ownerIds, provisionerIds, deprovisionerIds. */
const ROLE_FIELD = {
  OWNER: "ownerIds",
  PROVISIONER: "provisionerIds",
  DEPROVISIONER: "deprovisionerIds",
} as const satisfies Record<AppMemberRole, string>;

const ROLES = ["OWNER", "PROVISIONER", "DEPROVISIONER"] as const satisfies AppMemberRole[];

const ROLE_WORDS: Record<AppMemberRole, string> = {
  OWNER: "owner",
  PROVISIONER: "provisioner",
  DEPROVISIONER: "deprovisioner",
};

const STATUS_WORD: Record<Exclude<UserStatus, "ACTIVE">, string> = {
  SUSPENDED: "suspended",
  DEPROVISIONED: "deprovisioned",
};

export interface AppPerson {
  id: string;
  displayName: string;
  email: string;
  status: UserStatus;
}

export interface PolicyRef {
  id: string;
  name: string;
}

/** Everything the App settings page shows and edits. */
export interface AppSettings {
  id: string;
  name: string;
  description: string;
  iconUrl: string | null;
  status: "MANAGED" | "DISCOVERED" | "IGNORED";
  accountMappingMode: "NARROW" | "BROAD";
  provisioningInstructions: string;
  deprovisioningInstructions: string;
  defaultRequestPolicy: PolicyRef | null;
  defaultRevocationPolicy: PolicyRef | null;
  /** What an app without its own default inherits. */
  organizationDefaults: {
    requestPolicy: PolicyRef | null;
    revocationPolicy: PolicyRef | null;
  };
  owners: AppPerson[];
  /** Empty: the owners provision (SPEC §1). */
  provisioners: AppPerson[];
  /** Empty: the owners deprovision (SPEC §1). */
  deprovisioners: AppPerson[];
  /** The viewer may change these settings (canManageApp); else they only read them (auditors). */
  viewerCanManage: boolean;
}

export interface SettingsChange {
  /** False when everything asked for already was so: nothing was written. */
  changed: boolean;
  settings: AppSettings;
}

const personSelect = { id: true, displayName: true, email: true, status: true } as const;
const policySelect = { id: true, name: true } as const;

/** Serializes name checks of one organization (two apps added at once with one name). */
async function lockAppNames(tx: Tx, organizationId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`app-names:${organizationId}`}))`;
}

/** CONFLICT when another app of the organization has this name, whatever its case. */
async function assertNameFree(
  tx: Tx,
  organizationId: string,
  name: string,
  exceptAppId?: string,
): Promise<void> {
  const taken = await tx.app.findFirst({
    where: {
      organizationId,
      name: { equals: name, mode: "insensitive" },
      ...(exceptAppId ? { id: { not: exceptAppId } } : {}),
    },
    select: { name: true },
  });
  if (taken) {
    throw new DomainError("CONFLICT", `An app named “${taken.name}” already exists.`);
  }
}

/**
 * The people of `userIds` (distinct, sorted), checked to be people of the actor's organization;
 * those not in `keep` must be active (someone already in the role may stay while suspended,
 * so a suspension does not block every other change of the role).
 */
async function checkPeople(
  tx: Tx,
  actor: Actor,
  userIds: readonly string[],
  role: AppMemberRole,
  keep: ReadonlySet<string> = new Set(),
): Promise<string[]> {
  const ids = [...new Set(userIds)].sort();
  if (ids.length === 0) return ids;
  const people = await tx.user.findMany({
    where: { id: { in: ids }, organizationId: actor.organizationId },
    select: { id: true, displayName: true, status: true },
  });
  if (people.length !== ids.length) {
    throw new DomainError(
      "NOT_FOUND",
      "Someone you chose does not exist in your organization. Reload the page and choose again.",
    );
  }
  const inactive = people
    .filter((p) => p.status !== "ACTIVE" && !keep.has(p.id))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  const first = inactive[0];
  if (first && first.status !== "ACTIVE") {
    throw new DomainError(
      "BAD_REQUEST",
      `${first.displayName} is ${STATUS_WORD[first.status]}: choose an active person as ${ROLE_WORDS[role]}.`,
    );
  }
  return ids;
}

/** BAD_REQUEST unless the policy is one of the organization's (null: inherit). */
async function checkPolicy(
  tx: Tx,
  actor: Actor,
  policyId: string | null | undefined,
  what: string,
): Promise<void> {
  if (!policyId) return;
  const policy = await tx.policy.findFirst({
    where: { id: policyId, organizationId: actor.organizationId },
    select: { id: true },
  });
  if (!policy) {
    throw new DomainError(
      "BAD_REQUEST",
      `The ${what} you chose does not exist in your organization. Reload the page and choose again.`,
    );
  }
}

/** Locks the app's row for the change, then checks the actor may manage it. */
export async function lockManagedApp(tx: Tx, actor: Actor, appId: string) {
  await lockRow(tx, "App", appId, actor.organizationId, APP_NOT_FOUND);
  const app = await tx.app.findUniqueOrThrow({
    where: { id: appId },
    select: {
      id: true,
      organizationId: true,
      name: true,
      description: true,
      iconUrl: true,
      status: true,
      provisioningInstructions: true,
      deprovisioningInstructions: true,
      defaultRequestPolicyId: true,
      defaultRevocationPolicyId: true,
      members: { select: { userId: true, role: true } },
    },
  });
  const idsOf = (role: AppMemberRole) =>
    app.members
      .filter((m) => m.role === role)
      .map((m) => m.userId)
      .sort();
  assertAllowed(
    canManageApp(actor, { organizationId: app.organizationId, ownerIds: idsOf("OWNER") }),
  );
  return { app, idsOf };
}

/** Add application: super admins only. Answers the new app's id and name. */
export async function createApp(
  ctx: ServiceContext,
  input: TCreateAppInput,
): Promise<{ id: string; name: string }> {
  assertAllowed(canCreateApp(ctx.actor));
  const organizationId = ctx.actor.organizationId;
  return transaction(ctx, async (tx) => {
    await lockAppNames(tx, organizationId);
    await assertNameFree(tx, organizationId, input.name);
    const ownerIds = await checkPeople(tx, ctx.actor, input.ownerIds, "OWNER");
    const at = ctx.now();
    const app = await tx.app.create({
      data: {
        organizationId,
        name: input.name,
        description: input.description,
        iconUrl: input.iconUrl ?? null,
        status: "MANAGED",
        createdAt: at,
        updatedAt: at,
      },
      select: appProfileSelect,
    });
    if (ownerIds.length > 0) {
      await tx.appMember.createMany({
        data: ownerIds.map((userId) => ({ appId: app.id, userId, role: "OWNER" as const })),
      });
    }
    await recordEvents(tx, [
      {
        organizationId,
        actorId: ctx.actor.id,
        action: "app.created",
        targetType: "App",
        targetId: app.id,
        before: null,
        after: {
          name: app.name,
          description: app.description,
          iconUrl: app.iconUrl,
          status: app.status,
          accountMappingMode: app.accountMappingMode,
          ownerIds,
        },
        at,
      },
    ]);
    return { id: app.id, name: app.name };
  });
}

/**
 * The App settings page's data: super admins, auditors and the app's owners
 * (canViewAppSettings); `viewerCanManage` says whether the page may offer its changes.
 */
export async function getAppSettings(ctx: ServiceContext, appId: string): Promise<AppSettings> {
  const settings = await loadSettings(ctx.db, ctx.actor, appId);
  assertAllowed(
    canViewAppSettings(ctx.actor, {
      organizationId: ctx.actor.organizationId,
      ownerIds: settings.owners.map((o) => o.id),
    }),
  );
  return settings;
}

/**
 * The settings as they are (no permission check: callers check first; a change answers with
 * the settings after it even when the actor just removed themselves as owner).
 */
async function loadSettings(
  db: Pick<Tx, "app" | "organization">,
  actor: Actor,
  appId: string,
): Promise<AppSettings> {
  const app = await db.app.findFirst({
    where: { id: appId, organizationId: actor.organizationId },
    select: {
      ...appProfileSelect,
      members: {
        orderBy: [{ user: { displayName: "asc" } }, { userId: "asc" }],
        select: { role: true, user: { select: personSelect } },
      },
    },
  });
  if (!app) throw new DomainError("NOT_FOUND", APP_NOT_FOUND);
  const people = (role: AppMemberRole) => peopleInRole(app.members, role);
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: actor.organizationId },
    select: {
      defaultRequestPolicy: { select: policySelect },
      defaultRevocationPolicy: { select: policySelect },
    },
  });
  return {
    ...appProfile(app),
    organizationDefaults: {
      requestPolicy: organization.defaultRequestPolicy,
      revocationPolicy: organization.defaultRevocationPolicy,
    },
    owners: people("OWNER"),
    provisioners: people("PROVISIONER"),
    deprovisioners: people("DEPROVISIONER"),
    // As the settings are now: an owner who just removed themselves may change nothing more.
    viewerCanManage: canManageApp(actor, {
      organizationId: actor.organizationId,
      ownerIds: people("OWNER").map((o) => o.id),
    }).allowed,
  };
}

/**
 * Changes the fields given (name, description, icon URL, instructions, default policies), all
 * or none, with one app.updated Event holding only what changed.
 */
export async function updateAppSettings(
  ctx: ServiceContext,
  input: TUpdateAppSettingsInput,
): Promise<SettingsChange> {
  return transaction(ctx, async (tx) => {
    const { app } = await lockManagedApp(tx, ctx.actor, input.appId);
    const { appId: _appId, ...fields } = input;
    const changes = fieldChanges(
      {
        name: app.name,
        description: app.description,
        iconUrl: app.iconUrl,
        provisioningInstructions: app.provisioningInstructions,
        deprovisioningInstructions: app.deprovisioningInstructions,
        defaultRequestPolicyId: app.defaultRequestPolicyId,
        defaultRevocationPolicyId: app.defaultRevocationPolicyId,
      },
      fields,
    );
    if (!changes) return { changed: false, settings: await loadSettings(tx, ctx.actor, app.id) };
    const after = changes.after as Partial<typeof fields>;
    if (after.name !== undefined) {
      await lockAppNames(tx, app.organizationId);
      await assertNameFree(tx, app.organizationId, after.name, app.id);
    }
    await checkPolicy(tx, ctx.actor, after.defaultRequestPolicyId, "default request policy");
    await checkPolicy(tx, ctx.actor, after.defaultRevocationPolicyId, "default revocation policy");
    const at = ctx.now();
    await tx.app.update({ where: { id: app.id }, data: { ...after, updatedAt: at } });
    return appChanged(ctx, tx, app, "app.updated", changes, at);
  });
}

/** The change's event (the changed fields before and after) and the settings it leaves. */
async function appChanged(
  ctx: ServiceContext,
  tx: Tx,
  app: { id: string; organizationId: string },
  action: string,
  changes: { before: Record<string, unknown>; after: Record<string, unknown> },
  at: Date,
): Promise<SettingsChange> {
  await recordEvents(tx, [
    {
      organizationId: app.organizationId,
      actorId: ctx.actor.id,
      action,
      targetType: "App",
      targetId: app.id,
      before: changes.before,
      after: changes.after,
      at,
    },
  ]);
  return { changed: true, settings: await loadSettings(tx, ctx.actor, app.id) };
}

/**
 * Replaces the people of the roles given (owners, provisioners, deprovisioners), all or none,
 * with one app.members_changed Event holding the changed roles' sorted ids before and after.
 * Added people must be active people of the organization. A managed app keeps at least one
 * owner (someone must answer for it); empty provisioners or deprovisioners mean the owners act
 * (SPEC §1).
 */
export async function setAppMembers(
  ctx: ServiceContext,
  input: TSetAppMembersInput,
): Promise<SettingsChange> {
  return transaction(ctx, async (tx) => {
    const { app, idsOf } = await lockManagedApp(tx, ctx.actor, input.appId);
    const before: Record<string, string[]> = {};
    const after: Record<string, string[]> = {};
    for (const role of ROLES) {
      const given = input[ROLE_FIELD[role]];
      if (given === undefined) continue;
      const current = idsOf(role);
      before[ROLE_FIELD[role]] = current;
      after[ROLE_FIELD[role]] = await checkPeople(tx, ctx.actor, given, role, new Set(current));
    }
    if (after.ownerIds?.length === 0 && app.status === "MANAGED") {
      throw new DomainError(
        "BAD_REQUEST",
        "An app needs at least one owner: add someone else before removing the last owner.",
      );
    }
    const changes = fieldChanges(before, after);
    if (!changes) return { changed: false, settings: await loadSettings(tx, ctx.actor, app.id) };
    const at = ctx.now();
    for (const role of ROLES) {
      const next = changes.after[ROLE_FIELD[role]] as string[] | undefined;
      if (!next) continue;
      const current = idsOf(role);
      const removed = current.filter((id) => !next.includes(id));
      const added = next.filter((id) => !current.includes(id));
      if (removed.length > 0) {
        await tx.appMember.deleteMany({ where: { appId: app.id, role, userId: { in: removed } } });
      }
      if (added.length > 0) {
        await tx.appMember.createMany({
          data: added.map((userId) => ({ appId: app.id, userId, role, createdAt: at })),
        });
      }
    }
    await tx.app.update({ where: { id: app.id }, data: { updatedAt: at } });
    return appChanged(ctx, tx, app, "app.members_changed", changes, at);
  });
}
