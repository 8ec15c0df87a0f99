import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settingFields, type ConnectorInstance, type SyncBatch } from "./kinds/kind.ts";
import { CONNECTOR_KINDS, DEFAULT_CONNECTOR_KIND, findConnectorKind } from "./registry.ts";
import type { ConnectorAction } from "./types.ts";

const environment = {
  app: { id: "a1", name: "Salesforce" },
  textProblem: (text: string) => (text.includes("\u0000") ? "contains a NUL character" : null),
};

const action: ConnectorAction = {
  kind: "GRANT",
  requestId: "r1",
  app: { id: "a1", name: "Salesforce" },
  entitlement: { id: "e1", slug: "admin", displayName: "System Administrator" },
  account: { id: "ac1", externalId: "x1", login: "jlee", emails: ["jlee@example.com"] },
  person: { id: "u1", email: "jordan@example.com", displayName: "Jordan Lee" },
};

async function collect(connector: ConnectorInstance): Promise<SyncBatch[]> {
  const batches: SyncBatch[] = [];
  for await (const batch of connector.sync()) batches.push(batch);
  return batches;
}

describe("the registry", () => {
  it("has unique keys, a label and a description for every kind, and the recorder first", () => {
    const keys = CONNECTOR_KINDS.map((k) => k.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys[0]).toBe("recorder");
    expect(DEFAULT_CONNECTOR_KIND.key).toBe("recorder");
    for (const kind of CONNECTOR_KINDS) {
      expect(kind.key).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(kind.label.length).toBeGreaterThan(0);
      expect(kind.description.length).toBeGreaterThan(20);
    }
  });

  it("finds a kind by key, and nothing for an unknown key", () => {
    expect(findConnectorKind("webhook")?.label).toBe("HTTP endpoint");
    expect(findConnectorKind("ldap")).toBeUndefined();
  });

  it("describes the settings fields from the schema, secret ones marked", () => {
    expect(settingFields(findConnectorKind("recorder")!)).toEqual([]);
    expect(settingFields(findConnectorKind("webhook")!)).toEqual([
      expect.objectContaining({ key: "url", label: "Endpoint URL", secret: false, required: true }),
      expect.objectContaining({
        key: "token",
        label: "Bearer token",
        secret: true,
        required: true,
      }),
    ]);
  });
});

describe("the recorder kind", () => {
  const recorder = findConnectorKind("recorder")!.create({}, environment);
  it("records, reads nothing and always connects", async () => {
    await expect(recorder.grant(action)).resolves.toEqual({
      ok: true,
      message: "Granted System Administrator to jlee in Salesforce.",
    });
    expect(await collect(recorder)).toEqual([]);
    await expect(recorder.test()).resolves.toMatchObject({ ok: true });
  });
});

describe("the HTTP endpoint kind", () => {
  const webhook = findConnectorKind("webhook")!;
  const received: { method: string; auth: string | undefined; body: string }[] = [];
  let answer = {
    status: 200,
    body: readFileSync(new URL("../examples/salesforce.json", import.meta.url), "utf8"),
  };
  let server: Server;
  let url: string;

  const bodyOf = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      void bodyOf(req).then((body) => {
        received.push({ method: req.method ?? "", auth: req.headers.authorization, body });
        if (req.headers.authorization !== "Bearer s3cret") {
          res.writeHead(401).end();
          return;
        }
        res.writeHead(answer.status, { "content-type": "application/json" }).end(answer.body);
      });
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/lantern`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it("refuses settings that are not a URL and a token", () => {
    const parsed = webhook.settings.safeParse({ url: "ftp://x", token: "" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toEqual([
      "The URL must be a web address starting with https:// or http://.",
      "Give the token the endpoint expects.",
    ]);
  });

  it("syncs the endpoint's export in the import format, and tests the connection", async () => {
    const connector = webhook.create({ url, token: "s3cret" }, environment);
    const batches = await collect(connector);
    expect(batches.map((b) => b.kind)).toEqual(["entitlements", "accounts", "grants"]);
    expect(batches[1]?.rows[0]).toMatchObject({ externalId: "0058d00000A1xQa" });
    await expect(connector.test()).resolves.toEqual({
      ok: true,
      message: expect.stringMatching(
        /^Connected: the endpoint lists 2 entitlements, \d+ accounts? and \d+ grants?\.$/,
      ),
    });
  });

  it("posts grants and revokes with the token; a refusal is final, a failure retryable", async () => {
    const connector = webhook.create({ url, token: "s3cret" }, environment);
    answer = { status: 204, body: "" };
    await expect(connector.revoke({ ...action, kind: "REVOKE" })).resolves.toEqual({
      ok: true,
      message: "The endpoint accepted the revoke of System Administrator (HTTP 204).",
    });
    const last = received.at(-1)!;
    expect(last).toMatchObject({ method: "POST", auth: "Bearer s3cret" });
    expect(JSON.parse(last.body)).toMatchObject({ action: "REVOKE", requestId: "r1" });
    answer = { status: 503, body: "" };
    await expect(connector.grant(action)).resolves.toEqual({
      ok: false,
      error: "The endpoint answered HTTP 503 to the grant.",
      retryable: true,
    });
    const wrongToken = webhook.create({ url, token: "wrong" }, environment);
    await expect(wrongToken.grant(action)).resolves.toMatchObject({ ok: false, retryable: false });
    await expect(wrongToken.test()).resolves.toEqual({
      ok: false,
      message: "The endpoint answered HTTP 401 to GET.",
    });
  });

  it("says why an endpoint cannot be reached, or what is wrong with its export", async () => {
    const spare = createServer();
    await new Promise<void>((done) => spare.listen(0, "127.0.0.1", done));
    const port = (spare.address() as AddressInfo).port;
    await new Promise<void>((done) => spare.close(() => done()));
    const closed = webhook.create(
      { url: `http://127.0.0.1:${port}/`, token: "s3cret" },
      environment,
    );
    await expect(closed.test()).resolves.toEqual({
      ok: false,
      message: expect.stringContaining("The endpoint was not reached: fetch failed (ECONNREFUSED)"),
    });
    answer = { status: 200, body: '{"accounts":[{"login":"x"}]}' };
    const connector = webhook.create({ url, token: "s3cret" }, environment);
    await expect(connector.test()).resolves.toEqual({
      ok: false,
      message: expect.stringContaining("Line 1: externalId is required"),
    });
  });
});
