// Requests for access (SPEC §2): one file per command, and the start every request shares.
export { createRequest, type CreatedRequest } from "./create.ts";
export { cancelRequest } from "./cancel.ts";
export { retryRequest } from "./retry.ts";
export { listMyRequests, type MyRequestRow } from "./mine.ts";
export { listRequestable, type RequestableEntitlement } from "./requestable.ts";
export { effectivePolicy, noPolicyMessage, openRequest, type OpenRequestInput } from "./open.ts";
