import { z } from "zod";
import { reasonText } from "./text.ts";

export const ZRevokeGrantInput = z.object({
  grantId: z.uuid({ error: "Choose the access to revoke." }),
  reason: reasonText("Say why this access should be removed."),
});
export type TRevokeGrantInput = z.output<typeof ZRevokeGrantInput>;

export const ZGrantIdInput = z.object({ grantId: z.uuid({ error: "Choose an access grant." }) });
export type TGrantIdInput = z.output<typeof ZGrantIdInput>;
