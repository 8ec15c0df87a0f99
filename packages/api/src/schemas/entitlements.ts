import { z } from "zod";

export const ZEntitlementByIdInput = z.object({
  id: z.uuid({ error: "That is not a valid entitlement id." }),
});
export type TEntitlementByIdInput = z.output<typeof ZEntitlementByIdInput>;

export const ZEntitlementGrantsInput = z.object({
  entitlementId: z.uuid({ error: "That is not a valid entitlement id." }),
  /** Account login, email address or name; case-insensitive, part of a word is enough. */
  search: z.string().trim().max(200, "Search text is limited to 200 characters.").optional(),
  cursor: z.string().max(1000).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type TEntitlementGrantsInput = z.output<typeof ZEntitlementGrantsInput>;
