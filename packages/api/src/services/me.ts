import {
  canCreateApp,
  canManageNotifications,
  canManageOrganization,
  canManagePeople,
  canManagePolicies,
  canReadReviewCampaigns,
  canStartReviewCampaign,
  canViewAuditLog,
  canViewDirectory,
  canViewNotifications,
  canViewOrganizationSettings,
  canViewPolicies,
  readsEverything,
} from "@lantern/domain";
import type { Context } from "../context.ts";
import type { TNotificationPreferencesInput } from "../schemas/me.ts";
import { recordEvents, transaction } from "./shared/records.ts";
import type { ReadContext } from "./shared/context.ts";

/** The signed-in person and their organization, for the app shell. */
export async function getMe(ctx: ReadContext) {
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
      /** Sees everything of the organization (super admins, auditors). */
      readEverything: readsEverything(ctx.actor),
      viewDirectory: canViewDirectory(ctx.actor).allowed,
      viewOrganizationSettings: canViewOrganizationSettings(ctx.actor).allowed,
      manageOrganization: canManageOrganization(ctx.actor).allowed,
      viewNotifications: canViewNotifications(ctx.actor).allowed,
      manageNotifications: canManageNotifications(ctx.actor).allowed,
      createApp: canCreateApp(ctx.actor).allowed,
      viewPolicies: canViewPolicies(ctx.actor).allowed,
      managePolicies: canManagePolicies(ctx.actor).allowed,
      managePeople: canManagePeople(ctx.actor).allowed,
      viewAuditLog: canViewAuditLog(ctx.actor).allowed,
      /** Access reviews: the campaigns (super admins, auditors) and New campaign (super admins). */
      viewReviews: canReadReviewCampaigns(ctx.actor, ctx.actor).allowed,
      startReviews: canStartReviewCampaign(ctx.actor, ctx.actor).allowed,
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
  /** Access-review items waiting for the viewer's decision: the Reviews badge. */
  reviews: number;
}

/**
 * Badge counts for the navigation. One grouped index range scan over TaskAssignee
 * (userId, kind, taskOpen, active), whatever the number of tasks in the organization.
 */
export async function getOpenTaskCounts(ctx: ReadContext): Promise<OpenTaskCounts> {
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
    // Review items waiting for the viewer's decision (SPEC §10): one index range.
    reviews: await ctx.db.reviewAssignment.count({ where: { userId: ctx.actor.id, active: true } }),
  };
}

export interface NotificationPreferences {
  /** Emails about tasks and requests. */
  email: boolean;
  /** Slack direct messages (sent only when the organization connected Slack). */
  slack: boolean;
}

const preferenceSelect = { emailNotifications: true, slackNotifications: true } as const;

const toPreferences = (user: {
  emailNotifications: boolean;
  slackNotifications: boolean;
}): NotificationPreferences => ({
  email: user.emailNotifications,
  slack: user.slackNotifications,
});

/** The signed-in person's notification channels. */
export async function getNotificationPreferences(
  ctx: ReadContext,
): Promise<NotificationPreferences> {
  const user = await ctx.db.user.findUniqueOrThrow({
    where: { id: ctx.actor.id },
    select: preferenceSelect,
  });
  return toPreferences(user);
}

/**
 * Changes the signed-in person's own notification channels — only ever the actor's: there
 * is no way to name someone else. The outbox honours them for every later notification
 * (rows already queued are delivered as queued). A change is recorded as an event with the
 * channels before and after; saving the same choice again records nothing.
 */
export async function updateNotificationPreferences(
  ctx: ReadContext & Pick<Context, "now">,
  input: TNotificationPreferencesInput,
): Promise<NotificationPreferences> {
  const { actor } = ctx;
  return transaction(ctx, async (tx) => {
    const before = toPreferences(
      await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: preferenceSelect }),
    );
    const after: NotificationPreferences = { email: input.email, slack: input.slack };
    if (before.email === after.email && before.slack === after.slack) return after;
    const now = ctx.now();
    await tx.user.update({
      where: { id: actor.id },
      data: { emailNotifications: after.email, slackNotifications: after.slack, updatedAt: now },
    });
    await recordEvents(tx, [
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "user.notification_preferences_changed",
        targetType: "User",
        targetId: actor.id,
        before: { ...before },
        after: { ...after },
        at: now,
      },
    ]);
    return after;
  });
}
