// A connector links Lantern to one application (SPEC §6.4): it lists what exists there
// (ingestion, a later issue) and, optionally, grants and revokes access itself — the
// CONNECTOR provisioning strategy. Actions run as queued jobs with retries.

/** What a grant or revoke is about. */
export interface ConnectorAction {
  kind: "GRANT" | "REVOKE";
  requestId: string;
  app: { id: string; name: string };
  entitlement: { id: string; slug: string; displayName: string };
  /** The account in the app; null for a grant to a person who has no account there yet. */
  account: { id: string; externalId: string; login: string | null; emails: string[] } | null;
  /** The person whose access it is. */
  person: { id: string; email: string; displayName: string } | null;
}

export type ConnectorResult =
  | { ok: true; message: string }
  /** `retryable: false` gives up at once (e.g. the app refused the entitlement). */
  | { ok: false; error: string; retryable: boolean };

export interface Connector {
  /** Shown in the history, e.g. "built-in recorder". */
  name: string;
  grant(action: ConnectorAction): Promise<ConnectorResult>;
  revoke(action: ConnectorAction): Promise<ConnectorResult>;
}
