import { describe, expect, it } from "vitest";
import {
  accountsInput,
  evidenceText,
  exportHref,
  filterParams,
  knownCount,
  parseAccountFilters,
  type AccountFilters,
} from "./accounts-list.ts";

const defaults: AccountFilters = {
  status: undefined,
  type: undefined,
  owner: undefined,
  q: "",
  sort: "name",
};

describe("parseAccountFilters", () => {
  it("reads the URL's filters, in any case", () => {
    expect(
      parseAccountFilters({
        status: "disabled",
        type: "SERVICE",
        owner: "inactive",
        q: "  ada ",
        sort: "last_login_newest",
      }),
    ).toEqual({
      status: "DISABLED",
      type: "SERVICE",
      owner: "inactive",
      q: "ada",
      sort: "last_login_newest",
    });
  });

  it("falls back to the defaults for unknown or missing values", () => {
    expect(parseAccountFilters({})).toEqual(defaults);
    expect(
      parseAccountFilters({ status: "gone", type: "robot", owner: "me", sort: "random" }),
    ).toEqual(defaults);
    expect(parseAccountFilters({ status: ["active", "deleted"] }).status).toBe("ACTIVE");
    expect(parseAccountFilters(new URLSearchParams("owner=unset&q=x")).owner).toBe("unset");
    // No copy of the API's bound here: the search schema refuses a long or hostile text.
    expect(parseAccountFilters({ q: "x".repeat(300) }).q).toHaveLength(300);
    expect(parseAccountFilters({ q: " a\u0000 " }).q).toBe("a\u0000");
  });

  it("round-trips through the URL parameters, leaving defaults out", () => {
    const filters: AccountFilters = {
      status: "DELETED",
      type: "SYSTEM",
      owner: "ambiguous",
      q: "ops bot",
      sort: "login",
    };
    const params = new URLSearchParams(
      Object.entries(filterParams(filters)).filter(([, v]) => v) as [string, string][],
    );
    expect(parseAccountFilters(params)).toEqual(filters);
    expect(filterParams(defaults)).toEqual({
      status: undefined,
      type: undefined,
      owner: undefined,
      q: undefined,
      sort: undefined,
    });
  });
});

describe("accountsInput and exportHref", () => {
  it("ask the API and the export for the same list", () => {
    const filters: AccountFilters = { ...defaults, owner: "unset", q: "ada", sort: "login" };
    expect(accountsInput("app-1", filters)).toEqual({
      appId: "app-1",
      status: undefined,
      type: undefined,
      owner: "unset",
      search: "ada",
      sort: "login",
      limit: 50,
    });
    expect(exportHref("app-1", filters)).toBe(
      "/api/apps/app-1/accounts/export?owner=unset&q=ada&sort=login",
    );
    expect(exportHref("app-1", defaults)).toBe("/api/apps/app-1/accounts/export");
  });
});

describe("knownCount", () => {
  const figures = {
    active: 90,
    disabled: 7,
    deleted: 3,
    withoutOwner: 12,
    ownedByInactivePeople: 4,
  };
  it.each([
    ["no filter", {}, 97],
    ["status active", { status: "ACTIVE" }, 90],
    ["status disabled", { status: "DISABLED" }, 7],
    ["status deleted", { status: "DELETED" }, 3],
    ["owner unset", { owner: "unset" }, 12],
    ["owner set", { owner: "set" }, 85],
    ["owner inactive", { owner: "inactive" }, 4],
    ["owner ambiguous", { owner: "ambiguous" }, null],
    ["a type", { type: "SERVICE" }, null],
    ["a search", { q: "ada" }, null],
    ["status and owner", { status: "ACTIVE", owner: "unset" }, null],
  ] as const)("%s → %s", (_label, filters, expected) => {
    expect(knownCount({ ...defaults, ...filters }, figures)).toBe(expected);
  });
});

describe("evidenceText", () => {
  it("says how mapping matched", () => {
    expect(evidenceText({ matchRule: "EMAIL", matchValue: "ada@x.com" })).toBe(
      "by email ada@x.com",
    );
    expect(evidenceText({ matchRule: "NAME", matchValue: "ada lovelace" })).toBe(
      "by name ada lovelace",
    );
    expect(evidenceText({ matchRule: null, matchValue: null })).toBeNull();
  });
});
