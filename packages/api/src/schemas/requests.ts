import { z } from "zod";

export const ZCreateRequestInput = z.object({
  entitlementId: z.uuid({ error: "Choose what you need access to." }),
  reason: z
    .string({ error: "Say why you need this access." })
    .trim()
    .min(1, "Say why you need this access.")
    .max(2000, "A reason is limited to 2,000 characters."),
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
  cursor: z.string().max(1000).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type TMyRequestsInput = z.output<typeof ZMyRequestsInput>;

export const ZRequestIdInput = z.object({ requestId: z.uuid({ error: "Choose a request." }) });

export const ZCancelRequestInput = z.object({
  requestId: z.uuid({ error: "Choose a request." }),
  reason: z
    .string({ error: "A reason is required." })
    .trim()
    .min(1, "A reason is required.")
    .max(2000, "A reason is limited to 2,000 characters."),
});
export type TCancelRequestInput = z.output<typeof ZCancelRequestInput>;

export const ZRequestableInput = z.object({
  appId: z.uuid().optional(),
  search: z.string().trim().max(200).optional(),
});
export type TRequestableInput = z.output<typeof ZRequestableInput>;
