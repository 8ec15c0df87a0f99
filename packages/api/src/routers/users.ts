import {
  ZCreatePersonInput,
  ZListUsersInput,
  ZSearchPeopleInput,
  ZSetUserManagerInput,
  ZSetUserRoleInput,
  ZSetUserStatusInput,
  ZUserIdInput,
} from "../schemas/users.ts";
import {
  createPerson,
  getPerson,
  searchPeople,
  setPersonManager,
  setPersonRole,
  setPersonStatus,
} from "../services/people.ts";
import { signOutEverywhere } from "../services/sessions.ts";
import { listUsers } from "../services/users.ts";
import { authedProcedure, router } from "../trpc.ts";

/**
 * The people directory and person page (SPEC §8). Super admins only: reading asks
 * canViewDirectory, changes ask canManagePeople; FORBIDDEN otherwise.
 */
export const usersRouter = router({
  list: authedProcedure.input(ZListUsersInput).query(({ ctx, input }) => listUsers(ctx, input)),
  /** The person page: manager, reports, accounts they own, open tasks, history. */
  byId: authedProcedure.input(ZUserIdInput).query(({ ctx, input }) => getPerson(ctx, input)),
  /** Active people by name or email (20), for the manager picker. */
  search: authedProcedure
    .input(ZSearchPeopleInput)
    .query(({ ctx, input }) => searchPeople(ctx, input)),
  create: authedProcedure
    .input(ZCreatePersonInput)
    .mutation(({ ctx, input }) => createPerson(ctx, input)),
  setRole: authedProcedure
    .input(ZSetUserRoleInput)
    .mutation(({ ctx, input }) => setPersonRole(ctx, input)),
  /** managerId null clears it. */
  setManager: authedProcedure
    .input(ZSetUserManagerInput)
    .mutation(({ ctx, input }) => setPersonManager(ctx, input)),
  /** A reason is required to suspend or deprovision. */
  setStatus: authedProcedure
    .input(ZSetUserStatusInput)
    .mutation(({ ctx, input }) => setPersonStatus(ctx, input)),
  /** Ends every session of the person at its next request (they may sign in again). */
  signOutEverywhere: authedProcedure
    .input(ZUserIdInput)
    .mutation(({ ctx, input }) => signOutEverywhere(ctx, input)),
});
