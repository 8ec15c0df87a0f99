import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@lantern/db";
import { createApp, createEvents, createOrganization, createUser } from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import type { Actor } from "@lantern/domain";
import { actorFor } from "../testing.ts";
import { ZAuditFilters } from "../schemas/audit.ts";
import { exportAuditLog } from "./audit.ts";
import { toByteStream } from "./csv.ts";

// The audit log as a CSV file (issue 6): the list's filters and order, every matching event
// across batches, JSON before/after, "System" for events without an actor, and cells a
// spreadsheet would run as formulas kept as text.

let db: Database;
let admin: Actor;
let member: Actor;
let appId: string;
const now = () => new Date("2026-12-03T10:00:00Z");

const HEADER = [
  "At",
  "Actor",
  "Actor email",
  "Action",
  "Target type",
  "Target id",
  "Target",
  "Reason",
  "Before",
  "After",
  "Request id",
  "Task number",
];

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  const org = await createOrganization(p, { name: "Acme", slug: "acme-audit-export" });
  const other = await createOrganization(p, { name: "Globex", slug: "globex-audit-export" });
  const adminUser = await createUser(p, org, {
    givenName: "Ada",
    familyName: "Admin",
    email: "ada@acme.test",
    role: "SUPER_ADMIN",
  });
  const memberUser = await createUser(p, org, { givenName: "Max" });
  const app = await createApp(p, org, { name: "GitHub" });
  appId = app.id;
  await createEvents(p, [
    ...Array.from({ length: 7 }, (_, i) => ({
      organization: org,
      actor: adminUser,
      action: "app.updated",
      targetType: "App",
      targetId: app.id,
      before: { name: `v${i}` },
      after: { name: `v${i + 1}`, note: 'says "hi", twice' },
      at: new Date(Date.UTC(2026, 10, 1 + i, 9)),
    })),
    {
      organization: org,
      actor: null,
      action: "account.owner_set",
      targetType: "Account",
      targetId: "not-a-row",
      reason: '=HYPERLINK("http://x","click")',
      at: new Date("2026-11-20T09:00:00Z"),
    },
    {
      organization: other,
      actor: null,
      action: "secret.action",
      targetType: "App",
      targetId: app.id,
      at: new Date("2026-11-21T09:00:00Z"),
    },
  ]);
  admin = (await actorFor(p, adminUser.id))!;
  member = (await actorFor(p, memberUser.id))!;
});

afterAll(async () => {
  await db?.close();
});

async function csvOf(actor: Actor, filters: Record<string, unknown> = {}, batchSize = 3) {
  const file = await exportAuditLog(
    { db: db.prisma, actor, now },
    ZAuditFilters.parse(filters),
    batchSize,
  );
  const bytes = await new Response(toByteStream(file.chunks)).arrayBuffer();
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return { filename: file.filename, text };
}

describe("exportAuditLog", () => {
  it("writes every matching event, newest first, across batches", async () => {
    const { filename, text } = await csvOf(admin);
    expect(filename).toBe("audit-log-2026-12-03.csv");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const records = parse(text.slice(1)) as string[][];
    expect(records[0]).toEqual(HEADER);
    const rows = records.slice(1);
    expect(rows).toHaveLength(8);
    expect(rows.map((r) => r[0])).toEqual([
      "2026-11-20T09:00:00.000Z",
      ...Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2026, 10, 7 - i, 9)).toISOString()),
    ]);
    expect(rows[0]).toEqual([
      "2026-11-20T09:00:00.000Z",
      "System",
      "",
      "account.owner_set",
      "Account",
      "not-a-row",
      "",
      '\'=HYPERLINK("http://x","click")',
      "",
      "",
      "",
      "",
    ]);
    expect(rows[1]).toEqual([
      "2026-11-07T09:00:00.000Z",
      "Ada Admin",
      "ada@acme.test",
      "app.updated",
      "App",
      appId,
      "GitHub",
      "",
      '{"name":"v6"}',
      '{"name":"v7","note":"says \\"hi\\", twice"}',
      "",
      "",
    ]);
    expect(JSON.parse(rows[1]![9]!)).toEqual({ name: "v7", note: 'says "hi", twice' });
    expect(text).not.toContain("secret.action");
  });

  it("applies the filters of the list", async () => {
    const { text } = await csvOf(admin, { action: "app.", from: "2026-11-03", to: "2026-11-04" });
    const rows = (parse(text.slice(1)) as string[][]).slice(1);
    expect(rows.map((r) => r[0])).toEqual(["2026-11-04T09:00:00.000Z", "2026-11-03T09:00:00.000Z"]);
    const empty = await csvOf(admin, { action: "nothing.here" });
    expect(parse(empty.text.slice(1))).toEqual([HEADER]);
  });

  it("refuses members before writing anything", async () => {
    await expect(exportAuditLog({ db: db.prisma, actor: member, now }, {})).rejects.toThrow(
      "Only super admins and auditors can read the audit log.",
    );
  });
});

describe("the export fails before its first byte, or visibly after it (issue 13)", () => {
  const ctx = (actor: Actor) => ({ db: db.prisma, actor, now });

  it("dates the database cannot hold are refused by the shared filters, with the field", () => {
    for (const [field, value] of [
      ["to", "0000-01-01"],
      ["from", "0001-01-01"],
      ["to", "1899-12-31"],
    ] as const) {
      const parsed = ZAuditFilters.safeParse({ [field]: value });
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues).toEqual([
        expect.objectContaining({
          path: [field],
          message: `Enter a ${field} date from 1900-01-01 to 9999-12-31.`,
        }),
      ]);
    }
  });

  it("the first and last dates allowed work to the end of the file", async () => {
    const { text } = await csvOf(admin, { from: "1900-01-01", to: "9999-12-31" });
    expect((parse(text.slice(1)) as string[][]).slice(1)).toHaveLength(8);
  });

  it("a filter whose query fails refuses when the export is asked for, before any byte", async () => {
    // NUL reaches no query once the shared text schemas refuse it; here it stands for any
    // request whose first query fails: the export answers an error, never a stream.
    await expect(exportAuditLog(ctx(admin), { action: "app.\u0000" })).rejects.toThrow();
    await expect(exportAuditLog(ctx(admin), { targetId: "\u0000" })).rejects.toThrow();
  });

  it("a failure after the first byte errors the stream and is reported, never a clean end", async () => {
    const file = await exportAuditLog(ctx(admin), {}, 3);
    const errors: unknown[] = [];
    const reader = toByteStream(file.chunks, (error) => errors.push(error)).getReader();
    // The next batch's query fails: the table is gone for a moment (this file's own database).
    await db.prisma.$executeRawUnsafe(`ALTER TABLE "Event" RENAME TO "EventAway"`);
    try {
      const first = await reader.read();
      const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(first.value);
      expect((parse(text.slice(1)) as string[][]).slice(1)).toHaveLength(3);
      await expect(reader.read()).rejects.toThrow();
      await expect(reader.closed).rejects.toThrow();
    } finally {
      await db.prisma.$executeRawUnsafe(`ALTER TABLE "EventAway" RENAME TO "Event"`);
    }
    expect(errors).toHaveLength(1);
  });
});
