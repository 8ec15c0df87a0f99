import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Plus } from "lucide-react";
import { TRPCError } from "@trpc/server";
import { PoliciesForbidden } from "~/components/policies/policies-forbidden";
import { usageText } from "~/components/policies/policy-usage";
import { primaryButton, secondaryButton } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { TableFrame, tableClass, theadClass } from "~/components/ui/table";
import { plural } from "~/lib/format";
import { requireActor } from "~/server/auth/session";
import { serverCaller } from "~/trpc/server";

export const metadata: Metadata = { title: "Policies" };

type SearchParams = Promise<{ after?: string | string[] }>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Approval policies (super admins; auditors read them): what each does, and where it is used. */
export default async function PoliciesPage({ searchParams }: { searchParams: SearchParams }) {
  await requireActor();
  const cursor = first((await searchParams).after);
  const caller = await serverCaller();
  let page;
  const { can } = await caller.me.get();
  try {
    page = await caller.policies.list({ cursor, limit: 50 });
  } catch (error) {
    // The API decides who may manage policies (canManagePolicies); the page shows its answer.
    if (error instanceof TRPCError && error.code === "FORBIDDEN") {
      return <PoliciesForbidden message={error.message} />;
    }
    // A page link the cursor codec refuses (tampered, or from an older version): start over.
    if (error instanceof TRPCError && error.code === "BAD_REQUEST" && cursor) redirect("/policies");
    throw error;
  }
  return (
    <>
      <PageHeader
        title="Policies"
        description="An approval policy is the path a request takes: who approves, in which order, then provisioning. Apps and entitlements choose one; the organization sets the defaults."
        actions={
          can.managePolicies ? (
            <Link href="/policies/new" className={primaryButton}>
              <Plus className="size-4" aria-hidden />
              New policy
            </Link>
          ) : null
        }
      />
      <div className="space-y-4 px-6 py-6 xl:px-8">
        {page.items.length === 0 && !cursor ? (
          <EmptyState title="No policies yet">
            Create one, then choose it as the organization&apos;s default or in an app&apos;s
            settings.
          </EmptyState>
        ) : (
          <TableFrame>
            <div className="overflow-x-auto">
              <table className={tableClass}>
                <thead className={theadClass}>
                  <tr>
                    <th scope="col" className="w-3/5 px-4 py-2.5 sm:w-1/4">
                      Name
                    </th>
                    <th scope="col" className="hidden px-4 py-2.5 sm:table-cell">
                      What it does
                    </th>
                    <th scope="col" className="px-4 py-2.5 sm:w-1/4">
                      Used by
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-zinc-100">
                  {page.items.map((policy) => (
                    <tr key={policy.id} className="align-top">
                      <td className="px-4 py-3">
                        <Link
                          href={`/policies/${policy.id}`}
                          className="font-medium break-words text-zinc-900 hover:underline"
                        >
                          {policy.name}
                        </Link>
                        <p className="text-muted mt-0.5 text-xs">
                          {plural(policy.approvalStepCount, "approval step")}
                        </p>
                        <p className="mt-1 text-xs text-zinc-700 sm:hidden">
                          {policy.requestSummary}
                        </p>
                      </td>
                      <td className="hidden px-4 py-3 text-zinc-700 sm:table-cell">
                        {policy.requestSummary}
                      </td>
                      <td className="px-4 py-3 text-zinc-700">
                        {usageText(policy.usage) ?? <span className="text-muted">Not used</span>}
                        {policy.usage.runningRequests > 0 ? (
                          <p className="text-muted mt-0.5 text-xs">
                            {plural(policy.usage.runningRequests, "running request")}
                          </p>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </TableFrame>
        )}
        {cursor || page.nextCursor ? (
          <nav aria-label="Pages of policies" className="flex justify-end gap-2">
            {cursor ? (
              <Link href="/policies" className={secondaryButton}>
                First page
              </Link>
            ) : null}
            {page.nextCursor ? (
              <Link
                href={`/policies?after=${encodeURIComponent(page.nextCursor)}`}
                className={secondaryButton}
              >
                Next page
              </Link>
            ) : null}
          </nav>
        ) : null}
      </div>
    </>
  );
}
