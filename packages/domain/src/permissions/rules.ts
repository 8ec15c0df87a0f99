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

/** Every member sees the apps of their organization (SPEC §8). */
export function canViewApp(actor: Actor, app: Pick<AppFacts, "organizationId">): Decision {
  if (actor.organizationId !== app.organizationId) return deny("This app does not exist.");
  return allow;
}

/** App settings, accounts and entitlements: super admins and the app's owners. */
export function canManageApp(actor: Actor, app: AppFacts): Decision {
  if (actor.organizationId !== app.organizationId) return deny("This app does not exist.");
  if (isSuperAdmin(actor) || app.ownerIds.includes(actor.id)) return allow;
  return deny("Only the app's owners and super admins can change this app.");
}

/** The Users directory is for administrators (SPEC §2). */
export function canViewDirectory(actor: Actor): Decision {
  return isSuperAdmin(actor) ? allow : deny("Only super admins can browse the people directory.");
}

/** Adding an application to the organization (SPEC §8: super admins do everything). */
export function canCreateApp(actor: Actor): Decision {
  return isSuperAdmin(actor) ? allow : deny("Only super admins can add applications.");
}

/** Approval policies: create, edit, duplicate, delete. */
export function canManagePolicies(actor: Actor): Decision {
  return isSuperAdmin(actor) ? allow : deny("Only super admins can change approval policies.");
}

/** People: add someone, set their role, manager and status. */
export function canManagePeople(actor: Actor): Decision {
  return isSuperAdmin(actor)
    ? allow
    : deny("Only super admins can change people's roles, managers and status.");
}

/** The audit log: every Event of the organization. */
export function canViewAuditLog(actor: Actor): Decision {
  return isSuperAdmin(actor) ? allow : deny("Only super admins can read the audit log.");
}

/** Organization-wide settings. */
export function canManageOrganization(actor: Actor): Decision {
  return isSuperAdmin(actor)
    ? allow
    : deny("Only super admins can change the organization's settings.");
}

/** Notification delivery: the dead letters and their retry (SPEC §6.3). */
export function canManageNotifications(actor: Actor): Decision {
  return isSuperAdmin(actor)
    ? allow
    : deny("Only super admins can see notification deliveries and retry failed ones.");
}

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
