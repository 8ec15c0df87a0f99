import type {
  AccountStatus,
  AccountType,
  MatchRule,
  OwnerSource,
  UserStatus,
  ValueSource,
} from "@lantern/db";
import {
  ACCOUNT_NOT_FOUND,
  accountGrantsScope,
  assertAllowed,
  canManageApp,
  canViewAccount,
  DomainError,
  type AccountGrantsScope,
} from "@lantern/domain";

import type { ReadContext } from "../shared/context.ts";

// The account details page (SPEC §4.5): who owns the account and why (the match evidence) and
// its profile attributes as ingested. Visible to the people canViewAccount names; the
// entitlements it holds are listed by grants/of-account.ts.

export interface AccountPersonRef {
  id: string;
  displayName: string;
  email: string;
  status: UserStatus;
}

export interface AccountDetails {
  id: string;
  app: { id: string; name: string; iconUrl: string | null };
  externalId: string;
  login: string | null;
  /** Primary first. */
  emails: string[];
  givenName: string | null;
  familyName: string | null;
  displayName: string | null;
  status: AccountStatus;
  type: AccountType;
  /** MANUAL: set by a person; ingestion keeps it. */
  typeSource: ValueSource;
  /** Null: the app provides no usage data. */
  lastLoginAt: Date | null;
  /** Attributes as the connector gave them. */
  profile: unknown;
  createdAt: Date;
  deletedAt: Date | null;
  owner: AccountPersonRef | null;
  /**
   * When the owner is suspended or deprovisioned: the latest status change of theirs (when,
   * by whom, why), from its user.status_changed event. Null when active or unrecorded.
   */
  ownerStatusChange: {
    at: Date;
    by: { id: string; displayName: string } | null;
    reason: string | null;
  } | null;
  ownerSource: OwnerSource;
  /** Who set (MANUAL) or cleared (CLEARED) the owner, and when. */
  ownerSetBy: { id: string; displayName: string } | null;
  ownerSetAt: Date | null;
  /** What the mapping rules give (SPEC §4.2), whatever the owner shown. */
  match: {
    rule: MatchRule | null;
    value: string | null;
    ambiguous: boolean;
    matchedOwner: AccountPersonRef | null;
  };
  /** Its live grants (all of them, whoever the viewer). */
  liveGrantCount: number;
  /** The viewer may set its owner and type (canManageApp). */
  viewerCanManage: boolean;
  /**
   * Which of its grants the viewer's list holds (accountGrantsScope): ALL, or only those of
   * entitlements the viewer owns (OWNED_ENTITLEMENTS: an entitlement owner who is not
   * otherwise responsible for the account).
   */
  viewerGrantsScope: AccountGrantsScope;
}

const personSelect = { id: true, displayName: true, email: true, status: true } as const;

/**
 * The account, once the viewer may see it (FORBIDDEN naming who can; NOT_FOUND elsewhere),
 * with which of its grants the viewer's lists hold (accountGrantsScope).
 */
export async function loadVisibleAccount(ctx: ReadContext, accountId: string) {
  const account = await ctx.db.account.findFirst({
    where: { id: accountId, organizationId: ctx.actor.organizationId },
    select: {
      id: true,
      organizationId: true,
      externalId: true,
      login: true,
      emails: true,
      givenName: true,
      familyName: true,
      displayName: true,
      status: true,
      type: true,
      typeSource: true,
      lastLoginAt: true,
      profile: true,
      createdAt: true,
      deletedAt: true,
      ownerSource: true,
      ownerSetAt: true,
      matchRule: true,
      matchValue: true,
      matchAmbiguous: true,
      owner: { select: { ...personSelect, managerId: true } },
      matchedOwner: { select: personSelect },
      ownerSetBy: { select: { id: true, displayName: true } },
      app: {
        select: {
          id: true,
          name: true,
          iconUrl: true,
          members: { where: { role: "OWNER" }, select: { userId: true } },
        },
      },
    },
  });
  if (!account) throw new DomainError("NOT_FOUND", ACCOUNT_NOT_FOUND);
  // The owners of the entitlements it holds now, for the visibility rule.
  const entitlementOwners = await ctx.db.entitlementOwner.findMany({
    where: { entitlement: { grants: { some: { accountId: account.id, revokedAt: null } } } },
    select: { userId: true },
    distinct: ["userId"],
  });
  const appOwnerIds = account.app.members.map((m) => m.userId);
  assertAllowed(
    canViewAccount(ctx.actor, {
      organizationId: account.organizationId,
      appName: account.app.name,
      appOwnerIds,
      owner: account.owner,
      entitlementOwnerIds: entitlementOwners.map((o) => o.userId),
    }),
  );
  const grantsScope = accountGrantsScope(ctx.actor, {
    organizationId: account.organizationId,
    appOwnerIds,
    accountOwner: account.owner,
  });
  return { account, appOwnerIds, grantsScope };
}

/** The account details page's header and profile. */
export async function getAccountDetails(
  ctx: ReadContext,
  accountId: string,
): Promise<AccountDetails> {
  const { account, appOwnerIds, grantsScope } = await loadVisibleAccount(ctx, accountId);
  const liveGrantCount = await ctx.db.grant.count({
    where: { accountId: account.id, revokedAt: null },
  });
  const owner = account.owner;
  const ownerStatusChange =
    owner && owner.status !== "ACTIVE"
      ? await ctx.db.event.findFirst({
          where: {
            organizationId: ctx.actor.organizationId,
            targetType: "User",
            targetId: owner.id,
            action: "user.status_changed",
          },
          orderBy: [{ at: "desc" }, { id: "desc" }],
          select: { at: true, reason: true, actor: { select: { id: true, displayName: true } } },
        })
      : null;
  return {
    id: account.id,
    app: { id: account.app.id, name: account.app.name, iconUrl: account.app.iconUrl },
    externalId: account.externalId,
    login: account.login,
    emails: account.emails,
    givenName: account.givenName,
    familyName: account.familyName,
    displayName: account.displayName,
    status: account.status,
    type: account.type,
    typeSource: account.typeSource,
    lastLoginAt: account.lastLoginAt,
    profile: account.profile,
    createdAt: account.createdAt,
    deletedAt: account.deletedAt,
    owner: owner
      ? { id: owner.id, displayName: owner.displayName, email: owner.email, status: owner.status }
      : null,
    ownerStatusChange: ownerStatusChange
      ? { at: ownerStatusChange.at, by: ownerStatusChange.actor, reason: ownerStatusChange.reason }
      : null,
    ownerSource: account.ownerSource,
    ownerSetBy: account.ownerSetBy,
    ownerSetAt: account.ownerSetAt,
    match: {
      rule: account.matchRule,
      value: account.matchValue,
      ambiguous: account.matchAmbiguous,
      matchedOwner: account.matchedOwner,
    },
    liveGrantCount,
    viewerCanManage: canManageApp(ctx.actor, {
      organizationId: account.organizationId,
      ownerIds: appOwnerIds,
    }).allowed,
    viewerGrantsScope: grantsScope,
  };
}
