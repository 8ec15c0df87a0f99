import { z } from "zod";

/** The signed-in person's own notification channels (SPEC §6). */
export const ZNotificationPreferencesInput = z.object({
  /** Emails about tasks and requests. */
  email: z.boolean({ error: "Say whether you want emails." }),
  /** Slack direct messages (when the organization connected Slack). */
  slack: z.boolean({ error: "Say whether you want Slack messages." }),
});
export type TNotificationPreferencesInput = z.output<typeof ZNotificationPreferencesInput>;
