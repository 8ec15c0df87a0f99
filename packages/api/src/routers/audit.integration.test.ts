import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@lantern/db";
import {
  createAccount,
  createApp,
  createEntitlement,
  createEvents,
  createGrant,
  createOrganization,
  createPolicy,
  createUser,
  type EventInput,
} from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import type { TListAuditInput } from "../schemas/audit.ts";
import { callerFor as callerForUser } from "../testing.ts";

// The audit log (issue 6) through the API: filters one by one and together, keyset pages
// across equal timestamps, organization scoping, target names, refusals and bad dates.

let db: Database;
const callerFor = (userId: string) => callerForUser(db.prisma, userId);
const ids = {} as Record<
  | "org"
  | "other"
  | "admin"
  | "member"
  | "otherAdmin"
  | "app"
  | "otherApp"
  | "account"
  | "entitlement"
  | "policy"
  | "task"
  | "request"
  | "grant",
  string
>;
let taskNumber = 0;

const at = (iso: string) => new Date(iso);
/** Eight events at the same instant, for paging ties. */
const TIED = "2026-11-20T12:00:00.000Z";

type Filters = NonNullable<Partial<TListAuditInput["filters"]>>;

async function list(filters: Filters = {}, userId = ids.admin) {
  const caller = await callerFor(userId);
  const rows = [];
  let cursor: string | undefined;
  do {
    const page = await caller.audit.list({ filters, cursor, limit: 3 });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  const org = await createOrganization(p, { name: "Acme", slug: "acme-audit" });
  const other = await createOrganization(p, { name: "Globex", slug: "globex-audit" });
  ids.org = org.id;
  ids.other = other.id;
  const admin = await createUser(p, org, {
    givenName: "Ada",
    familyName: "Admin",
    email: "ada@acme.test",
    role: "SUPER_ADMIN",
  });
  const member = await createUser(p, org, { givenName: "Max", familyName: "Member" });
  const otherAdmin = await createUser(p, other, { role: "SUPER_ADMIN" });
  Object.assign(ids, { admin: admin.id, member: member.id, otherAdmin: otherAdmin.id });
  const policy = await createPolicy(p, org, { name: "Standard" });
  const app = await createApp(p, org, {
    name: "GitHub",
    owners: [admin],
    provisioners: [admin],
    defaultRequestPolicyId: policy.id,
  });
  const otherApp = await createApp(p, other, { name: "Globex CRM" });
  const entitlement = await createEntitlement(p, app, { slug: "admin", displayName: "Org admin" });
  const account = await createAccount(p, app, { externalId: "1", login: "ada-gh" });
  Object.assign(ids, {
    policy: policy.id,
    app: app.id,
    otherApp: otherApp.id,
    entitlement: entitlement.id,
    account: account.id,
  });
  const created = await (
    await callerFor(member.id)
  ).requests.create({ entitlementId: entitlement.id, reason: "Reviews" });
  ids.task = (
    await p.task.findFirstOrThrow({
      where: { number: created.task!.number, organizationId: org.id },
    })
  ).id;
  taskNumber = created.task!.number;
  ids.request = created.requestId;
  ids.grant = (await createGrant(p, account, entitlement)).id;
  // The request wrote its own events today; the events below are all in November 2026.

  const mine = (e: Omit<EventInput, "organization">): EventInput => ({ organization: org, ...e });
  await createEvents(p, [
    mine({
      actor: admin,
      action: "app.updated",
      targetType: "App",
      targetId: app.id,
      at: at("2026-11-01T09:00:00Z"),
      before: { name: "Github" },
      after: { name: "GitHub" },
    }),
    mine({
      actor: admin,
      action: "policy.created",
      targetType: "Policy",
      targetId: policy.id,
      at: at("2026-11-02T23:59:59.999Z"),
    }),
    mine({
      actor: member,
      action: "task.created",
      targetType: "Task",
      targetId: ids.task,
      task: { id: ids.task },
      at: at("2026-11-03T00:00:00Z"),
      reason: "Reviews",
    }),
    mine({
      actor: admin,
      action: "task.provisioned",
      targetType: "Task",
      targetId: ids.task,
      task: { id: ids.task },
      at: at("2026-11-04T10:00:00Z"),
    }),
    mine({
      actor: null,
      action: "account.owner_set",
      targetType: "Account",
      targetId: account.id,
      at: at("2026-11-05T10:00:00Z"),
    }),
    mine({
      actor: admin,
      action: "entitlement.updated",
      targetType: "Entitlement",
      targetId: entitlement.id,
      at: at("2026-11-06T10:00:00Z"),
    }),
    mine({
      actor: admin,
      action: "user.role_changed",
      targetType: "User",
      targetId: member.id,
      at: at("2026-11-07T10:00:00Z"),
    }),
    mine({
      actor: admin,
      action: "organization.updated",
      targetType: "Organization",
      targetId: org.id,
      at: at("2026-11-08T10:00:00Z"),
    }),
    mine({
      actor: admin,
      action: "request.approved",
      targetType: "Request",
      targetId: ids.request,
      at: at("2026-11-11T10:00:00Z"),
    }),
    mine({
      actor: admin,
      action: "grant.granted",
      targetType: "Grant",
      targetId: ids.grant,
      at: at("2026-11-12T10:00:00Z"),
    }),
    // Not resolvable: another organization's app, and a target that is not a row id.
    mine({
      actor: admin,
      action: "app.updated",
      targetType: "App",
      targetId: otherApp.id,
      at: at("2026-11-09T10:00:00Z"),
    }),
    mine({
      actor: null,
      action: "directory.sync_completed",
      targetType: "Directory",
      targetId: "okta",
      at: at("2026-11-10T10:00:00Z"),
    }),
    ...Array.from({ length: 8 }, (_, i) =>
      mine({
        actor: i % 2 ? admin : member,
        action: "grant.revoked",
        targetType: "Grant",
        targetId: `tied-${i}`,
        at: at(TIED),
      }),
    ),
  ]);
  await createEvents(p, [
    {
      organization: other,
      actor: otherAdmin,
      action: "secret.action",
      targetType: "App",
      targetId: otherApp.id,
      at: at("2026-11-05T10:00:00Z"),
    },
  ]);
});

afterAll(async () => {
  await db?.close();
});

describe("audit.list", () => {
  it("lists every event of the organization, newest first, across pages with equal timestamps", async () => {
    const all = await db.prisma.event.findMany({
      where: { organizationId: ids.org },
      orderBy: [{ at: "desc" }, { id: "desc" }],
    });
    const rows = await list();
    expect(rows.map((r) => r.id)).toEqual(all.map((e) => e.id));
    expect(new Set(rows.map((r) => r.id)).size).toBe(all.length);
    expect(all.length).toBeGreaterThan(20);
    expect(rows.some((r) => r.action === "secret.action")).toBe(false);
    // The tie of eight at one instant spans three pages of three.
    const tied = rows.filter((r) => r.at.toISOString() === TIED).map((r) => r.id);
    expect(tied).toEqual([...tied].sort().reverse());
    expect(tied).toHaveLength(8);
  });

  it("names each target and links it, with the actor or the system", async () => {
    const rows = await list({ to: "2026-11-12" });
    const byAction = (action: string, targetId?: string) =>
      rows.find((r) => r.action === action && (!targetId || r.targetId === targetId))!;
    expect(byAction("app.updated", ids.app)).toMatchObject({
      actor: { id: ids.admin, displayName: "Ada Admin", email: "ada@acme.test" },
      target: { label: "GitHub", href: `/apps/${ids.app}` },
      before: { name: "Github" },
      after: { name: "GitHub" },
    });
    expect(byAction("policy.created")).toMatchObject({
      target: { label: "Standard", href: `/policies/${byAction("policy.created").targetId}` },
    });
    expect(byAction("task.created")).toMatchObject({
      target: { label: `Task #${taskNumber}`, href: `/tasks/${taskNumber}` },
      task: { number: taskNumber },
      reason: "Reviews",
    });
    expect(byAction("account.owner_set")).toMatchObject({
      actor: null,
      target: { label: "ada-gh", href: `/apps/${ids.app}/accounts/${ids.account}` },
    });
    expect(byAction("entitlement.updated").target).toEqual({
      label: "Org admin",
      href: `/apps/${ids.app}/entitlements/${ids.entitlement}`,
    });
    expect(byAction("user.role_changed").target).toEqual({
      label: "Max Member",
      href: `/users/${byAction("user.role_changed").targetId}`,
    });
    expect(byAction("organization.updated").target).toEqual({ label: "Acme", href: "/settings" });
    expect(byAction("request.approved").target).toEqual({
      label: "Request for Org admin",
      href: `/tasks/${taskNumber}`,
    });
    expect(byAction("grant.granted").target).toEqual({
      label: "Org admin for ada-gh",
      href: `/apps/${ids.app}/accounts/${ids.account}`,
    });
    expect(byAction("app.updated", ids.otherApp).target).toBeNull();
    expect(byAction("directory.sync_completed").target).toBeNull();
  });

  it.each([
    ["actor", () => ({ actorId: ids.member }), 5],
    ["target type", () => ({ targetType: "Task" }), 2],
    ["target id", () => ({ targetId: ids.task }), 2],
    ["exact action", () => ({ action: "app.updated" }), 2],
    ["action family", () => ({ action: "task." }), 2],
    ["action that is only a prefix", () => ({ action: "task" }), 0],
    ["family whose text holds LIKE wildcards, taken literally", () => ({ action: "%." }), 0],
    ["family with an underscore, taken literally", () => ({ action: "t_sk." }), 0],
    ["from, inclusive", () => ({ from: "2026-11-10" }), 11],
    ["to, inclusive of the whole day", () => ({ to: "2026-11-02" }), 2],
    ["one day", () => ({ from: "2026-11-03", to: "2026-11-03" }), 1],
    ["nothing but the month", () => ({ from: "", action: "" }), 20],
  ] as const)("filters by %s", async (_label, filters, count) => {
    // November 2026 only: the request made in beforeAll wrote events of its own today.
    const rows = await list({ to: "2026-11-30", ...(filters() as Filters) });
    expect(rows).toHaveLength(count);
    const f = filters() as Filters;
    for (const row of rows) {
      if (f.actorId) expect(row.actor?.id).toBe(f.actorId);
      if (f.targetType) expect(row.targetType).toBe(f.targetType);
      if (f.action === "task.") expect(row.action).toMatch(/^task\./);
    }
  });

  it("combines filters", async () => {
    const rows = await list({
      actorId: ids.admin,
      targetType: "Task",
      action: "task.",
      from: "2026-11-01",
      to: "2026-11-30",
    });
    expect(rows.map((r) => r.action)).toEqual(["task.provisioned"]);
    expect(await list({ actorId: ids.admin, action: "grant.revoked" })).toHaveLength(4);
    expect(await list({ actorId: ids.member, targetType: "Grant", to: "2026-11-20" })).toHaveLength(
      4,
    );
  });

  it.each([
    [{ from: "2026-11-31" }, "Enter the from date as YYYY-MM-DD."],
    [{ to: "03/12/2026" }, "Enter the to date as YYYY-MM-DD."],
    [{ from: "2026-11-05", to: "2026-11-04" }, "The from date must be on or before the to date."],
    [{ actorId: "ada" }, "That is not a valid person id."],
  ])("refuses bad filters %j", async (filters, message) => {
    const error = await refusal((await callerFor(ids.admin)).audit.list({ filters }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain(message);
  });

  it("refuses a tampered cursor and a limit above 100", async () => {
    const caller = await callerFor(ids.admin);
    expect((await refusal(caller.audit.list({ cursor: "nonsense" }))).code).toBe("BAD_REQUEST");
    expect((await refusal(caller.audit.list({ limit: 101 }))).code).toBe("BAD_REQUEST");
  });

  it("is for super admins, and each sees their own organization's events", async () => {
    const error = await refusal((await callerFor(ids.member)).audit.list({}));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toBe("Only super admins and auditors can read the audit log.");
    const theirs = await list({}, ids.otherAdmin);
    expect(theirs.map((r) => r.action)).toEqual(["secret.action"]);
    // Their own app is named for them.
    expect(theirs[0]!.target?.label).toBe("Globex CRM");
    expect(await list({ targetId: ids.otherApp }, ids.admin)).toHaveLength(1);
  });
});

describe("audit.actions", () => {
  it("lists the organization's distinct actions A→Z", async () => {
    const actions = await (await callerFor(ids.admin)).audit.actions();
    expect(actions).toEqual([...new Set(actions)].sort());
    expect(actions).toEqual(
      expect.arrayContaining([
        "account.owner_set",
        "app.updated",
        "directory.sync_completed",
        "entitlement.updated",
        "grant.revoked",
        "organization.updated",
        "policy.created",
        "task.created",
        "task.provisioned",
        "user.role_changed",
      ]),
    );
    expect(actions).not.toContain("secret.action");
    expect(await (await callerFor(ids.otherAdmin)).audit.actions()).toEqual(["secret.action"]);
    expect((await refusal((await callerFor(ids.member)).audit.actions())).code).toBe("FORBIDDEN");
  });
});
