import { getMe, getOpenTaskCounts } from "../services/me.ts";
import { authedProcedure, router } from "../trpc.ts";

export const meRouter = router({
  get: authedProcedure.query(({ ctx }) => getMe(ctx)),
  openTaskCounts: authedProcedure.query(({ ctx }) => getOpenTaskCounts(ctx)),
});
