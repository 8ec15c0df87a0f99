// The Requests and Revocations inboxes (SPEC §3.2): their tabs, words and query input.
// A plain module: the server pages and the client table both import it.
import type { RouterInputs } from "@lantern/api";

export type InboxInput = RouterInputs["tasks"]["inbox"];
export type InboxBox = InboxInput["box"];
export type InboxTab = InboxInput["tab"];

export const INBOX_PAGE_SIZE = 50;

/** Which badge count of `me.openTaskCounts` belongs to an awaiting tab. */
export type OpenCountKey = "awaitingApproval" | "awaitingProvisioning" | "revocations";

export interface InboxTabDef {
  id: InboxTab;
  label: string;
  count?: OpenCountKey;
  empty: { title: string; body: string };
}

export interface InboxDef {
  box: InboxBox;
  path: string;
  title: string;
  description: string;
  tabs: InboxTabDef[];
}

export const INBOXES: Record<InboxBox, InboxDef> = {
  requests: {
    box: "requests",
    path: "/requests",
    title: "Requests",
    description:
      "Access requests assigned to you: the ones waiting for your approval, the approved ones you provision, and the ones you have finished.",
    tabs: [
      {
        id: "awaiting_approval",
        label: "Awaiting approval",
        count: "awaitingApproval",
        empty: {
          title: "Nothing awaits your approval",
          body: "When someone asks for access that needs your decision, the request appears here.",
        },
      },
      {
        id: "awaiting_provisioning",
        label: "Awaiting provisioning",
        count: "awaitingProvisioning",
        empty: {
          title: "Nothing awaits provisioning",
          body: "Approved requests for apps you provision by hand appear here.",
        },
      },
      {
        id: "completed",
        label: "Completed tasks",
        empty: {
          title: "No completed tasks yet",
          body: "Requests you approve, deny, provision, mark as errored or hand over to someone else are listed here.",
        },
      },
    ],
  },
  revocations: {
    box: "revocations",
    path: "/revocations",
    title: "Revocations",
    description:
      "Access to remove by hand in the apps you deprovision, and the revocations you have finished.",
    tabs: [
      {
        id: "awaiting_deprovisioning",
        label: "Awaiting deprovisioning",
        count: "revocations",
        empty: {
          title: "Nothing awaits deprovisioning",
          body: "When access must be removed by hand in an app you deprovision, the task appears here.",
        },
      },
      {
        id: "completed",
        label: "Completed tasks",
        empty: {
          title: "No completed tasks yet",
          body: "Revocations you complete, mark as errored or hand over to someone else are listed here.",
        },
      },
    ],
  },
};

/**
 * The tab a URL asks for; without one (or with one the box does not have), the first
 * awaiting tab that has work, else the first tab.
 */
export function resolveInboxTab(
  box: InboxBox,
  requested: string | undefined,
  counts: Record<OpenCountKey, number>,
): InboxTab {
  const tabs = INBOXES[box].tabs;
  const asked = tabs.find((t) => t.id === requested);
  if (asked) return asked.id;
  return (tabs.find((t) => t.count && counts[t.count] > 0) ?? tabs[0]!).id;
}

export type InboxSort = NonNullable<InboxInput["sort"]>;

/** The orders a tab offers, its default first (the server's default too). */
export function sortsOf(tab: InboxTab): Array<{ id: InboxSort; label: string }> {
  return tab === "completed"
    ? [
        { id: "newest", label: "Newest first" },
        { id: "oldest", label: "Oldest first" },
      ]
    : [
        { id: "oldest", label: "Oldest first" },
        { id: "newest", label: "Newest first" },
        { id: "due", label: "Due soonest" },
      ];
}

/** The order a URL asks for, if the tab offers it; else the tab's default. */
export function resolveInboxSort(tab: InboxTab, requested: string | undefined): InboxSort {
  const sorts = sortsOf(tab);
  return (sorts.find((s) => s.id === requested) ?? sorts[0]!).id;
}

export function inboxInput(
  box: InboxBox,
  tab: InboxTab,
  search: string,
  sort?: InboxSort,
): InboxInput {
  return {
    box,
    tab,
    search: search || undefined,
    // The default order is left out, so the server's and the client's query keys agree.
    sort: sort && sort !== sortsOf(tab)[0]!.id ? sort : undefined,
    limit: INBOX_PAGE_SIZE,
  } as InboxInput;
}
