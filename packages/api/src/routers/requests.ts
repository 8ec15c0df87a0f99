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
import { serviceMutation, serviceQuery, router } from "../trpc.ts";

export const requestsRouter = router({
  /** Request an entitlement for yourself (SPEC §8: every member). */
  create: serviceMutation(ZCreateRequestInput, createRequest),
  /** The requests you made, newest first. */
  mine: serviceQuery(ZMyRequestsInput, listMyRequests),
  /** What you can request, with whether you hold or already asked for each. */
  requestable: serviceQuery(ZRequestableInput, listRequestable),
  /** Super admins (or the requester, while pending approval). */
  cancel: serviceMutation(ZCancelRequestInput, cancelRequest),
  /** Retry an errored request: app owners and super admins. */
  retry: serviceMutation(ZRequestIdInput, retryRequest),
});
