// The notification delivery page's filters. A plain module: the server page and the client
// table both import it.
import type { RouterInputs } from "@lantern/api";

export type DeliveryInput = RouterInputs["notifications"]["list"];
export type DeliveryState = NonNullable<DeliveryInput["state"]>;
export type DeliveryFilterId = "failed" | "pending" | "sent" | "skipped" | "all";

export const DELIVERY_FILTERS: Array<{
  id: DeliveryFilterId;
  label: string;
  state: DeliveryState | undefined;
}> = [
  { id: "failed", label: "Failed", state: "FAILED" },
  { id: "pending", label: "Pending", state: "PENDING" },
  { id: "sent", label: "Sent", state: "SENT" },
  { id: "skipped", label: "Skipped", state: "SKIPPED" },
  { id: "all", label: "All", state: undefined },
];

export function resolveDeliveryFilter(requested: string | undefined): DeliveryFilterId {
  return DELIVERY_FILTERS.find((f) => f.id === requested)?.id ?? "failed";
}

export function deliveryInput(filter: DeliveryFilterId): DeliveryInput {
  return { state: DELIVERY_FILTERS.find((f) => f.id === filter)?.state, limit: 50 };
}

/** What each template is, in a few words. */
export const TEMPLATE_LABELS: Record<string, string> = {
  "task.assigned": "Task assigned",
  "task.reassigned": "Task reassigned",
  "task.reminder": "Reminder",
  "request.completed": "Request completed",
  "request.errored": "Request errored",
  "request.denied": "Request denied",
  "request.cancelled": "Request withdrawn",
  "revocation.requested": "Revocation requested",
  "digest.daily": "Daily digest",
  "review.assigned": "Review assigned",
  "review.reassigned": "Review items reassigned",
  "review.reminder": "Review reminder",
  "review.overdue": "Review overdue",
};
