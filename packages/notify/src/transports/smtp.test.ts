import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSmtpSink, type SmtpSink } from "../testing/index.ts";
import { deliveryError, noPrisma, testEmail } from "../testing/transport-tests.ts";
import { createMailer, type Mailer } from "./email.ts";
import { messageIdFor, sha256Hex } from "./idempotency.ts";
import { withPoolOptions } from "./smtp.ts";

let sink: SmtpSink;
let mailer: Mailer;

beforeAll(async () => {
  sink = await startSmtpSink();
  mailer = smtpMailer(sink.url);
});
afterAll(async () => {
  await mailer.close();
  await sink.close();
});
afterEach(() => {
  sink.messages.length = 0;
});

function smtpMailer(url: string, timeoutMs?: number): Mailer {
  return createMailer(
    { email: { kind: "smtp", url }, from: "Lantern <lantern@acme.com>" },
    { prisma: noPrisma },
    { timeoutMs },
  );
}

describe("SMTP transport", () => {
  it("delivers real MIME with a Message-ID derived from the key and the key in a header", async () => {
    expect(mailer.kind).toBe("smtp");
    expect(mailer.describe).toBe(`SMTP via ${sink.url}`);
    // A subject beyond ASCII, which MIME must encode.
    const sent = await mailer.sendEmail(
      testEmail({
        idempotencyKey: "notification:abc",
        subject: "Provision Figma for Dana — due Friday",
      }),
    );

    const [mail] = await sink.waitFor(1);
    const expectedId = `<${sha256Hex("notification:abc")}@lantern>`;
    expect(sent.providerMessageId).toBe(expectedId);
    expect(mail).toMatchObject({
      envelope: { from: "lantern@acme.com", to: ["dana@acme.com"] },
      from: "lantern@acme.com",
      fromHeader: "Lantern <lantern@acme.com>",
      to: ["dana@acme.com"],
      subject: "Provision Figma for Dana — due Friday",
      text: "Provision Figma for Dana",
      messageId: expectedId,
      authUser: null,
    });
    expect(mail!.html).toContain("<b>Figma</b>");
    expect(mail!.headers["x-lantern-idempotency-key"]).toBe("notification:abc");
  });

  it("a redelivery carries the same Message-ID (receiving systems dedupe on it)", async () => {
    const once = testEmail();
    await mailer.sendEmail(once);
    await mailer.sendEmail(once);
    const mails = await sink.waitFor(2);
    expect(mails.map((m) => m.messageId)).toEqual([
      messageIdFor(once.idempotencyKey),
      messageIdFor(once.idempotencyKey),
    ]);
    expect(new Set(mails.map((m) => m.headers["x-lantern-idempotency-key"]))).toEqual(
      new Set([once.idempotencyKey]),
    );
  });

  it("authenticates with the credentials in SMTP_URL", async () => {
    const withAuth = smtpMailer(sink.url.replace("smtp://", "smtp://alice:s%3Acret@"));
    expect(withAuth.describe).toBe(`SMTP via ${sink.url} (user ***)`);
    await withAuth.sendEmail(testEmail());
    await withAuth.close();
    const [mail] = await sink.waitFor(1);
    expect(mail!.authUser).toBe("alice");
  });

  it("a 4xx reply is transient and the pooled connection keeps working", async () => {
    sink.failNext(1, { code: 451, message: "Try again later" });
    const error = await deliveryError(mailer.sendEmail(testEmail()));
    expect(error).toMatchObject({ provider: "smtp", permanent: false, code: "451" });
    expect(error.message).toContain("The SMTP server answered 451");
    await mailer.sendEmail(testEmail());
    expect(await sink.waitFor(1)).toHaveLength(1);
  });

  it("a 5xx reply is permanent", async () => {
    sink.failNext(1, { code: 550, message: "Mailbox unavailable" });
    const error = await deliveryError(mailer.sendEmail(testEmail()));
    expect(error).toMatchObject({ permanent: true, code: "550" });
    expect(error.message).toContain("Mailbox unavailable");
    expect(sink.messages).toHaveLength(0);
  });

  it("an unreachable server is transient", async () => {
    const gone = await startSmtpSink();
    await gone.close();
    const offline = smtpMailer(gone.url, 2_000);
    const error = await deliveryError(offline.sendEmail(testEmail()));
    await offline.close();
    expect(error.permanent).toBe(false);
    expect(error.message).toContain("The SMTP server could not be reached");
  });

  it("after close() it refuses to send (a closed pool would queue the message forever)", async () => {
    const own = smtpMailer(sink.url);
    await own.sendEmail(testEmail());
    await own.close();
    const error = await deliveryError(own.sendEmail(testEmail()));
    expect(error).toMatchObject({ permanent: false, message: "The SMTP transport is closed" });
  });
});

describe("withPoolOptions", () => {
  it("adds pooling and timeouts unless SMTP_URL sets them itself", () => {
    const url = new URL(withPoolOptions("smtp://u:p@mail.acme.com:587?maxConnections=2", 30_000));
    expect(url.searchParams.get("pool")).toBe("true");
    expect(url.searchParams.get("maxConnections")).toBe("2");
    expect(url.searchParams.get("socketTimeout")).toBe("30000");
    expect(url.username).toBe("u");
    expect(url.password).toBe("p");
  });
});
