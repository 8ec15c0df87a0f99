import type { Actor } from "@lantern/domain";
import type { Context } from "../context.ts";

type ServiceContext = Pick<Context, "db"> & { actor: Actor };

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
export async function getOrganization(ctx: ServiceContext): Promise<OrganizationSummary> {
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
