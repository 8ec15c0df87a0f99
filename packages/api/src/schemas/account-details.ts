import { z } from "zod";
import { pageLimit, ZCursor } from "./text.ts";

// The account details page (SPEC §4.5): the account, and its live grants page by page.

const accountId = z.uuid({ error: "That is not a valid account id." });

export const ZAccountByIdInput = z.object({ id: accountId });
export type TAccountByIdInput = z.output<typeof ZAccountByIdInput>;

export const ZAccountGrantsInput = z.object({
  accountId,
  cursor: ZCursor,
  limit: pageLimit(50),
});
export type TAccountGrantsInput = z.output<typeof ZAccountGrantsInput>;
