// How a request's state reads to the person who asked (My requests). A plain module: the
// server pages and the client list both import it.
import type { RouterOutputs } from "@lantern/api";

export type MyRequest = RouterOutputs["requests"]["mine"]["items"][number];
export type RequestState = MyRequest["state"];

export const MY_REQUESTS_PAGE_SIZE = 25;

export const REQUEST_STATE: Record<
  RequestState,
  { label: string; tone: "brand" | "blue" | "green" | "red" | "neutral" }
> = {
  PENDING_APPROVAL: { label: "Waiting for approval", tone: "brand" },
  APPROVED: { label: "Being provisioned", tone: "blue" },
  PROVISIONING: { label: "Being provisioned", tone: "blue" },
  COMPLETED: { label: "Completed", tone: "green" },
  DENIED: { label: "Denied", tone: "red" },
  ERRORED: { label: "Errored", tone: "red" },
  CANCELLED: { label: "Cancelled", tone: "neutral" },
};

const TASK_KIND: Record<NonNullable<MyRequest["latestTask"]>["kind"], string> = {
  APPROVAL: "Approval",
  PROVISION: "Provisioning",
  DEPROVISION: "Deprovisioning",
};

export const taskKindLabel = (kind: keyof typeof TASK_KIND) => TASK_KIND[kind];

/** The requester may withdraw a request only while it waits for approval (canCancelRequest). */
export const canWithdraw = (request: Pick<MyRequest, "state">) =>
  request.state === "PENDING_APPROVAL";

/** "7 days", or "Until revoked". */
export function durationLabel(days: number | null): string {
  if (days === null) return "Until revoked";
  return days === 1 ? "1 day" : `${days} days`;
}

/**
 * Where the request is, in words, when no task says it: the connector at work, or the
 * request finished without anyone's task.
 */
export function untrackedWhere(request: Pick<MyRequest, "state" | "kind">): string {
  switch (request.state) {
    case "PENDING_APPROVAL":
      return "Waiting for an approver";
    case "APPROVED":
    case "PROVISIONING":
      return request.kind === "GRANT"
        ? "Being granted by the connector"
        : "Being removed by the connector";
    case "COMPLETED":
      return request.kind === "GRANT" ? "Granted automatically" : "Removed automatically";
    case "ERRORED":
      return "The connector could not finish it";
    case "DENIED":
      return "Denied";
    case "CANCELLED":
      return "Withdrawn";
  }
}
