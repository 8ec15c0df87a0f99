import type { ConnectorKind } from "./kinds/kind.ts";
import { recorderKind } from "./kinds/recorder.ts";
import { webhookKind } from "./kinds/webhook.ts";

// Every connector kind Lantern knows, in the order the settings page offers them. Adding a
// kind: write its file in ./kinds/ and add one line here.
export const CONNECTOR_KINDS: readonly ConnectorKind[] = [
  recorderKind, // the default: records, changes nothing in the app
  webhookKind, // an HTTP endpoint in front of the app
];

/** The kind an app has when none is configured. */
export const DEFAULT_CONNECTOR_KIND = recorderKind;

/** The kind stored under `key`, or undefined (a kind removed from this version). */
export function findConnectorKind(key: string): ConnectorKind | undefined {
  return CONNECTOR_KINDS.find((kind) => kind.key === key);
}
