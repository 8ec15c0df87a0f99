import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, User } from "@lantern/db";
import { createOrganization, createUser } from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import { createContext, type DevMailboxAccess } from "../context.ts";
import { freshSession } from "../testing.ts";
import { createCaller } from "../root.ts";
import { linksOf } from "../services/dev-mailbox.ts";

// The dev mailbox (devMailbox.list / byId): stored outgoing email, offered only where the web
// turns it on (everyone's in demo mode, the viewer's own in development), newest first,
// keyset-paginated, filtered by recipient, with the links.

let db: Database;
let member: User;
let admin: User;

async function caller(devMailbox: DevMailboxAccess | undefined, user: User | null = null) {
  return createCaller(
    await createContext({
      db: db.prisma,
      session: await freshSession(db.prisma, user?.id ?? null),
      production: true,
      devMailbox,
    }),
  );
}

async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return error instanceof TRPCError ? error.code : null;
}

const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 14, minute));

beforeAll(async () => {
  db = await createTestDatabase();
  const org = await createOrganization(db.prisma, { name: "Acme", slug: "acme-mailbox" });
  member = await createUser(db.prisma, org, {
    givenName: "Dana",
    familyName: "Ortiz",
    email: "Dana.Ortiz@northwind.example",
  });
  admin = await createUser(db.prisma, org, {
    givenName: "Ada",
    familyName: "Admin",
    role: "SUPER_ADMIN",
  });
  const rows = Array.from({ length: 7 }, (_, i) => ({
    to: i % 2 === 0 ? "marcus.chen@northwind.example" : "dana.ortiz@northwind.example",
    from: "Lantern <lantern@localhost>",
    subject: `Message ${i}`,
    html: `<p>Open <a href="http://localhost:3000/tasks/${i}?a=1&amp;b=2">task</a></p>`,
    text: `Open task ${i}: http://localhost:3000/tasks/${i}?a=1&b=2.`,
    // Two emails in the same millisecond: the id breaks the tie.
    createdAt: at(i === 6 ? 5 : i),
  }));
  await db.prisma.devEmail.createMany({ data: rows });
});

afterAll(async () => {
  await db?.close();
});

describe("devMailbox", () => {
  it("does not exist unless the web turns it on", async () => {
    for (const access of [undefined, "off"] as const) {
      const api = await caller(access, member);
      expect(await codeOf(api.devMailbox.list({}))).toBe("NOT_FOUND");
      const any = await db.prisma.devEmail.findFirstOrThrow();
      expect(await codeOf(api.devMailbox.byId({ id: any.id }))).toBe("NOT_FOUND");
    }
  });

  it("signed-in access needs a session; public access does not", async () => {
    expect(await codeOf((await caller("signed-in")).devMailbox.list({}))).toBe("UNAUTHORIZED");
    expect((await (await caller("public")).devMailbox.list({})).items).toHaveLength(7);
  });

  it("signed in (development), a person reads only the email sent to their own address", async () => {
    const own = await caller("signed-in", member);
    const page = await own.devMailbox.list({});
    expect(page.items.map((e) => e.subject)).toEqual(["Message 5", "Message 3", "Message 1"]);
    expect(page.items.every((e) => e.to === "dana.ortiz@northwind.example")).toBe(true);
    expect((await own.devMailbox.list({ to: "marcus" })).items).toEqual([]);
    const marcus = await db.prisma.devEmail.findFirstOrThrow({
      where: { to: "marcus.chen@northwind.example" },
    });
    expect(await codeOf(own.devMailbox.byId({ id: marcus.id }))).toBe("NOT_FOUND");
    expect((await own.devMailbox.byId({ id: page.items[0]!.id })).subject).toBe("Message 5");
    // A super admin too: the mailbox is the server's, shared by every organization.
    const adminBox = await caller("signed-in", admin);
    expect((await adminBox.devMailbox.list({})).items).toEqual([]);
    expect(await codeOf(adminBox.devMailbox.byId({ id: marcus.id }))).toBe("NOT_FOUND");
  });

  it("lists newest first, page by page, without repeating or skipping one", async () => {
    const api = await caller("public");
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.devMailbox.list({ limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((e) => e.subject));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    // Messages 5 and 6 share a creation time; the id orders them.
    expect(new Set(seen.slice(0, 2))).toEqual(new Set(["Message 5", "Message 6"]));
    expect(seen.slice(2)).toEqual([
      "Message 4",
      "Message 3",
      "Message 2",
      "Message 1",
      "Message 0",
    ]);
    // Never the bodies in the list.
    const first = await api.devMailbox.list({ limit: 1 });
    expect(Object.keys(first.items[0]!).sort()).toEqual([
      "createdAt",
      "from",
      "id",
      "subject",
      "to",
    ]);
  });

  it("filters by part of the recipient, case-insensitively", async () => {
    const api = await caller("public");
    const page = await api.devMailbox.list({ to: "MARCUS" });
    expect(page.items.map((e) => e.subject)).toEqual([
      "Message 6",
      "Message 4",
      "Message 2",
      "Message 0",
    ]);
    expect((await api.devMailbox.list({ to: "%" })).items).toHaveLength(0);
  });

  it("shows one email with its links; a tampered cursor or unknown id is refused", async () => {
    const api = await caller("public");
    const [item] = (await api.devMailbox.list({ to: "dana", limit: 1 })).items;
    const email = await api.devMailbox.byId({ id: item!.id });
    expect(email).toMatchObject({ to: "dana.ortiz@northwind.example", subject: "Message 5" });
    expect(email.html).toContain("<a href=");
    expect(email.links).toEqual(["http://localhost:3000/tasks/5?a=1&b=2"]);
    expect(await codeOf(api.devMailbox.list({ cursor: "not-a-cursor" }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.devMailbox.byId({ id: "019a0000-0000-7000-8000-000000000000" }))).toBe(
      "NOT_FOUND",
    );
  });
});

describe("linksOf", () => {
  it("takes the text version's links in order, then other links of the HTML, each once", () => {
    expect(
      linksOf(
        "Sign in: https://lantern.example/api/auth/callback/email?token=abc&email=a%40b.c\n\nOr see https://lantern.example/help.",
        `<a href="https://lantern.example/api/auth/callback/email?token=abc&amp;email=a%40b.c">Sign in</a>
         <a href='https://lantern.example/privacy'>Privacy</a> <a href="mailto:x@y.z">mail</a>
         <a href="javascript:alert(1)">x</a>`,
      ),
    ).toEqual([
      "https://lantern.example/api/auth/callback/email?token=abc&email=a%40b.c",
      "https://lantern.example/help",
      "https://lantern.example/privacy",
    ]);
  });
});
