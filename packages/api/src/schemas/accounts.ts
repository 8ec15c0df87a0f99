import { z } from "zod";
import { pageLimit, ZCursor, ZSearchText } from "./text.ts";

// The Accounts tab (SPEC §4.1) and the owner and type actions (§4.3, §4.4).

export const ACCOUNT_STATUSES = ["ACTIVE", "DISABLED", "DELETED"] as const;
export const ACCOUNT_TYPES = ["USER", "SERVICE", "SYSTEM"] as const;

/**
 * Owner filters: an owner is set / not set; `ambiguous`: BROAD mapping found several people of
 * that name and nobody has decided yet; `inactive`: the owner is suspended or deprovisioned.
 */
export const ACCOUNT_OWNER_FILTERS = ["set", "unset", "ambiguous", "inactive"] as const;

/**
 * Orders of the list: name A→Z (the name shown: display name, else given + family name, else
 * login, else external id; case-insensitive), login A→Z (else external id), last login
 * newest or oldest first (accounts without usage data last either way).
 */
export const ACCOUNT_SORTS = ["name", "login", "last_login_newest", "last_login_oldest"] as const;

export type TAccountStatus = (typeof ACCOUNT_STATUSES)[number];
export type TAccountType = (typeof ACCOUNT_TYPES)[number];
export type TAccountOwnerFilter = (typeof ACCOUNT_OWNER_FILTERS)[number];
export type TAccountSort = (typeof ACCOUNT_SORTS)[number];

const appId = z.uuid({ error: "That is not a valid app id." });
const accountId = z.uuid({ error: "That is not a valid account id." });

/** The filters of the list, shared by the page and the CSV export. */
export const ZAccountFilters = z.object({
  appId,
  /** Absent: every account that still exists (ACTIVE and DISABLED, not DELETED). */
  status: z
    .enum(ACCOUNT_STATUSES, { error: "Filter by status Active, Disabled or Deleted." })
    .optional(),
  type: z.enum(ACCOUNT_TYPES, { error: "Filter by type User, Service or System." }).optional(),
  owner: z
    .enum(ACCOUNT_OWNER_FILTERS, {
      error: "Filter owners by set, unset, ambiguous or inactive.",
    })
    .optional(),
  /** Login, any email address, display / given / family name; case-insensitive, contains. */
  search: ZSearchText,
  sort: z.enum(ACCOUNT_SORTS, { error: "Sort by name, login or last login." }).default("name"),
});
export type TAccountFilters = z.output<typeof ZAccountFilters>;

export const ZListAccountsInput = ZAccountFilters.extend({
  cursor: ZCursor,
  limit: pageLimit(50),
});
export type TListAccountsInput = z.output<typeof ZListAccountsInput>;

/** The filters of the Accounts tab, to count the accounts they match (the sort is moot). */
export const ZCountAccountsInput = ZAccountFilters.omit({ sort: true });
export type TCountAccountsInput = z.output<typeof ZCountAccountsInput>;

export const ZOwnerCandidatesInput = z.object({
  appId,
  search: ZSearchText,
});
export type TOwnerCandidatesInput = z.output<typeof ZOwnerCandidatesInput>;

export const ZSetAccountOwnerInput = z.object({
  accountId,
  userId: z.uuid({ error: "Choose the person who owns this account." }),
});
export type TSetAccountOwnerInput = z.output<typeof ZSetAccountOwnerInput>;

export const ZAccountIdInput = z.object({ accountId });
export type TAccountIdInput = z.output<typeof ZAccountIdInput>;

export const ZSetAccountTypeInput = z.object({
  accountId,
  type: z.enum(ACCOUNT_TYPES, { error: "Choose User, Service account or System account." }),
});
export type TSetAccountTypeInput = z.output<typeof ZSetAccountTypeInput>;
