import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-callback.ts";

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
  ])("%j → %s", (raw, expected) => expect(safeCallbackPath(raw)).toBe(expected));
});
