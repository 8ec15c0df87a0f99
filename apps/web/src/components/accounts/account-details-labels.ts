// How the account details page words an account's name and ownership. A plain module.
import type { RouterInputs, RouterOutputs } from "@lantern/api";
import { formatDate } from "~/lib/format";

export type AccountDetails = RouterOutputs["accounts"]["byId"];

/** The name shown: display name, else given + family name, else login, else external id. */
export function accountName(account: AccountDetails): string {
  const given = [account.givenName, account.familyName].filter(Boolean).join(" ");
  return account.displayName || given || account.login || account.externalId;
}

/** How the owner came to be (or not to be), in a sentence. */
export function ownerEvidence(account: AccountDetails): string {
  const { match } = account;
  const rule =
    match.rule === "EMAIL"
      ? `the email address ${match.value ?? ""}`.trim()
      : match.rule === "NAME"
        ? `the name “${match.value ?? ""}”`
        : null;
  const by = account.ownerSetBy ? ` by ${account.ownerSetBy.displayName}` : "";
  const on = account.ownerSetAt ? ` on ${formatDate(account.ownerSetAt)}` : "";
  switch (account.ownerSource) {
    case "MANUAL":
      return `Set by hand${by}${on}.`;
    case "CLEARED":
      return `Cleared by hand${by}${on}: nobody owns this account.`;
    case "MATCHED":
      if (account.owner && rule) return `Matched automatically by ${rule}.`;
      if (account.owner) return "Matched automatically.";
      if (match.ambiguous)
        return `Ambiguous: several people are named “${match.value ?? "?"}”. An app owner must choose.`;
      return "No person of the organization matches this account.";
  }
}

/** What the mapping rules give, when it differs from the owner shown (MANUAL or CLEARED). */
export function matchedDiffers(account: AccountDetails): boolean {
  return account.ownerSource !== "MATCHED" && account.match.matchedOwner?.id !== account.owner?.id;
}

export const ACCOUNT_GRANTS_PAGE_SIZE = 50;

/** The account page's grants query (the server prefetches what the client table reads). */
export function accountGrantsInput(accountId: string): RouterInputs["accounts"]["grants"] {
  return { accountId, limit: ACCOUNT_GRANTS_PAGE_SIZE };
}
