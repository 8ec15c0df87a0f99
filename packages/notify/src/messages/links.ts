// Where notifications link to in the web app (apps/web/src/app/(dashboard)). Payloads carry
// relative paths; links become absolute with the organization's public URL at delivery.
import type { NotificationTaskKind } from "@lantern/domain";

/** The page where a person changes which notifications they receive. */
export const SETTINGS_PATH = "/settings";

/** The inbox tab where open tasks of each kind wait (SPEC §3.2). */
export const INBOX_PATHS: Readonly<Record<NotificationTaskKind, string>> = {
  APPROVAL: "/requests?tab=awaiting_approval",
  PROVISION: "/requests?tab=awaiting_provisioning",
  DEPROVISION: "/revocations?tab=awaiting_deprovisioning",
};

/**
 * `baseUrl` + `path`: "https://lantern.acme.com" + "/tasks/1042". A trailing slash on the
 * base is tolerated; the path must start with "/" (the payload schemas make sure it does).
 */
export function absoluteUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${path}`;
}
