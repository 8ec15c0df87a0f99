// The Users directory's filters and query input. A plain module: the server page and the
// client table both import it.
import { z } from "zod";
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

export type RoleFilterId = "super_admin" | "auditor" | "member";

export const ROLE_FILTERS: Array<{ id: RoleFilterId; label: string; role: UserRole }> = [
  { id: "super_admin", label: "Super admins", role: "SUPER_ADMIN" },
  { id: "auditor", label: "Auditors", role: "AUDITOR" },
  { id: "member", label: "Members", role: "MEMBER" },
];
export type UserRole = NonNullable<UsersInput["role"]>;

/** The directory's filters, as the URL carries them (?status=&role=&manager=&nomanager=1). */
export interface DirectoryFilters {
  status: StatusFilterId;
  role: RoleFilterId | null;
  /** Their direct reports. */
  managerId: string | null;
  /** People with no manager on record (only without managerId). */
  noManager: boolean;
}

/** The API's rule for a person id (users.list's managerId is a z.uuid()), not a copy of it. */
const ZPersonId = z.uuid();

export function resolveFilters(params: {
  status?: string;
  role?: string;
  manager?: string;
  nomanager?: string;
}): DirectoryFilters {
  const managerId = ZPersonId.safeParse(params.manager).success ? params.manager! : null;
  return {
    status: resolveStatusFilter(params.status),
    role: ROLE_FILTERS.find((r) => r.id === params.role)?.id ?? null,
    managerId,
    noManager: !managerId && params.nomanager === "1",
  };
}

/** The URL parameters of the filters (empty ones left out by hrefWith). */
export function filterParams(filters: DirectoryFilters): Record<string, string | undefined> {
  return {
    status: filters.status === "all" ? undefined : filters.status,
    role: filters.role ?? undefined,
    manager: filters.managerId ?? undefined,
    nomanager: filters.noManager ? "1" : undefined,
  };
}

export const filtersKey = (filters: DirectoryFilters) => JSON.stringify(filterParams(filters));

export function usersInput(filters: DirectoryFilters, search: string): UsersInput {
  return {
    status: STATUS_FILTERS.find((f) => f.id === filters.status)?.status,
    role: ROLE_FILTERS.find((r) => r.id === filters.role)?.role,
    managerId: filters.managerId ?? undefined,
    noManager: filters.noManager || undefined,
    search: search || undefined,
    limit: USER_LIST_PAGE_SIZE,
  };
}
