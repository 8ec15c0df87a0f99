/** Organization roles (SPEC §8): super admins change anything, auditors read everything and
 * change nothing, members act on what they own, approve or provision. */
export type Role = "SUPER_ADMIN" | "AUDITOR" | "MEMBER";

/** The signed-in person on whose behalf a call runs, as loaded from the database. */
export interface Actor {
  id: string;
  organizationId: string;
  role: Role;
  status: "ACTIVE" | "SUSPENDED" | "DEPROVISIONED";
  displayName: string;
  email: string;
}

/** A permission decision: allowed, or refused with a reason written for the person. */
export type Decision = { allowed: true } | { allowed: false; reason: string };

export const allow: Decision = { allowed: true };
export const deny = (reason: string): Decision => ({ allowed: false, reason });
