import type { Metadata } from "next";
import { TRPCError } from "@trpc/server";
import { PageHeader } from "~/components/ui/page-header";
import { LinkTabs } from "~/components/ui/tabs";
import {
  DELIVERY_FILTERS,
  deliveryInput,
  resolveDeliveryFilter,
} from "~/components/notifications/delivery-list";
import { DeliveryTable, RetryAllFailedButton } from "~/components/notifications/delivery-table";
import { getQueryClient, HydrateClient, prefetch, serverCaller, trpc } from "~/trpc/server";
import { RefusedPage } from "~/components/shell/refused";
import { nextPage } from "~/trpc/pages";

export const metadata: Metadata = { title: "Notification delivery" };

type SearchParams = Promise<{ state?: string | string[] }>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function NotificationDeliveryPage({
  searchParams,
}: {
  searchParams: SearchParams;
}) {
  const filter = resolveDeliveryFilter(first((await searchParams).state));
  const list = trpc.notifications.list.infiniteQueryOptions(deliveryInput(filter), nextPage);
  const counts = trpc.notifications.counts.queryOptions();
  const [me] = await Promise.all([
    (await serverCaller()).me.get(),
    prefetch(list),
    prefetch(counts),
  ]);
  // Auditors read deliveries; retrying them is for super admins (canManageNotifications).
  const canRetry = me.can.manageNotifications;

  // The API decides who may see deliveries (canViewNotifications); the page shows its answer.
  const error = getQueryClient().getQueryState(counts.queryKey)?.error;
  if (error) {
    if (error instanceof TRPCError && error.code === "FORBIDDEN") {
      return (
        <RefusedPage
          page="Notification delivery"
          title={error.message.replace(/\.$/, "")}
          back={{ href: "/settings", label: "Back to Settings" }}
        >
          Your own email and Slack preferences are on the Settings page.
        </RefusedPage>
      );
    }
    throw error;
  }
  const totals = getQueryClient().getQueryData(counts.queryKey)!;
  const countOf = (id: (typeof DELIVERY_FILTERS)[number]["id"]) =>
    id === "all"
      ? totals.PENDING + totals.SENT + totals.SKIPPED + totals.FAILED
      : totals[DELIVERY_FILTERS.find((f) => f.id === id)!.state!];

  return (
    <>
      <PageHeader
        title="Notification delivery"
        description={
          canRetry
            ? "Every email and Slack message Lantern sends goes through a queue that retries failures. Those refused for good, or still failing after the last retry, wait here until you retry them."
            : "Every email and Slack message Lantern sends goes through a queue that retries failures. Those refused for good wait here until a super admin retries them; you can read them, not retry them."
        }
        actions={
          canRetry ? (
            <HydrateClient>
              <RetryAllFailedButton failed={totals.FAILED} />
            </HydrateClient>
          ) : null
        }
      >
        <LinkTabs
          label="Filter notifications by state"
          active={filter}
          tabs={DELIVERY_FILTERS.map((f) => ({
            id: f.id,
            label: f.label,
            href:
              f.id === "failed"
                ? "/settings/notifications"
                : `/settings/notifications?state=${f.id}`,
            count: countOf(f.id),
          }))}
        />
      </PageHeader>
      <div className="px-6 py-6 xl:px-8">
        <HydrateClient>
          <DeliveryTable key={filter} filter={filter} canRetry={canRetry} />
        </HydrateClient>
      </div>
    </>
  );
}
