import { z } from "zod";

export const ZEntitlementByIdInput = z.object({
  id: z.uuid({ error: "That is not a valid entitlement id." }),
});
export type TEntitlementByIdInput = z.output<typeof ZEntitlementByIdInput>;
