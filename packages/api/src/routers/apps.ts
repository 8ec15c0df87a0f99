import {
  ZAppByIdInput,
  ZListAppsInput,
  ZRemapStatusInput,
  ZSetAccountMappingModeInput,
} from "../schemas/apps.ts";
import { getRemapStatus, setAccountMappingMode } from "../services/accounts/mapping-settings.ts";
import { getApp, listApps } from "../services/apps.ts";
import { authedProcedure, router } from "../trpc.ts";

export const appsRouter = router({
  list: authedProcedure.input(ZListAppsInput).query(({ ctx, input }) => listApps(ctx, input)),
  byId: authedProcedure.input(ZAppByIdInput).query(({ ctx, input }) => getApp(ctx, input.id)),
  /** Account mapping settings (SPEC §4.2): saves the mode and re-maps (or queues a re-map). */
  setAccountMappingMode: authedProcedure
    .input(ZSetAccountMappingModeInput)
    .mutation(({ ctx, input }) => setAccountMappingMode(ctx, input)),
  /** The app's latest re-map, for its progress bar and banner; null when it never had one. */
  remapStatus: authedProcedure
    .input(ZRemapStatusInput)
    .query(({ ctx, input }) => getRemapStatus(ctx, input.appId)),
});
