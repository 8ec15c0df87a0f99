import { ZListNotificationsInput, ZRetryNotificationInput } from "../schemas/notifications.ts";
import {
  countNotifications,
  listNotifications,
  retryFailedNotifications,
  retryNotification,
} from "../services/notifications.ts";
import { authedProcedure, serviceMutation, serviceQuery, router } from "../trpc.ts";

// Reading for super admins and auditors (canViewNotifications), retrying for super admins
// (canManageNotifications); FORBIDDEN otherwise.
export const notificationsRouter = router({
  list: serviceQuery(ZListNotificationsInput, listNotifications),
  counts: authedProcedure.query(({ ctx }) => countNotifications(ctx)),
  retry: serviceMutation(ZRetryNotificationInput, retryNotification),
  retryAllFailed: authedProcedure.mutation(({ ctx }) => retryFailedNotifications(ctx)),
});
