import type { Metadata } from "next";
import { Download } from "lucide-react";
import { TRPCError } from "@trpc/server";
import { ZAuditFilters } from "@lantern/api";
import { AuditFilterBar } from "~/components/audit/audit-filter-bar";
import {
  auditExportHref,
  auditFilterInput,
  auditListInput,
  parseAuditParams,
} from "~/components/audit/audit-filters";
import { AuditTable } from "~/components/audit/audit-table";
import { secondaryButton } from "~/components/ui/button";
import { ErrorAlert } from "~/components/ui/error-alert";
import { PageHeader } from "~/components/ui/page-header";
import { getQueryClient, HydrateClient, prefetch, serverCaller, trpc } from "~/trpc/server";
import { RefusedPage } from "~/components/shell/refused";
import { nextPage } from "~/trpc/pages";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const TITLE = "Audit log";
const DESCRIPTION = "Every change in Lantern: who made it, when, to what, and what changed.";

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const params = parseAuditParams(await searchParams);
  // Filters the API would refuse (a bad date, from after to) are said here in words.
  const invalid = ZAuditFilters.safeParse(auditFilterInput(params)).error?.issues[0]?.message;
  const list = trpc.audit.list.infiniteQueryOptions(auditListInput(params), nextPage);
  const queryClient = getQueryClient();
  const [actions] = await Promise.all([
    queryClient.fetchQuery(trpc.audit.actions.queryOptions()).catch((error: unknown) => error),
    invalid ? null : prefetch(list),
  ]);

  // The API decides who may read the audit log (canViewAuditLog); the page shows its answer.
  const error = queryClient.getQueryState(list.queryKey)?.error;
  const forbidden = [error, actions].find(
    (e): e is TRPCError => e instanceof TRPCError && e.code === "FORBIDDEN",
  );
  if (forbidden) {
    return (
      <RefusedPage
        page={TITLE}
        title={forbidden.message.replace(/\.$/, "")}
        back={{ href: "/apps", label: "Back to Applications" }}
      >
        Ask a Lantern super admin when you need to know who changed something.
      </RefusedPage>
    );
  }
  if (error && !(error instanceof TRPCError && error.code === "BAD_REQUEST")) throw error;
  const problem = invalid ?? (error ? error.message : null);
  if (actions instanceof Error) throw actions;

  const actorName = params.actor
    ? await serverCaller()
        .then((caller) => caller.users.byId({ userId: params.actor! }))
        .then((person) => person.displayName)
        .catch(() => null)
    : null;

  return (
    <>
      <PageHeader
        title={TITLE}
        description={DESCRIPTION}
        actions={
          problem ? null : (
            <a href={auditExportHref(params)} className={secondaryButton} download>
              <Download className="size-4" aria-hidden />
              Export CSV
            </a>
          )
        }
      />
      <div className="space-y-4 px-6 py-6 xl:px-8">
        <AuditFilterBar
          key={JSON.stringify(params)}
          params={params}
          actions={actions as string[]}
          actorName={actorName}
        />
        {problem ? (
          <ErrorAlert>{problem}</ErrorAlert>
        ) : (
          <HydrateClient>
            <AuditTable params={params} />
          </HydrateClient>
        )}
      </div>
    </>
  );
}
