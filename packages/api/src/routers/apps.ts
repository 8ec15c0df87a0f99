import { ZAppByIdInput, ZListAppsInput } from "../schemas/apps.ts";
import { getApp, listApps } from "../services/apps.ts";
import { authedProcedure, router } from "../trpc.ts";

export const appsRouter = router({
  list: authedProcedure.input(ZListAppsInput).query(({ ctx, input }) => listApps(ctx, input)),
  byId: authedProcedure.input(ZAppByIdInput).query(({ ctx, input }) => getApp(ctx, input.id)),
});
