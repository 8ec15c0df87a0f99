import type { Prisma } from "@lantern/db";
import {
  assertAllowed,
  canManageApp,
  canViewAccounts,
  canViewApp,
  canViewAppSettings,
  DomainError,
  type Page,
} from "@lantern/domain";

import { BY_NAME, keyset } from "./shared/keyset.ts";
import type { TListAppsInput } from "../schemas/apps.ts";
import { escapeLike } from "./search.ts";
import {
  APP_NOT_FOUND,
  appProfile,
  appProfileSelect,
  entitlementFieldsSelect,
  peopleInRole,
} from "./shared/apps.ts";
import type { ReadContext } from "./shared/context.ts";

export interface PersonRef {
  id: string;
  displayName: string;
  email: string;
}

export interface AppListItem {
  id: string;
  name: string;
  description: string;
  iconUrl: string | null;
  owners: PersonRef[];
  accountCount: number;
  entitlementCount: number;
}

const personSelect = { id: true, displayName: true, email: true } as const;

/** Apps of the actor's organization, by name, keyset-paginated; with owners and counts. */
export async function listApps(
  ctx: ReadContext,
  input: TListAppsInput,
): Promise<Page<AppListItem>> {
  const where: Prisma.AppWhereInput = {
    organizationId: ctx.actor.organizationId,
    status: input.status,
  };
  const search = input.search?.trim();
  if (search) where.name = { contains: escapeLike(search), mode: "insensitive" };
  const keys = keyset(input, BY_NAME);
  const apps = await ctx.db.app.findMany({
    where: { ...where, ...keys.after },
    ...keys.window,
    select: {
      id: true,
      name: true,
      description: true,
      iconUrl: true,
      members: {
        where: { role: "OWNER" },
        orderBy: { user: { displayName: "asc" } },
        select: { user: { select: personSelect } },
      },
      _count: { select: { entitlements: true } },
    },
  });
  const page = keys.page(apps);
  const accountCounts = await countLiveAccounts(
    ctx,
    page.items.map((a) => a.id),
  );
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((a) => ({
      id: a.id,
      name: a.name,
      description: a.description,
      iconUrl: a.iconUrl,
      owners: a.members.map((m) => m.user),
      accountCount: accountCounts.get(a.id) ?? 0,
      entitlementCount: a._count.entitlements,
    })),
  };
}

/** Accounts that exist in each app (not DELETED), for a page of apps, in one query. */
async function countLiveAccounts(ctx: ReadContext, appIds: string[]): Promise<Map<string, number>> {
  if (appIds.length === 0) return new Map();
  const rows = await ctx.db.account.groupBy({
    by: ["appId"],
    where: { appId: { in: appIds }, status: { not: "DELETED" } },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.appId, r._count._all]));
}

/** One app with the people who run it, its entitlements and account figures. */
export async function getApp(ctx: ReadContext, appId: string) {
  const app = await ctx.db.app.findFirst({
    where: { id: appId, organizationId: ctx.actor.organizationId },
    select: {
      ...appProfileSelect,
      organizationId: true,
      createdAt: true,
      organization: {
        select: {
          defaultRequestPolicy: { select: { id: true, name: true } },
          defaultRevocationPolicy: { select: { id: true, name: true } },
        },
      },
      members: {
        orderBy: { user: { displayName: "asc" } },
        select: { role: true, user: { select: personSelect } },
      },
      entitlements: {
        orderBy: [{ displayName: "asc" }, { id: "asc" }],
        select: {
          ...entitlementFieldsSelect,
          _count: { select: { grants: { where: { revokedAt: null } } } },
        },
      },
    },
  });
  if (!app) throw new DomainError("NOT_FOUND", APP_NOT_FOUND);
  assertAllowed(canViewApp(ctx.actor, app), "NOT_FOUND");

  // Every account figure of the page in one pass over the app's accounts.
  const [figures] = await ctx.db.$queryRaw<
    Array<{
      active: number;
      disabled: number;
      deleted: number;
      withoutOwner: number;
      ownedByInactive: number;
    }>
  >`
    SELECT count(*) FILTER (WHERE a.status = 'ACTIVE')::int                          AS "active",
           count(*) FILTER (WHERE a.status = 'DISABLED')::int                        AS "disabled",
           count(*) FILTER (WHERE a.status = 'DELETED')::int                         AS "deleted",
           count(*) FILTER (WHERE a.status <> 'DELETED' AND a."ownerId" IS NULL)::int AS "withoutOwner",
           count(*) FILTER (WHERE a.status <> 'DELETED' AND u.status <> 'ACTIVE')::int AS "ownedByInactive"
      FROM "Account" a
      LEFT JOIN "User" u ON u.id = a."ownerId"
     WHERE a."appId" = ${appId}::uuid`;
  const owners = peopleInRole(app.members, "OWNER");
  const provisioners = peopleInRole(app.members, "PROVISIONER");
  const deprovisioners = peopleInRole(app.members, "DEPROVISIONER");

  return {
    ...appProfile(app),
    createdAt: app.createdAt,
    /** What applies when the app sets no default of its own: the organization's. */
    organizationDefaults: {
      request: app.organization.defaultRequestPolicy,
      revocation: app.organization.defaultRevocationPolicy,
    },
    owners,
    // With no provisioners (deprovisioners), the app owners act (SPEC §1).
    provisioners: provisioners.length > 0 ? provisioners : owners,
    provisionersAreOwners: provisioners.length === 0,
    deprovisioners: deprovisioners.length > 0 ? deprovisioners : owners,
    deprovisionersAreOwners: deprovisioners.length === 0,
    viewerIsOwner: owners.some((o) => o.id === ctx.actor.id),
    /** The viewer may change this app's accounts, owners and settings (canManageApp). */
    viewerCanManage: canManageApp(ctx.actor, {
      organizationId: app.organizationId,
      ownerIds: owners.map((o) => o.id),
    }).allowed,
    /** The viewer may open the Settings tab, read-only unless viewerCanManage (canViewAppSettings). */
    viewerCanViewSettings: canViewAppSettings(ctx.actor, {
      organizationId: app.organizationId,
      ownerIds: owners.map((o) => o.id),
    }).allowed,
    /** The viewer may open the Accounts tab, every account of the app (canViewAccounts). */
    viewerCanViewAccounts: canViewAccounts(ctx.actor, {
      organizationId: app.organizationId,
      appName: app.name,
      owners,
    }).allowed,
    accounts: {
      active: figures?.active ?? 0,
      disabled: figures?.disabled ?? 0,
      deleted: figures?.deleted ?? 0,
      withoutOwner: figures?.withoutOwner ?? 0,
      ownedByInactivePeople: figures?.ownedByInactive ?? 0,
    },
    entitlements: app.entitlements.map((e) => ({
      id: e.id,
      slug: e.slug,
      displayName: e.displayName,
      description: e.description,
      provisioningStrategy: e.provisioningStrategy,
      deprovisioningStrategy: e.deprovisioningStrategy,
      liveGrantCount: e._count.grants,
    })),
  };
}
