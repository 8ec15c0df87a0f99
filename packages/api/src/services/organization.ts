import {
  assertAllowed,
  canManageOrganization,
  canViewOrganizationSettings,
  DomainError,
  fieldChanges,
  type Actor,
} from "@lantern/domain";
import type { Context } from "../context.ts";
import type { TUpdateOrganizationInput } from "../schemas/organization.ts";
import { recordEvents, transaction, type Tx } from "./shared/records.ts";
import type { ReadContext } from "./shared/context.ts";

export interface OrganizationSummary {
  id: string;
  name: string;
  slug: string;
  /** Base URL of deep links; null: the server's configured URL. */
  publicUrl: string | null;
  createdAt: Date;
  members: { active: number; suspended: number; deprovisioned: number; total: number };
  superAdminCount: number;
  managedAppCount: number;
}

/** The viewer's organization with its headline figures (Settings). */
export async function getOrganization(ctx: ReadContext): Promise<OrganizationSummary> {
  const organizationId = ctx.actor.organizationId;
  const [org, byStatus, superAdminCount, managedAppCount] = await Promise.all([
    ctx.db.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { id: true, name: true, slug: true, publicUrl: true, createdAt: true },
    }),
    ctx.db.user.groupBy({ by: ["status"], where: { organizationId }, _count: { _all: true } }),
    ctx.db.user.count({ where: { organizationId, role: "SUPER_ADMIN", status: "ACTIVE" } }),
    ctx.db.app.count({ where: { organizationId, status: "MANAGED" } }),
  ]);
  const count = (status: string) => byStatus.find((r) => r.status === status)?._count._all ?? 0;
  const members = {
    active: count("ACTIVE"),
    suspended: count("SUSPENDED"),
    deprovisioned: count("DEPROVISIONED"),
  };
  return {
    ...org,
    members: { ...members, total: members.active + members.suspended + members.deprovisioned },
    superAdminCount,
    managedAppCount,
  };
}

type SettingsContext = Pick<Context, "db" | "now"> & { actor: Actor };

type PolicyRef = { id: string; name: string } | null;

/** The editable organization settings (Settings → Organization), with the policies' names. */
export type OrganizationSettings = {
  name: string;
  /** Null: deep links use the server's configured URL (NEXTAUTH_URL). */
  publicUrl: string | null;
  defaultRequestPolicy: PolicyRef;
  defaultRevocationPolicy: PolicyRef;
  /** The email and Slack preferences a person starts with when added. */
  emailNotificationsDefault: boolean;
  slackNotificationsDefault: boolean;
};

const settingsSelect = {
  name: true,
  publicUrl: true,
  defaultRequestPolicy: { select: { id: true, name: true } },
  defaultRevocationPolicy: { select: { id: true, name: true } },
  emailNotificationsDefault: true,
  slackNotificationsDefault: true,
} as const;

/** The settings as they are: super admins and auditors (canViewOrganizationSettings). */
export async function getOrganizationSettings(ctx: SettingsContext): Promise<OrganizationSettings> {
  assertAllowed(canViewOrganizationSettings(ctx.actor));
  return ctx.db.organization.findUniqueOrThrow({
    where: { id: ctx.actor.organizationId },
    select: settingsSelect,
  });
}

/** A policy of the actor's organization by id, or BAD_REQUEST naming the field. */
async function orgPolicy(
  tx: Tx,
  actor: Actor,
  id: string | null | undefined,
  what: string,
): Promise<PolicyRef | undefined> {
  if (id === undefined || id === null) return id;
  const policy = await tx.policy.findFirst({
    where: { id, organizationId: actor.organizationId },
    select: { id: true, name: true },
  });
  if (!policy) {
    throw new DomainError(
      "BAD_REQUEST",
      `The ${what} policy you chose does not exist in your organization. Reload and choose again.`,
    );
  }
  return policy;
}

/**
 * Changes the given settings (absent fields stay) in one transaction with its
 * "organization.updated" Event, whose before/after hold only the changed fields (policies as
 * { id, name }). Nothing changed: nothing is written and the answer says `changed: false`.
 */
export async function updateOrganization(
  ctx: SettingsContext,
  input: TUpdateOrganizationInput,
): Promise<{ changed: boolean; settings: OrganizationSettings }> {
  assertAllowed(canManageOrganization(ctx.actor));
  const organizationId = ctx.actor.organizationId;
  return transaction(ctx, async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Organization" WHERE "id" = ${organizationId}::uuid FOR UPDATE`;
    const current = await tx.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: settingsSelect,
    });
    const requestPolicy = await orgPolicy(tx, ctx.actor, input.defaultRequestPolicyId, "request");
    const revocationPolicy = await orgPolicy(
      tx,
      ctx.actor,
      input.defaultRevocationPolicyId,
      "revocation",
    );
    const changes = fieldChanges<OrganizationSettings>(current, {
      name: input.name,
      publicUrl: input.publicUrl,
      defaultRequestPolicy: requestPolicy,
      defaultRevocationPolicy: revocationPolicy,
      emailNotificationsDefault: input.emailNotificationsDefault,
      slackNotificationsDefault: input.slackNotificationsDefault,
    });
    if (!changes) return { changed: false, settings: current };
    const settings = await tx.organization.update({
      where: { id: organizationId },
      data: {
        name: input.name,
        publicUrl: input.publicUrl,
        defaultRequestPolicyId: input.defaultRequestPolicyId,
        defaultRevocationPolicyId: input.defaultRevocationPolicyId,
        emailNotificationsDefault: input.emailNotificationsDefault,
        slackNotificationsDefault: input.slackNotificationsDefault,
      },
      select: settingsSelect,
    });
    await recordEvents(tx, [
      {
        organizationId,
        actorId: ctx.actor.id,
        action: "organization.updated",
        targetType: "Organization",
        targetId: organizationId,
        before: changes.before,
        after: changes.after,
        at: ctx.now(),
      },
    ]);
    return { changed: true, settings };
  });
}
