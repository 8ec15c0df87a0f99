import { allow, deny, type Actor, type Decision } from "../actor.ts";
import { DomainError } from "../errors.ts";

// SPEC §8. Every permission rule of Lantern lives in this folder, as one pure function per
// rule, and is tested as a table. Services ask these functions; routers and pages never
// re-implement a rule.

/** Facts about an app that permission rules need. */
export interface AppFacts {
  organizationId: string;
  ownerIds: readonly string[];
}

export function isSuperAdmin(actor: Actor): boolean {
  return actor.role === "SUPER_ADMIN";
}

export function isAuditor(actor: Actor): boolean {
  return actor.role === "AUDITOR";
}

/**
 * The one place that says who reads everything of their organization (SPEC §8): super admins
 * and auditors. Every rule that lets someone SEE a thing asks this; every rule that lets
 * someone CHANGE a thing asks isSuperAdmin (or names the people responsible), so an auditor
 * reads what a super admin reads and changes nothing. An auditor is still a person: what they
 * may do for themself (request access, cancel their own request, their own preferences,
 * sign out) they may do as any member does.
 */
export function readsEverything(actor: Actor): boolean {
  return isSuperAdmin(actor) || isAuditor(actor);
}

/** Only active people may use Lantern at all. */
export function canSignIn(user: Pick<Actor, "status">): Decision {
  switch (user.status) {
    case "ACTIVE":
      return allow;
    case "SUSPENDED":
      return deny("Your Lantern account is suspended. Ask a Lantern super admin to reactivate it.");
    case "DEPROVISIONED":
      return deny("Your Lantern account has been deprovisioned.");
  }
}

/**
 * A rule about one thing of an organization that names who is responsible for it: `notFound`
 * for another organization's (it does not exist for them), the sign-in refusal for people who
 * may not use Lantern, allowed for the people `responsible` names, else refused with `whoCan`.
 */
export function responsibleRule<F extends { organizationId: string }>(rule: {
  notFound: string;
  responsible: (actor: Actor, facts: F) => boolean;
  whoCan: (facts: F) => string;
}): (actor: Actor, facts: F) => Decision {
  return (actor, facts) => {
    if (actor.organizationId !== facts.organizationId) return deny(rule.notFound);
    const active = canSignIn(actor);
    if (!active.allowed) return active;
    return rule.responsible(actor, facts) ? allow : deny(rule.whoCan(facts));
  };
}

/**
 * Which of the organization's things a list holds for `actor`: `ALL` for the people `seesAll`
 * names, `partial` for the other members, `NONE` for people of another organization or who
 * may not use Lantern.
 */
export function listScope<F extends { organizationId: string }, P extends string>(
  seesAll: (actor: Actor, facts: F) => boolean,
  partial: P,
): (actor: Actor, facts: F) => "ALL" | P | "NONE" {
  return (actor, facts) => {
    if (actor.organizationId !== facts.organizationId || !canSignIn(actor).allowed) return "NONE";
    return seesAll(actor, facts) ? "ALL" : partial;
  };
}

/** The direct manager of `owner` (an account's owner); nobody for an account without one. */
export function managesOwner(actor: Actor, owner: { managerId: string | null } | null): boolean {
  return owner !== null && owner.managerId === actor.id;
}

/** The account's owner or their direct manager. */
export function ownsOrManages(
  actor: Actor,
  owner: { id: string; managerId: string | null } | null,
): boolean {
  return owner?.id === actor.id || managesOwner(actor, owner);
}

/** A rule only super admins pass, refused with `refusal`. */
const superAdminsOnly =
  (refusal: string) =>
  (actor: Actor): Decision =>
    isSuperAdmin(actor) ? allow : deny(refusal);

/** A reading rule only the people who read everything pass (readsEverything). */
const readersOnly =
  (refusal: string) =>
  (actor: Actor): Decision =>
    readsEverything(actor) ? allow : deny(refusal);

/** Every member sees the apps of their organization (SPEC §8). */
export function canViewApp(actor: Actor, app: Pick<AppFacts, "organizationId">): Decision {
  if (actor.organizationId !== app.organizationId) return deny("This app does not exist.");
  return allow;
}

/**
 * Read an app's settings page (details, people, instructions, default policies, connector
 * without its secrets): the people who read everything and the app's owners.
 */
export function canViewAppSettings(actor: Actor, app: AppFacts): Decision {
  if (actor.organizationId !== app.organizationId) return deny("This app does not exist.");
  if (readsEverything(actor) || app.ownerIds.includes(actor.id)) return allow;
  return deny("Only the app's owners, super admins and auditors can see this app's settings.");
}

/** App settings, accounts and entitlements: super admins and the app's owners. */
export function canManageApp(actor: Actor, app: AppFacts): Decision {
  if (actor.organizationId !== app.organizationId) return deny("This app does not exist.");
  if (isSuperAdmin(actor) || app.ownerIds.includes(actor.id)) return allow;
  return deny("Only the app's owners and super admins can change this app.");
}

/** The Users directory is for administrators (SPEC §2), read by auditors too. */
export const canViewDirectory = readersOnly(
  "Only super admins and auditors can browse the people directory.",
);

/** Adding an application to the organization (SPEC §8: super admins do everything). */
export const canCreateApp = superAdminsOnly("Only super admins can add applications.");

/** Approval policies: the list and one policy's steps. */
export const canViewPolicies = readersOnly(
  "Only super admins and auditors can see the approval policies.",
);

/** Approval policies: create, edit, duplicate, delete. */
export const canManagePolicies = superAdminsOnly("Only super admins can change approval policies.");

/** People: add someone, set their role, manager and status. */
export const canManagePeople = superAdminsOnly(
  "Only super admins can change people's roles, managers and status.",
);

/** The audit log and its export: every Event of the organization. */
export const canViewAuditLog = readersOnly(
  "Only super admins and auditors can read the audit log.",
);

/** Organization-wide settings, as they are. */
export const canViewOrganizationSettings = readersOnly(
  "Only super admins and auditors can see the organization's settings.",
);

/** Organization-wide settings: change them, import people. */
export const canManageOrganization = superAdminsOnly(
  "Only super admins can change the organization's settings.",
);

/** Notification delivery: what went out, what waits, what failed (SPEC §6.3). */
export const canViewNotifications = readersOnly(
  "Only super admins and auditors can see notification deliveries.",
);

/** Notification delivery: retry the dead letters (SPEC §6.3). */
export const canManageNotifications = superAdminsOnly(
  "Only super admins can retry failed notifications.",
);

/** Who may read the dev mailbox, as the server is configured (see the API's Context). */
export type DevMailboxAccess = "off" | "public" | "signed-in";

/** Whose stored email the dev mailbox shows: everyone's, one address's, or none. */
export type DevMailboxScope = { kind: "ALL" } | { kind: "OWN"; email: string } | { kind: "NONE" };

/**
 * The dev mailbox (SPEC §6.1) holds every email the server would have sent, sign-in links
 * included, for every organization. In demo mode ("public") it shows everyone's: anyone may
 * sign in as anyone there. In development ("signed-in") a person reads only the email sent
 * to their own address, or they could sign in as anyone whose link they read. Turned off: none.
 */
export function devMailboxScope(access: DevMailboxAccess, actor: Actor | null): DevMailboxScope {
  if (access === "public") return { kind: "ALL" };
  if (access === "signed-in" && actor && canSignIn(actor).allowed) {
    return { kind: "OWN", email: actor.email };
  }
  return { kind: "NONE" };
}

/** Turns a refusal into the typed error the API reports (FORBIDDEN or NOT_FOUND). */
export function assertAllowed(
  decision: Decision,
  code: "FORBIDDEN" | "NOT_FOUND" = "FORBIDDEN",
): void {
  if (!decision.allowed) throw new DomainError(code, decision.reason);
}
