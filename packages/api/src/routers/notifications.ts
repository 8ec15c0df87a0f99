import { ZListNotificationsInput, ZRetryNotificationInput } from "../schemas/notifications.ts";
import {
  countNotifications,
  listNotifications,
  retryFailedNotifications,
  retryNotification,
} from "../services/notifications.ts";
import { authedProcedure, router } from "../trpc.ts";

// Super admins only: each service asks canManageNotifications and answers FORBIDDEN otherwise.
export const notificationsRouter = router({
  list: authedProcedure
    .input(ZListNotificationsInput)
    .query(({ ctx, input }) => listNotifications(ctx, input)),
  counts: authedProcedure.query(({ ctx }) => countNotifications(ctx)),
  retry: authedProcedure
    .input(ZRetryNotificationInput)
    .mutation(({ ctx, input }) => retryNotification(ctx, input)),
  retryAllFailed: authedProcedure.mutation(({ ctx }) => retryFailedNotifications(ctx)),
});
