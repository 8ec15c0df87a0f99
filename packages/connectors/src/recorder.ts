import type { Connector, ConnectorAction, ConnectorResult } from "./types.ts";

function describe(action: ConnectorAction): string {
  const who =
    action.account?.login ?? action.account?.emails[0] ?? action.person?.email ?? "the account";
  const verb = action.kind === "GRANT" ? "Granted" : "Revoked";
  const prep = action.kind === "GRANT" ? "to" : "from";
  return `${verb} ${action.entitlement.displayName} ${prep} ${who} in ${action.app.name}.`;
}

/**
 * The built-in connector: it changes nothing outside Lantern and records the action, so
 * CONNECTOR-strategy entitlements work end to end before a real connector is configured.
 */
export const recorderConnector: Connector = {
  name: "built-in recorder",
  grant: async (action): Promise<ConnectorResult> => ({ ok: true, message: describe(action) }),
  revoke: async (action): Promise<ConnectorResult> => ({ ok: true, message: describe(action) }),
};
