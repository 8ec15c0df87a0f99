"use client";

import { useSearchParams } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { LinkTabs } from "~/components/ui/tabs";
import { hrefWith } from "~/lib/url";
import { useTRPC } from "~/trpc/react";
import { INBOXES, type InboxBox, type InboxTab } from "./inbox.ts";

/**
 * The inbox's tabs, each a URL. Awaiting tabs show how many open tasks wait, from the same
 * query as the navigation badges (so both change together); the search carries over.
 */
export function InboxTabs({ box, active }: { box: InboxBox; active: InboxTab }) {
  const trpc = useTRPC();
  const counts = useQuery(trpc.me.openTaskCounts.queryOptions());
  const q = useSearchParams().get("q") ?? undefined;
  const inbox = INBOXES[box];
  return (
    <LinkTabs
      label={`${inbox.title} tabs`}
      active={active}
      tabs={inbox.tabs.map((tab) => ({
        id: tab.id,
        label: tab.label,
        href: hrefWith(inbox.path, { tab: tab.id, q }),
        count: tab.count ? counts.data?.[tab.count] : undefined,
      }))}
    />
  );
}
