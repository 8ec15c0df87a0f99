import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@lantern/db";
import { createTestDatabase } from "@lantern/db/testing";
import { callerFor } from "../testing.ts";
import { claimFirstRun, firstRunOpen, mayClaimFirstRun } from "./first-run.ts";

// One database for the file: it starts empty, as a new installation does.
let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

const now = new Date("2026-12-03T10:00:00Z");

describe("first run on an empty database", () => {
  it("refuses an address outside the allow list and changes nothing", async () => {
    const options = { allowList: ["@acme.com"] };
    expect(await mayClaimFirstRun(db.prisma, "eve@evil.io", options)).toBe(false);
    expect(await claimFirstRun(db.prisma, { email: "eve@evil.io", now }, options)).toBeNull();
    expect(await db.prisma.organization.count()).toBe(0);
    expect(await db.prisma.event.count()).toBe(0);
    expect(await mayClaimFirstRun(db.prisma, "dana@acme.com", options)).toBe(true);
  });

  it("makes exactly one organization when several people sign in at once", async () => {
    const options = { allowList: [] };
    const emails = ["Dana.Okafor@Acme.com", "lee@acme.com", "sam@acme.com", "kim@acme.com"];
    const results = await Promise.all(
      emails.map((email, i) =>
        claimFirstRun(
          db.prisma,
          { email, profileName: i === 0 ? "Dana Okafor" : null, now },
          options,
        ),
      ),
    );
    const winners = results.filter((r) => r !== null);
    expect(winners).toHaveLength(1);
    expect(await db.prisma.organization.count()).toBe(1);
    expect(await db.prisma.user.count()).toBe(1);
    expect(await firstRunOpen(db.prisma)).toBe(false);
    expect(await mayClaimFirstRun(db.prisma, "someone@acme.com", options)).toBe(false);
    // Later sign-ins never claim again.
    expect(await claimFirstRun(db.prisma, { email: "late@acme.com", now }, options)).toBeNull();
  });

  it("the first person is a super admin of the new organization, with working starter policies", async () => {
    const person = await db.prisma.user.findFirstOrThrow({
      include: {
        organization: { include: { defaultRequestPolicy: true, defaultRevocationPolicy: true } },
      },
    });
    expect(person).toMatchObject({ role: "SUPER_ADMIN", status: "ACTIVE" });
    expect(person.organization).toMatchObject({ name: "Acme", slug: "acme" });
    expect(person.organization.defaultRequestPolicy?.name).toBe("Manager approval");
    expect(person.organization.defaultRevocationPolicy?.name).toBe("Remove without approval");

    const caller = await callerFor(db.prisma, person.id);
    const me = await caller.me.get();
    expect(me.can).toMatchObject({
      manageOrganization: true,
      managePolicies: true,
      createApp: true,
    });
    const policies = await caller.policies.options();
    expect(policies.map((p) => [p.name, p.requestSummary])).toEqual([
      [
        "Manager approval",
        expect.stringMatching(/^The manager .* approves, then it is provisioned\.$/),
      ],
      ["Remove without approval", "No approval needed: it goes straight to provisioning."],
    ]);

    const events = await db.prisma.event.findMany({ orderBy: { action: "asc" } });
    expect(
      events.every((e) => e.actorId === person.id && e.organizationId === person.organizationId),
    ).toBe(true);
    expect(events.map((e) => e.action)).toEqual([
      "organization.created",
      "organization.updated",
      "policy.created",
      "policy.created",
      "user.created",
    ]);
  });

  it("names the person from the profile, or from the address", async () => {
    const person = await db.prisma.user.findFirstOrThrow();
    if (person.emailNormalized === "dana.okafor@acme.com") {
      expect(person).toMatchObject({
        givenName: "Dana",
        familyName: "Okafor",
        displayName: "Dana Okafor",
        email: "Dana.Okafor@Acme.com",
      });
    } else {
      const local = person.emailNormalized.split("@")[0]!;
      expect(person.displayName).toBe(local.charAt(0).toUpperCase() + local.slice(1));
    }
  });
});

describe("the organization's name", () => {
  it("comes from LANTERN_ORGANIZATION_NAME when set", async () => {
    const other = await createTestDatabase();
    try {
      const person = await claimFirstRun(
        other.prisma,
        { email: "it@northwind-labs.com", now },
        { allowList: ["it@northwind-labs.com"], organizationName: "  Northwind Labs GmbH " },
      );
      expect(person).not.toBeNull();
      const org = await other.prisma.organization.findFirstOrThrow();
      expect(org).toMatchObject({ name: "Northwind Labs GmbH", slug: "northwind-labs-gmbh" });
    } finally {
      await other.close();
    }
  });
});
