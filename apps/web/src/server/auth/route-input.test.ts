import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { AUTH_BODY_LIMIT, cleanAuthRequest, isHostileCallbackCookie } from "./route-input.ts";

const BASE = "http://localhost:3000/api/auth";

async function clean(path: string, init?: { method?: string; type?: string; body?: string }) {
  const req = new NextRequest(`${BASE}${path}`, {
    method: init?.method ?? "GET",
    headers: init?.type ? { "content-type": init.type } : {},
    body: init?.body,
  });
  return { req, cleaned: await cleanAuthRequest(req) };
}

async function refusalOf(cleaned: Awaited<ReturnType<typeof cleanAuthRequest>>) {
  if (!("refusal" in cleaned)) throw new Error("expected a refusal");
  return { status: cleaned.refusal.status, body: await cleaned.refusal.json() };
}

describe("cleanAuthRequest: the callbackUrl query parameter (hostile → /apps)", () => {
  it.each([
    ["\\\\evil.example", "/apps"],
    ["http://localhost:3000.evil.example", "/apps"],
    ["//evil.example", "/apps"],
    ["javascript:alert(1)", "/apps"],
    ["https://evil.example/x", "/x"],
    ["/tasks/7", "/tasks/7"],
    ["/sign-in", "/sign-in"],
  ])("%j → %j", async (raw, expected) => {
    const { cleaned } = await clean(`/signout?callbackUrl=${encodeURIComponent(raw)}`);
    if (!("request" in cleaned)) throw new Error("expected a request");
    expect(cleaned.request.nextUrl.searchParams.get("callbackUrl")).toBe(expected);
    expect(cleaned.request.nextUrl.pathname).toBe("/api/auth/signout");
  });

  it("hands over the request itself when there is nothing to change", async () => {
    const { req, cleaned } = await clean("/session");
    expect("request" in cleaned && cleaned.request).toBe(req);
  });
});

describe("cleanAuthRequest: the body", () => {
  it("passes form fields through, unchanged", async () => {
    const body = "csrfToken=abc&callbackUrl=%5C%5Cevil.example&json=true";
    const { cleaned } = await clean("/signout", {
      method: "POST",
      type: "application/x-www-form-urlencoded",
      body,
    });
    if (!("request" in cleaned)) throw new Error("expected a request");
    expect(cleaned.request.method).toBe("POST");
    expect(cleaned.request.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(await cleaned.request.text()).toBe(body);
  });

  it("passes a JSON object of strings through", async () => {
    const body = JSON.stringify({ csrfToken: "abc", email: "dana@acme.example" });
    const { cleaned } = await clean("/signin/email", {
      method: "POST",
      type: "application/json",
      body,
    });
    if (!("request" in cleaned)) throw new Error("expected a request");
    expect(await cleaned.request.json()).toEqual(JSON.parse(body));
  });

  it.each([
    ["broken JSON", "{", "The request body is not valid JSON."],
    ["a JSON array", "[]", "The request body must be a JSON object whose fields are strings."],
    ["JSON null", "null", "The request body must be a JSON object whose fields are strings."],
    [
      "a field that is not a string",
      '{"callbackUrl":{"x":1}}',
      "The request body must be a JSON object whose fields are strings.",
    ],
  ])("refuses %s with 400 and the reason", async (_label, body, message) => {
    const { cleaned } = await clean("/signout", { method: "POST", type: "application/json", body });
    expect(await refusalOf(cleaned)).toEqual({
      status: 400,
      body: { error: { code: "BAD_REQUEST", message } },
    });
  });

  it("refuses a body over the limit with 413", async () => {
    const { cleaned } = await clean("/signout", {
      method: "POST",
      type: "application/x-www-form-urlencoded",
      body: `csrfToken=${"a".repeat(AUTH_BODY_LIMIT)}`,
    });
    expect((await refusalOf(cleaned)).status).toBe(413);
  });
});

describe("isHostileCallbackCookie", () => {
  it.each([
    ["next-auth.callback-url", "\\\\evil.example", true],
    ["__Secure-next-auth.callback-url", "http://localhost:3000.evil.example", true],
    ["next-auth.callback-url", "http://localhost:3000/apps", false],
    ["next-auth.callback-url", "/apps", false],
    ["next-auth.callback-url", "", false],
    ["next-auth.session-token", "\\\\evil.example", false],
  ])("%s=%j → %s", (name, value, hostile) => {
    expect(isHostileCallbackCookie(name, value)).toBe(hostile);
  });
});
