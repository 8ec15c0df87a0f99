import { z } from "zod";

export const ZDevMailboxListInput = z.object({
  /** Part of the recipient's address, e.g. "marcus" or "marcus.chen@northwind.example". */
  to: z.string().trim().max(200, "Search text is limited to 200 characters.").optional(),
  cursor: z.string().max(1000).optional(),
  limit: z.number().int().min(1).max(100).default(30),
});
export type TDevMailboxListInput = z.output<typeof ZDevMailboxListInput>;

export const ZDevEmailInput = z.object({ id: z.uuid({ error: "Choose an email." }) });
export type TDevEmailInput = z.output<typeof ZDevEmailInput>;
