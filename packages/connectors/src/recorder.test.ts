import { describe, expect, it } from "vitest";
import { recorderConnector } from "./recorder.ts";
import type { ConnectorAction } from "./types.ts";

const action = (over: Partial<ConnectorAction> = {}): ConnectorAction => ({
  kind: "GRANT",
  requestId: "r1",
  app: { id: "a1", name: "Salesforce" },
  entitlement: { id: "e1", slug: "admin", displayName: "System Administrator" },
  account: { id: "ac1", externalId: "x1", login: "jlee", emails: ["jlee@example.com"] },
  person: { id: "u1", email: "jordan@example.com", displayName: "Jordan Lee" },
  ...over,
});

describe("built-in recorder connector", () => {
  it.each([
    [
      "grant to an account",
      action(),
      "grant",
      "Granted System Administrator to jlee in Salesforce.",
    ],
    [
      "revoke from an account",
      action({ kind: "REVOKE" }),
      "revoke",
      "Revoked System Administrator from jlee in Salesforce.",
    ],
    [
      "grant to a person with no account yet",
      action({ account: null }),
      "grant",
      "Granted System Administrator to jordan@example.com in Salesforce.",
    ],
  ] as const)("%s", async (_label, input, method, message) => {
    await expect(recorderConnector[method](input)).resolves.toEqual({ ok: true, message });
  });
});
