import type { Prisma } from "@lantern/db";
import { assertAllowed, canManageApp, DomainError, type Actor } from "@lantern/domain";
import type { Tx } from "./records.ts";

// The app a command or page works on: found in the actor's organization, with the owners its
// permission rules ask about, and its own settings as the app page and Settings show them.

export const APP_NOT_FOUND = "This app does not exist, or it belongs to another organization.";

/** An app with its owners (canViewApp, canManageApp). */
export interface OwnedApp {
  id: string;
  name: string;
  organizationId: string;
  accountMappingMode: "NARROW" | "BROAD";
  members: Array<{ userId: string }>;
}

/** The app of the actor's organization with its owners; NOT_FOUND (with `notFound`) otherwise. */
export async function findApp(
  db: Pick<Tx, "app">,
  actor: Actor,
  appId: string,
  notFound: string = APP_NOT_FOUND,
): Promise<OwnedApp> {
  const app = await db.app.findFirst({
    where: { id: appId, organizationId: actor.organizationId },
    select: {
      id: true,
      name: true,
      organizationId: true,
      accountMappingMode: true,
      members: { where: { role: "OWNER" }, select: { userId: true } },
    },
  });
  if (!app) throw new DomainError("NOT_FOUND", notFound);
  return app;
}

/** The facts canManageApp decides on. */
export const managedAppFacts = (app: OwnedApp) => ({
  organizationId: app.organizationId,
  ownerIds: app.members.map((m) => m.userId),
});

/** The app (of the actor's organization) the actor must manage: NOT_FOUND, else FORBIDDEN. */
export async function loadManagedApp(...args: Parameters<typeof findApp>): Promise<OwnedApp> {
  const app = await findApp(...args);
  assertAllowed(canManageApp(args[1], managedAppFacts(app)));
  return app;
}

const policyRefSelect = { id: true, name: true } as const;

/** An app's own details, instructions and default policies. */
export const appProfileSelect = {
  id: true,
  name: true,
  description: true,
  iconUrl: true,
  status: true,
  accountMappingMode: true,
  provisioningInstructions: true,
  deprovisioningInstructions: true,
  defaultRequestPolicy: { select: policyRefSelect },
  defaultRevocationPolicy: { select: policyRefSelect },
} satisfies Prisma.AppSelect;

/** The fields of appProfileSelect, as the app page and its Settings answer them. */
export function appProfile(app: Prisma.AppGetPayload<{ select: typeof appProfileSelect }>) {
  return {
    id: app.id,
    name: app.name,
    description: app.description,
    iconUrl: app.iconUrl,
    status: app.status,
    accountMappingMode: app.accountMappingMode,
    provisioningInstructions: app.provisioningInstructions,
    deprovisioningInstructions: app.deprovisioningInstructions,
    defaultRequestPolicy: app.defaultRequestPolicy,
    defaultRevocationPolicy: app.defaultRevocationPolicy,
  };
}

/** An entitlement's own fields, as the app page, the entitlement page and its Settings read them. */
export const entitlementFieldsSelect = {
  id: true,
  slug: true,
  displayName: true,
  description: true,
  provisioningStrategy: true,
  deprovisioningStrategy: true,
} as const;

/** The people of one role of an app (owners, provisioners, deprovisioners), in the order loaded. */
export function peopleInRole<R, P>(members: Array<{ role: R; user: P }>, role: R): P[] {
  return members.filter((m) => m.role === role).map((m) => m.user);
}
