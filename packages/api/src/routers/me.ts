import { ZMyAccessInput, ZNotificationPreferencesInput } from "../schemas/me.ts";
import {
  getMe,
  getNotificationPreferences,
  getOpenTaskCounts,
  updateNotificationPreferences,
} from "../services/me.ts";
import { getMyAccess } from "../services/my-access.ts";
import { authedProcedure, serviceMutation, serviceQuery, router } from "../trpc.ts";

export const meRouter = router({
  get: authedProcedure.query(({ ctx }) => getMe(ctx)),
  openTaskCounts: authedProcedure.query(({ ctx }) => getOpenTaskCounts(ctx)),
  /** My access: the viewer's own accounts, their live grants and what is on its way. */
  access: serviceQuery(ZMyAccessInput, getMyAccess),
  notificationPreferences: authedProcedure.query(({ ctx }) => getNotificationPreferences(ctx)),
  /** The actor's own preferences: the input names no person. */
  updateNotificationPreferences: serviceMutation(
    ZNotificationPreferencesInput,
    updateNotificationPreferences,
  ),
});
