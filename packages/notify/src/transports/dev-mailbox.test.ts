import type { Database } from "@lantern/db";
import { createTestDatabase } from "@lantern/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer, type EmailMessage, type Mailer } from "./email.ts";

// Runs on an in-memory PGlite, or on a scratch PostgreSQL database when DATABASE_URL is set.

let db: Database;
let mailer: Mailer;

beforeAll(async () => {
  db = await createTestDatabase();
  mailer = createMailer(
    { email: { kind: "dev-mailbox" }, from: "Lantern <lantern@localhost>" },
    { prisma: db.prisma },
  );
});
afterAll(async () => {
  await mailer.close();
  await db?.close();
});

function message(key: string, overrides: Partial<EmailMessage> = {}): EmailMessage {
  return {
    to: "dana@acme.com",
    subject: "Provision Figma for Dana",
    html: "<p>Provision Figma</p>",
    text: "Provision Figma",
    idempotencyKey: key,
    ...overrides,
  };
}

describe("dev mailbox transport", () => {
  it("stores the message with its From and key, and answers the row's id", async () => {
    expect(mailer.kind).toBe("dev-mailbox");
    expect(mailer.describe).toBe("dev mailbox (kept in the database, not sent)");
    const sent = await mailer.sendEmail(message("notification:one"));
    const row = await db.prisma.devEmail.findUniqueOrThrow({
      where: { id: sent.providerMessageId },
    });
    expect(row).toMatchObject({
      to: "dana@acme.com",
      from: "Lantern <lantern@localhost>",
      subject: "Provision Figma for Dana",
      html: "<p>Provision Figma</p>",
      text: "Provision Figma",
      idempotencyKey: "notification:one",
    });
  });

  it("a redelivery with the same key stores nothing new and answers the same id", async () => {
    const first = await mailer.sendEmail(message("notification:two"));
    const again = await mailer.sendEmail(message("notification:two", { subject: "Changed" }));
    expect(again.providerMessageId).toBe(first.providerMessageId);
    const rows = await db.prisma.devEmail.findMany({
      where: { idempotencyKey: "notification:two" },
    });
    expect(rows.map((r) => r.subject)).toEqual(["Provision Figma for Dana"]);
  });

  it("two deliveries of the same row at once store one message", async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => mailer.sendEmail(message("notification:race"))),
    );
    expect(new Set(results.map((r) => r.providerMessageId)).size).toBe(1);
    expect(await db.prisma.devEmail.count({ where: { idempotencyKey: "notification:race" } })).toBe(
      1,
    );
  });

  it("uses a message's own From when it has one", async () => {
    const sent = await mailer.sendEmail(message("notification:from", { from: "it@acme.com" }));
    const row = await db.prisma.devEmail.findUniqueOrThrow({
      where: { id: sent.providerMessageId },
    });
    expect(row.from).toBe("it@acme.com");
  });
});
