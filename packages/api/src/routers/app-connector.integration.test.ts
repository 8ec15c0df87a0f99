import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@lantern/db";
import {
  createAccount,
  createApp,
  createEntitlement,
  createOrganization,
  createPolicy,
  createUser,
} from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import { runConnectorJobs } from "../services/connector-jobs.ts";
import { SecretsKey } from "../services/connectors/secrets.ts";
import { connectorSecretsProblem } from "../services/connectors/startup.ts";
import { callerFor as callerForUser } from "../testing.ts";

// An app's connector configuration (issue 15 §6), through the API: secrets sealed at rest and
// never answered, bad settings refused with nothing changed, the Event without secret values,
// the connection test, and the connector jobs running the kind the app is configured with.

const TOKEN = "tok-Very-Secret-123";
const key = SecretsKey.parse(randomBytes(32).toString("base64"));
let db: Database;
let server: Server;
let url: string;
const posts: { auth: string | undefined; body: Record<string, unknown> }[] = [];
const ids = {} as Record<"org" | "admin" | "owner" | "member" | "app" | "other", string>;
const callerFor = (userId: string, secretsKey: SecretsKey | null = key) =>
  callerForUser(db.prisma, userId, secretsKey);

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return void res.writeHead(401).end();
      if (req.method === "POST") {
        posts.push({
          auth: req.headers.authorization,
          body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>,
        });
        return void res.writeHead(200).end("{}");
      }
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ entitlements: [{ slug: "admin" }], accounts: [], grants: [] }));
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;

  db = await createTestDatabase();
  const p = db.prisma;
  const org = await createOrganization(p, { name: "Acme", slug: "acme-app-connector" });
  const person = (given: string, extra: Record<string, unknown> = {}) =>
    createUser(p, org, { givenName: given, email: `${given.toLowerCase()}@acme.test`, ...extra });
  const admin = await person("Ada", { role: "SUPER_ADMIN" });
  const owner = await person("Olga");
  const member = await person("Max");
  const app = await createApp(p, org, { name: "Okta", owners: [owner] });
  const other = await createApp(p, org, { name: "Slack", owners: [owner] });
  Object.assign(ids, {
    org: org.id,
    admin: admin.id,
    owner: owner.id,
    member: member.id,
    app: app.id,
    other: other.id,
  });
});

afterAll(async () => {
  await db?.close();
  await new Promise<void>((done) => server.close(() => done()));
});

const stored = (appId: string) =>
  db.prisma.app.findUniqueOrThrow({
    where: { id: appId },
    select: { connectorKind: true, connectorSettings: true, connectorSecrets: true },
  });

describe("apps.connector", () => {
  it("answers the built-in recorder for an app with nothing configured, and every kind", async () => {
    const view = await (await callerFor(ids.owner)).apps.connector({ appId: ids.app });
    expect(view).toMatchObject({ kind: "recorder", settings: {}, secretsSet: [] });
    expect(view.kinds.map((k) => k.key)).toEqual(["recorder", "webhook"]);
    expect(view.kinds[1]!.fields).toEqual([
      expect.objectContaining({ key: "url", secret: false }),
      expect.objectContaining({ key: "token", secret: true }),
    ]);
  });

  it("is for whoever may change the app's settings", async () => {
    await expect(
      (await callerFor(ids.member)).apps.connector({ appId: ids.app }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("apps.setConnector", () => {
  it("seals the secret, never answers it, and records an Event without it", async () => {
    const owner = await callerFor(ids.owner);
    const answer = await owner.apps.setConnector({
      appId: ids.app,
      kind: "webhook",
      settings: { url, token: TOKEN },
    });
    expect(answer).toMatchObject({
      changed: true,
      connector: { kind: "webhook", settings: { url }, secretsSet: ["token"] },
    });
    expect(JSON.stringify(answer)).not.toContain(TOKEN);
    expect(JSON.stringify(await owner.apps.connector({ appId: ids.app }))).not.toContain(TOKEN);

    const row = await stored(ids.app);
    expect(row.connectorKind).toBe("webhook");
    expect(row.connectorSettings).toEqual({ url });
    const sealed = (row.connectorSecrets as Record<string, string>).token!;
    expect(sealed).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(TOKEN);
    expect(key.open(sealed, `app:${ids.app}:token`)).toBe(TOKEN);

    const event = await db.prisma.event.findFirstOrThrow({
      where: { action: "app.connector_changed", targetId: ids.app },
    });
    expect(event).toMatchObject({
      actorId: ids.owner,
      before: { kind: "recorder", settings: {}, secrets: [] },
      after: { kind: "webhook", settings: { url }, secrets: ["token"], secretsReplaced: ["token"] },
    });
    expect(JSON.stringify(event)).not.toContain(TOKEN);
  });

  it("keeps a secret left out, and changes nothing when nothing changes", async () => {
    const owner = await callerFor(ids.owner);
    const before = await stored(ids.app);
    const again = await owner.apps.setConnector({
      appId: ids.app,
      kind: "webhook",
      settings: { url },
    });
    expect(again).toMatchObject({ changed: false, connector: { secretsSet: ["token"] } });
    expect(await stored(ids.app)).toEqual(before);
  });

  it.each([
    ["an unknown kind", { kind: "ldap", settings: {} }, "There is no connector kind “ldap”."],
    [
      "a setting the kind does not have",
      { kind: "webhook", settings: { url: "https://idp.example.com/hook", host: "x" } },
      "The HTTP endpoint connector has no setting “host”.",
    ],
    [
      "a URL that is not one",
      { kind: "webhook", settings: { url: "not a url" } },
      "Endpoint URL: The URL must be a web address starting with https:// or http://.",
    ],
  ])("refuses %s with a human message, changing nothing", async (_label, change, message) => {
    const before = await stored(ids.app);
    const events = await db.prisma.event.count();
    await expect(
      (await callerFor(ids.owner)).apps.setConnector({ appId: ids.app, ...change }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message });
    expect(await stored(ids.app)).toEqual(before);
    expect(await db.prisma.event.count()).toBe(events);
  });

  it("needs the secret anew for another kind, and a key to store one", async () => {
    const owner = await callerFor(ids.owner);
    await expect(
      owner.apps.setConnector({ appId: ids.other, kind: "webhook", settings: { url } }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Bearer token: Give the token the endpoint expects.",
    });
    await expect(
      (await callerFor(ids.owner, null)).apps.setConnector({
        appId: ids.other,
        kind: "webhook",
        settings: { url, token: TOKEN },
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("LANTERN_SECRETS_KEY"),
    });
    expect(await stored(ids.other)).toMatchObject({ connectorKind: null, connectorSecrets: {} });
  });

  it("is refused to people who may not change the app's settings", async () => {
    await expect(
      (await callerFor(ids.member)).apps.setConnector({ appId: ids.other, kind: "recorder" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("apps.testConnector", () => {
  it("tests the saved secret or one typed anew, writing nothing", async () => {
    const owner = await callerFor(ids.owner);
    const before = await stored(ids.app);
    await expect(
      owner.apps.testConnector({ appId: ids.app, kind: "webhook", settings: { url } }),
    ).resolves.toEqual({
      ok: true,
      message: "Connected: the endpoint lists 1 entitlement, 0 accounts and 0 grants.",
    });
    await expect(
      owner.apps.testConnector({
        appId: ids.app,
        kind: "webhook",
        settings: { url, token: "wrong" },
      }),
    ).resolves.toEqual({ ok: false, message: "The endpoint answered HTTP 401 to GET." });
    expect(await stored(ids.app)).toEqual(before);
  });

  it("says clearly when the key cannot open the stored secret", async () => {
    const otherKey = SecretsKey.parse(randomBytes(32).toString("base64"));
    await expect(
      (await callerFor(ids.owner, otherKey)).apps.testConnector({
        appId: ids.app,
        kind: "webhook",
        settings: { url },
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("encrypted with another key"),
    });
  });
});

describe("connector jobs", () => {
  async function requestConnectorGrant() {
    const p = db.prisma;
    const org = { id: ids.org };
    const policy = await createPolicy(p, org, { name: `Auto ${posts.length}-${Math.random()}` });
    await p.app.update({ where: { id: ids.app }, data: { defaultRequestPolicyId: policy.id } });
    const app = await p.app.findUniqueOrThrow({ where: { id: ids.app } });
    const entitlement = await createEntitlement(p, app, {
      slug: `editor-${randomBytes(3).toString("hex")}`,
      displayName: "Okta Editor",
      provisioningStrategy: "CONNECTOR",
    });
    const member = await p.user.findUniqueOrThrow({ where: { id: ids.member } });
    if ((await p.account.count({ where: { appId: app.id } })) === 0) {
      await createAccount(p, app, { owner: member });
    }
    const created = await (
      await callerFor(ids.member)
    ).requests.create({ entitlementId: entitlement.id, reason: "Admin work" });
    return created.requestId;
  }

  it("run the kind the app is configured with, its secret opened by the key", async () => {
    const requestId = await requestConnectorGrant();
    expect(await runConnectorJobs(db.prisma, { secretsKey: key })).toMatchObject({ succeeded: 1 });
    expect(posts.at(-1)).toMatchObject({
      auth: `Bearer ${TOKEN}`,
      body: { action: "GRANT", requestId },
    });
    const event = await db.prisma.event.findFirstOrThrow({
      where: { requestId, action: "connector.succeeded" },
    });
    expect(event.after).toMatchObject({ connector: "HTTP endpoint" });
  });

  it("without the key, fall back to a manual task at once, saying why", async () => {
    const requestId = await requestConnectorGrant();
    const sent = posts.length;
    expect(await runConnectorJobs(db.prisma)).toMatchObject({ fellBack: 1 });
    expect(posts.length).toBe(sent);
    const task = await db.prisma.task.findFirstOrThrow({ where: { requestId } });
    expect(task.routingNote).toContain("LANTERN_SECRETS_KEY");
  });

  it("make a worker without the key, or with another, refuse to start", async () => {
    expect(await connectorSecretsProblem(db.prisma, key)).toBeNull();
    expect(await connectorSecretsProblem(db.prisma, null)).toMatch(
      /^LANTERN_SECRETS_KEY is not set, but 1 app has connector secrets stored encrypted \(Okta\)/,
    );
    const otherKey = SecretsKey.parse(randomBytes(32).toString("base64"));
    expect(await connectorSecretsProblem(db.prisma, otherKey)).toContain(
      "encrypted with another key",
    );
  });
});
