import { canManageOrganization, canViewDirectory, type Actor } from "@lantern/domain";
import type { Context } from "../context.ts";

type ServiceContext = Pick<Context, "db"> & { actor: Actor };

/** The signed-in person and their organization, for the app shell. */
export async function getMe(ctx: ServiceContext) {
  const user = await ctx.db.user.findUniqueOrThrow({
    where: { id: ctx.actor.id },
    select: {
      id: true,
      email: true,
      displayName: true,
      givenName: true,
      familyName: true,
      title: true,
      role: true,
      organization: { select: { id: true, name: true, slug: true } },
    },
  });
  return {
    ...user,
    /** What the shell may offer, decided by the shared permission rules. */
    can: {
      viewDirectory: canViewDirectory(ctx.actor).allowed,
      manageOrganization: canManageOrganization(ctx.actor).allowed,
    },
  };
}

export interface OpenTaskCounts {
  /** Open APPROVAL + PROVISION tasks assigned to the viewer: the Requests badge. */
  requests: number;
  awaitingApproval: number;
  awaitingProvisioning: number;
  /** Open DEPROVISION tasks assigned to the viewer: the Revocations badge. */
  revocations: number;
}

/**
 * Badge counts for the navigation. One grouped index range scan over TaskAssignee
 * (userId, kind, taskOpen, active), whatever the number of tasks in the organization.
 */
export async function getOpenTaskCounts(ctx: ServiceContext): Promise<OpenTaskCounts> {
  const rows = await ctx.db.taskAssignee.groupBy({
    by: ["kind"],
    where: { userId: ctx.actor.id, taskOpen: true, active: true },
    _count: { _all: true },
  });
  const of = (kind: "APPROVAL" | "PROVISION" | "DEPROVISION") =>
    rows.find((r) => r.kind === kind)?._count._all ?? 0;
  return {
    requests: of("APPROVAL") + of("PROVISION"),
    awaitingApproval: of("APPROVAL"),
    awaitingProvisioning: of("PROVISION"),
    revocations: of("DEPROVISION"),
  };
}
