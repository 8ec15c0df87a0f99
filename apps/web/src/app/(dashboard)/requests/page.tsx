import type { Metadata } from "next";
import { InboxPage, type InboxSearchParams } from "~/components/tasks/inbox-page";

export const metadata: Metadata = { title: "Requests" };

export default function RequestsPage({ searchParams }: { searchParams: InboxSearchParams }) {
  return <InboxPage box="requests" searchParams={searchParams} />;
}
