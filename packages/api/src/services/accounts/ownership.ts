import type { AccountType, OwnerSource, UserStatus } from "@lantern/db";
import {
  ACCOUNT_NOT_FOUND,
  assertAllowed,
  canManageAccounts,
  canViewAccounts,
  DomainError,
  type Actor,
} from "@lantern/domain";

import type {
  TAccountIdInput,
  TOwnerCandidatesInput,
  TSetAccountOwnerInput,
  TSetAccountTypeInput,
} from "../../schemas/accounts.ts";
import { findActivePeople } from "../search.ts";
import { lockRow, recordEvents, transaction, type Tx } from "../shared/records.ts";
import { loadAccountApp, type AccountApp } from "./list.ts";
import type { ServiceContext } from "../shared/context.ts";

// The account … menu (SPEC §4.3, §4.4): set, reset or clear an account's owner, set its type.
// Super admins and the app's owners (canManageAccounts). Each change is one transaction with
// its Event; the account row is locked first, so two admins acting at once apply one after
// the other. Asking for what is already so changes nothing and writes no event: the answer
// says `changed: false`.

const USER_STATUS_WORD: Record<Exclude<UserStatus, "ACTIVE">, string> = {
  SUSPENDED: "suspended",
  DEPROVISIONED: "deprovisioned",
};

/** What a change answers: the account's ownership and type after it. */
export interface AccountChange {
  changed: boolean;
  account: {
    id: string;
    owner: { id: string; displayName: string } | null;
    ownerSource: OwnerSource;
    type: AccountType;
    typeSource: "INGESTED" | "MANUAL";
  };
}

const accountSelect = {
  id: true,
  appId: true,
  status: true,
  type: true,
  typeSource: true,
  ownerId: true,
  ownerSource: true,
  matchedOwnerId: true,
  owner: { select: { id: true, displayName: true } },
  matchedOwner: { select: { id: true, displayName: true } },
} as const;

type LockedAccount = Awaited<ReturnType<typeof lockAccount>>["account"];

/**
 * Locks the account (of the actor's organization), loads it with its app, and checks that the
 * actor may change it and that it still exists in the app. NOT_FOUND for another
 * organization's account, FORBIDDEN naming who can, BAD_REQUEST for a deleted account.
 */
async function lockAccount(tx: Tx, actor: Actor, accountId: string) {
  await lockRow(tx, "Account", accountId, actor.organizationId, ACCOUNT_NOT_FOUND);
  const account = await tx.account.findUniqueOrThrow({
    where: { id: accountId },
    select: accountSelect,
  });
  const app: AccountApp = await loadAccountApp(tx, actor, account.appId);
  assertAllowed(canManageAccounts(actor, app));
  if (account.status === "DELETED") {
    throw new DomainError(
      "BAD_REQUEST",
      `This account was deleted from ${app.appName}: its owner and type can no longer be changed.`,
    );
  }
  return { account, app };
}

function answer(changed: boolean, a: LockedAccount): AccountChange {
  return {
    changed,
    account: {
      id: a.id,
      owner: a.owner,
      ownerSource: a.ownerSource,
      type: a.type,
      typeSource: a.typeSource,
    },
  };
}

const ownership = (a: {
  ownerSource: OwnerSource;
  owner: { id: string; displayName: string } | null;
}) => ({
  ownerId: a.owner?.id ?? null,
  ownerName: a.owner?.displayName ?? null,
  ownerSource: a.ownerSource,
});

type NextOwner = { owner: { id: string; displayName: string } | null; ownerSource: OwnerSource };

/**
 * One owner change in its transaction: locks the account (lockAccount's checks), asks
 * `nextOwner` what the owner becomes, and writes it (and who decided, for MANUAL and CLEARED)
 * with its event, unless the account already is so.
 */
function changeOwner(
  ctx: ServiceContext,
  accountId: string,
  action: string,
  nextOwner: (account: LockedAccount, tx: Tx) => NextOwner | Promise<NextOwner>,
): Promise<AccountChange> {
  return transaction(ctx, async (tx) => {
    const { account } = await lockAccount(tx, ctx.actor, accountId);
    return writeOwner(ctx, tx, account, await nextOwner(account, tx), action);
  });
}

async function writeOwner(
  ctx: ServiceContext,
  tx: Tx,
  account: LockedAccount,
  next: NextOwner,
  action: string,
): Promise<AccountChange> {
  if (account.ownerSource === next.ownerSource && account.ownerId === (next.owner?.id ?? null)) {
    return answer(false, account);
  }
  const at = ctx.now();
  const byHand = next.ownerSource !== "MATCHED";
  const updated = await tx.account.update({
    where: { id: account.id },
    data: {
      ownerId: next.owner?.id ?? null,
      ownerSource: next.ownerSource,
      ownerSetById: byHand ? ctx.actor.id : null,
      ownerSetAt: byHand ? at : null,
    },
    select: accountSelect,
  });
  await recordEvents(tx, [
    {
      organizationId: ctx.actor.organizationId,
      actorId: ctx.actor.id,
      action,
      targetType: "Account",
      targetId: account.id,
      before: ownership(account),
      after: ownership(updated),
      at,
    },
  ]);
  return answer(true, updated);
}

/** Set account owner (SPEC §4.3): an active person of the organization → MANUAL. */
export async function setAccountOwner(
  ctx: ServiceContext,
  input: TSetAccountOwnerInput,
): Promise<AccountChange> {
  return changeOwner(ctx, input.accountId, "account.owner_set", async (_account, tx) => {
    const person = await tx.user.findFirst({
      where: { id: input.userId, organizationId: ctx.actor.organizationId },
      select: { id: true, displayName: true, status: true },
    });
    if (!person) {
      throw new DomainError("NOT_FOUND", "This person does not exist in your organization.");
    }
    if (person.status !== "ACTIVE") {
      throw new DomainError(
        "BAD_REQUEST",
        `${person.displayName} is ${USER_STATUS_WORD[person.status]}: choose an active person as the account's owner.`,
      );
    }
    return { owner: { id: person.id, displayName: person.displayName }, ownerSource: "MANUAL" };
  });
}

/** Reset account owner (SPEC §4.3): back to what mapping found (matchedOwner, MATCHED). */
export async function resetAccountOwner(
  ctx: ServiceContext,
  input: TAccountIdInput,
): Promise<AccountChange> {
  return changeOwner(ctx, input.accountId, "account.owner_reset", (account) => ({
    owner: account.matchedOwner,
    ownerSource: "MATCHED",
  }));
}

/** Clear account owner (SPEC §4.3): no owner, and re-mapping leaves it so (CLEARED). */
export async function clearAccountOwner(
  ctx: ServiceContext,
  input: TAccountIdInput,
): Promise<AccountChange> {
  return changeOwner(ctx, input.accountId, "account.owner_cleared", () => ({
    owner: null,
    ownerSource: "CLEARED",
  }));
}

/** Set account type (SPEC §4.4): typeSource MANUAL, which later ingestion keeps. */
export async function setAccountType(
  ctx: ServiceContext,
  input: TSetAccountTypeInput,
): Promise<AccountChange> {
  return transaction(ctx, async (tx) => {
    const { account } = await lockAccount(tx, ctx.actor, input.accountId);
    if (account.type === input.type && account.typeSource === "MANUAL") {
      return answer(false, account);
    }
    const at = ctx.now();
    const updated = await tx.account.update({
      where: { id: account.id },
      data: { type: input.type, typeSource: "MANUAL" },
      select: accountSelect,
    });
    await recordEvents(tx, [
      {
        organizationId: ctx.actor.organizationId,
        actorId: ctx.actor.id,
        action: "account.type_set",
        targetType: "Account",
        targetId: account.id,
        before: { type: account.type, typeSource: account.typeSource },
        after: { type: updated.type, typeSource: updated.typeSource },
        at,
      },
    ]);
    return answer(true, updated);
  });
}

/**
 * The people "Set account owner" offers: active people of the organization, by name, the first
 * 20 matching the search (name or email). Whoever sees the app's accounts (canViewAccounts):
 * its managers, and auditors, who read it as they read the people directory.
 */
export async function listOwnerCandidates(ctx: ServiceContext, input: TOwnerCandidatesInput) {
  const app = await loadAccountApp(ctx.db, ctx.actor, input.appId);
  assertAllowed(canViewAccounts(ctx.actor, app));
  return findActivePeople(ctx.db, ctx.actor.organizationId, input.search);
}
