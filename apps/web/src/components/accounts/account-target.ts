import type { AccountType } from "./accounts-list.ts";

/** What the account … menu needs to know about an account (a list row or the details page). */
export interface AccountActionsTarget {
  id: string;
  /** The name shown for the account. */
  name: string;
  status: "ACTIVE" | "DISABLED" | "DELETED";
  ownerSource: "MATCHED" | "MANUAL" | "CLEARED";
  owner: { id: string; displayName: string } | null;
  /** Whom automatic mapping matched (what Reset goes back to); null: nobody. */
  matchedOwner: { displayName: string } | null;
  type: AccountType;
}
