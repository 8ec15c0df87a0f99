import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, User } from "@lantern/db";
import {
  createAccount,
  createApp,
  createEntitlement,
  createOrganization,
  createPolicy,
  createUser,
} from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import type { TCreatePolicyInput } from "../schemas/policies.ts";
import { callerFor as callerForUser } from "../testing.ts";

// Approval policies (issue 6) through the API: list, read, create, edit, duplicate, delete;
// every refusal, validation without partial writes, the audit Events, and the snapshot rule
// (an edit never changes a request already running).

let db: Database;
const callerFor = (user: { id: string }) => callerForUser(db.prisma, user.id);

let org: { id: string };
let other: { id: string };
const people: Record<string, User> = {};

async function expectError(promise: Promise<unknown>, code: string, message?: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  if (message) expect((error as TRPCError).message).toMatch(message);
  return error as TRPCError;
}

const definition = (changes: Partial<TCreatePolicyInput> = {}): TCreatePolicyInput => ({
  name: "Standard",
  description: "",
  steps: [
    { approver: "MANAGER", people: [] },
    { approver: "APP_OWNERS", people: [] },
  ],
  allowReassignment: true,
  restrictReassignees: false,
  allowedReassigneeIds: [],
  allowSelfApproval: false,
  requireDistinctApprovers: false,
  ...changes,
});

const admin = () => callerFor(people.admin!);
const eventsOf = (targetId: string) =>
  db.prisma.event.findMany({ where: { targetId, targetType: "Policy" }, orderBy: { at: "asc" } });
const policyCount = () => db.prisma.policy.count({ where: { organizationId: org.id } });

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  org = await createOrganization(p, { name: "Acme", slug: "acme-policies" });
  other = await createOrganization(p, { name: "Globex", slug: "globex-policies" });
  const person = (key: string, givenName: string, familyName: string, extra = {}) =>
    createUser(p, org, { givenName, familyName, ...extra }).then((u) => (people[key] = u));
  await person("admin", "Ada", "Admin", { role: "SUPER_ADMIN" });
  await person("boss", "Bea", "Boss");
  await person("emp", "Eli", "Employee", { managerId: people.boss!.id });
  await person("owner", "Olive", "Owner");
  await person("auditor", "Avery", "Auditor", { role: "AUDITOR" });
  await person("ann", "Ann", "Approver");
  await person("ben", "Ben", "Approver");
  await person("gone", "Gus", "Gone", { status: "SUSPENDED" });
  people.otherAdmin = await createUser(p, other, {
    givenName: "Otto",
    familyName: "Outsider",
    role: "SUPER_ADMIN",
  });
  // Owners of an app may manage that app, not policies.
  await createApp(p, org, { name: "Owned", owners: [people.owner!] });
});

afterAll(async () => {
  await db?.close();
});

describe("who may manage policies", () => {
  it("refuses members and app owners on every procedure, and changes nothing", async () => {
    const policy = await createPolicy(db.prisma, org, { name: "Guarded" });
    for (const who of [people.emp!, people.owner!]) {
      const caller = await callerFor(who);
      for (const refusal of [caller.policies.list({}), caller.policies.byId({ id: policy.id })]) {
        await expectError(refusal, "FORBIDDEN", /Only super admins and auditors can see/);
      }
      const changes = [
        caller.policies.create(definition({ name: "Sneaky" })),
        caller.policies.update({ id: policy.id, ...definition({ name: "Renamed" }) }),
        caller.policies.duplicate({ id: policy.id }),
        caller.policies.delete({ id: policy.id }),
      ];
      for (const refusal of changes) {
        await expectError(refusal, "FORBIDDEN", /Only super admins can change approval policies/);
      }
    }
    expect(await db.prisma.policy.findUnique({ where: { id: policy.id } })).toMatchObject({
      name: "Guarded",
    });
    expect(await db.prisma.policy.findFirst({ where: { name: "Sneaky" } })).toBeNull();
    expect(await eventsOf(policy.id)).toEqual([]);
  });

  it("lets an auditor read every policy and change none", async () => {
    const policy = await createPolicy(db.prisma, org, { name: "Audited" });
    const auditor = await callerFor(people.auditor!);
    expect((await auditor.policies.byId({ id: policy.id })).name).toBe("Audited");
    expect((await auditor.policies.list({ limit: 100 })).items.map((p) => p.id)).toContain(
      policy.id,
    );
    for (const refusal of [
      auditor.policies.create(definition({ name: "Audited copy" })),
      auditor.policies.update({ id: policy.id, ...definition({ name: "Renamed" }) }),
      auditor.policies.duplicate({ id: policy.id }),
      auditor.policies.delete({ id: policy.id }),
    ]) {
      await expectError(refusal, "FORBIDDEN", /Only super admins can change approval policies/);
    }
    expect(await eventsOf(policy.id)).toEqual([]);
  });

  it("lets every member read the policy options for the pickers", async () => {
    const options = await (await callerFor(people.emp!)).policies.options();
    expect(options.some((o) => o.name === "Guarded")).toBe(true);
  });

  it("answers NOT_FOUND for another organization's policy", async () => {
    const theirs = await createPolicy(db.prisma, other, { name: "Theirs" });
    const caller = await admin();
    await expectError(caller.policies.byId({ id: theirs.id }), "NOT_FOUND");
    await expectError(
      caller.policies.update({ id: theirs.id, ...definition({ name: "Mine now" }) }),
      "NOT_FOUND",
    );
    await expectError(caller.policies.duplicate({ id: theirs.id }), "NOT_FOUND");
    await expectError(caller.policies.delete({ id: theirs.id }), "NOT_FOUND");
    expect(await db.prisma.policy.findUnique({ where: { id: theirs.id } })).toMatchObject({
      name: "Theirs",
    });
    const list = await caller.policies.list({ limit: 100 });
    expect(list.items.some((p) => p.name === "Theirs")).toBe(false);
  });
});

describe("creating a policy", () => {
  it("stores the steps in order with provisioning last, and records policy.created", async () => {
    const caller = await admin();
    const created = await caller.policies.create(
      definition({
        name: "  Two people  ",
        description: "For admin roles",
        steps: [
          { approver: "MANAGER", people: [] },
          { approver: "USERS", people: [people.ben!.id, people.ann!.id] },
        ],
        restrictReassignees: true,
        allowedReassigneeIds: [people.boss!.id],
        requireDistinctApprovers: true,
      }),
    );
    expect(created).toMatchObject({ changed: true, policy: { name: "Two people" } });

    const details = await caller.policies.byId({ id: created.policy.id });
    expect(details).toMatchObject({
      name: "Two people",
      description: "For admin roles",
      restrictReassignees: true,
      requireDistinctApprovers: true,
      allowSelfApproval: false,
      requestSummary:
        "The manager of the person whose access it is approves, then a named approver approves, then it is provisioned.",
      revocationSummary:
        "The manager of the person whose access it is approves, then a named approver approves, then it is deprovisioned.",
    });
    expect(details.steps.map((s) => [s.approver, s.people.map((p) => p.displayName)])).toEqual([
      ["MANAGER", []],
      ["USERS", ["Ann Approver", "Ben Approver"]],
    ]);
    expect(details.steps[1]!.people[0]).toEqual({
      id: people.ann!.id,
      displayName: "Ann Approver",
      email: people.ann!.email,
      status: "ACTIVE",
    });
    expect(details.allowedReassignees.map((p) => p.id)).toEqual([people.boss!.id]);

    const steps = await db.prisma.policyStep.findMany({
      where: { policyId: created.policy.id },
      orderBy: { position: "asc" },
    });
    expect(steps.map((s) => [s.position, s.kind, s.approverKind])).toEqual([
      [0, "APPROVAL", "MANAGER"],
      [1, "APPROVAL", "USERS"],
      [2, "PROVISION", null],
    ]);

    const [event, ...more] = await eventsOf(created.policy.id);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      action: "policy.created",
      actorId: people.admin!.id,
      organizationId: org.id,
      before: null,
      after: {
        name: "Two people",
        description: "For admin roles",
        steps: [
          { approver: "MANAGER" },
          { approver: "USERS", people: [people.ann!.id, people.ben!.id].sort() },
        ],
        allowReassignment: true,
        restrictReassignees: true,
        allowedReassigneeIds: [people.boss!.id],
        allowSelfApproval: false,
        requireDistinctApprovers: true,
      },
    });
  });

  it("creates a policy with no approval at all", async () => {
    const caller = await admin();
    const created = await caller.policies.create(definition({ name: "Instant", steps: [] }));
    expect((await caller.policies.byId({ id: created.policy.id })).requestSummary).toBe(
      "No approval needed: it goes straight to provisioning.",
    );
  });

  it.each([
    ["an empty name", definition({ name: " " }), /Give the policy a name/, "name"],
    [
      "a name longer than 80 characters",
      definition({ name: "x".repeat(81) }),
      /at most 80 characters/,
      "name",
    ],
    [
      "a named-people step without people",
      definition({ name: "No people", steps: [{ approver: "USERS", people: [] }] }),
      /Step 1: choose at least one person/,
      "steps.1",
    ],
    [
      "limited reassignment without people",
      definition({ name: "Nobody", restrictReassignees: true }),
      /at least one person tasks may be reassigned to/,
      "allowedReassigneeIds",
    ],
    [
      "eleven approval steps",
      definition({
        name: "Long",
        steps: Array.from({ length: 11 }, () => ({ approver: "MANAGER" as const, people: [] })),
      }),
      /at most 10 approval steps/,
      "steps",
    ],
  ])("refuses %s with BAD_REQUEST and writes nothing", async (_label, input, message, field) => {
    const before = await policyCount();
    const error = await expectError((await admin()).policies.create(input), "BAD_REQUEST", message);
    const details = (error.cause as { details?: { fieldErrors?: Record<string, string[]> } })
      .details;
    expect(Object.keys(details?.fieldErrors ?? {})).toContain(field);
    expect(await policyCount()).toBe(before);
  });

  it("refuses named people who are not active members of the organization", async () => {
    const caller = await admin();
    const before = await policyCount();
    await expectError(
      caller.policies.create(
        definition({
          name: "Suspended",
          steps: [{ approver: "USERS", people: [people.gone!.id] }],
        }),
      ),
      "BAD_REQUEST",
      /Step 1: every named approver must be an active person of this organization/,
    );
    await expectError(
      caller.policies.create(
        definition({
          name: "Foreign",
          steps: [{ approver: "USERS", people: [people.otherAdmin!.id] }],
        }),
      ),
      "BAD_REQUEST",
      /active person of this organization/,
    );
    await expectError(
      caller.policies.create(
        definition({
          name: "Foreign reassignee",
          restrictReassignees: true,
          allowedReassigneeIds: [people.otherAdmin!.id],
        }),
      ),
      "BAD_REQUEST",
      /reassigned only to active people of this organization/,
    );
    expect(await policyCount()).toBe(before);
  });

  it("refuses a name already taken, in any letter case", async () => {
    const caller = await admin();
    await caller.policies.create(definition({ name: "Unique name" }));
    const before = await policyCount();
    await expectError(
      caller.policies.create(definition({ name: "UNIQUE NAME" })),
      "CONFLICT",
      /A policy named “Unique name” already exists/,
    );
    expect(await policyCount()).toBe(before);
  });
  it("lets exactly one of two admins creating the same name at once succeed", async () => {
    const [a, b] = [await admin(), await admin()];
    const results = await Promise.allSettled([
      a.policies.create(definition({ name: "Raced" })),
      b.policies.create(definition({ name: "Raced" })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as TRPCError).code).toBe("CONFLICT");
    expect((refused.reason as TRPCError).message).toMatch(/A policy named “Raced” already exists/);
    expect(await db.prisma.policy.count({ where: { organizationId: org.id, name: "Raced" } })).toBe(
      1,
    );
  });
});

describe("editing a policy", () => {
  it("replaces steps and flags, keeps provisioning last, and records only what changed", async () => {
    const caller = await admin();
    const { policy } = await caller.policies.create(definition({ name: "Editable" }));
    const result = await caller.policies.update({
      id: policy.id,
      ...definition({
        name: "Edited",
        steps: [
          { approver: "ENTITLEMENT_OWNERS", people: [] },
          { approver: "USERS", people: [people.ann!.id] },
          { approver: "MANAGER", people: [] },
        ],
        allowSelfApproval: true,
      }),
    });
    expect(result).toEqual({ changed: true, policy: { id: policy.id, name: "Edited" } });
    const steps = await db.prisma.policyStep.findMany({
      where: { policyId: policy.id },
      orderBy: { position: "asc" },
      include: { approvers: true },
    });
    expect(steps.map((s) => [s.position, s.kind, s.approverKind])).toEqual([
      [0, "APPROVAL", "ENTITLEMENT_OWNERS"],
      [1, "APPROVAL", "USERS"],
      [2, "APPROVAL", "MANAGER"],
      [3, "PROVISION", null],
    ]);
    expect(steps[1]!.approvers.map((a) => a.userId)).toEqual([people.ann!.id]);

    const events = await eventsOf(policy.id);
    expect(events.map((e) => e.action)).toEqual(["policy.created", "policy.updated"]);
    expect(events[1]).toMatchObject({
      actorId: people.admin!.id,
      before: {
        name: "Editable",
        steps: [{ approver: "MANAGER" }, { approver: "APP_OWNERS" }],
        allowSelfApproval: false,
      },
      after: {
        name: "Edited",
        steps: [
          { approver: "ENTITLEMENT_OWNERS" },
          { approver: "USERS", people: [people.ann!.id] },
          { approver: "MANAGER" },
        ],
        allowSelfApproval: true,
      },
    });
    expect(Object.keys(events[1]!.before as object).sort()).toEqual([
      "allowSelfApproval",
      "name",
      "steps",
    ]);
  });

  it("writes nothing when nothing changes", async () => {
    const caller = await admin();
    const { policy } = await caller.policies.create(definition({ name: "Steady" }));
    const before = await db.prisma.policy.findUniqueOrThrow({ where: { id: policy.id } });
    expect(
      await caller.policies.update({ id: policy.id, ...definition({ name: "Steady" }) }),
    ).toEqual({ changed: false, policy: { id: policy.id, name: "Steady" } });
    expect((await eventsOf(policy.id)).map((e) => e.action)).toEqual(["policy.created"]);
    const after = await db.prisma.policy.findUniqueOrThrow({ where: { id: policy.id } });
    expect(after.updatedAt).toEqual(before.updatedAt);
  });

  it("refuses another policy's name and bad input, leaving the policy as it was", async () => {
    const caller = await admin();
    await caller.policies.create(definition({ name: "Taken" }));
    const { policy } = await caller.policies.create(definition({ name: "Mine" }));
    await expectError(
      caller.policies.update({ id: policy.id, ...definition({ name: "taken" }) }),
      "CONFLICT",
      /A policy named “Taken” already exists/,
    );
    await expectError(
      caller.policies.update({
        id: policy.id,
        ...definition({ name: "Mine", steps: [{ approver: "USERS", people: [people.gone!.id] }] }),
      }),
      "BAD_REQUEST",
      /active person/,
    );
    const details = await caller.policies.byId({ id: policy.id });
    expect(details.name).toBe("Mine");
    expect(details.steps.map((s) => s.approver)).toEqual(["MANAGER", "APP_OWNERS"]);
    expect((await eventsOf(policy.id)).map((e) => e.action)).toEqual(["policy.created"]);
  });

  it("never changes a request already running: it keeps the version it started with", async () => {
    const p = db.prisma;
    const caller = await admin();
    const { policy } = await caller.policies.create(definition({ name: "Snapshot rule" }));
    const app = await createApp(p, org, {
      name: "Figma",
      owners: [people.owner!],
      defaultRequestPolicyId: policy.id,
    });
    const entitlement = await createEntitlement(p, app, { slug: "editor" });
    await createAccount(p, app, { owner: people.emp! });
    const started = await (
      await callerFor(people.emp!)
    ).requests.create({
      entitlementId: entitlement.id,
      reason: "Design reviews",
      durationDays: 30,
    });
    const running = await p.request.findUniqueOrThrow({ where: { id: started.requestId } });

    expect((await caller.policies.byId({ id: policy.id })).usage.runningRequests).toBe(1);
    await caller.policies.update({
      id: policy.id,
      ...definition({
        name: "Snapshot rule",
        steps: [{ approver: "USERS", people: [people.ann!.id] }],
        allowReassignment: false,
      }),
    });

    const after = await p.request.findUniqueOrThrow({
      where: { id: started.requestId },
      include: { tasks: { include: { assignees: true } } },
    });
    expect(after.policySnapshot).toEqual(running.policySnapshot);
    expect(after.policyName).toBe("Snapshot rule");
    expect(after.currentStep).toBe(running.currentStep);
    const snapshot = after.policySnapshot as {
      steps: Array<{ approverKind: string | null }>;
      allowReassignment: boolean;
    };
    expect(snapshot.steps.map((s) => s.approverKind)).toEqual(["MANAGER", "APP_OWNERS", null]);
    expect(snapshot.allowReassignment).toBe(true);
    // The running task still waits for the manager, as the version it started with says.
    expect(after.tasks.flatMap((t) => t.assignees.map((a) => a.userId))).toEqual([people.boss!.id]);

    // The manager approves: the request goes on to the app owner, as it started.
    const approved = await (
      await callerFor(people.boss!)
    ).tasks.close({ action: "approve", taskId: after.tasks[0]!.id });
    expect(approved.request.state).toBe("PENDING_APPROVAL");
    const next = await p.task.findFirstOrThrow({
      where: { requestId: started.requestId, state: "OPEN" },
      include: { assignees: true },
    });
    expect(next.assignees.map((a) => a.userId)).toEqual([people.owner!.id]);
  });
});

describe("duplicating a policy", () => {
  it("copies it as “Copy of X”, then “Copy of X (2)”, used by nothing", async () => {
    const caller = await admin();
    const { policy } = await caller.policies.create(
      definition({
        name: "Original",
        steps: [{ approver: "USERS", people: [people.ann!.id] }],
        restrictReassignees: true,
        allowedReassigneeIds: [people.ben!.id],
      }),
    );
    await createApp(db.prisma, org, { name: "Uses original", defaultRequestPolicyId: policy.id });
    const first = await caller.policies.duplicate({ id: policy.id });
    const second = await caller.policies.duplicate({ id: policy.id });
    expect(first.policy.name).toBe("Copy of Original");
    expect(second.policy.name).toBe("Copy of Original (2)");

    const original = await caller.policies.byId({ id: policy.id });
    const copy = await caller.policies.byId({ id: first.policy.id });
    expect(copy.steps).toEqual(original.steps);
    expect(copy.allowedReassignees).toEqual(original.allowedReassignees);
    expect(copy.requestSummary).toBe(original.requestSummary);
    expect(copy.usage).toMatchObject({ apps: 0, entitlements: 0, appList: [] });
    expect(original.usage.apps).toBe(1);

    const [event] = await eventsOf(first.policy.id);
    expect(event).toMatchObject({
      action: "policy.created",
      reason: "Duplicated from “Original”.",
      after: { name: "Copy of Original", steps: [{ approver: "USERS", people: [people.ann!.id] }] },
    });
  });
});

describe("deleting a policy", () => {
  it("refuses while the organization, an app or an entitlement uses it, saying where", async () => {
    const p = db.prisma;
    const caller = await admin();
    const { policy } = await caller.policies.create(definition({ name: "Busy" }));
    await p.organization.update({
      where: { id: org.id },
      data: { defaultRevocationPolicyId: policy.id },
    });
    const app = await createApp(p, org, {
      name: "Busy app",
      defaultRequestPolicyId: policy.id,
      defaultRevocationPolicyId: policy.id,
    });
    const otherApp = await createApp(p, org, { name: "Quiet app" });
    const entitlement = await createEntitlement(p, otherApp, {
      slug: "admin",
      displayName: "Quiet Admin",
      requestPolicyId: policy.id,
    });

    const list = await caller.policies.list({ limit: 100 });
    expect(list.items.find((i) => i.id === policy.id)?.usage).toEqual({
      orgRequestDefault: false,
      orgRevocationDefault: true,
      apps: 1,
      entitlements: 1,
      runningRequests: 0,
    });
    const details = await caller.policies.byId({ id: policy.id });
    expect(details.usage.appList).toEqual([
      { id: app.id, name: "Busy app", forRequests: true, forRevocations: true },
    ]);
    expect(details.usage.entitlementList).toEqual([
      {
        id: entitlement.id,
        displayName: "Quiet Admin",
        app: { id: otherApp.id, name: "Quiet app" },
        forRequests: true,
        forRevocations: false,
      },
    ]);

    await expectError(
      caller.policies.delete({ id: policy.id }),
      "CONFLICT",
      /“Busy” is still in use: it is the organization's default revocation policy, the default of 1 app and the policy of 1 entitlement\. Choose another policy there first\./,
    );
    await p.organization.update({
      where: { id: org.id },
      data: { defaultRevocationPolicyId: null },
    });
    await p.app.update({
      where: { id: app.id },
      data: { defaultRequestPolicyId: null, defaultRevocationPolicyId: null },
    });
    await expectError(
      caller.policies.delete({ id: policy.id }),
      "CONFLICT",
      /it is the policy of 1 entitlement/,
    );
    expect(await p.policy.findUnique({ where: { id: policy.id } })).not.toBeNull();
    expect((await eventsOf(policy.id)).map((e) => e.action)).toEqual(["policy.created"]);
  });

  it("deletes an unused policy, records it, and leaves requests that ran under it their snapshot", async () => {
    const p = db.prisma;
    const caller = await admin();
    const { policy } = await caller.policies.create(definition({ name: "Retired" }));
    const app = await createApp(p, org, {
      name: "Retired app",
      owners: [people.owner!],
      defaultRequestPolicyId: policy.id,
    });
    const entitlement = await createEntitlement(p, app, { slug: "viewer" });
    await createAccount(p, app, { owner: people.emp! });
    const started = await (
      await callerFor(people.emp!)
    ).requests.create({ entitlementId: entitlement.id, reason: "Reading", durationDays: 7 });
    const running = await p.request.findUniqueOrThrow({ where: { id: started.requestId } });
    // The app moves to another policy; the request keeps running under its snapshot.
    await p.app.update({ where: { id: app.id }, data: { defaultRequestPolicyId: null } });

    expect(await caller.policies.delete({ id: policy.id })).toEqual({
      changed: true,
      policy: { id: policy.id, name: "Retired" },
    });
    expect(await p.policy.findUnique({ where: { id: policy.id } })).toBeNull();
    expect(await p.policyStep.count({ where: { policyId: policy.id } })).toBe(0);
    const after = await p.request.findUniqueOrThrow({ where: { id: started.requestId } });
    expect(after.policyId).toBeNull();
    expect(after.policySnapshot).toEqual(running.policySnapshot);
    expect(after.policyName).toBe("Retired");

    const events = await eventsOf(policy.id);
    expect(events.map((e) => e.action)).toEqual(["policy.created", "policy.deleted"]);
    expect(events[1]).toMatchObject({
      before: { name: "Retired", steps: [{ approver: "MANAGER" }, { approver: "APP_OWNERS" }] },
      after: null,
    });
  });
});

describe("listing policies", () => {
  it("pages by name with summaries and step counts", async () => {
    const caller = await admin();
    const all: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await caller.policies.list({ limit: 3, cursor });
      all.push(...page.items.map((i) => i.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const names = (
      await db.prisma.policy.findMany({
        where: { organizationId: org.id },
        orderBy: [{ name: "asc" }, { id: "asc" }],
      })
    ).map((p) => p.name);
    expect(all).toEqual(names);
    expect(all.length).toBeGreaterThan(6);

    const instant = (await caller.policies.list({ limit: 100 })).items.find(
      (i) => i.name === "Instant",
    );
    expect(instant).toMatchObject({
      approvalStepCount: 0,
      requestSummary: "No approval needed: it goes straight to provisioning.",
      revocationSummary: "No approval needed: it goes straight to deprovisioning.",
    });
  });

  it("refuses a tampered cursor", async () => {
    await expectError((await admin()).policies.list({ cursor: "nonsense" }), "BAD_REQUEST");
  });
});
