import { z } from "zod";
import { pageLimit, ZCursor } from "./text.ts";

/** The signed-in person's own notification channels (SPEC §6). */
export const ZNotificationPreferencesInput = z.object({
  /** Emails about tasks and requests. */
  email: z.boolean({ error: "Say whether you want emails." }),
  /** Slack direct messages (when the organization connected Slack). */
  slack: z.boolean({ error: "Say whether you want Slack messages." }),
});
export type TNotificationPreferencesInput = z.output<typeof ZNotificationPreferencesInput>;

/** My access: the signed-in person's own accounts, a page at a time (it names no person). */
export const ZMyAccessInput = z
  .object({
    cursor: ZCursor,
    limit: pageLimit(25),
  })
  .default({ limit: 25 });
export type TMyAccessInput = z.output<typeof ZMyAccessInput>;
