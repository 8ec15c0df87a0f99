import { assertAllowed, canViewApp, DomainError, type Actor } from "@lantern/domain";
import type { Context } from "../context.ts";

type ServiceContext = Pick<Context, "db"> & { actor: Actor };

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
}

/** One entitlement with the app it belongs to (e.g. to prefill a request for it). */
export async function getEntitlement(
  ctx: ServiceContext,
  entitlementId: string,
): Promise<EntitlementDetails> {
  const entitlement = await ctx.db.entitlement.findFirst({
    where: { id: entitlementId, organizationId: ctx.actor.organizationId },
    select: {
      id: true,
      slug: true,
      displayName: true,
      description: true,
      provisioningStrategy: true,
      deprovisioningStrategy: true,
      app: {
        select: { id: true, organizationId: true, name: true, iconUrl: true, status: true },
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
  const { app } = entitlement;
  return {
    ...entitlement,
    app: { id: app.id, name: app.name, iconUrl: app.iconUrl, status: app.status },
  };
}
