import {
  ZCancelRequestInput,
  ZCreateRequestInput,
  ZMyRequestsInput,
  ZRequestableInput,
  ZRequestIdInput,
} from "../schemas/requests.ts";
import {
  cancelRequest,
  createRequest,
  listMyRequests,
  listRequestable,
  retryRequest,
} from "../services/requests/index.ts";
import { authedProcedure, router } from "../trpc.ts";

export const requestsRouter = router({
  /** Request an entitlement for yourself (SPEC §8: every member). */
  create: authedProcedure
    .input(ZCreateRequestInput)
    .mutation(({ ctx, input }) => createRequest(ctx, input)),
  /** The requests you made, newest first. */
  mine: authedProcedure
    .input(ZMyRequestsInput)
    .query(({ ctx, input }) => listMyRequests(ctx, input)),
  /** What you can request, with whether you hold or already asked for each. */
  requestable: authedProcedure
    .input(ZRequestableInput)
    .query(({ ctx, input }) => listRequestable(ctx, input)),
  /** Super admins (or the requester, while pending approval). */
  cancel: authedProcedure
    .input(ZCancelRequestInput)
    .mutation(({ ctx, input }) => cancelRequest(ctx, input)),
  /** Retry an errored request: app owners and super admins. */
  retry: authedProcedure
    .input(ZRequestIdInput)
    .mutation(({ ctx, input }) => retryRequest(ctx, input)),
});
