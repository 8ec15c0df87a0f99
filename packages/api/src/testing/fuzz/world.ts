import type { PrismaClient } from "@lantern/db";
import {
  createAccounts,
  createApp,
  createEntitlement,
  createGrant,
  createOrganization,
  createPolicy,
  createRequestWithTasks,
  createUser,
  seedDemoOrganization,
} from "@lantern/db/seed";
import type { FuzzPools, Pool, RowKind } from "./arbitraries.ts";

// The world the fuzz test calls into, seeded once per file: the demo organization (151
// people, 15 apps, 933 accounts, requests and tasks in every state) as the actors' own, and a
// small second organization whose ids the generators slip into inputs.

export interface FuzzWorld {
  organizationId: string;
  /** The actors: a super admin and a plain member of the demo organization. */
  actors: { superAdmin: string; member: string };
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
    actors: { superAdmin: demo.people.superAdmin.id, member: demo.people.employee.id },
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
