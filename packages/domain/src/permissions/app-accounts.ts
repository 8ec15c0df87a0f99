import { allow, deny, type Actor, type Decision } from "../actor.ts";
import { canManageApp, readsEverything } from "./rules.ts";

// SPEC §4.1, §4.3, §4.4, §8: who may see an app's Accounts tab (every account of the app) and
// change an account's owner or type. Super admins and the app's owners; auditors see the tab
// and its export (readsEverything) but change nothing. Other members see apps (canViewApp)
// and the accounts they may see one by one (canViewAccount), not the whole list: a refusal
// names the people who can, so the member knows whom to ask.

/** An app as these rules need it: its organization, its name and its owners. */
export interface AccountAppFacts {
  organizationId: string;
  appName: string;
  owners: ReadonlyArray<{ id: string; displayName: string }>;
}

export const ACCOUNT_APP_NOT_FOUND = "This app does not exist.";

/** "super admins and the owners of GitHub (Ada Lovelace and Max Payne)". */
export function whoManagesAccounts(app: AccountAppFacts): string {
  const names = app.owners.map((o) => o.displayName);
  if (names.length === 0) return `super admins (${app.appName} has no owner)`;
  const list =
    names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names.at(-1)!}`;
  return `super admins and the owners of ${app.appName} (${list})`;
}

/** canManageApp decides (one rule for an app's managers); this only words the refusal. */
function decide(actor: Actor, app: AccountAppFacts, what: string): Decision {
  const managed = canManageApp(actor, {
    organizationId: app.organizationId,
    ownerIds: app.owners.map((o) => o.id),
  });
  if (managed.allowed) return allow;
  if (actor.organizationId !== app.organizationId) return deny(ACCOUNT_APP_NOT_FOUND);
  return deny(`Only ${whoManagesAccounts(app)} can ${what}.`);
}

/**
 * The Accounts tab and its CSV export: every account of the app, with owners and evidence.
 * The app's managers and the people who read everything.
 */
export function canViewAccounts(actor: Actor, app: AccountAppFacts): Decision {
  if (actor.organizationId === app.organizationId && readsEverything(actor)) return allow;
  return decide(actor, app, `see the accounts of ${app.appName}`);
}

/** Set, reset or clear an account's owner; set its type. */
export function canManageAccounts(actor: Actor, app: AccountAppFacts): Decision {
  return decide(actor, app, `change the owner or type of accounts in ${app.appName}`);
}
