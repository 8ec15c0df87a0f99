import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, User } from "@lantern/db";
import {
  createAccount,
  createApp,
  createEntitlement,
  createGrant,
  createOrganization,
  createPolicy,
  createUser,
} from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import { describeOutcome, describeWhoDoesIt, type RequestOutcome } from "@lantern/domain";
import { callerFor as callerForUser } from "../testing.ts";

// What a new request or revocation says happens next (issue 14, item 2): the structured
// outcome that requests.create and grants.revoke return, for every combination of policy
// (approval or none) and strategy (MANUAL with its own workers, MANUAL falling back to the
// app owners, CONNECTOR), checked against the tasks and jobs the database really holds.

let db: Database;
const callerFor = (user: { id: string }) => callerForUser(db.prisma, user.id);
let org: { id: string };
const people: Record<string, User> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  org = await createOrganization(p, { name: "Acme", slug: "acme-outcomes" });
  const person = (key: string, givenName: string, familyName: string, extra = {}) =>
    createUser(p, org, { givenName, familyName, ...extra }).then((u) => (people[key] = u));
  await person("admin", "Ada", "Admin", { role: "SUPER_ADMIN" });
  await person("owner", "Olive", "Owner");
  await person("owner2", "Oscar", "Owner");
  await person("worker", "Sam", "Ortiz");
  await person("worker2", "Pia", "Provisioner");
  await person("approver", "Dana", "Lee");
  await person("boss", "Bea", "Boss");
  await person("emp", "Eli", "Employee", { managerId: people.boss!.id });
});

afterAll(async () => {
  await db?.close();
});

type Approval = "none" | "named" | "manager";
type Strategy = "MANUAL" | "MANUAL_OWNERS" | "CONNECTOR";

let n = 0;
async function setup(kind: "GRANT" | "REVOKE", approval: Approval, strategy: Strategy) {
  const p = db.prisma;
  n += 1;
  const name = `${kind} ${approval} ${strategy} ${n}`;
  const steps =
    approval === "none"
      ? []
      : approval === "named"
        ? [{ approverKind: "USERS" as const, approverUserIds: [people.approver!] }]
        : [{ approverKind: "MANAGER" as const }];
  const policy = await createPolicy(p, org, { name, steps });
  const workers = strategy === "MANUAL" ? [people.worker!, people.worker2!] : [];
  const app = await createApp(p, org, {
    name,
    owners: [people.owner!, people.owner2!],
    provisioners: workers,
    deprovisioners: workers,
    ...(kind === "GRANT"
      ? { defaultRequestPolicyId: policy.id }
      : { defaultRevocationPolicyId: policy.id }),
  });
  const connector = strategy === "CONNECTOR" ? "CONNECTOR" : "MANUAL";
  const entitlement = await createEntitlement(p, app, {
    slug: "admin",
    displayName: `${name} Admin`,
    provisioningStrategy: connector,
    deprovisioningStrategy: connector,
  });
  const account = await createAccount(p, app, { owner: people.emp! });
  const grant = kind === "REVOKE" ? await createGrant(p, account, entitlement) : null;
  return { entitlement, grant };
}

/** The outcome the database says: the request's open task and its assignees, or its job. */
async function outcomeInDatabase(requestId: string): Promise<RequestOutcome> {
  const task = await db.prisma.task.findFirst({
    where: { requestId, state: "OPEN" },
    select: {
      number: true,
      kind: true,
      assignees: {
        where: { active: true },
        select: { user: { select: { id: true, displayName: true } } },
      },
    },
  });
  if (task) {
    const named = task.assignees
      .map((a) => a.user)
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
    return task.kind === "APPROVAL"
      ? { kind: "approval", taskNumber: task.number, approvers: named }
      : { kind: "task", taskNumber: task.number, assignees: named };
  }
  const job = await db.prisma.connectorJob.findFirstOrThrow({ where: { requestId } });
  return { kind: "connector", jobId: job.id };
}

const COMBINATIONS: Array<{
  approval: Approval;
  strategy: Strategy;
  /** Who acts next, by key of `people`; null: the connector. */
  next: { kind: "approval" | "task"; who: string[] } | null;
}> = [
  { approval: "none", strategy: "MANUAL", next: { kind: "task", who: ["worker2", "worker"] } },
  {
    approval: "none",
    strategy: "MANUAL_OWNERS",
    next: { kind: "task", who: ["owner", "owner2"] },
  },
  { approval: "none", strategy: "CONNECTOR", next: null },
  { approval: "named", strategy: "MANUAL", next: { kind: "approval", who: ["approver"] } },
  { approval: "named", strategy: "CONNECTOR", next: { kind: "approval", who: ["approver"] } },
  { approval: "manager", strategy: "MANUAL", next: { kind: "approval", who: ["boss"] } },
  { approval: "manager", strategy: "MANUAL_OWNERS", next: { kind: "approval", who: ["boss"] } },
  { approval: "manager", strategy: "CONNECTOR", next: { kind: "approval", who: ["boss"] } },
];

function expected(next: (typeof COMBINATIONS)[number]["next"], taskNumber: number | null) {
  if (!next) return { kind: "connector", jobId: expect.any(String) };
  const named = next.who.map((key) => ({
    id: people[key]!.id,
    displayName: people[key]!.displayName,
  }));
  return next.kind === "approval"
    ? { kind: "approval", taskNumber, approvers: named }
    : { kind: "task", taskNumber, assignees: named };
}

describe("grants.revoke says what happens next", () => {
  it.each(COMBINATIONS)(
    "revocation policy $approval approval, $strategy strategy",
    async ({ approval, strategy, next }) => {
      const { grant } = await setup("REVOKE", approval, strategy);
      const result = await (
        await callerFor(people.admin!)
      ).grants.revoke({ grantId: grant!.id, reason: "Left the team" });
      expect(result.outcome).toEqual(expected(next, result.task?.number ?? null));
      expect(result.outcome).toEqual(await outcomeInDatabase(result.requestId));
      if (result.outcome.kind === "connector") {
        expect(result.outcome.jobId).toBe(result.connectorJobId);
      }
    },
  );

  it("no approval and a MANUAL strategy: a deprovisioning task for its deprovisioners, in words", async () => {
    const { grant } = await setup("REVOKE", "none", "MANUAL");
    const result = await (
      await callerFor(people.admin!)
    ).grants.revoke({ grantId: grant!.id, reason: "Left the team" });
    const words = describeOutcome(result.outcome, "REVOKE");
    expect(words.title).toBe(
      `A deprovisioning task was created for Pia Provisioner or Sam Ortiz (#${result.task!.number})`,
    );
    expect(words.taskNumber).toBe(result.task!.number);
    expect(`${words.title} ${words.detail}`).not.toMatch(/at once/);
  });
});

describe("requests.create says what happens next", () => {
  it.each(COMBINATIONS)(
    "request policy $approval approval, $strategy strategy",
    async ({ approval, strategy, next }) => {
      const { entitlement } = await setup("GRANT", approval, strategy);
      const caller = await callerFor(people.emp!);
      // The form's "What happens next" names who provisions, before anything is asked.
      const [offered] = await caller.requests.requestable({ search: entitlement.displayName });
      expect(offered!.provisionedBy).toEqual(
        strategy === "CONNECTOR"
          ? { kind: "connector" }
          : {
              kind: "people",
              people: (strategy === "MANUAL" ? ["worker2", "worker"] : ["owner", "owner2"]).map(
                (key) => ({ id: people[key]!.id, displayName: people[key]!.displayName }),
              ),
            },
      );
      const created = await caller.requests.create({
        entitlementId: entitlement.id,
        reason: "For the launch",
      });
      expect(created.outcome).toEqual(expected(next, created.task?.number ?? null));
      expect(created.outcome).toEqual(await outcomeInDatabase(created.requestId));
    },
  );
});

describe("requests.requestable names who provisions, as the task will be assigned", () => {
  it("the provisioners in words, and the same people the provisioning task goes to", async () => {
    const { entitlement } = await setup("GRANT", "none", "MANUAL");
    const caller = await callerFor(people.emp!);
    const [offered] = await caller.requests.requestable({ search: entitlement.displayName });
    expect(describeWhoDoesIt(offered!.provisionedBy, "GRANT")).toBe(
      "Pia Provisioner or Sam Ortiz sets it up and marks it provisioned.",
    );
    const created = await caller.requests.create({
      entitlementId: entitlement.id,
      reason: "For the launch",
    });
    expect(created.outcome).toEqual({
      kind: "task",
      taskNumber: created.task!.number,
      assignees: offered!.provisionedBy.kind === "people" ? offered!.provisionedBy.people : [],
    });
  });

  it("an app with no provisioners or owners: the super admins, as the engine falls back", async () => {
    const p = db.prisma;
    const policy = await createPolicy(p, org, { name: "Nobody's app policy" });
    const app = await createApp(p, org, {
      name: "Nobody's app",
      defaultRequestPolicyId: policy.id,
    });
    const entitlement = await createEntitlement(p, app, { displayName: "Nobody's app Viewer" });
    const caller = await callerFor(people.emp!);
    const [offered] = await caller.requests.requestable({ search: "Nobody's app Viewer" });
    expect(offered!.provisionedBy).toEqual({
      kind: "people",
      people: [{ id: people.admin!.id, displayName: people.admin!.displayName }],
    });
    const created = await caller.requests.create({
      entitlementId: entitlement.id,
      reason: "For the launch",
    });
    expect(created.outcome).toMatchObject({
      kind: "task",
      assignees: offered!.provisionedBy.kind === "people" ? offered!.provisionedBy.people : [],
    });
  });
});
