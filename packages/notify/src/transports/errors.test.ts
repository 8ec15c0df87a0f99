import { ErrorCode } from "@slack/web-api";
import { describe, expect, it } from "vitest";
import {
  classifyResendError,
  classifySlackError,
  classifySmtpError,
  DeliveryError,
  toDeliveryError,
} from "./errors.ts";

describe("classifyResendError", () => {
  const cases: { statusCode: number | null; name: string; permanent: boolean }[] = [
    { statusCode: 401, name: "missing_api_key", permanent: true },
    { statusCode: 401, name: "restricted_api_key", permanent: true },
    { statusCode: 403, name: "invalid_api_key", permanent: true },
    { statusCode: 403, name: "validation_error", permanent: true },
    { statusCode: 422, name: "invalid_from_address", permanent: true },
    { statusCode: 422, name: "missing_required_field", permanent: true },
    { statusCode: 400, name: "invalid_idempotency_key", permanent: true },
    { statusCode: 409, name: "invalid_idempotent_request", permanent: true },
    { statusCode: 409, name: "concurrent_idempotent_requests", permanent: false },
    { statusCode: 408, name: "application_error", permanent: false },
    { statusCode: 429, name: "rate_limit_exceeded", permanent: false },
    { statusCode: 429, name: "daily_quota_exceeded", permanent: false },
    { statusCode: 500, name: "internal_server_error", permanent: false },
    { statusCode: 502, name: "application_error", permanent: false },
    // The SDK reports network failures (and timeouts) with no status.
    { statusCode: null, name: "application_error", permanent: false },
    // A proxy's JSON error without Resend's fields: not known to be permanent.
    { statusCode: null, name: "", permanent: false },
    // The SDK's own argument checks have no status either, and are permanent.
    { statusCode: null, name: "invalid_parameter", permanent: true },
  ];

  it.each(cases)("$statusCode $name → permanent: $permanent", ({ statusCode, name, permanent }) => {
    const error = classifyResendError({ statusCode, name, message: "…" });
    expect(error).toMatchObject({ provider: "resend", permanent, code: name });
  });

  it("reads Retry-After from the response headers", () => {
    const error = classifyResendError(
      { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" },
      { "retry-after": "2" },
    );
    expect(error.retryAfterMs).toBe(2000);
    expect(error.message).toBe("Resend answered 429 (rate_limit_exceeded): Too many requests");
  });
});

describe("classifySmtpError", () => {
  const smtpError = (fields: { responseCode?: number; code?: string }) =>
    Object.assign(new Error("reply text"), fields);

  const cases: { fields: { responseCode?: number; code?: string }; permanent: boolean }[] = [
    { fields: { responseCode: 550, code: "EENVELOPE" }, permanent: true },
    { fields: { responseCode: 554, code: "EMESSAGE" }, permanent: true },
    { fields: { responseCode: 535, code: "EAUTH" }, permanent: true },
    { fields: { responseCode: 421, code: "EENVELOPE" }, permanent: false },
    { fields: { responseCode: 451, code: "EMESSAGE" }, permanent: false },
    { fields: { responseCode: 452 }, permanent: false },
    { fields: { code: "ECONNECTION" }, permanent: false },
    { fields: { code: "ETIMEDOUT" }, permanent: false },
    { fields: { code: "ESOCKET" }, permanent: false },
    { fields: { code: "EDNS" }, permanent: false },
    { fields: { code: "ETLS" }, permanent: false },
    { fields: {}, permanent: false },
    // nodemailer's own refusals, before any reply: no recipient, no credentials.
    { fields: { code: "EENVELOPE" }, permanent: true },
    { fields: { code: "EAUTH" }, permanent: true },
  ];

  it.each(cases)("$fields → permanent: $permanent", ({ fields, permanent }) => {
    expect(classifySmtpError(smtpError(fields))).toMatchObject({ provider: "smtp", permanent });
  });
});

describe("classifySlackError", () => {
  const platform = (error: string) =>
    Object.assign(new Error(`An API error occurred: ${error}`), {
      code: ErrorCode.PlatformError,
      data: { ok: false, error },
    });

  it.each([
    ["ratelimited", false],
    ["internal_error", false],
    ["fatal_error", false],
    ["service_unavailable", false],
    ["request_timeout", false],
    ["invalid_auth", true],
    ["not_authed", true],
    ["account_inactive", true],
    ["token_revoked", true],
    ["missing_scope", true],
    ["channel_not_found", true],
    ["user_not_found", true],
    ["cannot_dm_bot", true],
    ["invalid_blocks", true],
  ] as const)("platform error %s → permanent: %s", (code, permanent) => {
    expect(classifySlackError(platform(code))).toMatchObject({
      provider: "slack",
      permanent,
      code,
    });
  });

  it("a rate-limited call (HTTP 429) is transient with its Retry-After", () => {
    const error = Object.assign(new Error("rate limited"), {
      code: ErrorCode.RateLimitedError,
      retryAfter: 30,
    });
    expect(classifySlackError(error)).toMatchObject({ permanent: false, retryAfterMs: 30_000 });
  });

  it.each([
    [500, false],
    [503, false],
    [404, true],
  ])("HTTP %i → permanent: %s", (statusCode, permanent) => {
    const error = Object.assign(new Error("http"), { code: ErrorCode.HTTPError, statusCode });
    expect(classifySlackError(error)).toMatchObject({ permanent });
  });

  it("a request error (network) is transient", () => {
    const error = Object.assign(new Error("connect ECONNREFUSED"), {
      code: ErrorCode.RequestError,
    });
    expect(classifySlackError(error)).toMatchObject({ permanent: false });
  });
});

describe("toDeliveryError", () => {
  it("keeps a DeliveryError and makes anything else transient", () => {
    const known = new DeliveryError("x", { provider: "smtp", permanent: true });
    expect(toDeliveryError(known, "resend")).toBe(known);
    expect(toDeliveryError(new TypeError("boom"), "resend")).toMatchObject({
      provider: "resend",
      permanent: false,
      message: "Sending through resend failed: boom",
    });
  });
});
