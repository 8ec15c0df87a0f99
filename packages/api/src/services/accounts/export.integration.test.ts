import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@lantern/db";
import {
  createAccount,
  createAccounts,
  createApp,
  createOrganization,
  createUser,
} from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import type { Actor } from "@lantern/domain";
import { actorFor } from "../../testing.ts";
import { ZAccountFilters } from "../../schemas/accounts.ts";
import { csvCell, csvLine, toByteStream } from "../csv.ts";
import { exportAccounts, exportFilename } from "./export.ts";

// The CSV export of the Accounts tab: escaping, the file name, batches that add up to the
// list, the filters, and who may.

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["", ""],
    [null, ""],
    ["with, comma", '"with, comma"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+1 555", "'+1 555"],
    ["-2", "'-2"],
    ["@cmd", "'@cmd"],
    ["\tTab", "'\tTab"],
    ['=HYPERLINK("x","y")', '"\'=HYPERLINK(""x"",""y"")"'],
    ["a=b", "a=b"],
    ["Ångström", "Ångström"],
  ])("%j → %j", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it("ends a record with CRLF", () => {
    expect(csvLine(["a", "b,c", null])).toBe('a,"b,c",\r\n');
  });
});

describe("exportFilename", () => {
  it.each([
    ["GitHub", "github-accounts-2026-11-22.csv"],
    ["Google Workspace", "google-workspace-accounts-2026-11-22.csv"],
    ["Café / Bar (EU)", "cafe-bar-eu-accounts-2026-11-22.csv"],
    ["日本", "app-accounts-2026-11-22.csv"],
  ])("%s → %s", (name, filename) => {
    expect(exportFilename(name, new Date("2026-11-22T23:59:00Z"))).toBe(filename);
  });
});

let db: Database;
let admin: Actor;
let member: Actor;
let appId: string;
const now = () => new Date("2026-11-22T10:00:00Z");

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  const org = await createOrganization(p, { name: "Acme", slug: "acme-export" });
  const adminUser = await createUser(p, org, { email: "admin@acme.test", role: "SUPER_ADMIN" });
  const memberUser = await createUser(p, org, { email: "member@acme.test" });
  const ada = await createUser(p, org, {
    givenName: "Ada",
    familyName: "Lovelace",
    email: "ada@acme.test",
  });
  const app = await createApp(p, org, { name: "Git Hub" });
  appId = app.id;
  await createAccounts(
    p,
    app,
    Array.from({ length: 12 }, (_, i) => ({
      externalId: `bulk-${i}`,
      displayName: `Bulk ${String(i).padStart(2, "0")}`,
      emails: [`bulk${i}@acme.test`, `bulk${i}@old.test`],
      lastLoginAt: i % 2 ? new Date(Date.UTC(2026, 0, 1 + i)) : null,
    })),
  );
  await createAccount(p, app, {
    externalId: "evil",
    displayName: '=HYPERLINK("http://x","click")',
    login: "-evil",
  });
  await createAccount(p, app, { externalId: "ada", owner: ada, type: "SERVICE" });
  await createAccount(p, app, { externalId: "gone", displayName: "Gone", status: "DELETED" });
  admin = (await actorFor(p, adminUser.id))!;
  member = (await actorFor(p, memberUser.id))!;
});

afterAll(async () => {
  await db?.close();
});

const filters = (input: Record<string, unknown> = {}) => ZAccountFilters.parse({ appId, ...input });

async function csvOf(actor: Actor, input: Record<string, unknown> = {}, batchSize = 5) {
  const result = await exportAccounts({ db: db.prisma, actor, now }, filters(input), batchSize);
  const bytes = await new Response(toByteStream(result.chunks)).arrayBuffer();
  // Keep the byte-order mark (Response.text() would drop it): the file starts with it.
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return { filename: result.filename, text };
}

describe("exportAccounts", () => {
  it("writes every account of the list, in its order, across batches", async () => {
    const { filename, text } = await csvOf(admin);
    expect(filename).toBe("git-hub-accounts-2026-11-22.csv");
    expect(text.startsWith("\uFEFFName,Login,Emails,")).toBe(true);
    const records = parse(text.slice(1), { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(14); // not the deleted one
    const caller = (await import("../../testing.ts")).callerFor;
    const listed = await (await caller(db.prisma, admin.id)).accounts.list({ appId, limit: 100 });
    expect(records.map((r) => r["Lantern ID"])).toEqual(listed.items.map((r) => r.id));

    const ada = records.find((r) => r["External ID"] === "ada")!;
    expect(ada).toMatchObject({
      Name: "Ada Lovelace",
      Emails: "ada@acme.test",
      Type: "SERVICE",
      "Type set": "By ingestion",
      Owner: "Ada Lovelace",
      "Owner email": "ada@acme.test",
      "Owner status": "ACTIVE",
      "Owner source": "Matched",
      "Match rule": "EMAIL",
      "Match value": "ada@acme.test",
      "Last login": "",
    });
    const bulk = records.find((r) => r["External ID"] === "bulk-1")!;
    expect(bulk).toMatchObject({
      Emails: "bulk1@acme.test; bulk1@old.test",
      "Last login": "2026-01-02T00:00:00.000Z",
      "Owner source": "No owner",
    });
  });

  it("keeps formulas as text", async () => {
    const { text } = await csvOf(admin, { search: "evil" });
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""click"")",'-evil,`);
  });

  it("applies the filters and the sort", async () => {
    const deleted = parse((await csvOf(admin, { status: "DELETED" })).text.slice(1), {
      columns: true,
    }) as Record<string, string>[];
    expect(deleted.map((r) => r.Name)).toEqual(["Gone"]);
    const newest = parse(
      (await csvOf(admin, { search: "bulk", sort: "last_login_newest" }, 4)).text.slice(1),
      { columns: true },
    ) as Record<string, string>[];
    expect(newest.slice(0, 3).map((r) => r.Name)).toEqual(["Bulk 11", "Bulk 09", "Bulk 07"]);
    expect(newest.slice(6).every((r) => r["Last login"] === "")).toBe(true);
  });

  it("writes just the header when nothing matches", async () => {
    const { text } = await csvOf(admin, { search: "nobody at all" });
    expect(text.split("\r\n")).toHaveLength(2);
  });

  it("refuses before writing anything when the person may not see the accounts", async () => {
    await expect(
      exportAccounts({ db: db.prisma, actor: member, now }, filters()),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a search whose query fails refuses when the export is asked for, before any byte (issue 13)", async () => {
    // NUL reaches no query once the shared text schemas refuse it; here it stands for any
    // request whose first query fails: the export answers an error, never a stream.
    await expect(
      exportAccounts({ db: db.prisma, actor: admin, now }, { ...filters(), search: "\u0000" }),
    ).rejects.toThrow();
  });

  it("stops reading batches when the reader cancels", async () => {
    const result = await exportAccounts({ db: db.prisma, actor: admin, now }, filters(), 2);
    const reader = toByteStream(result.chunks).getReader();
    await reader.read(); // the header
    await reader.cancel();
    expect(await result.chunks.next()).toEqual({ done: true, value: undefined });
  });
});
