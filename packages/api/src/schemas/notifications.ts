import { z } from "zod";
import { pageLimit, ZCursor } from "./text.ts";

export const NOTIFICATION_STATES = ["PENDING", "SENT", "SKIPPED", "FAILED"] as const;

export const ZListNotificationsInput = z.object({
  state: z
    .enum(NOTIFICATION_STATES, { error: "Show pending, sent, skipped or failed notifications." })
    .optional(),
  channel: z.enum(["EMAIL", "SLACK"], { error: "The channels are EMAIL and SLACK." }).optional(),
  cursor: ZCursor,
  limit: pageLimit(50),
});
export type TListNotificationsInput = z.infer<typeof ZListNotificationsInput>;

export const ZRetryNotificationInput = z.object({
  id: z.uuid("Choose a notification to retry."),
});
export type TRetryNotificationInput = z.infer<typeof ZRetryNotificationInput>;
