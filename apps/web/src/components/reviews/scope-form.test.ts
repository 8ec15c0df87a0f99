import { describe, expect, it } from "vitest";
import { EMPTY_SCOPE, scopeInput, scopeProblems, type ScopeDraft } from "./scope-form.ts";

const app = (id: string, over: Partial<ScopeDraft["apps"][number]> = {}) => ({
  id,
  name: id.toUpperCase(),
  all: true,
  entitlementIds: [],
  ...over,
});

describe("scopeInput", () => {
  it("whole apps as appIds, narrowed apps as their entitlements; filters off are null", () => {
    expect(
      scopeInput({
        ...EMPTY_SCOPE,
        apps: [app("a"), app("b", { all: false, entitlementIds: ["e1", "e2"] })],
      }),
    ).toEqual({
      appIds: ["a"],
      entitlementIds: ["e1", "e2"],
      accountTypes: ["USER"],
      grantOlderThanDays: null,
      ownerInactiveOnly: false,
      ownerlessOnly: false,
      unusedForDays: null,
    });
  });
  it("reads day filters that are on", () => {
    const scope = scopeInput({
      ...EMPTY_SCOPE,
      apps: [app("a")],
      grantOlder: { on: true, days: " 30 " },
      unused: { on: true, days: "1.5" },
    });
    expect(scope.grantOlderThanDays).toBe(30);
    expect(scope.unusedForDays).toBeNaN();
  });
});

describe("scopeProblems", () => {
  const ok: ScopeDraft = { ...EMPTY_SCOPE, apps: [app("a")] };

  it("none for a whole app of user accounts", () => {
    expect(scopeProblems(ok)).toEqual({});
  });
  it("asks for an app, and for an entitlement of a narrowed app", () => {
    expect(scopeProblems(EMPTY_SCOPE).apps).toBe("Choose at least one app to review.");
    expect(scopeProblems({ ...ok, apps: [app("a", { all: false })] }).apps).toBe(
      "Choose at least one entitlement of A, or review all of them.",
    );
  });
  it("says the domain's filter rules by field", () => {
    expect(
      scopeProblems({
        ...ok,
        accountTypes: [],
        grantOlder: { on: true, days: "0" },
        unused: { on: true, days: "abc" },
        ownerInactiveOnly: true,
        ownerlessOnly: true,
      }),
    ).toEqual({
      accountTypes: "Choose at least one account type to review.",
      grantOlderThanDays: "The grant age must be a whole number of days, from 1 to 3650.",
      ownerlessOnly:
        "An account cannot both have no owner and have an inactive owner. Choose one of the two.",
      unusedForDays: "Enter a whole number of days.",
    });
  });
  it("a day filter that is off is not checked", () => {
    expect(scopeProblems({ ...ok, grantOlder: { on: false, days: "" } })).toEqual({});
  });
});
