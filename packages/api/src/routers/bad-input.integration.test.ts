import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@lantern/db";
import {
  createAccount,
  createApp,
  createEntitlement,
  createGrant,
  createOrganization,
  createPolicy,
  createRequestWithTasks,
  createUser,
} from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import { encodeCursor, INVALID_CURSOR_MESSAGE } from "@lantern/domain";
import { createContext } from "../context.ts";
import { appRouter } from "../root.ts";
import { callerFor as callerForUser, freshSession } from "../testing.ts";

// Issue 13, item 1: ordinary bad text and tampered cursors answered 500. Each example of the
// issue (and the same for every text input it names) must be a BAD_REQUEST whose message names
// the field and the reason, and must change nothing.

let db: Database;
const ids = {} as Record<
  | "admin"
  | "member"
  | "app"
  | "account"
  | "entitlement"
  | "grant"
  | "policy"
  | "task"
  | "request"
  | "memberRequest",
  string
>;

const callerFor = (userId: string) => callerForUser(db.prisma, userId);
type Caller = Awaited<ReturnType<typeof callerFor>>;

const NUL = "\u0000";
const LONE_SURROGATE = "\ud800";
const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64url");
/** The tampered cursor: the base64url of ["a","b"]. */
const PAIR_AB = b64('["a","b"]');
const NUL_KEY = () => encodeCursor({ key: `a${NUL}`, id: ids.grant });

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  const org = await createOrganization(p, { name: "Acme", slug: "acme" });
  const admin = await createUser(p, org, {
    givenName: "Ada",
    familyName: "Admin",
    role: "SUPER_ADMIN",
  });
  const member = await createUser(p, org, { givenName: "Max", familyName: "Member" });
  const app = await createApp(p, org, { name: "GitHub", owners: [admin] });
  const account = await createAccount(p, app, {
    externalId: "max",
    login: "max",
    ownerId: member.id,
    matchedOwnerId: member.id,
  });
  const entitlement = await createEntitlement(p, app, {
    slug: "repo-read",
    displayName: "Repository read",
  });
  const grant = await createGrant(p, account, entitlement);
  const policy = await createPolicy(p, org, {
    name: "Admin approval",
    steps: [{ approverKind: "USERS", approverUserIds: [admin.id] }],
  });
  const { request, tasks } = await createRequestWithTasks(p, {
    requester: member,
    entitlement,
    targetUser: member,
    policy,
    tasks: [{ kind: "APPROVAL", stepIndex: 0, assignees: [admin] }],
  });
  Object.assign(ids, {
    admin: admin.id,
    member: member.id,
    app: app.id,
    account: account.id,
    entitlement: entitlement.id,
    grant: grant.id,
    policy: policy.id,
    task: tasks[0]!.id,
    request: request.id,
  });
});

afterAll(async () => {
  await db?.close();
});

/** Every row that a change would write, counted. */
async function footprint() {
  const p = db.prisma;
  return Promise.all([
    p.event.count(),
    p.app.count(),
    p.entitlement.count(),
    p.policy.count(),
    p.request.count(),
    p.comment.count(),
    p.user.count(),
    p.organization.findMany({ select: { name: true } }),
  ]);
}

const policyDefinition = (name: string, description = "") => ({
  name,
  description,
  steps: [{ approver: "MANAGER" as const }],
  allowReassignment: true,
  restrictReassignees: false,
  allowSelfApproval: false,
  requireDistinctApprovers: false,
});

type Case = [string, (c: Caller) => Promise<unknown>, string];

const TEXT_CASES: Case[] = [
  // accounts
  [
    "accounts.list search",
    (c) => c.accounts.list({ appId: ids.app, search: NUL }),
    "The search text contains a NUL character, which text cannot hold.",
  ],
  [
    "accounts.ownerCandidates search",
    (c) => c.accounts.ownerCandidates({ appId: ids.app, search: `ada${NUL}` }),
    "The search text contains a NUL character",
  ],
  // apps (the example: GET /api/trpc/apps.list?input={"json":{"search":"\u0000"}})
  [
    "apps.list search",
    (c) => c.apps.list({ search: NUL }),
    "The search text contains a NUL character",
  ],
  [
    "apps.create name",
    (c) => c.apps.create({ name: `Git${NUL}Hub` }),
    "The app name contains a NUL",
  ],
  [
    "apps.create description",
    (c) => c.apps.create({ name: "Zoom", description: NUL }),
    "The description contains a NUL",
  ],
  [
    "apps.update name",
    (c) => c.apps.update({ appId: ids.app, name: `Git${NUL}Hub` }),
    "The app name contains a NUL",
  ],
  [
    "apps.update icon URL",
    (c) => c.apps.update({ appId: ids.app, iconUrl: `https://x.example/${NUL}.png` }),
    "The icon URL contains a NUL",
  ],
  [
    "apps.update instructions",
    (c) => c.apps.update({ appId: ids.app, provisioningInstructions: `Step 1${NUL}` }),
    "The instruction text contains a NUL",
  ],
  // audit
  [
    "audit.list action",
    (c) => c.audit.list({ filters: { action: NUL } }),
    "The action contains a NUL",
  ],
  [
    "audit.list targetType",
    (c) => c.audit.list({ filters: { targetType: NUL } }),
    "The target type contains a NUL",
  ],
  [
    "audit.list targetId",
    (c) => c.audit.list({ filters: { targetId: NUL } }),
    "The target id contains a NUL",
  ],
  [
    "audit.list to, 6 code points but 11 UTF-16 units",
    (c) => c.audit.list({ filters: { to: "!𐀀𐀀𐀀𐀀𐀀" } }),
    "Enter the to date as YYYY-MM-DD.",
  ],
  [
    "audit.list to=0000-01-01",
    (c) => c.audit.list({ filters: { to: "0000-01-01" } }),
    "Enter a to date from 1900-01-01 to 9999-12-31.",
  ],
  // entitlements
  [
    "entitlements.grants search",
    (c) => c.entitlements.grants({ entitlementId: ids.entitlement, search: NUL }),
    "The search text contains a NUL",
  ],
  [
    "entitlements.create name",
    (c) => c.entitlements.create({ appId: ids.app, displayName: NUL }),
    "The entitlement name contains a NUL",
  ],
  [
    "entitlements.create slug",
    (c) => c.entitlements.create({ appId: ids.app, displayName: "Admin", slug: `a${NUL}` }),
    "The slug contains a NUL",
  ],
  [
    "entitlements.update description",
    (c) => c.entitlements.update({ id: ids.entitlement, description: NUL }),
    "The description contains a NUL",
  ],
  // organization (the lone surrogate)
  [
    "organization.update name, a lone surrogate",
    (c) => c.organization.update({ name: LONE_SURROGATE }),
    "The organization's name is not valid Unicode text (it holds half of a surrogate pair).",
  ],
  [
    "organization.update name, a NUL",
    (c) => c.organization.update({ name: `Acme${NUL}` }),
    "The organization's name contains a NUL",
  ],
  [
    "organization.update public URL",
    (c) => c.organization.update({ publicUrl: `https://acme.example/${NUL}` }),
    "The public URL contains a NUL",
  ],
  // policies
  [
    "policies.create name",
    (c) => c.policies.create(policyDefinition(NUL)),
    "The policy name contains a NUL",
  ],
  [
    "policies.update description",
    (c) => c.policies.update({ id: ids.policy, ...policyDefinition("Standard", NUL) }),
    "The policy description contains a NUL",
  ],
  // requests
  [
    "requests.create reason",
    (c) => c.requests.create({ entitlementId: ids.entitlement, reason: `audit${NUL}` }),
    "The reason contains a NUL",
  ],
  [
    "requests.requestable search",
    (c) => c.requests.requestable({ search: NUL }),
    "The search text contains a NUL",
  ],
  [
    "requests.cancel reason",
    (c) => c.requests.cancel({ requestId: ids.request, reason: NUL }),
    "The reason contains a NUL",
  ],
  // tasks: comments, inbox search
  [
    "tasks.comment body",
    (c) => c.tasks.comment({ taskId: ids.task, body: `looks good${NUL}` }),
    "The comment contains a NUL",
  ],
  [
    "tasks.inbox search",
    (c) => c.tasks.inbox({ box: "requests", tab: "awaiting_approval", search: NUL }),
    "The search text contains a NUL",
  ],
  [
    "tasks.close reason (deny)",
    (c) => c.tasks.close({ action: "deny", taskId: ids.task, text: NUL }),
    "The note or reason contains a NUL",
  ],
  [
    "tasks.close note (approve)",
    (c) => c.tasks.close({ action: "approve", taskId: ids.task, text: `ok${NUL}` }),
    "The note or reason contains a NUL",
  ],
  [
    "tasks.reassignees search",
    (c) => c.tasks.reassignees({ taskId: ids.task, search: NUL }),
    "The search text contains a NUL",
  ],
  [
    "tasks.bulk comment",
    (c) => c.tasks.bulk({ action: "approve", taskIds: [ids.task], comment: NUL }),
    "The comment contains a NUL",
  ],
  // grants
  [
    "grants.revoke reason",
    (c) => c.grants.revoke({ grantId: ids.grant, reason: NUL }),
    "The reason contains a NUL",
  ],
  // users
  ["users.list search", (c) => c.users.list({ search: NUL }), "The search text contains a NUL"],
  ["users.search search", (c) => c.users.search({ search: NUL }), "The search text contains a NUL"],
  [
    "users.create given name",
    (c) => c.users.create({ email: "nul@acme.test", givenName: `Nu${NUL}l`, familyName: "Person" }),
    "The given name contains a NUL",
  ],
  [
    "users.create email",
    (c) => c.users.create({ email: `nul${NUL}@acme.test`, givenName: "Nul", familyName: "P" }),
    "The email address contains a NUL",
  ],
  [
    "users.setStatus reason",
    (c) => c.users.setStatus({ userId: ids.member, status: "SUSPENDED", reason: NUL }),
    "The reason contains a NUL",
  ],
];

const CURSOR_CASES: Case[] = [
  [
    'apps.list, the cursor ["a","b"]',
    (c) => c.apps.list({ cursor: PAIR_AB }),
    INVALID_CURSOR_MESSAGE,
  ],
  [
    'users.list, the cursor ["a","b"]',
    (c) => c.users.list({ cursor: PAIR_AB }),
    INVALID_CURSOR_MESSAGE,
  ],
  [
    "accounts.list, a cursor whose key holds a NUL",
    (c) => c.accounts.list({ appId: ids.app, cursor: NUL_KEY() }),
    INVALID_CURSOR_MESSAGE,
  ],
  [
    "accounts.grants, a cursor whose key holds a NUL",
    (c) => c.accounts.grants({ accountId: ids.account, cursor: NUL_KEY() }),
    INVALID_CURSOR_MESSAGE,
  ],
  [
    "accounts.list by last login, a name cursor",
    (c) => c.accounts.list({ appId: ids.app, sort: "last_login_newest", cursor: NUL_KEY() }),
    INVALID_CURSOR_MESSAGE,
  ],
  [
    "policies.list, a cursor whose key is half a surrogate pair",
    (c) => c.policies.list({ cursor: encodeCursor({ key: LONE_SURROGATE, id: ids.policy }) }),
    INVALID_CURSOR_MESSAGE,
  ],
  [
    "audit.list, a cursor in the year 0",
    (c) =>
      c.audit.list({ cursor: encodeCursor({ key: "0000-01-01T00:00:00.000Z", id: ids.policy }) }),
    INVALID_CURSOR_MESSAGE,
  ],
  [
    "entitlements.grants, a cursor whose key is not its id",
    (c) =>
      c.entitlements.grants({
        entitlementId: ids.entitlement,
        cursor: encodeCursor({ key: "x", id: ids.grant }),
      }),
    INVALID_CURSOR_MESSAGE,
  ],
];

async function refusal(call: Promise<unknown>): Promise<TRPCError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe("bad text: BAD_REQUEST naming the field and the reason, nothing changed", () => {
  it.each(TEXT_CASES)("%s", async (_label, call, message) => {
    const before = await footprint();
    const error = await refusal(call(await callerFor(ids.admin)));
    expect({ code: error.code, message: error.message }).toEqual({
      code: "BAD_REQUEST",
      message: expect.stringContaining(message),
    });
    expect(await footprint()).toEqual(before);
  });
});

describe("over HTTP, as the issue sent it", () => {
  it('GET /api/trpc/apps.list?input={"json":{"search":"\\u0000"}} answers 400 in words', async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { search: NUL } }));
    const res = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request(`http://localhost/api/trpc/apps.list?input=${input}`),
      router: appRouter,
      createContext: async () =>
        createContext({
          db: db.prisma,
          session: await freshSession(db.prisma, ids.admin!),
          production: true,
        }),
    });
    const body = (await res.json()) as {
      error: { json: { message: string; data: { code: string; fieldErrors: unknown } } };
    };
    expect(res.status).toBe(400);
    expect(body.error.json).toMatchObject({
      message: "The search text contains a NUL character, which text cannot hold.",
      data: {
        code: "BAD_REQUEST",
        fieldErrors: {
          search: ["The search text contains a NUL character, which text cannot hold."],
        },
      },
    });
  });
});

describe("tampered cursors: the one BAD_REQUEST", () => {
  it.each(CURSOR_CASES)("%s", async (_label, call, message) => {
    const error = await refusal(call(await callerFor(ids.admin)));
    expect({ code: error.code, message: error.message }).toEqual({
      code: "BAD_REQUEST",
      message,
    });
  });
});

describe("multi-line text keeps its lines and tabs", () => {
  it("an app's description and instructions, a comment", async () => {
    const admin = await callerFor(ids.admin);
    await admin.apps.update({
      appId: ids.app,
      description: "Source code.\nAsk #eng for help.",
      provisioningInstructions: "1. Invite\n\t- as member",
    });
    const settings = await admin.apps.settings({ appId: ids.app });
    expect(settings).toMatchObject({
      description: "Source code.\nAsk #eng for help.",
      provisioningInstructions: "1. Invite\n\t- as member",
    });
    await expect(
      admin.tasks.comment({ taskId: ids.task, body: "Line one\r\nLine two" }),
    ).resolves.toBeDefined();
  });
});
