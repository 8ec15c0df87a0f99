import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  isPagePath,
  newNonce,
  securityHeaders,
  servedOverHttps,
  type HeaderFacts,
} from "./headers.ts";

const facts = (overrides: Partial<HeaderFacts> = {}): HeaderFacts => ({
  nonce: "bm9uY2Utb2YtdGhpcy1yZXF1ZXN0",
  publicUrl: "http://localhost:3000",
  forwardedProto: null,
  development: false,
  ...overrides,
});

/** "script-src 'self' 'nonce-…'" → { "script-src": ["'self'", "'nonce-…'"] } */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split(";").map((directive) => {
      const [name, ...values] = directive.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe("securityHeaders", () => {
  it("gives every response the headers that need no nonce", () => {
    for (const nonce of [null, "abc"]) {
      const headers = securityHeaders(facts({ nonce }));
      expect(headers).toMatchObject({
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Cross-Origin-Opener-Policy": "same-origin",
      });
      expect(headers["Permissions-Policy"]).toContain("camera=()");
      expect(headers["Permissions-Policy"]).toContain("geolocation=()");
      expect(headers["Permissions-Policy"]).not.toContain("clipboard");
    }
  });

  it("gives pages a CSP and API responses and static files none", () => {
    expect(securityHeaders(facts())["Content-Security-Policy"]).toBeDefined();
    expect(securityHeaders(facts({ nonce: null }))["Content-Security-Policy"]).toBeUndefined();
  });

  it.each([
    ["an http public URL", { publicUrl: "http://localhost:3000" }, false],
    ["an https public URL", { publicUrl: "https://lantern.acme.com" }, true],
    ["https through a TLS proxy", { forwardedProto: "https" }, true],
    ["…whose header lists hops", { forwardedProto: "https, http" }, true],
    ["…in capitals", { forwardedProto: "HTTPS" }, true],
    ["http through a proxy", { forwardedProto: "http" }, false],
    ["a garbled public URL", { publicUrl: "not a url" }, false],
  ])("HSTS and upgrade-insecure-requests with %s: %s", (_name, overrides, https) => {
    const headers = securityHeaders(facts(overrides));
    expect(servedOverHttps({ ...facts(overrides) })).toBe(https);
    expect(headers["Strict-Transport-Security"]).toBe(https ? "max-age=31536000" : undefined);
    expect("upgrade-insecure-requests" in directives(headers["Content-Security-Policy"]!)).toBe(
      https,
    );
  });
});

describe("contentSecurityPolicy", () => {
  const policy = directives(contentSecurityPolicy({ ...facts(), nonce: "n0nce" }));

  it("runs only scripts carrying this request's nonce (and what they load), no inline, no eval", () => {
    expect(policy["script-src"]).toEqual(["'self'", "'nonce-n0nce'", "'strict-dynamic'"]);
    expect(policy["script-src"]).not.toContain("'unsafe-inline'");
    expect(policy["script-src"]).not.toContain("'unsafe-eval'");
  });

  it("allows eval and the hot reloader's WebSocket under next dev only", () => {
    const dev = directives(contentSecurityPolicy({ ...facts(), nonce: "n", development: true }));
    expect(dev["script-src"]).toContain("'unsafe-eval'");
    expect(dev["connect-src"]).toEqual(["'self'", "ws:", "wss:"]);
    expect(policy["connect-src"]).toEqual(["'self'"]);
  });

  it("loads images only from Lantern itself and data: URIs (no tracking pixels)", () => {
    expect(policy["img-src"]).toEqual(["'self'", "data:"]);
  });

  it("cannot be framed, posts forms only to Lantern, and has no plugins or <base>", () => {
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy["form-action"]).toEqual(["'self'"]);
    expect(policy["object-src"]).toEqual(["'none'"]);
    expect(policy["base-uri"]).toEqual(["'none'"]);
    expect(policy["default-src"]).toEqual(["'self'"]);
  });

  it("keeps inline styles (toasts, dialogs and the dev mailbox's email frame insert them)", () => {
    expect(policy["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy["style-src"]).not.toContain("'nonce-n0nce'");
  });
});

describe("newNonce", () => {
  it("is fresh every time and carries 128 bits", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(atob(nonce)).toHaveLength(16);
  });
});

describe("isPagePath", () => {
  it.each([
    ["/", true],
    ["/apps", true],
    ["/tasks/12", true],
    ["/dev/mailbox", true],
    ["/icon.svg", true],
    ["/apis", true],
    ["/api", false],
    ["/api/trpc/apps.list", false],
    ["/api/auth/session", false],
    ["/_next/static/chunks/app.js", false],
    ["/_next/image", false],
  ])("%s → %s", (path, page) => expect(isPagePath(path)).toBe(page));
});
