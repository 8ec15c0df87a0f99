import Link from "next/link";
import type { RouterOutputs } from "@lantern/api";
import { Badge } from "~/components/ui/badge";

type Pending = NonNullable<RouterOutputs["entitlements"]["grants"]["items"][number]["pending"]>;

/**
 * "Pending revocation" with what it waits for, linking to its open task when there is one
 * and the viewer may open it (a link never leads to a refusal).
 */
export function PendingRevocation({ pending }: { pending: Pending }) {
  const badge = <Badge tone="brand">Pending revocation</Badge>;
  const text = `${pending.requester.displayName} asked; ${pending.description}`;
  return (
    <span className="flex min-w-0 flex-col items-start gap-0.5">
      {pending.task?.viewerCanOpen ? (
        <Link
          href={`/tasks/${pending.task.number}`}
          className="inline-block rounded-md focus-visible:outline-2"
          aria-label={`Pending revocation: ${pending.description}. Open task #${pending.task.number}`}
        >
          {badge}
        </Link>
      ) : (
        badge
      )}
      <span className="text-muted text-xs leading-4">{text}</span>
    </span>
  );
}
