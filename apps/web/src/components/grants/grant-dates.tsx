import { GRANT_SOURCE_HINT, GRANT_SOURCE_LABEL } from "~/components/entitlements/labels";
import { formatDate } from "~/lib/format";

type GrantSource = keyof typeof GRANT_SOURCE_LABEL;

/** A grant's "Granted" cell content: the date, and how it came (imported, requested, …) under it. */
export function GrantedOn({
  grantedAt,
  source,
}: {
  grantedAt: Date | string;
  source: GrantSource;
}) {
  return (
    <>
      {formatDate(grantedAt)}
      <span className="text-muted block text-xs" title={GRANT_SOURCE_HINT[source]}>
        {GRANT_SOURCE_LABEL[source]}
      </span>
    </>
  );
}

/** A grant's "Expires" cell content: the date, or "Never". */
export function ExpiresOn({ expiresAt }: { expiresAt: Date | string | null }) {
  return expiresAt ? formatDate(expiresAt) : <span className="text-muted">Never</span>;
}
