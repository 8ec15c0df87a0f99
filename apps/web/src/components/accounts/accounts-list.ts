// The Accounts tab's filters, sorts and words (SPEC §4.1), read from and written to the URL.
// A plain module: the server page, the client table and the CSV export route import it.
import type { RouterInputs, RouterOutputs } from "@lantern/api";
import { hrefWith } from "~/lib/url";

export type AccountsInput = RouterInputs["accounts"]["list"];
export type AccountListRow = RouterOutputs["accounts"]["list"]["items"][number];
export type AccountStatus = NonNullable<AccountsInput["status"]>;
export type AccountType = NonNullable<AccountsInput["type"]>;
export type AccountOwnerFilter = NonNullable<AccountsInput["owner"]>;
export type AccountSort = NonNullable<AccountsInput["sort"]>;
export type OwnerState = AccountListRow["ownerState"];

export const ACCOUNT_PAGE_SIZE = 50;

/** The filters as the URL carries them: ?status=&type=&owner=&q=&sort= (absent: the default). */
export interface AccountFilters {
  status?: AccountStatus;
  type?: AccountType;
  owner?: AccountOwnerFilter;
  q: string;
  sort: AccountSort;
}

export const STATUS_OPTIONS: Array<{ value: AccountStatus | undefined; label: string }> = [
  { value: undefined, label: "Not deleted" },
  { value: "ACTIVE", label: "Active" },
  { value: "DISABLED", label: "Disabled" },
  { value: "DELETED", label: "Deleted" },
];

export const TYPE_LABEL: Record<AccountType, string> = {
  USER: "User",
  SERVICE: "Service account",
  SYSTEM: "System account",
};

export const TYPE_OPTIONS: Array<{ value: AccountType | undefined; label: string }> = [
  { value: undefined, label: "All types" },
  { value: "USER", label: "Users" },
  { value: "SERVICE", label: "Service accounts" },
  { value: "SYSTEM", label: "System accounts" },
];

export const OWNER_OPTIONS: Array<{ value: AccountOwnerFilter | undefined; label: string }> = [
  { value: undefined, label: "Any owner" },
  { value: "set", label: "Has an owner" },
  { value: "unset", label: "No owner" },
  { value: "ambiguous", label: "Ambiguous" },
  { value: "inactive", label: "Inactive owner" },
];

export const SORT_OPTIONS: Array<{ value: AccountSort; label: string }> = [
  { value: "name", label: "Name (A–Z)" },
  { value: "login", label: "Login (A–Z)" },
  { value: "last_login_newest", label: "Last login (newest)" },
  { value: "last_login_oldest", label: "Last login (oldest)" },
];

export const DEFAULT_SORT: AccountSort = "name";

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function param(params: Params, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

function pick<T extends string>(
  options: Array<{ value: T | undefined }>,
  raw: string | undefined,
): T | undefined {
  return options.find((o) => o.value !== undefined && o.value === raw)?.value;
}

/** The filters of a URL; unknown values fall back to the defaults. */
export function parseAccountFilters(params: Params): AccountFilters {
  return {
    status: pick(STATUS_OPTIONS, param(params, "status")?.toUpperCase()),
    type: pick(TYPE_OPTIONS, param(params, "type")?.toUpperCase()),
    owner: pick(OWNER_OPTIONS, param(params, "owner")),
    // As given: the API's search schema judges it (the page and the CSV export ask it).
    q: (param(params, "q") ?? "").trim(),
    sort: pick(SORT_OPTIONS, param(params, "sort")) ?? DEFAULT_SORT,
  };
}

/** The URL parameters of the filters (defaults left out). */
export function filterParams(filters: AccountFilters): Record<string, string | undefined> {
  return {
    status: filters.status?.toLowerCase(),
    type: filters.type?.toLowerCase(),
    owner: filters.owner,
    q: filters.q || undefined,
    sort: filters.sort === DEFAULT_SORT ? undefined : filters.sort,
  };
}

export function accountsInput(appId: string, filters: AccountFilters): AccountsInput {
  return {
    appId,
    status: filters.status,
    type: filters.type,
    owner: filters.owner,
    search: filters.q || undefined,
    sort: filters.sort,
    limit: ACCOUNT_PAGE_SIZE,
  };
}

/** The input of accounts.count: the list's filters without sort or page. */
export function countInput(
  appId: string,
  filters: AccountFilters,
): RouterInputs["accounts"]["count"] {
  return {
    appId,
    status: filters.status,
    type: filters.type,
    owner: filters.owner,
    search: filters.q || undefined,
  };
}

/** The CSV export of the list as filtered (the route reads the same parameters). */
export function exportHref(appId: string, filters: AccountFilters): string {
  return hrefWith(`/api/apps/${appId}/accounts/export`, filterParams(filters));
}

export const isFiltered = (f: AccountFilters) => Boolean(f.status || f.type || f.owner || f.q);

/** The account figures apps.byId already has (one pass over the app's accounts). */
export interface AccountFigures {
  active: number;
  disabled: number;
  deleted: number;
  withoutOwner: number;
  ownedByInactivePeople: number;
}

/**
 * How many accounts the filters match, when the app's figures already say it (no search, one
 * filter at most); otherwise null: counting a search would read every account of the app.
 */
export function knownCount(filters: AccountFilters, figures: AccountFigures): number | null {
  if (filters.q || filters.type) return null;
  if (filters.status && filters.owner) return null;
  switch (filters.status) {
    case "ACTIVE":
      return figures.active;
    case "DISABLED":
      return figures.disabled;
    case "DELETED":
      return figures.deleted;
    case undefined:
      break;
  }
  switch (filters.owner) {
    case "unset":
      return figures.withoutOwner;
    case "set":
      return figures.active + figures.disabled - figures.withoutOwner;
    case "inactive":
      return figures.ownedByInactivePeople;
    case "ambiguous":
      return null;
    case undefined:
      return figures.active + figures.disabled;
  }
}

/** How the owner was set, as the owner column's badge says it. */
export const OWNER_STATE: Record<
  OwnerState,
  { label: string; tone: "green" | "blue" | "neutral" | "brand" | "red" }
> = {
  MATCHED: { label: "Matched", tone: "green" },
  MANUAL: { label: "Manual", tone: "blue" },
  CLEARED: { label: "Cleared", tone: "neutral" },
  NONE: { label: "No owner", tone: "neutral" },
  AMBIGUOUS: { label: "Ambiguous", tone: "brand" },
};

/** The match evidence as a short phrase: "by email ada@x.com", "by name ada lovelace". */
export function evidenceText(evidence: {
  matchRule: "EMAIL" | "NAME" | null;
  matchValue: string | null;
}): string | null {
  if (!evidence.matchRule || !evidence.matchValue) return null;
  return `by ${evidence.matchRule === "EMAIL" ? "email" : "name"} ${evidence.matchValue}`;
}
