"use client";

import type { Column } from "~/components/ui/table";
import { srOnly } from "~/components/ui/table";
import { ExpiresOn, GrantedOn } from "./grant-dates.tsx";
import { PendingRevocation } from "./pending-revocation.tsx";
import { RevokeButton } from "./revoke-button.tsx";
import type { RevokeTarget } from "./revoke-dialog.tsx";

/** What every list of grants knows of a grant. */
export interface GrantFacts {
  grantedAt: Date | string;
  source: React.ComponentProps<typeof GrantedOn>["source"];
  expiresAt: Date | string | null;
  pending: React.ComponentProps<typeof PendingRevocation>["pending"] | null;
}

/**
 * The Granted and Expires columns of a list of grants (the account's, the entitlement's, the
 * viewer's own), shown from `from` on, with their header widths.
 */
export function grantDateColumns<Row extends GrantFacts>(
  from: "md" | "lg",
  widths: { granted: string; expires: string },
): Array<Column<Row>> {
  const body = "text-zinc-700 tabular-nums";
  return [
    {
      key: "granted",
      header: "Granted",
      from,
      head: widths.granted,
      body,
      cell: (grant) => <GrantedOn grantedAt={grant.grantedAt} source={grant.source} />,
    },
    {
      key: "expires",
      header: "Expires",
      from,
      head: widths.expires,
      body,
      cell: (grant) => <ExpiresOn expiresAt={grant.expiresAt} />,
    },
  ];
}

/** The Revocation column: the pending revocation of the grant, if any, else `none`. */
export function revocationColumn<Row extends GrantFacts>(
  width: string,
  none: React.ReactNode,
): Column<Row> {
  return {
    key: "revocation",
    header: "Revocation",
    from: "sm",
    head: width,
    cell: (grant) => (grant.pending ? <PendingRevocation pending={grant.pending} /> : none),
  };
}

/** A grant's Revoke button, or nothing while a revocation of it is pending. */
export function GrantRevoke({ pending, target }: { pending: unknown; target: RevokeTarget }) {
  return pending ? null : <RevokeButton target={target} />;
}

/** The last column of a list of grants the viewer may revoke from: Revoke. */
export function revokeColumn<Row extends GrantFacts>(
  target: (grant: Row) => RevokeTarget,
): Column<Row> {
  return {
    key: "actions",
    header: srOnly("Actions"),
    from: "sm",
    align: "right",
    head: "w-24",
    cell: (grant) => <GrantRevoke pending={grant.pending} target={target(grant)} />,
  };
}
