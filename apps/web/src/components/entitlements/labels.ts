// Words for entitlements and grants, shared by the app, entitlement and account pages.
// A plain module: server and client components import it.

export const STRATEGY_LABEL = { MANUAL: "Manual task", CONNECTOR: "Connector" } as const;

export const GRANT_SOURCE_LABEL = {
  INGESTED: "Imported",
  REQUEST: "Request",
  MANUAL: "Added by hand",
} as const;

export const GRANT_SOURCE_HINT = {
  INGESTED: "Seen in the app by its connector or an import",
  REQUEST: "Granted through a request in Lantern",
  MANUAL: "Recorded by a person",
} as const;

export const POLICY_SOURCE_LABEL = {
  ENTITLEMENT: "Set on this entitlement",
  APP: "The app's default",
  ORGANIZATION: "The organization's default",
} as const;

export const ACCOUNT_STATUS = {
  ACTIVE: { label: "Active", tone: "green" },
  DISABLED: { label: "Disabled", tone: "neutral" },
  DELETED: { label: "Deleted", tone: "red" },
} as const;

export const ACCOUNT_TYPE_LABEL = {
  USER: "User",
  SERVICE: "Service account",
  SYSTEM: "System account",
} as const;

export const PERSON_STATUS_LABEL = {
  ACTIVE: "Active",
  SUSPENDED: "Suspended",
  DEPROVISIONED: "Deprovisioned",
} as const;
