import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "@lantern/db";
import {
  createApp,
  createEntitlement,
  createOrganization,
  createPolicy,
  createRequestWithTasks,
  createUser,
} from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import { callerFor } from "../testing.ts";

// Found by the fuzz test (issue 13): Mark provisioned on several tasks at once, two of them for
// one person who has no account in the app yet, raced to record the same account
// (Account_appId_externalId_key) and answered 500.

let db: Database;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.close();
});

it("bulk Mark provisioned of one person's requests in one app records one account, once", async () => {
  const p = db.prisma;
  const org = await createOrganization(p, { name: "Acme", slug: "acme" });
  const admin = await createUser(p, org, {
    givenName: "Ada",
    familyName: "Admin",
    role: "SUPER_ADMIN",
  });
  const bob = await createUser(p, org, { givenName: "Bob", familyName: "Builder" });
  const app = await createApp(p, org, { name: "GitHub", owners: [admin] });
  const policy = await createPolicy(p, org, {
    name: "Manager",
    steps: [{ approverKind: "MANAGER" }],
  });
  const taskIds: string[] = [];
  for (const n of [1, 2, 3, 4]) {
    const entitlement = await createEntitlement(p, app, {
      slug: `repo-${n}`,
      displayName: `Repo ${n}`,
    });
    const { tasks } = await createRequestWithTasks(p, {
      requester: bob,
      targetUser: bob,
      entitlement,
      policy,
      tasks: [{ kind: "PROVISION", assignees: [admin] }],
    });
    taskIds.push(tasks[0]!.id);
  }

  const admins = await callerFor(p, admin.id);
  const result = await admins.tasks.bulk({
    action: "mark_provisioned",
    taskIds,
    comment: "Invited",
  });

  expect(result).toMatchObject({ done: 4, skipped: 0 });
  const accounts = await p.account.findMany({ where: { appId: app.id, ownerId: bob.id } });
  expect(accounts).toHaveLength(1);
  expect(await p.grant.count({ where: { accountId: accounts[0]!.id, revokedAt: null } })).toBe(4);
});
