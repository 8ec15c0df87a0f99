// The Users directory's filters and query input. A plain module: the server page and the
// client table both import it.
import type { RouterInputs } from "@lantern/api";

export type UsersInput = RouterInputs["users"]["list"];
export type UserStatus = NonNullable<UsersInput["status"]>;

export const USER_LIST_PAGE_SIZE = 50;

export type StatusFilterId = "all" | "active" | "suspended" | "deprovisioned";

export const STATUS_FILTERS: Array<{
  id: StatusFilterId;
  label: string;
  status: UserStatus | undefined;
}> = [
  { id: "all", label: "Everyone", status: undefined },
  { id: "active", label: "Active", status: "ACTIVE" },
  { id: "suspended", label: "Suspended", status: "SUSPENDED" },
  { id: "deprovisioned", label: "Deprovisioned", status: "DEPROVISIONED" },
];

export function resolveStatusFilter(requested: string | undefined): StatusFilterId {
  return STATUS_FILTERS.find((f) => f.id === requested)?.id ?? "all";
}

export function usersInput(filter: StatusFilterId, search: string): UsersInput {
  return {
    status: STATUS_FILTERS.find((f) => f.id === filter)?.status,
    search: search || undefined,
    limit: USER_LIST_PAGE_SIZE,
  };
}
