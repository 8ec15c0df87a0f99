import { describe, expect, it } from "vitest";
import { crossSiteRefusal, originOf, type RequestFacts } from "./cross-site.ts";

const LANTERN = "https://lantern.acme.com";

/** A request with no Origin, Sec-Fetch-Site or Content-Type unless the case says so. */
const request = (facts: Partial<RequestFacts>): RequestFacts => ({
  method: "POST",
  pathname: "/api/trpc/notifications.retryAllFailed",
  origin: null,
  secFetchSite: null,
  contentType: "application/json",
  ...facts,
});

describe("crossSiteRefusal", () => {
  const cases: [string, Partial<RequestFacts>, null | 403 | 415][] = [
    // Reading is never refused, wherever it comes from.
    ["a GET from another site", { method: "GET", origin: "https://evil.example" }, null],
    ["a HEAD from another site", { method: "HEAD", secFetchSite: "cross-site" }, null],
    ["a CORS preflight", { method: "OPTIONS", origin: "https://evil.example" }, null],
    ["a tRPC query (GET) without a Content-Type", { method: "GET", contentType: null }, null],

    // Lantern's own pages.
    ["a JSON mutation from Lantern's own page", { origin: LANTERN }, null],
    [
      "…with the charset parameter tRPC clients may add",
      { origin: LANTERN, contentType: "application/json; charset=utf-8" },
      null,
    ],
    [
      "…with the media type in capitals",
      { origin: LANTERN, contentType: "Application/JSON" },
      null,
    ],
    ["…from a browser that sends only Sec-Fetch-Site", { secFetchSite: "same-origin" }, null],
    [
      "Origin wins over a Sec-Fetch-Site that disagrees",
      { origin: LANTERN, secFetchSite: "cross-site" },
      null,
    ],
    [
      "a next-auth sign-out from Lantern's page",
      {
        pathname: "/api/auth/signout",
        origin: LANTERN,
        contentType: "application/x-www-form-urlencoded",
      },
      null,
    ],

    // Scripts: neither header (browsers send one of them on every cross-site POST).
    ["curl posting JSON with a session cookie", {}, null],
    [
      "curl uploading a CSV import",
      { pathname: "/api/users/import", contentType: "text/csv" },
      null,
    ],

    // Other sites, even same-site ones (another port or subdomain shares the cookie).
    ["a form on another port of the same host", { origin: "https://lantern.acme.com:8443" }, 403],
    ["a form on a subdomain", { origin: "https://wiki.acme.com" }, 403],
    ["the same host over http", { origin: "http://lantern.acme.com" }, 403],
    ["another site entirely", { origin: "https://evil.example" }, 403],
    ["an opaque origin (sandboxed frame, file:)", { origin: "null" }, 403],
    ["Origin with a trailing slash is not an origin", { origin: `${LANTERN}/` }, 403],
    ["no Origin but Sec-Fetch-Site: same-site", { secFetchSite: "same-site" }, 403],
    ["no Origin but Sec-Fetch-Site: cross-site", { secFetchSite: "cross-site" }, 403],
    [
      "an import posted from another site",
      { pathname: "/api/users/import", origin: "https://evil.example", contentType: "text/csv" },
      403,
    ],
    [
      "an app's account import from a subdomain",
      { pathname: "/api/apps/a1/import", origin: "https://wiki.acme.com", contentType: "text/csv" },
      403,
    ],
    [
      "a next-auth sign-out posted by another site",
      { pathname: "/api/auth/signout", origin: "https://evil.example" },
      403,
    ],
    [
      "a POST to a page (a server action) from another site",
      { pathname: "/apps", origin: "https://evil.example" },
      403,
    ],
    ["PUT from another site", { method: "PUT", origin: "https://evil.example" }, 403],
    ["PATCH from another site", { method: "PATCH", origin: "https://evil.example" }, 403],
    ["DELETE from another site", { method: "DELETE", origin: "https://evil.example" }, 403],
    ["a lower-case method name", { method: "post", origin: "https://evil.example" }, 403],
    [
      "an unknown method from another site",
      { method: "PURGE", origin: "https://evil.example" },
      403,
    ],

    // tRPC takes JSON only: no form can send it.
    [
      "a multipart form post to tRPC, even from Lantern's page",
      { origin: LANTERN, contentType: "multipart/form-data; boundary=x" },
      415,
    ],
    [
      "a urlencoded form post to tRPC",
      { origin: LANTERN, contentType: "application/x-www-form-urlencoded" },
      415,
    ],
    ["a text/plain post to tRPC", { contentType: "text/plain" }, 415],
    ["an octet-stream post to tRPC", { contentType: "application/octet-stream" }, 415],
    ["a tRPC post without a Content-Type", { contentType: null }, 415],
    ["a tRPC post with a blank Content-Type", { contentType: "  " }, 415],
    ["a JSON look-alike media type", { contentType: "application/jsonp" }, 415],
    // Origin is checked first: a cross-site form is a 403 whatever its type.
    [
      "a cross-site multipart post to tRPC",
      { origin: "https://evil.example", contentType: "multipart/form-data" },
      403,
    ],
    // Outside tRPC the routes check their own types (imports take text/csv).
    [
      "a CSV import is not tRPC",
      { pathname: "/api/apps/a1/import", origin: LANTERN, contentType: "text/csv" },
      null,
    ],
  ];

  it.each(cases)("%s → %s", (_name, facts, expected) => {
    expect(crossSiteRefusal(request(facts), LANTERN)?.status ?? null).toBe(expected);
  });

  it("names the other origin and Lantern's, and says what to do", () => {
    const refusal = crossSiteRefusal(request({ origin: "https://evil.example" }), LANTERN);
    expect(refusal).toEqual({
      status: 403,
      code: "FORBIDDEN",
      message: expect.stringContaining("https://evil.example"),
    });
    expect(refusal?.message).toContain(LANTERN);
    expect(refusal?.message).toContain("NEXTAUTH_URL");
  });

  it("names the media type it refused, and the one it takes", () => {
    const refusal = crossSiteRefusal(
      request({ origin: LANTERN, contentType: "multipart/form-data; boundary=----x" }),
      LANTERN,
    );
    expect(refusal).toEqual({
      status: 415,
      code: "UNSUPPORTED_MEDIA_TYPE",
      message: expect.stringContaining("multipart/form-data"),
    });
    expect(refusal?.message).toContain("application/json");
    expect(refusal?.message).not.toContain("boundary");
  });

  it("quotes at most 100 characters of a hostile header", () => {
    const origin = `https://${"a".repeat(5000)}.example`;
    const refusal = crossSiteRefusal(request({ origin }), LANTERN);
    expect(refusal?.message.length).toBeLessThan(400);
  });
});

describe("originOf", () => {
  it.each([
    ["https://lantern.acme.com", "https://lantern.acme.com"],
    ["https://lantern.acme.com/", "https://lantern.acme.com"],
    ["https://Lantern.ACME.com:443/", "https://lantern.acme.com"],
    ["http://localhost:3000", "http://localhost:3000"],
  ])("%s → %s", (url, origin) => expect(originOf(url)).toBe(origin));
});
