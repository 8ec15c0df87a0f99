import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirectUrl } from "./safe-callback.ts";

describe("safeCallbackPath", () => {
  it.each([
    [undefined, "/apps"],
    ["", "/apps"],
    ["/tasks/1042", "/tasks/1042"],
    ["/apps?q=git#top", "/apps?q=git#top"],
    ["http://localhost:3000/tasks/7", "/tasks/7"],
    ["//evil.example/phish", "/apps"],
    ["/sign-in?callbackUrl=/apps", "/apps"],
    ["javascript:alert(1)", "/apps"],
    ["\\\\evil.example", "/apps"],
    ["/\\evil.example", "/apps"],
    ["http://localhost:3012.evil.example", "/apps"],
  ])("%j → %s", (raw, expected) => expect(safeCallbackPath(raw)).toBe(expected));
});

describe("safeRedirectUrl (next-auth's redirect callback)", () => {
  const baseUrl = "http://localhost:3012";
  it.each([
    ["/sign-in", "http://localhost:3012/sign-in"],
    ["/tasks/7?tab=history", "http://localhost:3012/tasks/7?tab=history"],
    ["http://localhost:3012/apps/1", "http://localhost:3012/apps/1"],
    // Another site's URL: only its path is kept, on this site.
    ["https://evil.example/phish", "http://localhost:3012/phish"],
    ["\\\\evil.example", "http://localhost:3012/apps"],
    ["\\evil.example", "http://localhost:3012/apps"],
    ["/\\evil.example/x", "http://localhost:3012/apps"],
    ["http://localhost:3012.evil.example", "http://localhost:3012/apps"],
    ["http://localhost:3012.evil.example/x", "http://localhost:3012/apps"],
    ["http:\\\\evil.example\\x", "http://localhost:3012/apps"],
    ["//evil.example", "http://localhost:3012/apps"],
    ["javascript:alert(1)", "http://localhost:3012/apps"],
    ["data:text/html,<script>alert(1)</script>", "http://localhost:3012/apps"],
    ["http://[::1", "http://localhost:3012/apps"],
    ["", "http://localhost:3012/apps"],
  ])("%j → %s", (url, expected) => expect(safeRedirectUrl({ url, baseUrl })).toBe(expected));
});
