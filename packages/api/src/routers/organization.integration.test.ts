import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@lantern/db";
import {
  createApp,
  createEntitlement,
  createOrganization,
  createPolicy,
  createUser,
} from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import { createMailer, createSlackClient, deliverNotification } from "@lantern/notify";
import { startFakeSlack, type FakeSlack } from "@lantern/notify/testing";
import { callerFor as callerForUser } from "../testing.ts";

// Organization settings (issue 6): organization.settings and organization.update, their
// refusals and validation, the organization.updated Event, and the public URL really being
// the base of the deep links in emails and Slack messages.

const SERVER_URL = "https://server.acme.test";

let db: Database;
let slack: FakeSlack;
const callerFor = (userId: string) => callerForUser(db.prisma, userId);
const ids = {} as Record<
  "org" | "admin" | "member" | "otherAdmin" | "standard" | "manager" | "foreign" | "pat" | "rita",
  string
>;

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

const events = () =>
  db.prisma.event.findMany({
    where: { organizationId: ids.org, action: "organization.updated" },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });

beforeAll(async () => {
  db = await createTestDatabase();
  slack = await startFakeSlack();
  const p = db.prisma;
  const org = await createOrganization(p, { name: "Acme", slug: "acme-org-settings" });
  const other = await createOrganization(p, { name: "Globex", slug: "globex-org-settings" });
  ids.org = org.id;
  ids.admin = (await createUser(p, org, { givenName: "Ada", role: "SUPER_ADMIN" })).id;
  ids.member = (await createUser(p, org, { givenName: "Max" })).id;
  ids.pat = (await createUser(p, org, { givenName: "Pat", familyName: "Provisioner" })).id;
  ids.rita = (await createUser(p, org, { givenName: "Rita", familyName: "Requester" })).id;
  ids.otherAdmin = (await createUser(p, other, { role: "SUPER_ADMIN" })).id;
  ids.standard = (await createPolicy(p, org, { name: "Standard" })).id;
  ids.manager = (await createPolicy(p, org, { name: "Manager approval" })).id;
  ids.foreign = (await createPolicy(p, other, { name: "Globex standard" })).id;
});

afterAll(async () => {
  await slack?.close();
  await db?.close();
});

describe("organization.settings", () => {
  it("answers the editable values with the policies' names", async () => {
    await db.prisma.organization.update({
      where: { id: ids.org },
      data: { defaultRequestPolicyId: ids.standard },
    });
    expect(await (await callerFor(ids.admin)).organization.settings()).toEqual({
      name: "Acme",
      publicUrl: null,
      defaultRequestPolicy: { id: ids.standard, name: "Standard" },
      defaultRevocationPolicy: null,
      emailNotificationsDefault: true,
      slackNotificationsDefault: true,
    });
  });

  it("is for super admins and auditors", async () => {
    const error = await refusal((await callerFor(ids.member)).organization.settings());
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toBe(
      "Only super admins and auditors can see the organization's settings.",
    );
  });
});

describe("organization.update", () => {
  it("changes every setting with one event holding only the changed fields", async () => {
    const before = (await events()).length;
    const admin = await callerFor(ids.admin);
    const result = await admin.organization.update({
      name: "  Acme Corp ",
      publicUrl: "https://Lantern.Acme.com/",
      defaultRequestPolicyId: ids.manager,
      defaultRevocationPolicyId: ids.standard,
      emailNotificationsDefault: false,
      slackNotificationsDefault: false,
    });
    expect(result).toEqual({
      changed: true,
      settings: {
        name: "Acme Corp",
        publicUrl: "https://lantern.acme.com",
        defaultRequestPolicy: { id: ids.manager, name: "Manager approval" },
        defaultRevocationPolicy: { id: ids.standard, name: "Standard" },
        emailNotificationsDefault: false,
        slackNotificationsDefault: false,
      },
    });
    expect(await admin.organization.settings()).toEqual(result.settings);
    const all = await events();
    expect(all).toHaveLength(before + 1);
    expect(all.at(-1)).toMatchObject({
      actorId: ids.admin,
      targetType: "Organization",
      targetId: ids.org,
      before: {
        name: "Acme",
        publicUrl: null,
        defaultRequestPolicy: { id: ids.standard, name: "Standard" },
        defaultRevocationPolicy: null,
        emailNotificationsDefault: true,
        slackNotificationsDefault: true,
      },
      after: {
        name: "Acme Corp",
        publicUrl: "https://lantern.acme.com",
        defaultRequestPolicy: { id: ids.manager, name: "Manager approval" },
        defaultRevocationPolicy: { id: ids.standard, name: "Standard" },
        emailNotificationsDefault: false,
        slackNotificationsDefault: false,
      },
    });
  });

  it("changes one field at a time and leaves the others", async () => {
    const admin = await callerFor(ids.admin);
    await admin.organization.update({ slackNotificationsDefault: true });
    const last = (await events()).at(-1)!;
    expect(last.before).toEqual({ slackNotificationsDefault: false });
    expect(last.after).toEqual({ slackNotificationsDefault: true });

    const cleared = await admin.organization.update({
      publicUrl: "",
      defaultRequestPolicyId: null,
    });
    expect(cleared.settings).toMatchObject({
      name: "Acme Corp",
      publicUrl: null,
      defaultRequestPolicy: null,
      defaultRevocationPolicy: { id: ids.standard, name: "Standard" },
      emailNotificationsDefault: false,
      slackNotificationsDefault: true,
    });
    const event = (await events()).at(-1)!;
    expect(event.before).toEqual({
      publicUrl: "https://lantern.acme.com",
      defaultRequestPolicy: { id: ids.manager, name: "Manager approval" },
    });
    expect(event.after).toEqual({ publicUrl: null, defaultRequestPolicy: null });
  });

  it("writes nothing when nothing changes", async () => {
    const admin = await callerFor(ids.admin);
    const count = (await events()).length;
    const current = await admin.organization.settings();
    const result = await admin.organization.update({
      name: current.name,
      publicUrl: null,
      defaultRevocationPolicyId: ids.standard,
      emailNotificationsDefault: current.emailNotificationsDefault,
    });
    expect(result).toEqual({ changed: false, settings: current });
    expect(await admin.organization.update({})).toEqual({ changed: false, settings: current });
    expect(await events()).toHaveLength(count);
  });

  it.each([
    [{ name: "  " }, "Enter the organization's name."],
    [{ name: "x".repeat(101) }, "The organization's name is limited to 100 characters."],
    [{ publicUrl: "lantern.acme.com" }, "Enter the public URL as an absolute address"],
    [{ publicUrl: "ftp://lantern.acme.com" }, "must start with https:// or http://"],
    [{ publicUrl: "https://lantern.acme.com/?team=1" }, "cannot have a query"],
    [{ publicUrl: "https://lantern.acme.com/#top" }, "or a fragment"],
    [{ publicUrl: "https://ada:secret@lantern.acme.com" }, "user name or password"],
    [{ defaultRequestPolicyId: "standard" }, "That is not a valid request policy id."],
    [{ emailNotificationsDefault: "yes" }, "expected boolean"],
  ])("refuses %j", async (input, message) => {
    const admin = await callerFor(ids.admin);
    const error = await refusal(admin.organization.update(input as never));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain(message);
  });

  it("refuses another organization's policy and writes nothing of the change", async () => {
    const admin = await callerFor(ids.admin);
    const before = await admin.organization.settings();
    const count = (await events()).length;
    const error = await refusal(
      admin.organization.update({
        name: "Partial Corp",
        defaultRevocationPolicyId: ids.foreign,
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe(
      "The revocation policy you chose does not exist in your organization. Reload and choose again.",
    );
    expect(await admin.organization.settings()).toEqual(before);
    expect(await events()).toHaveLength(count);
  });

  it("refuses members and changes nothing; another organization's admin changes their own", async () => {
    const before = await (await callerFor(ids.admin)).organization.settings();
    const error = await refusal(
      (await callerFor(ids.member)).organization.update({ name: "Hijacked" }),
    );
    expect(error.code).toBe("FORBIDDEN");
    const other = await (await callerFor(ids.otherAdmin)).organization.update({ name: "Globex 2" });
    expect(other.settings.name).toBe("Globex 2");
    expect(await (await callerFor(ids.admin)).organization.settings()).toEqual(before);
    // Their own policies only: Acme's policy does not exist for Globex.
    const foreign = await refusal(
      (await callerFor(ids.otherAdmin)).organization.update({
        defaultRequestPolicyId: ids.standard,
      }),
    );
    expect(foreign.code).toBe("BAD_REQUEST");
  });
});

describe("deep links", () => {
  /** A provisioning task for Rita's request, notifying Pat by email and Slack. */
  async function deliverAssignment(name: string) {
    const p = db.prisma;
    const policy = await createPolicy(p, { id: ids.org }, { name: `${name} policy` });
    const app = await createApp(
      p,
      { id: ids.org },
      {
        name,
        owners: [{ id: ids.admin }],
        provisioners: [{ id: ids.pat }],
        defaultRequestPolicyId: policy.id,
      },
    );
    const entitlement = await createEntitlement(p, app, { slug: "admin", displayName: "Admin" });
    const created = await (
      await callerFor(ids.rita)
    ).requests.create({
      entitlementId: entitlement.id,
      reason: "Quarter close",
    });
    const number = created.task!.number;
    const rows = await p.notification.findMany({
      where: { organizationId: ids.org, recipientId: ids.pat },
    });
    const mine = rows.filter((r) => (r.payload as { taskNumber?: number }).taskNumber === number);
    expect(mine.map((r) => r.channel).sort()).toEqual(["EMAIL", "SLACK"]);
    const deps = {
      prisma: p,
      mailer: createMailer(
        { email: { kind: "dev-mailbox" }, from: "lantern@acme.test" },
        { prisma: p },
      ),
      slack: createSlackClient({ token: slack.token, apiUrl: slack.url }),
      publicUrl: SERVER_URL,
    };
    for (const row of mine) {
      expect(await deliverNotification(deps, row.id, { lastAttempt: true })).toMatchObject({
        result: "sent",
      });
    }
    const email = await p.devEmail.findFirstOrThrow({
      where: { idempotencyKey: mine.find((r) => r.channel === "EMAIL")!.idempotencyKey },
    });
    const dm = slack.messages.at(-1)!;
    return { number, email, dm };
  }

  it("use the organization's public URL in emails and Slack when it is set, else the server's", async () => {
    const p = db.prisma;
    await p.user.update({
      where: { id: ids.pat },
      data: { emailNotifications: true, slackNotifications: true },
    });
    const pat = await p.user.findUniqueOrThrow({ where: { id: ids.pat } });
    slack.users.set(pat.email, "U0PAT");
    const admin = await callerFor(ids.admin);

    await admin.organization.update({ publicUrl: "https://lantern.acme.com/access/" });
    const withOrgUrl = await deliverAssignment("Salesforce");
    const orgLink = `https://lantern.acme.com/access/tasks/${withOrgUrl.number}`;
    expect(withOrgUrl.email.text).toContain(orgLink);
    expect(withOrgUrl.email.html).toContain(orgLink);
    expect(withOrgUrl.email.text).not.toContain(SERVER_URL);
    expect(JSON.stringify(withOrgUrl.dm.blocks) + withOrgUrl.dm.text).toContain(orgLink);

    await admin.organization.update({ publicUrl: null });
    const withServerUrl = await deliverAssignment("Zendesk");
    const serverLink = `${SERVER_URL}/tasks/${withServerUrl.number}`;
    expect(withServerUrl.email.text).toContain(serverLink);
    expect(JSON.stringify(withServerUrl.dm.blocks)).toContain(serverLink);
  });
});
