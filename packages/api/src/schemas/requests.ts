import { z } from "zod";
import { pageLimit, reasonText, ZCursor, ZSearchText } from "./text.ts";

export const ZCreateRequestInput = z.object({
  entitlementId: z.uuid({ error: "Choose what you need access to." }),
  reason: reasonText("Say why you need this access."),
  /** Null or absent: until revoked. */
  durationDays: z
    .number()
    .int("A duration is a whole number of days.")
    .min(1, "A duration is at least 1 day.")
    .max(365, "A duration is at most 365 days.")
    .nullish(),
});
export type TCreateRequestInput = z.output<typeof ZCreateRequestInput>;

export const ZMyRequestsInput = z.object({
  cursor: ZCursor,
  limit: pageLimit(25),
});
export type TMyRequestsInput = z.output<typeof ZMyRequestsInput>;

export const ZRequestIdInput = z.object({ requestId: z.uuid({ error: "Choose a request." }) });

export const ZCancelRequestInput = z.object({
  requestId: z.uuid({ error: "Choose a request." }),
  reason: reasonText(),
});
export type TCancelRequestInput = z.output<typeof ZCancelRequestInput>;

export const ZRequestableInput = z.object({
  appId: z.uuid({ error: "That is not a valid app id." }).optional(),
  search: ZSearchText,
});
export type TRequestableInput = z.output<typeof ZRequestableInput>;
