import { z } from "zod";

export const ZListUsersInput = z.object({
  search: z.string().trim().max(200, "Search text is limited to 200 characters.").optional(),
  /** Absent: people of every status. */
  status: z.enum(["ACTIVE", "SUSPENDED", "DEPROVISIONED"]).optional(),
  cursor: z.string().max(1000).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type TListUsersInput = z.output<typeof ZListUsersInput>;
