import { createTransport } from "nodemailer";
import { describe, expect, it } from "vitest";
import { startFakeResend, startFakeSlack, startSmtpSink } from "./index.ts";

// The doubles themselves: the behaviour worker tests and the bench rely on beyond what the
// transport tests already exercise.

describe("startSmtpSink", () => {
  it("fails exactly the next N messages, counts attempts, and waitFor says what is missing", async () => {
    const sink = await startSmtpSink();
    const client = createTransport(sink.url);
    const send = (subject: string) =>
      client.sendMail({ from: "a@acme.com", to: "b@acme.com", subject, text: subject });
    try {
      sink.failNext(2, { code: 451, message: "Greylisted" });
      await expect(send("one")).rejects.toMatchObject({ responseCode: 451 });
      await expect(send("two")).rejects.toMatchObject({ responseCode: 451 });
      await send("three");
      expect(sink.messages.map((m) => m.subject)).toEqual(["three"]);
      expect(sink.attempts()).toBe(3);
      await expect(sink.waitFor(2, 50)).rejects.toThrow(
        "SMTP sink: expected 2 message(s) within 50 ms, got 1",
      );
      expect(() => sink.failNext(1, { code: 250, message: "OK" })).toThrow("4xx or 5xx");
    } finally {
      client.close();
      await sink.close();
    }
  });
});

describe("startFakeResend", () => {
  it("records every request with its status, and rejects unknown paths like Resend", async () => {
    const resend = await startFakeResend();
    try {
      const post = (path: string, body: unknown, key?: string) =>
        fetch(`${resend.url}${path}`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${resend.apiKey}`,
            "content-type": "application/json",
            ...(key ? { "idempotency-key": key } : {}),
          },
          body: JSON.stringify(body),
        });
      const email = { from: "a@acme.com", to: "b@acme.com", subject: "Hi", text: "Hi" };

      expect((await post("/domains", {})).status).toBe(404);
      resend.failNext(1, 500);
      expect((await post("/emails", email, "k1")).status).toBe(500);
      const ok = await post("/emails", email, "k1");
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ id: resend.delivered[0]!.id });
      expect((await post("/emails", { ...email, subject: "" }, "k2")).status).toBe(422);
      expect((await post("/emails", email, "x".repeat(257))).status).toBe(400);

      expect(resend.requests.map((r) => r.status)).toEqual([404, 500, 200, 422, 400]);
      expect(resend.delivered.map((d) => d.body.to)).toEqual([["b@acme.com"]]);
      await expect(resend.waitFor(2, 50)).rejects.toThrow("expected 2 delivered email(s)");
    } finally {
      await resend.close();
    }
  });
});

describe("startFakeSlack", () => {
  it("accepts JSON bodies too, and failNext can target one method", async () => {
    const slack = await startFakeSlack();
    try {
      slack.users.set("dana@acme.com", "U0DANA");
      const call = async (method: string, args: unknown) => {
        const response = await fetch(`${slack.url}${method}`, {
          method: "POST",
          headers: { authorization: `Bearer ${slack.token}`, "content-type": "application/json" },
          body: JSON.stringify(args),
        });
        return {
          status: response.status,
          body: (await response.json()) as Record<string, unknown>,
        };
      };

      slack.failNext(1, "internal_error", { method: "chat.postMessage" });
      expect((await call("users.lookupByEmail", { email: "dana@acme.com" })).body).toMatchObject({
        ok: true,
        user: { id: "U0DANA" },
      });
      expect((await call("chat.postMessage", { channel: "U0DANA", text: "Hi" })).body).toEqual({
        ok: false,
        error: "internal_error",
      });
      expect(
        (await call("chat.postMessage", { channel: "U0DANA", text: "Hi" })).body,
      ).toMatchObject({
        ok: true,
        channel: "DU0DANA",
      });
      expect((await call("chat.postMessage", { channel: "C0NOPE", text: "Hi" })).body).toEqual({
        ok: false,
        error: "channel_not_found",
      });
      expect(await slack.waitFor(1)).toHaveLength(1);
      expect(slack.calls.map((c) => c.method)).toEqual([
        "users.lookupByEmail",
        "chat.postMessage",
        "chat.postMessage",
        "chat.postMessage",
      ]);
    } finally {
      await slack.close();
    }
  });
});
