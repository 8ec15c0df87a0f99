import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, User } from "@lantern/db";
import {
  createAccount,
  createApp,
  createEntitlement,
  createGrant,
  createOrganization,
  createPolicy,
  createRequestWithTasks,
  createUser,
  type PolicyWithSteps,
  type TaskInput,
} from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import type { RouterInputs } from "../index.ts";
import { callerFor as callerForUser } from "../testing.ts";

type InboxInput = RouterInputs["tasks"]["inbox"];

let db: Database;
/** Task numbers by name, as the fixtures below create them. */
const n: Record<string, number> = {};
const ids: Record<string, string> = {};

const callerFor = (userId: string | null) => callerForUser(db.prisma, userId);

async function inbox(userId: string, input: InboxInput) {
  return (await callerFor(userId)).tasks.inbox(input);
}

/** Every page of a tab, following the cursors; returns the task numbers in order. */
async function allPages(userId: string, input: InboxInput) {
  const numbers: number[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await inbox(userId, { ...input, cursor });
    numbers.push(...page.items.map((t) => t.number));
    cursor = page.nextCursor ?? undefined;
    pages += 1;
  } while (cursor && pages < 50);
  return { numbers, pages };
}

const at = (day: number, hour = 9) => new Date(Date.UTC(2026, 2, day, hour));

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  const org = await createOrganization(p, { name: "Acme", slug: "acme" });
  const other = await createOrganization(p, { name: "Globex", slug: "globex" });
  const person = (givenName: string, familyName: string) =>
    createUser(p, org, { givenName, familyName });
  const mia = await person("Mia", "Provisioner");
  const olive = await person("Olive", "Owner");
  const rita = await person("Rita", "Requester");
  const sam = await person("Sam", "Subject");
  const tara = await person("Tara", "Target");
  const hugo = await person("Hugo", "Hiring");
  const outsider = await createUser(p, other, { givenName: "Otto", familyName: "Outsider" });
  Object.assign(ids, { mia: mia.id, olive: olive.id, outsider: outsider.id });

  const github = await createApp(p, org, { name: "GitHub", owners: [olive] });
  const zoom = await createApp(p, org, { name: "Zoom", owners: [olive] });
  const okta = await createApp(p, org, { name: "Okta", owners: [olive] });
  ids.github = github.id;
  const repoWrite = await createEntitlement(p, github, {
    slug: "repo-write",
    displayName: "Repository write",
  });
  const webinar = await createEntitlement(p, zoom, {
    slug: "webinar-500",
    displayName: "Webinar 500",
  });
  const helpdesk = await createEntitlement(p, okta, {
    slug: "helpdesk-admin",
    displayName: "Help desk administrator",
  });
  const samGithub = await createAccount(p, github, { owner: sam, login: "sam-s" });
  const samZoom = await createAccount(p, zoom, { owner: sam });
  const samOkta = await createAccount(p, okta, {
    login: "svc-okta-sync",
    displayName: "Okta sync",
    emails: ["okta-sync@acme.test"],
    ownerId: sam.id,
    matchedOwnerId: sam.id,
  });

  const policy = await createPolicy(p, org, {
    name: "Manager approval",
    steps: [{ approverKind: "MANAGER" }],
  });

  const grantTask = (
    name: string,
    options: {
      entitlement?: typeof repoWrite;
      target?: User | null;
      account?: { id: string } | null;
      requester?: User;
      policy?: PolicyWithSteps;
      task: TaskInput;
    },
  ) =>
    createRequestWithTasks(p, {
      requester: options.requester ?? hugo,
      entitlement: options.entitlement ?? repoWrite,
      ...(options.account ? { account: options.account } : { targetUser: options.target ?? tara }),
      policy: options.policy ?? policy,
      reason: `Reason of ${name}`,
      createdAt: options.task.createdAt,
      tasks: [options.task],
    }).then((r) => {
      n[name] = r.tasks[0]!.number;
      ids[name] = r.tasks[0]!.id;
      return r;
    });

  // ── Requests: awaiting approval (Mia is an active assignee) ──
  await grantTask("approvalOld", {
    task: { kind: "APPROVAL", assignees: [mia, olive], createdAt: at(1) },
  });
  await grantTask("approvalNew", {
    entitlement: webinar,
    account: samZoom,
    requester: rita,
    task: { kind: "APPROVAL", assignees: [mia], createdAt: at(2) },
  });

  // ── Requests: awaiting provisioning; two share a creation time (ties break on id) ──
  await grantTask("prov1", { task: { kind: "PROVISION", assignees: [mia], createdAt: at(3) } });
  await grantTask("prov2", {
    entitlement: helpdesk,
    account: samOkta,
    task: { kind: "PROVISION", assignees: [mia], createdAt: at(4) },
  });
  await grantTask("prov3", {
    account: samGithub,
    task: { kind: "PROVISION", assignees: [mia, olive], createdAt: at(4) },
  });
  await grantTask("prov4", {
    entitlement: webinar,
    task: { kind: "PROVISION", assignees: [mia], createdAt: at(5), dueAt: at(9) },
  });
  await grantTask("prov5", {
    task: { kind: "PROVISION", assignees: [mia], createdAt: at(6), dueAt: at(8) },
  });

  // ── Requests Mia finished, or that left her hands ──
  await grantTask("approved", {
    task: {
      kind: "APPROVAL",
      assignees: [mia],
      state: "DONE",
      createdAt: at(1),
      completedAt: at(7),
    },
  });
  await grantTask("denied", {
    task: {
      kind: "APPROVAL",
      assignees: [mia],
      state: "DONE",
      outcome: "DENIED",
      outcomeNote: "Use the read-only role instead.",
      createdAt: at(1),
      completedAt: at(8),
    },
  });
  await grantTask("errored", {
    entitlement: helpdesk,
    task: {
      kind: "PROVISION",
      assignees: [mia],
      state: "ERRORED",
      outcomeNote: "The license pool is empty.",
      createdAt: at(2),
      completedAt: at(9),
    },
  });
  await grantTask("reassigned", {
    task: {
      kind: "PROVISION",
      assignees: [mia],
      createdAt: at(2),
      reassignments: [{ from: mia, to: olive, by: mia, reason: "On leave", at: at(10) }],
    },
  });

  // ── Not Mia's: someone else's, done by someone else, cancelled ──
  await grantTask("olivesOnly", {
    task: { kind: "PROVISION", assignees: [olive], createdAt: at(2, 12) },
  });
  await grantTask("doneByOlive", {
    task: {
      kind: "PROVISION",
      assignees: [mia, olive],
      state: "DONE",
      completedBy: olive,
      createdAt: at(2),
      completedAt: at(11),
    },
  });
  await grantTask("cancelled", {
    task: {
      kind: "APPROVAL",
      assignees: [mia],
      state: "CANCELLED",
      completedBy: sam,
      createdAt: at(2),
      completedAt: at(11),
    },
  });

  // ── Revocations ──
  const revokeTask = async (name: string, task: TaskInput) => {
    const account = await createAccount(p, github, { login: `rev-${name}` });
    const grant = await createGrant(p, account, repoWrite);
    const r = await createRequestWithTasks(p, {
      kind: "REVOKE",
      requester: rita,
      entitlement: repoWrite,
      grant,
      policy,
      reason: `Reason of ${name}`,
      createdAt: task.createdAt,
      tasks: [task],
    });
    n[name] = r.tasks[0]!.number;
    ids[name] = r.tasks[0]!.id;
    return r;
  };
  await revokeTask("deprovOpen", { kind: "DEPROVISION", assignees: [mia], createdAt: at(3) });
  await revokeTask("deprovDone", {
    kind: "DEPROVISION",
    assignees: [mia],
    state: "DONE",
    createdAt: at(3),
    completedAt: at(12),
  });
  await revokeTask("deprovAway", {
    kind: "DEPROVISION",
    assignees: [mia],
    createdAt: at(4),
    reassignments: [{ from: mia, to: olive, by: olive, reason: "I know this system", at: at(13) }],
  });
  // Reassigned away, then given back to Mia: it is hers again, not "completed".
  const back = await revokeTask("deprovBack", {
    kind: "DEPROVISION",
    assignees: [mia],
    createdAt: at(5),
    reassignments: [{ from: mia, to: olive, by: olive, reason: "Covering", at: at(6) }],
  });
  await p.taskAssignee.create({
    data: {
      taskId: back.tasks[0]!.id,
      userId: mia.id,
      organizationId: org.id,
      kind: "DEPROVISION",
      assignedAt: at(7),
    },
  });

  // ── Another organization: its own GitHub, and tasks of its own ──
  const globexGithub = await createApp(p, other, { name: "GitHub", owners: [outsider] });
  const globexWrite = await createEntitlement(p, globexGithub, {
    slug: "repo-write",
    displayName: "Repository write",
  });
  const globexPolicy = await createPolicy(p, other, { steps: [{ approverKind: "MANAGER" }] });
  await grantTask("globexApproval", {
    entitlement: globexWrite,
    requester: outsider,
    target: outsider,
    policy: globexPolicy,
    task: { kind: "APPROVAL", assignees: [outsider], createdAt: at(1) },
  });
  await grantTask("globexDone", {
    entitlement: globexWrite,
    requester: outsider,
    target: outsider,
    policy: globexPolicy,
    task: {
      kind: "PROVISION",
      assignees: [outsider],
      state: "DONE",
      createdAt: at(1),
      completedAt: at(20),
    },
  });
});

afterAll(async () => {
  await db?.close();
});

/** prov2 and prov3 share a creation time: the inbox orders them by id. */
const tiedProvisioning = () =>
  [
    [ids.prov2!, n.prov2!],
    [ids.prov3!, n.prov3!],
  ]
    .sort(([a], [b]) => ((a as string) < (b as string) ? -1 : 1))
    .map(([, number]) => number as number);

const numbersOf = (page: { items: Array<{ number: number }> }) => page.items.map((t) => t.number);

describe("tasks.inbox — awaiting tabs", () => {
  it("lists open approvals assigned to the viewer, oldest first", async () => {
    const page = await inbox(ids.mia!, { box: "requests", tab: "awaiting_approval" });
    expect(numbersOf(page)).toEqual([n.approvalOld, n.approvalNew]);
    expect(page.nextCursor).toBeNull();
  });

  it("lists open provisioning tasks oldest first, ties broken by id", async () => {
    const page = await inbox(ids.mia!, { box: "requests", tab: "awaiting_provisioning" });
    expect(numbersOf(page)).toEqual([n.prov1, ...tiedProvisioning(), n.prov4, n.prov5]);
  });

  it("sorts newest first, or by due date with undated tasks last", async () => {
    const input = { box: "requests", tab: "awaiting_provisioning" } as const;
    const oldest = numbersOf(await inbox(ids.mia!, input));
    expect(numbersOf(await inbox(ids.mia!, { ...input, sort: "newest" }))).toEqual(
      [...oldest].reverse(),
    );
    const due = numbersOf(await inbox(ids.mia!, { ...input, sort: "due" }));
    expect(due.slice(0, 2)).toEqual([n.prov5, n.prov4]);
    expect([...due].sort()).toEqual([...oldest].sort());
    const completed = { box: "requests", tab: "completed" } as const;
    expect(numbersOf(await inbox(ids.mia!, { ...completed, sort: "oldest" }))).toEqual(
      numbersOf(await inbox(ids.mia!, completed)).reverse(),
    );
  });

  it("excludes other people's tasks, finished tasks and tasks reassigned away", async () => {
    const all = [
      ...numbersOf(await inbox(ids.mia!, { box: "requests", tab: "awaiting_approval" })),
      ...numbersOf(await inbox(ids.mia!, { box: "requests", tab: "awaiting_provisioning" })),
    ];
    for (const name of [
      "olivesOnly",
      "doneByOlive",
      "cancelled",
      "approved",
      "denied",
      "errored",
      "reassigned",
    ]) {
      expect(all, name).not.toContain(n[name]);
    }
  });

  it("shows the row's app, entitlement, subject, requester and reason", async () => {
    const page = await inbox(ids.mia!, { box: "requests", tab: "awaiting_approval" });
    const [forTara, forSam] = page.items;
    expect(forTara).toMatchObject({
      kind: "APPROVAL",
      state: "OPEN",
      outcome: null,
      completedAt: null,
      app: { id: ids.github, name: "GitHub" },
      entitlement: { displayName: "Repository write", slug: "repo-write" },
      subject: { type: "person", displayName: "Tara Target" },
      requester: { displayName: "Hugo Hiring" },
      reason: "Reason of approvalOld",
      resolution: null,
    });
    expect(forTara!.createdAt).toEqual(at(1));
    expect(forSam).toMatchObject({
      app: { name: "Zoom" },
      subject: {
        type: "account",
        displayName: "Sam Subject",
        owner: { displayName: "Sam Subject" },
      },
      requester: { displayName: "Rita Requester" },
    });
  });

  it("lists open deprovisioning tasks, including one given back to the viewer", async () => {
    const page = await inbox(ids.mia!, { box: "revocations", tab: "awaiting_deprovisioning" });
    expect(numbersOf(page)).toEqual([n.deprovOpen, n.deprovBack]);
    expect(page.items[0]).toMatchObject({
      kind: "DEPROVISION",
      subject: { type: "account", login: "rev-deprovOpen", owner: null },
      requester: { displayName: "Rita Requester" },
    });
  });

  it("shows each co-assignee the shared task", async () => {
    const page = await inbox(ids.olive!, { box: "requests", tab: "awaiting_provisioning" });
    expect(numbersOf(page)).toEqual([n.reassigned, n.olivesOnly, n.prov3]);
  });
});

describe("tasks.inbox — completed tab", () => {
  it("lists what the viewer completed, errored or handed over, newest first", async () => {
    const page = await inbox(ids.mia!, { box: "requests", tab: "completed" });
    expect(numbersOf(page)).toEqual([n.reassigned, n.errored, n.denied, n.approved]);
  });

  it("says how each task ended for the viewer", async () => {
    const page = await inbox(ids.mia!, { box: "requests", tab: "completed" });
    const [reassigned, errored, denied, approved] = page.items;
    expect(reassigned!.resolution).toEqual({
      type: "reassigned",
      to: { id: ids.olive, displayName: "Olive Owner" },
      reason: "On leave",
      at: at(10),
    });
    expect(reassigned!.state).toBe("OPEN"); // still open, now Olive's
    expect(errored!.resolution).toEqual({
      type: "errored",
      reason: "The license pool is empty.",
      at: at(9),
    });
    expect(denied!.resolution).toEqual({
      type: "completed",
      outcome: "DENIED",
      note: "Use the read-only role instead.",
      at: at(8),
    });
    expect(approved!.resolution).toMatchObject({ type: "completed", outcome: "APPROVED" });
    expect(approved!.completedAt).toEqual(at(7));
  });

  it("keeps the boxes apart: revocations hold only deprovisioning tasks", async () => {
    const page = await inbox(ids.mia!, { box: "revocations", tab: "completed" });
    expect(numbersOf(page)).toEqual([n.deprovAway, n.deprovDone]);
    expect(page.items[0]!.resolution).toMatchObject({
      type: "reassigned",
      to: { displayName: "Olive Owner" },
      reason: "I know this system",
    });
    expect(page.items[1]!.resolution).toMatchObject({
      type: "completed",
      outcome: "DEPROVISIONED",
    });
  });

  it("never lists tasks completed by someone else or cancelled", async () => {
    const requests = numbersOf(await inbox(ids.mia!, { box: "requests", tab: "completed" }));
    expect(requests).not.toContain(n.doneByOlive);
    expect(requests).not.toContain(n.cancelled);
    const olive = numbersOf(await inbox(ids.olive!, { box: "requests", tab: "completed" }));
    expect(olive).toEqual([n.doneByOlive]);
  });
});

describe("tasks.inbox — organizations", () => {
  it("never shows another organization's tasks", async () => {
    const seen: string[] = [];
    for (const input of [
      { box: "requests", tab: "awaiting_approval" },
      { box: "requests", tab: "awaiting_provisioning" },
      { box: "requests", tab: "completed" },
      { box: "revocations", tab: "awaiting_deprovisioning" },
      { box: "revocations", tab: "completed" },
    ] as const) {
      seen.push(...(await inbox(ids.mia!, input)).items.map((t) => t.id));
    }
    expect(seen).toHaveLength(15);
    expect(seen).not.toContain(ids.globexApproval);
    expect(seen).not.toContain(ids.globexDone);
  });

  it("shows the other organization's people only their own tasks", async () => {
    const awaiting = await inbox(ids.outsider!, { box: "requests", tab: "awaiting_approval" });
    expect(awaiting.items.map((t) => t.id)).toEqual([ids.globexApproval]);
    const completed = await inbox(ids.outsider!, { box: "requests", tab: "completed" });
    expect(completed.items.map((t) => t.id)).toEqual([ids.globexDone]);
  });
});

describe("tasks.inbox — search", () => {
  it.each([
    ["the task number", () => String(n.prov4), () => [n.prov4]],
    ["the task number with #", () => `#${n.prov4}`, () => [n.prov4]],
    ["the app name, any case", () => "ZOOM", () => [n.prov4]],
    ["the entitlement name", () => "help desk", () => [n.prov2]],
    ["the account login", () => "svc-okta", () => [n.prov2]],
    ["the target person", () => "tara", () => [n.prov1, n.prov4, n.prov5]],
    ["the account owner or account name", () => "subject", tiedProvisioning],
  ])("matches %s", async (_label, term, expected) => {
    const page = await inbox(ids.mia!, {
      box: "requests",
      tab: "awaiting_provisioning",
      search: term(),
    });
    expect(numbersOf(page)).toEqual(expected());
  });

  it("matches the requester", async () => {
    const page = await inbox(ids.mia!, {
      box: "requests",
      tab: "awaiting_approval",
      search: "  rita ",
    });
    expect(numbersOf(page)).toEqual([n.approvalNew]);
  });

  it("searches the completed tab too", async () => {
    const page = await inbox(ids.mia!, { box: "requests", tab: "completed", search: "okta" });
    expect(numbersOf(page)).toEqual([n.errored]);
  });

  it("treats wildcards as plain text", async () => {
    for (const search of ["%", "_", "\\"]) {
      const page = await inbox(ids.mia!, { box: "requests", tab: "awaiting_provisioning", search });
      expect(page.items, search).toEqual([]);
    }
  });

  it("finds only the viewer's organization's tasks", async () => {
    const page = await inbox(ids.outsider!, {
      box: "requests",
      tab: "awaiting_approval",
      search: "repository",
    });
    expect(page.items.map((t) => t.id)).toEqual([ids.globexApproval]);
  });
});

describe("tasks.inbox — keyset pages", () => {
  it.each([
    ["awaiting provisioning", { box: "requests", tab: "awaiting_provisioning" }, 2, 3],
    ["completed requests", { box: "requests", tab: "completed" }, 1, 4],
    ["completed revocations", { box: "revocations", tab: "completed" }, 1, 2],
    ["a search", { box: "requests", tab: "awaiting_provisioning", search: "tara" }, 2, 2],
    ["newest first", { box: "requests", tab: "awaiting_provisioning", sort: "newest" }, 2, 3],
    ["by due date", { box: "requests", tab: "awaiting_provisioning", sort: "due" }, 2, 3],
    ["completed, oldest first", { box: "requests", tab: "completed", sort: "oldest" }, 1, 4],
  ] as const)(
    "%s: every task exactly once, in order",
    async (_label, input, limit, expectedPages) => {
      const full = numbersOf(await inbox(ids.mia!, input));
      const paged = await allPages(ids.mia!, { ...input, limit });
      expect(paged.numbers).toEqual(full);
      expect(new Set(paged.numbers).size).toBe(full.length);
      expect(paged.pages).toBe(expectedPages);
    },
  );

  it("refuses a tampered cursor with BAD_REQUEST", async () => {
    const caller = await callerFor(ids.mia!);
    const forged = Buffer.from(JSON.stringify(["yesterday", "x"])).toString("base64url");
    for (const cursor of ["garbage", forged]) {
      await expect(
        caller.tasks.inbox({ box: "requests", tab: "completed", cursor }),
      ).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: "This page link is no longer valid. Go back to the first page.",
      });
    }
  });
});

describe("tasks.inbox — validation and access", () => {
  it.each([
    ["revocations", "awaiting_approval"],
    ["revocations", "awaiting_provisioning"],
    ["requests", "awaiting_deprovisioning"],
    ["requests", "inbox"],
  ])("refuses the %s box with the %s tab", async (box, tab) => {
    const caller = await callerFor(ids.mia!);
    const error = await caller.tasks
      .inbox({ box, tab } as unknown as InboxInput)
      .then(() => null)
      .catch(
        (e: unknown) =>
          e as { code: string; cause: { issues: Array<{ path: string[]; message: string }> } },
      );
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect(error!.cause.issues[0]).toMatchObject({ path: ["tab"] });
    expect(error!.cause.issues[0]!.message).toMatch(/inbox has the tabs/);
  });

  it("refuses an unknown box and an out-of-range limit", async () => {
    const caller = await callerFor(ids.mia!);
    await expect(
      caller.tasks.inbox({ box: "grants", tab: "completed" } as unknown as InboxInput),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      caller.tasks.inbox({ box: "requests", tab: "completed", limit: 500 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses signed-out callers", async () => {
    const caller = await callerFor(null);
    await expect(
      caller.tasks.inbox({ box: "requests", tab: "awaiting_approval" }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
