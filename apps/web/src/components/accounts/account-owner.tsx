import { TriangleAlert } from "lucide-react";
import { Avatar } from "~/components/ui/avatar";
import { Badge } from "~/components/ui/badge";
import { formatDate } from "~/lib/format";
import { evidenceText, OWNER_STATE, type AccountListRow } from "./accounts-list.ts";

const INACTIVE = { SUSPENDED: "Suspended", DEPROVISIONED: "Deprovisioned" } as const;

/**
 * The owner column of an account (SPEC §4.1–§4.3): who owns it and how that was decided
 * (Matched / Manual / Cleared / No owner / Ambiguous), the match evidence ("by email …"),
 * whom mapping matched when someone else was set by hand, and a flag when the owner is
 * suspended or deprovisioned.
 */
export function AccountOwner({ account }: { account: AccountListRow }) {
  const state = OWNER_STATE[account.ownerState];
  const { owner, evidence } = account;
  const matchedBy = evidenceText(evidence);
  const secondary =
    account.ownerState === "MATCHED"
      ? matchedBy
      : account.ownerState === "AMBIGUOUS"
        ? `several people named ${evidence.matchValue ?? "alike"}`
        : evidence.matchedOwner
          ? `matched ${evidence.matchedOwner.displayName}${matchedBy ? ` ${matchedBy}` : ""}`
          : null;
  const change = account.ownerStatusChange;
  const inactive =
    owner && owner.status !== "ACTIVE"
      ? `Owner ${INACTIVE[owner.status].toLowerCase()}${
          change ? ` on ${formatDate(change.at)}${change.byName ? ` by ${change.byName}` : ""}` : ""
        }`
      : null;
  return (
    <div className="min-w-0">
      <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
        {owner ? (
          <span className="flex max-w-full min-w-0 items-center gap-2">
            <Avatar name={owner.displayName} size="sm" className="max-sm:hidden" />
            <span className="truncate font-medium text-zinc-900" title={owner.email}>
              {owner.displayName}
            </span>
          </span>
        ) : null}
        <Badge tone={state.tone} className="shrink-0">
          {state.label}
        </Badge>
      </div>
      {inactive ? (
        <p className="mt-1 flex items-center gap-1 text-xs font-medium text-rose-700">
          <TriangleAlert className="size-3.5 shrink-0" aria-hidden />
          <span className="min-w-0 truncate" title={inactive}>
            {inactive}
          </span>
        </p>
      ) : null}
      {secondary ? (
        <p className="text-muted mt-0.5 truncate text-xs" title={secondary}>
          {secondary}
        </p>
      ) : null}
    </div>
  );
}
