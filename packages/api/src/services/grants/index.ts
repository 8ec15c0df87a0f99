// Grants (SPEC §5): who holds what, the rules asked about one grant, the revocations in flight
// and the revoke command.
export {
  accountLabel,
  entitlementGrantFacts,
  grantFacts,
  loadGrant,
  revokeAbility,
  type LoadedGrant,
  type RevokeAbility,
} from "./facts.ts";
export { listAccountGrants, type AccountGrantRow } from "./of-account.ts";
export { listEntitlementGrants, type EntitlementGrantRow } from "./of-entitlement.ts";
export {
  canOpenPendingTask,
  describePending,
  pendingRevocations,
  pendingView,
  type PendingRevocation,
  type PendingRevocationView,
} from "./pending.ts";
export { loadLiveGrant, requestRevocation, revokeGrant, type RevokeResult } from "./revoke.ts";
export { grantRevocationStatus, type GrantRevocationStatus } from "./status.ts";
