import type { ReviewItemState } from "./decisions.ts";

// Whether what a reviewer revoked is actually gone (SPEC §10): the auditor's second question
// after "who decided?". Read from the REVOKE request the decision opened (or found running) and
// from the grant itself.

export type RemovalState = "PENDING" | "REMOVED" | "ERRORED" | "DENIED" | "CANCELLED";

export type RemovalRequestState =
  | "PENDING_APPROVAL"
  | "APPROVED"
  | "PROVISIONING"
  | "COMPLETED"
  | "ERRORED"
  | "DENIED"
  | "CANCELLED";

export const REMOVAL_STATE_LABEL: Record<RemovalState, string> = {
  PENDING: "Removal pending",
  REMOVED: "Removed",
  ERRORED: "Removal failed",
  DENIED: "Removal denied",
  CANCELLED: "Removal cancelled",
};

/**
 * The removal state of a review item: null unless it was revoked. A grant ended by any path
 * counts as removed (someone else's revocation, a full import that dropped it); otherwise the
 * linked request says where the removal stands. A revoked item with no request yet waits for
 * the background job of a bulk Revoke to open one (PENDING), unless that job was refused
 * (`removalProblem`: ERRORED).
 */
export function removalState(
  itemState: ReviewItemState,
  requestState: RemovalRequestState | null,
  grantRevoked: boolean,
  removalProblem: string | null = null,
): RemovalState | null {
  if (itemState !== "REVOKED") return null;
  if (grantRevoked || requestState === "COMPLETED") return "REMOVED";
  if (requestState === null && removalProblem !== null) return "ERRORED";
  switch (requestState) {
    case "ERRORED":
    case "DENIED":
    case "CANCELLED":
      return requestState;
    default:
      return "PENDING";
  }
}
