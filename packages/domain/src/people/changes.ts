import type { Actor } from "../actor.ts";
import { DomainError } from "../errors.ts";

// The rules of a change to a person's role, manager or status (people directory, SPEC §8).
// Each function throws the DomainError a super admin sees, or returns nothing when the change
// may happen. Who may change people at all is canManagePeople (permissions/rules.ts).

export type PersonRole = "SUPER_ADMIN" | "AUDITOR" | "MEMBER";
export type PersonStatus = "ACTIVE" | "SUSPENDED" | "DEPROVISIONED";

export interface PersonFacts {
  id: string;
  displayName: string;
  role: PersonRole;
  status: PersonStatus;
}

/** Longest reason kept with a suspension or deprovisioning. */
export const STATUS_REASON_MAX = 1000;

const STATUS_WORD: Record<PersonStatus, string> = {
  ACTIVE: "active",
  SUSPENDED: "suspended",
  DEPROVISIONED: "deprovisioned",
};

const isActiveSuperAdmin = (p: { role: PersonRole; status: PersonStatus }) =>
  p.role === "SUPER_ADMIN" && p.status === "ACTIVE";

/**
 * The organization keeps at least one active super admin: refuses (CONFLICT) a change that
 * would take the last one away. `otherActiveSuperAdmins` counts the active super admins
 * other than `person`.
 */
function assertKeepsASuperAdmin(
  person: PersonFacts,
  next: { role: PersonRole; status: PersonStatus },
  otherActiveSuperAdmins: number,
): void {
  if (isActiveSuperAdmin(person) && !isActiveSuperAdmin(next) && otherActiveSuperAdmins === 0) {
    throw new DomainError(
      "CONFLICT",
      `${person.displayName} is the organization's only active super admin. Make someone else a super admin first.`,
    );
  }
}

/** Change role: keeps at least one active super admin. */
export function checkRoleChange(
  person: PersonFacts,
  role: PersonRole,
  otherActiveSuperAdmins: number,
): void {
  assertKeepsASuperAdmin(person, { role, status: person.status }, otherActiveSuperAdmins);
}

/**
 * Change status: a reason is required to suspend or deprovision; nobody suspends or
 * deprovisions themselves; the organization keeps at least one active super admin.
 */
export function checkStatusChange(
  actor: Pick<Actor, "id">,
  person: PersonFacts,
  status: PersonStatus,
  reason: string | null | undefined,
  otherActiveSuperAdmins: number,
): void {
  if (status === person.status) return;
  if (status !== "ACTIVE") {
    if (person.id === actor.id) {
      throw new DomainError(
        "BAD_REQUEST",
        `You cannot set yourself ${STATUS_WORD[status]}: ask another super admin.`,
      );
    }
    if (!reason?.trim()) {
      throw new DomainError(
        "BAD_REQUEST",
        `Say why ${person.displayName} is ${STATUS_WORD[status]}: the reason is shown on their accounts.`,
      );
    }
  }
  assertKeepsASuperAdmin(person, { role: person.role, status }, otherActiveSuperAdmins);
}

/**
 * Change manager (null: no manager). The manager must be an active person: approvals that go
 * to a manager skip one who is not active, so a suspended or deprovisioned manager would be a
 * manager in name only. `managerChain` lists the new manager's own managers, upwards (their
 * manager first); a person cannot manage themselves, directly or through the chain.
 */
export function checkManagerChange(
  person: Pick<PersonFacts, "id" | "displayName">,
  manager: Pick<PersonFacts, "id" | "displayName" | "status"> | null,
  managerChain: readonly string[],
): void {
  if (!manager) return;
  if (manager.id === person.id) {
    throw new DomainError("BAD_REQUEST", "A person cannot be their own manager.");
  }
  if (manager.status !== "ACTIVE") {
    throw new DomainError(
      "BAD_REQUEST",
      `${manager.displayName} is ${STATUS_WORD[manager.status]}: choose an active person as manager.`,
    );
  }
  if (managerChain.includes(person.id)) {
    throw new DomainError(
      "BAD_REQUEST",
      `${manager.displayName} reports to ${person.displayName} (directly or through their managers): ${person.displayName} cannot report to them.`,
    );
  }
}
