import Link from "next/link";
import { Badge } from "~/components/ui/badge";

/** Per entitlement: the viewer holds it, or asked for it already. */
export type ViewerAccess = { held: boolean; pending: boolean };

/** What the viewer may do about one entitlement: ask for it, or see that they have. */
export function RequestAction({
  entitlement,
  managed,
  viewer,
}: {
  entitlement: { id: string; displayName: string };
  managed: boolean;
  viewer: ViewerAccess | undefined;
}) {
  if (!managed) return null;
  if (viewer?.held) return <Badge tone="green">You have this</Badge>;
  if (viewer?.pending) {
    return (
      <Link href="/my-requests" className="inline-block" title="See it on My requests">
        <Badge tone="brand">Requested</Badge>
      </Link>
    );
  }
  return (
    <Link
      href={`/my-requests/new?entitlement=${entitlement.id}`}
      aria-label={`Request access: ${entitlement.displayName}`}
      className="inline-flex items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-xs font-medium whitespace-nowrap text-zinc-800 shadow-xs hover:bg-zinc-50"
    >
      Request access
    </Link>
  );
}
