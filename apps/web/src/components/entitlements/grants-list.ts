// The Grants tab's query input. A plain module: the server page and the client table share it.
import type { RouterInputs } from "@lantern/api";

export type EntitlementGrantsInput = RouterInputs["entitlements"]["grants"];

export const GRANTS_PAGE_SIZE = 50;

export function entitlementGrantsInput(
  entitlementId: string,
  search: string,
): EntitlementGrantsInput {
  return { entitlementId, search: search || undefined, limit: GRANTS_PAGE_SIZE };
}
