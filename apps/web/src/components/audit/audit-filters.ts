// The audit log's filters as URL parameters, shared by the page, its filter bar and the CSV
// export link (/api/audit/export), so a filtered view can be shared and exported as is.
// A plain module: server and client import it.
import { hrefWith } from "~/lib/url";

export const AUDIT_FILTER_KEYS = [
  "actor",
  "targetType",
  "targetId",
  "action",
  "from",
  "to",
] as const;
export type AuditParamKey = (typeof AUDIT_FILTER_KEYS)[number];
export type AuditParams = Partial<Record<AuditParamKey, string>>;

/** What events are about (Event.targetType), for the Target type filter. */
export const AUDIT_TARGET_TYPES = [
  "Account",
  "App",
  "Entitlement",
  "Grant",
  "Notification",
  "Organization",
  "Policy",
  "Request",
  "Task",
  "User",
] as const;

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

/**
 * The filter parameters of a URL (first value of each, trimmed; empty ones left out), as given:
 * the API's ZAuditFilters judges them (the page says why it refuses, the export answers 400).
 */
export function parseAuditParams(params: RawParams): AuditParams {
  const get = (key: string) => {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key];
    const first = Array.isArray(value) ? value[0] : value;
    return first?.trim() || undefined;
  };
  const parsed: AuditParams = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = get(key);
    if (value) parsed[key] = value;
  }
  return parsed;
}

/** The API's filter input of URL parameters (validated there). */
export const auditFilterInput = (params: AuditParams) => ({
  actorId: params.actor,
  targetType: params.targetType,
  targetId: params.targetId,
  action: params.action,
  from: params.from,
  to: params.to,
});

export const AUDIT_PAGE_SIZE = 50;

/** The list query of the page (prefetched on the server with the same input). */
export const auditListInput = (params: AuditParams) => ({
  filters: auditFilterInput(params),
  limit: AUDIT_PAGE_SIZE,
});

export const auditHref = (params: AuditParams) => hrefWith("/audit", params);
export const auditExportHref = (params: AuditParams) => hrefWith("/api/audit/export", params);
