import { z } from "zod";

/** The tabs of each inbox (SPEC §3.2): a tab only exists in its own box. */
export const INBOX_TABS = {
  requests: ["awaiting_approval", "awaiting_provisioning", "completed"],
  revocations: ["awaiting_deprovisioning", "completed"],
} as const;

export type TInboxBox = keyof typeof INBOX_TABS;
export type TInboxTab = (typeof INBOX_TABS)[TInboxBox][number];

const page = {
  search: z.string().trim().max(200, "Search text is limited to 200 characters.").optional(),
  cursor: z.string().max(1000).optional(),
  limit: z.number().int().min(1).max(100).default(50),
};

export const ZTaskInboxInput = z.discriminatedUnion("box", [
  z.object({
    box: z.literal("requests"),
    tab: z.enum(INBOX_TABS.requests, {
      error:
        "The Requests inbox has the tabs Awaiting approval, Awaiting provisioning and Completed tasks.",
    }),
    ...page,
  }),
  z.object({
    box: z.literal("revocations"),
    tab: z.enum(INBOX_TABS.revocations, {
      error: "The Revocations inbox has the tabs Awaiting deprovisioning and Completed tasks.",
    }),
    ...page,
  }),
]);
export type TTaskInboxInput = z.output<typeof ZTaskInboxInput>;
