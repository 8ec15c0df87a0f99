import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startFakeResend, type FakeResend } from "../testing/index.ts";
import { deliveryError, noPrisma, testEmail } from "../testing/transport-tests.ts";
import { createMailer, type Mailer } from "./email.ts";
import { sha256Hex } from "./idempotency.ts";

let resend: FakeResend;
let mailer: Mailer;

beforeAll(async () => {
  resend = await startFakeResend();
  mailer = mailerFor(resend.apiKey);
});
afterAll(async () => {
  await mailer.close();
  await resend.close();
});
afterEach(() => {
  resend.requests.length = 0;
  resend.delivered.length = 0;
});

function mailerFor(apiKey: string, timeoutMs?: number): Mailer {
  return createMailer(
    { email: { kind: "resend", apiKey, baseUrl: resend.url }, from: "Lantern <lantern@acme.com>" },
    { prisma: noPrisma },
    { timeoutMs },
  );
}

describe("Resend transport", () => {
  it("sends with the configured From, the key in Idempotency-Key, and returns Resend's id", async () => {
    expect(mailer.kind).toBe("resend");
    expect(mailer.describe).toBe(`Resend via ${resend.url}`);
    const message = testEmail({ idempotencyKey: "notification:abc" });
    const sent = await mailer.sendEmail(message);

    expect(resend.delivered).toHaveLength(1);
    const [email] = resend.delivered;
    expect(sent.providerMessageId).toBe(email!.id);
    expect(email!.idempotencyKey).toBe("notification:abc");
    expect(email!.body).toMatchObject({
      from: "Lantern <lantern@acme.com>",
      to: [message.to],
      subject: message.subject,
      html: message.html,
      text: message.text,
      headers: { "X-Lantern-Idempotency-Key": "notification:abc" },
    });
    expect(resend.requests[0]!.authorization).toBe(`Bearer ${resend.apiKey}`);
  });

  it("uses a message's own From when it has one", async () => {
    await mailer.sendEmail(testEmail({ from: "Acme IT <it@acme.com>" }));
    expect(resend.delivered[0]!.body.from).toBe("Acme IT <it@acme.com>");
  });

  it("a redelivery with the same key sends the same key and gets the same id, delivered once", async () => {
    const once = testEmail();
    const first = await mailer.sendEmail(once);
    const second = await mailer.sendEmail(once);
    expect(second.providerMessageId).toBe(first.providerMessageId);
    expect(resend.requests.map((r) => r.idempotencyKey)).toEqual([
      once.idempotencyKey,
      once.idempotencyKey,
    ]);
    expect(resend.delivered).toHaveLength(1);
  });

  it("a crash mid-send loses only the answer: the retry gets the first id, nothing is sent twice", async () => {
    const once = testEmail();
    const held = resend.holdNext();
    const crashed = mailerFor(resend.apiKey, 300);
    const attempt = deliveryError(crashed.sendEmail(once));
    expect((await held).idempotencyKey).toBe(once.idempotencyKey);
    const timeout = await attempt;
    expect(timeout).toMatchObject({ permanent: false, code: "timeout" });
    expect(timeout.message).toBe("Resend did not answer within 0.3 s");

    const retried = await mailer.sendEmail(once);
    expect(resend.delivered).toHaveLength(1);
    expect(retried.providerMessageId).toBe(resend.delivered[0]!.id);
  });

  it("hashes keys longer than Resend's 256 characters, the same way every time", async () => {
    const long = testEmail({ idempotencyKey: `notification:${"x".repeat(300)}` });
    await mailer.sendEmail(long);
    await mailer.sendEmail(long);
    const keys = resend.requests.map((r) => r.idempotencyKey);
    expect(keys).toEqual([sha256Hex(long.idempotencyKey), sha256Hex(long.idempotencyKey)]);
    expect(resend.delivered).toHaveLength(1);
    // The full key still travels in the message's own header.
    expect(resend.delivered[0]!.body.headers?.["X-Lantern-Idempotency-Key"]).toBe(
      long.idempotencyKey,
    );
  });

  it.each([
    { status: 429, code: "rate_limit_exceeded", retryAfterMs: 1000 },
    { status: 500, code: "internal_server_error", retryAfterMs: undefined },
    { status: 503, code: "internal_server_error", retryAfterMs: undefined },
    { status: 409, code: "concurrent_idempotent_requests", retryAfterMs: undefined },
  ])("HTTP $status is transient ($code)", async ({ status, code, retryAfterMs }) => {
    resend.failNext(1, status);
    const error = await deliveryError(mailer.sendEmail(testEmail()));
    expect(error).toMatchObject({ provider: "resend", permanent: false, code, retryAfterMs });
    expect(error.message).toContain(`Resend answered ${status}`);
    expect(resend.delivered).toHaveLength(0);
  });

  it("a dropped connection is transient, and the retry delivers", async () => {
    resend.failNext(1, "disconnect");
    const once = testEmail();
    const error = await deliveryError(mailer.sendEmail(once));
    expect(error).toMatchObject({ permanent: false, code: "application_error" });
    expect(error.message).toContain("Resend could not be reached");
    await mailer.sendEmail(once);
    expect(resend.delivered).toHaveLength(1);
  });

  it("an unreachable Resend is transient", async () => {
    const gone = await startFakeResend();
    await gone.close();
    const offline = createMailer(
      { email: { kind: "resend", apiKey: "re_x", baseUrl: gone.url }, from: "a@acme.com" },
      { prisma: noPrisma },
    );
    const error = await deliveryError(offline.sendEmail(testEmail()));
    expect(error.permanent).toBe(false);
  });

  it("a wrong API key is permanent (403 invalid_api_key)", async () => {
    const wrongKey = mailerFor("re_wrong");
    const error = await deliveryError(wrongKey.sendEmail(testEmail()));
    expect(error).toMatchObject({ permanent: true, code: "invalid_api_key" });
    expect(error.message).toBe("Resend answered 403 (invalid_api_key): API key is invalid.");
  });

  it("an invalid From is permanent (422 validation_error)", async () => {
    const error = await deliveryError(mailer.sendEmail(testEmail({ from: "not an address" })));
    expect(error).toMatchObject({ permanent: true, code: "validation_error" });
    expect(error.message).toContain("Resend answered 422");
  });

  it("the same key with a different body is permanent (409 invalid_idempotent_request)", async () => {
    const first = testEmail();
    await mailer.sendEmail(first);
    const error = await deliveryError(mailer.sendEmail({ ...first, subject: "Something else" }));
    expect(error).toMatchObject({ permanent: true, code: "invalid_idempotent_request" });
    expect(resend.delivered).toHaveLength(1);
  });

  it("the same key while the first send is still in flight is transient (409 concurrent)", async () => {
    const once = testEmail();
    const held = resend.holdNext({ deliver: false });
    const first = mailer.sendEmail(once);
    const request = await held;
    const error = await deliveryError(mailer.sendEmail(once));
    expect(error).toMatchObject({ permanent: false, code: "concurrent_idempotent_requests" });
    request.release();
    await first;
    expect(resend.delivered).toHaveLength(1);
  });
});
