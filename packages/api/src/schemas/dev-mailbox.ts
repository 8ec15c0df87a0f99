import { z } from "zod";
import { pageLimit, searchText, ZCursor } from "./text.ts";

export const ZDevMailboxListInput = z.object({
  /** Part of the recipient's address, e.g. "marcus" or "marcus.chen@northwind.example". */
  to: searchText("The recipient search"),
  cursor: ZCursor,
  limit: pageLimit(30),
});
export type TDevMailboxListInput = z.output<typeof ZDevMailboxListInput>;

export const ZDevEmailInput = z.object({ id: z.uuid({ error: "Choose an email." }) });
export type TDevEmailInput = z.output<typeof ZDevEmailInput>;
