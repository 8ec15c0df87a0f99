import type { Metadata } from "next";
import { InboxPage, type InboxSearchParams } from "~/components/tasks/inbox-page";

export const metadata: Metadata = { title: "Revocations" };

export default function RevocationsPage({ searchParams }: { searchParams: InboxSearchParams }) {
  return <InboxPage box="revocations" searchParams={searchParams} />;
}
