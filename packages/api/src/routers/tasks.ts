import { ZTaskInboxInput } from "../schemas/tasks.ts";
import { listInbox } from "../services/tasks.ts";
import { authedProcedure, router } from "../trpc.ts";

export const tasksRouter = router({
  inbox: authedProcedure.input(ZTaskInboxInput).query(({ ctx, input }) => listInbox(ctx, input)),
});
