/** The signed-in person on whose behalf a call runs, as loaded from the database. */
export interface Actor {
  id: string;
  organizationId: string;
  role: "SUPER_ADMIN" | "MEMBER";
  status: "ACTIVE" | "SUSPENDED" | "DEPROVISIONED";
  displayName: string;
  email: string;
}

/** A permission decision: allowed, or refused with a reason written for the person. */
export type Decision = { allowed: true } | { allowed: false; reason: string };

export const allow: Decision = { allowed: true };
export const deny = (reason: string): Decision => ({ allowed: false, reason });
