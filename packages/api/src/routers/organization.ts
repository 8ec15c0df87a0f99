import { getOrganization } from "../services/organization.ts";
import { authedProcedure, router } from "../trpc.ts";

export const organizationRouter = router({
  get: authedProcedure.query(({ ctx }) => getOrganization(ctx)),
});
