import type { PrismaClient, RequestState } from "@lantern/db";
import {
  policyInclude,
  createAccounts,
  createApp,
  createEntitlement,
  createGrant,
  createOrganization,
  createPolicy,
  createRequestWithTasks,
  createUser,
  seedDemoOrganization,
} from "@lantern/seed";
import type { FuzzPools, Pool, RowKind } from "./arbitraries.ts";

// The world the fuzz test calls into, seeded once per file: the demo organization (about 150
// people, 15 apps, over 900 accounts, requests and tasks in every state) as the actors' own, and a
// small second organization whose ids the generators slip into inputs.

export interface FuzzWorld {
  organizationId: string;
  otherOrganizationId: string;
  /** The actors: a super admin, the auditor and a plain member of the demo organization. */
  actors: { superAdmin: string; auditor: string; member: string };
  pools: Omit<FuzzPools, "cursors">;
}

export async function seedFuzzWorld(db: PrismaClient): Promise<FuzzWorld> {
  const demo = await seedDemoOrganization(db);
  const other = await seedOtherOrganization(db);
  const orgId = demo.organization.id;

  // Deliveries and dev emails (the demo has none): retry, list and read need real rows.
  for (const [organizationId, recipientId] of [
    [orgId, demo.people.employee.id],
    [other.organizationId, other.memberId],
  ] as const) {
    await db.notification.createMany({
      data: (["FAILED", "SENT", "PENDING", "SKIPPED"] as const).map((state, n) => ({
        organizationId,
        recipientId,
        channel: "EMAIL" as const,
        template: "task.assigned",
        payload: {},
        idempotencyKey: `fuzz:${organizationId}:${n}`,
        state,
        lastError: state === "FAILED" ? "Mailbox unavailable" : null,
      })),
    });
  }
  await db.devEmail.createMany({
    data: [demo.people.employee.email, "someone@elsewhere.example"].map((to) => ({
      to,
      subject: "Your sign-in link",
      html: "<p>Sign in</p>",
      text: "Sign in",
    })),
  });

  const pools = await loadPools(db, orgId, other.organizationId);
  return {
    organizationId: orgId,
    otherOrganizationId: other.organizationId,
    actors: {
      superAdmin: demo.people.superAdmin.id,
      auditor: demo.people.auditor.id,
      member: demo.people.employee.id,
    },
    pools,
  };
}

async function seedOtherOrganization(db: PrismaClient) {
  const org = await createOrganization(db, { name: "Globex", slug: "globex" });
  const admin = await createUser(db, org, {
    givenName: "Otto",
    familyName: "Outsider",
    role: "SUPER_ADMIN",
  });
  const member = await createUser(db, org, { givenName: "Olga", familyName: "Other" });
  const app = await createApp(db, org, { name: "Globex Secret", owners: [admin] });
  const accounts = await createAccounts(db, app, [
    { externalId: "o1", login: "olga", ownerId: member.id, matchedOwnerId: member.id },
    { externalId: "o2", login: "svc-backup", type: "SERVICE" },
  ]);
  const entitlement = await createEntitlement(db, app, { slug: "vault", displayName: "Vault" });
  const grant = await createGrant(db, accounts[0]!, entitlement);
  const policy = await createPolicy(db, org, {
    name: "Globex approval",
    steps: [{ approverKind: "USERS", approverUserIds: [admin.id] }],
  });
  await createRequestWithTasks(db, {
    requester: member,
    entitlement,
    targetUser: member,
    policy,
    tasks: [{ kind: "APPROVAL", stepIndex: 0, assignees: [admin] }],
  });
  await createRequestWithTasks(db, {
    kind: "REVOKE",
    requester: admin,
    entitlement,
    grant,
    policy,
    tasks: [{ kind: "DEPROVISION", stepIndex: 1, assignees: [admin] }],
  });
  return { organizationId: org.id, memberId: member.id };
}

/** Ids, task numbers, words and sort keys of both organizations. */
async function loadPools(
  db: PrismaClient,
  own: string,
  other: string,
): Promise<Omit<FuzzPools, "cursors">> {
  const split = async <T>(load: (organizationId: string) => Promise<T[]>): Promise<Pool<T>> => ({
    own: await load(own),
    other: await load(other),
  });
  const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);
  const sample = 60;
  const openFirst = { orderBy: [{ state: "asc" as const }, { id: "asc" as const }], take: sample };
  const pool: Record<RowKind, Pool<string>> = {
    app: await split(async (organizationId) =>
      ids(await db.app.findMany({ where: { organizationId }, select: { id: true } })),
    ),
    account: await split(async (organizationId) =>
      ids(
        await db.account.findMany({
          where: { organizationId },
          select: { id: true },
          take: sample,
        }),
      ),
    ),
    entitlement: await split(async (organizationId) =>
      ids(await db.entitlement.findMany({ where: { organizationId }, select: { id: true } })),
    ),
    grant: await split(async (organizationId) =>
      ids(
        await db.grant.findMany({ where: { organizationId }, select: { id: true }, take: sample }),
      ),
    ),
    user: await split(async (organizationId) =>
      ids(
        await db.user.findMany({ where: { organizationId }, select: { id: true }, take: sample }),
      ),
    ),
    policy: await split(async (organizationId) =>
      ids(await db.policy.findMany({ where: { organizationId }, select: { id: true } })),
    ),
    // Open tasks and running requests first (enum order): actions on them reach deepest.
    task: await split(async (organizationId) =>
      ids(
        await db.task.findMany({ where: { organizationId }, ...openFirst, select: { id: true } }),
      ),
    ),
    request: await split(async (organizationId) =>
      ids(
        await db.request.findMany({
          where: { organizationId },
          ...openFirst,
          select: { id: true },
        }),
      ),
    ),
    notification: await split(async (organizationId) =>
      ids(await db.notification.findMany({ where: { organizationId }, select: { id: true } })),
    ),
    devEmail: {
      own: ids(await db.devEmail.findMany({ select: { id: true } })),
      other: [],
    },
    campaign: await split(async (organizationId) =>
      ids(await db.reviewCampaign.findMany({ where: { organizationId }, select: { id: true } })),
    ),
    // Pending items first (enum order): decisions on them reach deepest.
    reviewItem: await split(async (organizationId) =>
      ids(
        await db.reviewItem.findMany({
          where: { organizationId },
          ...openFirst,
          select: { id: true },
        }),
      ),
    ),
  };
  const taskNumbers = await split(async (organizationId) =>
    (
      await db.task.findMany({ where: { organizationId }, ...openFirst, select: { number: true } })
    ).map((t) => t.number),
  );
  const [people, apps, entitlements, accounts, policies, events] = await Promise.all([
    db.user.findMany({
      where: { organizationId: own },
      select: { displayName: true, email: true },
      take: 20,
    }),
    db.app.findMany({ where: { organizationId: own }, select: { name: true } }),
    db.entitlement.findMany({
      where: { organizationId: own },
      select: { displayName: true, slug: true },
      take: 20,
    }),
    db.account.findMany({ where: { organizationId: own }, select: { login: true }, take: 20 }),
    db.policy.findMany({ where: { organizationId: own }, select: { name: true } }),
    db.event.findMany({ where: { organizationId: own }, select: { at: true }, take: 10 }),
  ]);
  const words = [
    ...people.flatMap((p) => [p.displayName, p.email, p.displayName.split(" ")[0]!]),
    ...apps.map((a) => a.name),
    ...entitlements.flatMap((e) => [e.displayName, e.slug]),
    ...accounts.flatMap((a) => (a.login ? [a.login] : [])),
    ...policies.map((p) => p.name),
    "a",
    "git",
    "admin",
  ];
  const cursorKeys = [
    ...words.slice(0, 30),
    ...words.slice(0, 10).map((w) => w.toLowerCase()),
    ...events.map((e) => e.at.toISOString()),
    ...pool.grant.own.slice(0, 5),
    "0001-01-01T00:00:00.000Z",
    "9999-12-31T00:00:00.000Z",
    "42",
  ];
  return { ids: pool, taskNumbers, words: [...new Set(words)], cursorKeys };
}

const LIVE_REQUEST_STATES: RequestState[] = [
  "PENDING_APPROVAL",
  "APPROVED",
  "PROVISIONING",
  "ERRORED",
];

/**
 * Open work for the actions to act on: mutations close tasks as the run goes, so before each
 * one this opens new ones (an approval, a provisioning and a deprovisioning task assigned to
 * both actors, and an errored request) whenever the actor has fewer than three of a kind, and
 * returns the task and request pools as the database now has them (open first).
 */
export async function topUpOpenWork(
  db: PrismaClient,
  world: FuzzWorld,
  /** Whose work comes first in the pools (the actor of the coming calls). */
  actorId: string,
): Promise<Pick<FuzzPools, "taskNumbers"> & { task: Pool<string>; request: Pool<string> }> {
  const organizationId = world.organizationId;
  const assignees = [world.actors.superAdmin, world.actors.member];
  // The actor's own open tasks, by kind (the auditor is never assigned: the member's stand in).
  const counted = assignees.includes(actorId) ? actorId : world.actors.member;
  const open = await db.task.groupBy({
    by: ["kind"],
    where: {
      organizationId,
      state: "OPEN",
      assignees: { some: { userId: counted, active: true } },
    },
    _count: true,
  });
  const openOf = (kind: string) => open.find((o) => o.kind === kind)?._count ?? 0;
  const errored = await db.request.count({ where: { organizationId, state: "ERRORED" } });
  const needs = {
    APPROVAL: openOf("APPROVAL") < 3,
    PROVISION: openOf("PROVISION") < 3,
    DEPROVISION: openOf("DEPROVISION") < 3,
    ERRORED: errored < 1,
  };
  if (Object.values(needs).some(Boolean)) {
    const policy = await db.policy.findFirstOrThrow({
      where: { organizationId, steps: { some: { kind: "APPROVAL" } } },
      include: policyInclude,
    });
    const grant = await db.grant.findFirstOrThrow({
      where: { organizationId, revokedAt: null },
      include: { entitlement: true },
      orderBy: { grantedAt: "desc" },
    });
    // Asked by someone else, so neither actor approves their own request.
    const requester = await db.user.findFirstOrThrow({
      where: {
        organizationId,
        status: "ACTIVE",
        id: { notIn: Object.values(world.actors) },
      },
    });
    // For that person, too: an actor may not act on access meant for themselves.
    const base = { requester, targetUser: requester, entitlement: grant.entitlement, policy };
    if (needs.APPROVAL) {
      await createRequestWithTasks(db, {
        ...base,
        tasks: [{ kind: "APPROVAL", stepIndex: 0, assignees }],
      });
      // The member's own request, waiting for the super admin (the member may cancel it).
      await createRequestWithTasks(db, {
        ...base,
        requester: world.actors.member,
        targetUser: world.actors.member,
        tasks: [{ kind: "APPROVAL", stepIndex: 0, assignees: [world.actors.superAdmin] }],
      });
    }
    if (needs.PROVISION) {
      await createRequestWithTasks(db, {
        ...base,
        tasks: [{ kind: "PROVISION", assignees }],
      });
    }
    if (needs.DEPROVISION) {
      await createRequestWithTasks(db, {
        ...base,
        targetUser: null,
        kind: "REVOKE",
        grant,
        applyGrantChanges: false,
        tasks: [{ kind: "DEPROVISION", assignees }],
      });
    }
    if (needs.ERRORED) {
      await createRequestWithTasks(db, {
        ...base,
        tasks: [
          { kind: "PROVISION", assignees, state: "ERRORED", outcomeNote: "The connector failed." },
        ],
      });
    }
  }
  // Work in flight first, three times over (the actor's own open tasks and requests, then
  // all open tasks and requests pending, provisioning or errored), then some that are done.
  const recent = { orderBy: { createdAt: "desc" as const }, take: 40 };
  const taskFields = { id: true, number: true } as const;
  const [mineTasks, openTasks, doneTasks, mineRequests, liveRequests, doneRequests] =
    await Promise.all([
      db.task.findMany({
        where: {
          organizationId,
          state: "OPEN",
          assignees: { some: { userId: actorId, active: true } },
        },
        ...recent,
        select: taskFields,
      }),
      db.task.findMany({ where: { organizationId, state: "OPEN" }, ...recent, select: taskFields }),
      db.task.findMany({
        where: { organizationId, state: { not: "OPEN" } },
        ...recent,
        select: taskFields,
      }),
      db.request.findMany({
        where: { organizationId, state: { in: LIVE_REQUEST_STATES }, requesterId: actorId },
        ...recent,
        select: { id: true },
      }),
      db.request.findMany({
        where: { organizationId, state: { in: LIVE_REQUEST_STATES } },
        ...recent,
        select: { id: true },
      }),
      db.request.findMany({
        where: { organizationId, state: { notIn: LIVE_REQUEST_STATES } },
        ...recent,
        select: { id: true },
      }),
    ]);
  const inFlight = <T>(mine: T[], live: T[], done: T[]) => [
    ...mine,
    ...mine,
    ...mine,
    ...live,
    ...live,
    ...live,
    ...done.slice(0, 20),
  ];
  const tasks = inFlight(mineTasks, openTasks, doneTasks);
  const requests = inFlight(mineRequests, liveRequests, doneRequests);
  const [otherTasks, otherRequests] = await Promise.all([
    db.task.findMany({
      where: { organizationId: world.otherOrganizationId },
      select: { id: true, number: true },
    }),
    db.request.findMany({
      where: { organizationId: world.otherOrganizationId },
      select: { id: true },
    }),
  ]);
  return {
    task: { own: tasks.map((t) => t.id), other: otherTasks.map((t) => t.id) },
    request: { own: requests.map((r) => r.id), other: otherRequests.map((r) => r.id) },
    taskNumbers: { own: tasks.map((t) => t.number), other: otherTasks.map((t) => t.number) },
  };
}
