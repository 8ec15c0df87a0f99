import { describe, expect, it } from "vitest";
import {
  firstRunAllows,
  namesFromProfile,
  organizationNameFromEmail,
  parseAllowList,
  slugify,
} from "./first-run.ts";

describe("firstRunAllows", () => {
  it.each([
    ["anyone when no list is set", "dana@acme.com", [], true],
    ["an address on the list", "Dana@Acme.com ", ["dana@acme.com"], true],
    ["another address", "eve@acme.com", ["dana@acme.com"], false],
    ["a domain on the list", "eve@acme.com", ["@ACME.com"], true],
    ["a subdomain is not the domain", "eve@evil.acme.com", ["@acme.com"], false],
    ["a look-alike domain", "eve@acme.com.evil.io", ["@acme.com"], false],
    ["not an address", "acme.com", [], false],
    ["empty", "", [], false],
  ] as const)("%s", (_label, email, list, allowed) => {
    expect(firstRunAllows(email, list)).toBe(allowed);
  });

  it("reads the list from the environment's comma- or space-separated text", () => {
    expect(parseAllowList(" dana@acme.com, @acme.io  ops@x.com,,")).toEqual([
      "dana@acme.com",
      "@acme.io",
      "ops@x.com",
    ]);
    expect(parseAllowList(undefined)).toEqual([]);
  });
});

describe("organizationNameFromEmail", () => {
  it.each([
    ["dana@acme.com", "Acme"],
    ["dana@northwind-labs.com", "Northwind Labs"],
    ["ops@mail.acme.co.uk", "Acme"],
    ["x@localhost", "Localhost"],
    ["x@", "My organization"],
  ])("%s → %s", (email, name) => {
    expect(organizationNameFromEmail(email)).toBe(name);
  });
});

describe("slugify", () => {
  it.each([
    ["Northwind Labs", "northwind-labs"],
    ["  Ça Marche!  ", "ca-marche"],
    ["***", "organization"],
  ])("%s → %s", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
});

describe("namesFromProfile", () => {
  it.each([
    [
      "dana@acme.com",
      "Dana Okafor",
      { givenName: "Dana", familyName: "Okafor", displayName: "Dana Okafor" },
    ],
    [
      "dana@acme.com",
      "  Mary  Ann   Smith ",
      { givenName: "Mary", familyName: "Ann Smith", displayName: "Mary Ann Smith" },
    ],
    [
      "dana.okafor@acme.com",
      null,
      { givenName: "Dana", familyName: "Okafor", displayName: "Dana Okafor" },
    ],
    ["ops@acme.com", "", { givenName: "Ops", familyName: "", displayName: "Ops" }],
  ] as const)("%s / %s", (email, name, names) => {
    expect(namesFromProfile(email, name)).toEqual(names);
  });
});
