import type { AccountStatus, AccountType, TaskKind, UserRole, UserStatus } from "@lantern/db";
import {
  assertAllowed,
  canManagePeople,
  canViewDirectory,
  changeEndsSessions,
  checkManagerChange,
  checkRoleChange,
  checkStatusChange,
  DomainError,
  fieldChanges,
  type Actor,
} from "@lantern/domain";

import type {
  TCreatePersonInput,
  TSearchPeopleInput,
  TSetUserManagerInput,
  TSetUserRoleInput,
  TSetUserStatusInput,
  TUserIdInput,
} from "../schemas/users.ts";
import { remapAfterPeopleChange } from "./accounts/people-change.ts";
import { findActivePeople } from "./search.ts";
import { inOrder, lockRow, recordEvents, transaction, type Tx } from "./shared/records.ts";
import type { ServiceContext } from "./shared/context.ts";

// The person page and the people changes of the directory (SPEC §8): super admins look a
// person up (canViewDirectory) and add people, set their role, manager and status
// (canManagePeople). Each change is one transaction with its Event (targetType "User",
// before and after); asking for what already is writes nothing and answers `changed: false`.
// A status change re-maps nothing: account owners are matched among people of every status
// (accounts/people-change.ts), so a suspended owner stays the owner and is flagged as such.

export const PERSON_NOT_FOUND = "This person does not exist in your organization.";
/** Rows of each list on the person page, at most; the totals say how many there are. */
export const PERSON_PAGE_LIMIT = 100;
const REPORTS_LIMIT = 50;
const HISTORY_LIMIT = 30;

interface PersonRef {
  id: string;
  displayName: string;
  email: string;
  status: UserStatus;
}
const refSelect = { id: true, displayName: true, email: true, status: true } as const;

export interface PersonDetails {
  id: string;
  email: string;
  givenName: string;
  familyName: string;
  displayName: string;
  title: string | null;
  department: string | null;
  role: UserRole;
  status: UserStatus;
  lastSignInAt: Date | null;
  createdAt: Date;
  manager: PersonRef | null;
  /** Direct reports by name (at most 50), and how many there are. */
  reports: { items: (PersonRef & { title: string | null })[]; total: number };
  /** Accounts they own, across apps, by app and login (at most 100), and how many. */
  accounts: {
    items: {
      id: string;
      app: { id: string; name: string };
      login: string | null;
      displayName: string | null;
      status: AccountStatus;
      type: AccountType;
    }[];
    total: number;
  };
  /** Open tasks assigned to them, oldest first (at most 100), and how many. */
  openTasks: {
    items: {
      number: number;
      kind: TaskKind;
      app: { id: string; name: string };
      createdAt: Date;
    }[];
    total: number;
  };
  /** The latest events about them (role, manager, status changes, when they were added). */
  history: {
    id: string;
    action: string;
    at: Date;
    actor: { id: string; displayName: string } | null;
    before: unknown;
    after: unknown;
    reason: string | null;
  }[];
}

/** The person page: who they are, their manager and reports, accounts, open tasks, history. */
export async function getPerson(ctx: ServiceContext, input: TUserIdInput): Promise<PersonDetails> {
  assertAllowed(canViewDirectory(ctx.actor));
  const org = ctx.actor.organizationId;
  const person = await ctx.db.user.findFirst({
    where: { id: input.userId, organizationId: org },
    select: {
      id: true,
      email: true,
      givenName: true,
      familyName: true,
      displayName: true,
      title: true,
      department: true,
      role: true,
      status: true,
      lastSignInAt: true,
      createdAt: true,
      manager: { select: refSelect },
    },
  });
  if (!person) throw new DomainError("NOT_FOUND", PERSON_NOT_FOUND);
  const openAssignment = { userId: person.id, organizationId: org, active: true, taskOpen: true };
  const [reports, reportCount, accounts, accountCount, tasks, taskCount, events] = await inOrder([
    ctx.db.user.findMany({
      where: { organizationId: org, managerId: person.id },
      orderBy: [{ displayName: "asc" }, { id: "asc" }],
      take: REPORTS_LIMIT,
      select: { ...refSelect, title: true },
    }),
    ctx.db.user.count({ where: { organizationId: org, managerId: person.id } }),
    ctx.db.account.findMany({
      where: { organizationId: org, ownerId: person.id },
      orderBy: [{ app: { name: "asc" } }, { login: "asc" }, { id: "asc" }],
      take: PERSON_PAGE_LIMIT,
      select: {
        id: true,
        login: true,
        displayName: true,
        status: true,
        type: true,
        app: { select: { id: true, name: true } },
      },
    }),
    ctx.db.account.count({ where: { organizationId: org, ownerId: person.id } }),
    ctx.db.task.findMany({
      where: { organizationId: org, state: "OPEN", assignees: { some: openAssignment } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: PERSON_PAGE_LIMIT,
      select: {
        number: true,
        kind: true,
        createdAt: true,
        app: { select: { id: true, name: true } },
      },
    }),
    ctx.db.task.count({
      where: { organizationId: org, state: "OPEN", assignees: { some: openAssignment } },
    }),
    ctx.db.event.findMany({
      // Changes, not sign-ins and sign-outs (those are in the audit log).
      where: {
        organizationId: org,
        targetType: "User",
        targetId: person.id,
        action: { notIn: ["user.signed_in", "user.signed_out"] },
      },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: HISTORY_LIMIT,
      select: {
        id: true,
        action: true,
        at: true,
        before: true,
        after: true,
        reason: true,
        actor: { select: { id: true, displayName: true } },
      },
    }),
  ] as const);
  return {
    ...person,
    reports: { items: reports, total: reportCount },
    accounts: { items: accounts, total: accountCount },
    openTasks: { items: tasks, total: taskCount },
    history: events,
  };
}

/** Active people by name or email (the first 20), for the manager picker. */
export async function searchPeople(ctx: ServiceContext, input: TSearchPeopleInput) {
  assertAllowed(canViewDirectory(ctx.actor));
  return findActivePeople(ctx.db, ctx.actor.organizationId, input.search);
}

export interface PersonChange {
  changed: boolean;
  person: {
    id: string;
    displayName: string;
    role: UserRole;
    status: UserStatus;
    managerId: string | null;
  };
}

const changeSelect = {
  id: true,
  displayName: true,
  role: true,
  status: true,
  managerId: true,
} as const;

/** Locks the person (of the actor's organization) for a change; NOT_FOUND otherwise. */
async function lockPerson(tx: Tx, actor: Actor, userId: string) {
  await lockRow(tx, "User", userId, actor.organizationId, PERSON_NOT_FOUND);
  return tx.user.findUniqueOrThrow({ where: { id: userId }, select: changeSelect });
}

/**
 * Active super admins other than `userId`, their rows locked: two super admins demoting or
 * suspending each other at once change one after the other, and the second sees the first.
 */
async function otherActiveSuperAdmins(tx: Tx, actor: Actor, userId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "User"
     WHERE "organizationId" = ${actor.organizationId}::uuid
       AND "role" = 'SUPER_ADMIN' AND "status" = 'ACTIVE' AND "id" <> ${userId}::uuid
     ORDER BY "id"
       FOR UPDATE`;
  return rows.length;
}

/** The manager chosen in a form (null: none), of the organization; NOT_FOUND otherwise. */
async function chosenManager(
  tx: Tx,
  organizationId: string,
  managerId: string | null | undefined,
): Promise<{ id: string; displayName: string; status: UserStatus } | null> {
  if (!managerId) return null;
  const manager = await tx.user.findFirst({
    where: { id: managerId, organizationId },
    select: { id: true, displayName: true, status: true },
  });
  if (!manager) {
    throw new DomainError(
      "NOT_FOUND",
      "The manager you chose does not exist in your organization.",
    );
  }
  return manager;
}

/** Writes the change with its event, unless nothing changes. */
async function applyChange(
  ctx: ServiceContext,
  tx: Tx,
  person: PersonChange["person"],
  data: Partial<Pick<PersonChange["person"], "role" | "status" | "managerId">>,
  action: string,
  extra: { reason?: string | null; before?: object; after?: object } = {},
): Promise<PersonChange> {
  const changes = fieldChanges(person, data);
  if (!changes) return { changed: false, person };
  const at = ctx.now();
  const updated = await tx.user.update({
    where: { id: person.id },
    // A new role or status ends the person's sessions: they sign in again under it.
    data: changeEndsSessions(person, data)
      ? { ...data, sessionGeneration: { increment: 1 } }
      : data,
    select: changeSelect,
  });
  await recordEvents(tx, [
    {
      organizationId: ctx.actor.organizationId,
      actorId: ctx.actor.id,
      action,
      targetType: "User",
      targetId: person.id,
      before: { ...changes.before, ...extra.before },
      after: { ...changes.after, ...extra.after },
      reason: extra.reason ?? null,
      at,
    },
  ]);
  return { changed: true, person: updated };
}

/**
 * Change role (Super admin / Member); the organization keeps an active super admin. The
 * person's sessions end: they sign in again with the new role.
 */
export async function setPersonRole(
  ctx: ServiceContext,
  input: TSetUserRoleInput,
): Promise<PersonChange> {
  assertAllowed(canManagePeople(ctx.actor));
  return transaction(ctx, async (tx) => {
    const person = await lockPerson(tx, ctx.actor, input.userId);
    if (person.role === input.role) return { changed: false, person };
    checkRoleChange(person, input.role, await otherActiveSuperAdmins(tx, ctx.actor, person.id));
    return applyChange(ctx, tx, person, { role: input.role }, "user.role_changed");
  });
}

/**
 * Change manager (null: none). The manager is an active person of the organization, and the
 * chain of managers never loops. Manager changes of an organization take one lock, so two
 * changes at once cannot close a loop between them.
 */
export async function setPersonManager(
  ctx: ServiceContext,
  input: TSetUserManagerInput,
): Promise<PersonChange> {
  assertAllowed(canManagePeople(ctx.actor));
  const org = ctx.actor.organizationId;
  return transaction(ctx, async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`managers:${org}`}))`;
    const person = await lockPerson(tx, ctx.actor, input.userId);
    if (person.managerId === input.managerId) return { changed: false, person };
    const before = person.managerId
      ? await tx.user.findUnique({ where: { id: person.managerId }, select: { displayName: true } })
      : null;
    const manager = await chosenManager(tx, org, input.managerId);
    let chain: string[] = [];
    if (manager) {
      // The new manager's managers, upwards (UNION stops at a loop already in the data).
      const rows = await tx.$queryRaw<{ managerId: string }[]>`
        WITH RECURSIVE chain("id", "managerId") AS (
          SELECT "id", "managerId" FROM "User"
           WHERE "id" = ${manager.id}::uuid AND "organizationId" = ${org}::uuid
          UNION
          SELECT u."id", u."managerId" FROM "User" u JOIN chain c ON u."id" = c."managerId"
        )
        SELECT "managerId"::text AS "managerId" FROM chain WHERE "managerId" IS NOT NULL`;
      chain = rows.map((r) => r.managerId);
    }
    checkManagerChange(person, manager, chain);
    return applyChange(ctx, tx, person, { managerId: input.managerId }, "user.manager_changed", {
      before: { managerName: before?.displayName ?? null },
      after: { managerName: manager?.displayName ?? null },
    });
  });
}

/**
 * Change status. Suspended and deprovisioned people cannot sign in, and any change of status
 * ends the person's sessions at their next request (a reactivation never revives a cookie from
 * before); the reason is kept on the event, which the accounts they own show.
 */
export async function setPersonStatus(
  ctx: ServiceContext,
  input: TSetUserStatusInput,
): Promise<PersonChange> {
  assertAllowed(canManagePeople(ctx.actor));
  return transaction(ctx, async (tx) => {
    const person = await lockPerson(tx, ctx.actor, input.userId);
    if (person.status === input.status) return { changed: false, person };
    checkStatusChange(
      ctx.actor,
      person,
      input.status,
      input.reason,
      await otherActiveSuperAdmins(tx, ctx.actor, person.id),
    );
    return applyChange(ctx, tx, person, { status: input.status }, "user.status_changed", {
      reason: input.reason || null,
    });
  });
}

/**
 * Add person: an active person of the organization, with its notification defaults; their
 * email is unique in the organization (case-insensitive). The accounts that match them are
 * re-mapped with the addition (large apps queued), in the same transaction.
 */
export async function createPerson(
  ctx: ServiceContext,
  input: TCreatePersonInput,
): Promise<{ id: string; displayName: string }> {
  assertAllowed(canManagePeople(ctx.actor));
  const org = ctx.actor.organizationId;
  const emailNormalized = input.email.trim().toLowerCase();
  return transaction(ctx, async (tx) => {
    // One addition per address at a time: the second waits and then finds the first.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`person:${org}:${emailNormalized}`}))`;
    const existing = await tx.user.findFirst({
      where: { organizationId: org, emailNormalized },
      select: { displayName: true, status: true },
    });
    if (existing) {
      throw new DomainError(
        "CONFLICT",
        existing.status === "ACTIVE"
          ? `${existing.displayName} already has the email address ${input.email}.`
          : `${existing.displayName} (${existing.status.toLowerCase()}) already has the email address ${input.email}: change their status instead.`,
      );
    }
    const manager = await chosenManager(tx, org, input.managerId);
    const displayName = input.displayName ?? `${input.givenName} ${input.familyName}`;
    // A new person has no reports yet: only the manager's own status can refuse.
    checkManagerChange({ id: "", displayName }, manager, []);
    const defaults = await tx.organization.findUniqueOrThrow({
      where: { id: org },
      select: { emailNotificationsDefault: true, slackNotificationsDefault: true },
    });
    const at = ctx.now();
    const created = await tx.user.create({
      data: {
        organizationId: org,
        email: input.email,
        emailNormalized,
        givenName: input.givenName,
        familyName: input.familyName,
        displayName,
        title: input.title ?? null,
        department: input.department ?? null,
        managerId: manager?.id ?? null,
        role: input.role,
        status: "ACTIVE",
        emailNotifications: defaults.emailNotificationsDefault,
        slackNotifications: defaults.slackNotificationsDefault,
        createdAt: at,
      },
      select: {
        id: true,
        email: true,
        givenName: true,
        familyName: true,
        displayName: true,
        title: true,
        department: true,
        managerId: true,
        role: true,
        status: true,
        emailNotifications: true,
        slackNotifications: true,
      },
    });
    await recordEvents(tx, [
      {
        organizationId: org,
        actorId: ctx.actor.id,
        action: "user.created",
        targetType: "User",
        targetId: created.id,
        before: null,
        after: { ...created, managerName: manager?.displayName ?? null },
        at,
      },
    ]);
    await remapAfterPeopleChange(tx, {
      organizationId: org,
      change: { emails: true, names: true },
      actorId: ctx.actor.id,
      at,
    });
    return { id: created.id, displayName: created.displayName };
  });
}
