import { z } from "zod";

export const ZRevokeGrantInput = z.object({
  grantId: z.uuid({ error: "Choose the access to revoke." }),
  reason: z
    .string({ error: "Say why this access should be removed." })
    .trim()
    .min(1, "Say why this access should be removed.")
    .max(2000, "A reason is limited to 2,000 characters."),
});
export type TRevokeGrantInput = z.output<typeof ZRevokeGrantInput>;

export const ZGrantIdInput = z.object({ grantId: z.uuid({ error: "Choose an access grant." }) });
export type TGrantIdInput = z.output<typeof ZGrantIdInput>;
