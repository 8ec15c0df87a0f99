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
import { serviceMutation, serviceQuery, router } from "../trpc.ts";

/**
 * The people directory and person page (SPEC §8). Reading asks canViewDirectory (super admins
 * and auditors), changes ask canManagePeople (super admins); FORBIDDEN otherwise.
 */
export const usersRouter = router({
  list: serviceQuery(ZListUsersInput, listUsers),
  /** The person page: manager, reports, accounts they own, open tasks, history. */
  byId: serviceQuery(ZUserIdInput, getPerson),
  /** Active people by name or email (20), for the manager picker. */
  search: serviceQuery(ZSearchPeopleInput, searchPeople),
  create: serviceMutation(ZCreatePersonInput, createPerson),
  setRole: serviceMutation(ZSetUserRoleInput, setPersonRole),
  /** managerId null clears it. */
  setManager: serviceMutation(ZSetUserManagerInput, setPersonManager),
  /** A reason is required to suspend or deprovision. */
  setStatus: serviceMutation(ZSetUserStatusInput, setPersonStatus),
  /** Ends every session of the person at its next request (they may sign in again). */
  signOutEverywhere: serviceMutation(ZUserIdInput, signOutEverywhere),
});
