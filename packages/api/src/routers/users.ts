import { ZListUsersInput } from "../schemas/users.ts";
import { listUsers } from "../services/users.ts";
import { authedProcedure, router } from "../trpc.ts";

export const usersRouter = router({
  // Super admins only: the service asks canViewDirectory and answers FORBIDDEN otherwise.
  list: authedProcedure.input(ZListUsersInput).query(({ ctx, input }) => listUsers(ctx, input)),
});
