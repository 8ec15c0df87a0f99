import type { Database, Organization } from "@lantern/db";
import { createOrganization, createUser } from "@lantern/seed";
import { createTestDatabase } from "@lantern/db/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startFakeSlack, type FakeSlack } from "../testing/index.ts";
import { deliveryError } from "../testing/transport-tests.ts";
import {
  createSlackClient,
  forgetSlackUserId,
  resolveSlackUserId,
  SLACK_LOOKUP_RETRY_MS,
  type SlackClient,
} from "./slack.ts";

let slackApi: FakeSlack;
let slack: SlackClient;

beforeAll(async () => {
  slackApi = await startFakeSlack();
  slack = createSlackClient({ token: slackApi.token, apiUrl: slackApi.url });
});
afterAll(async () => {
  await slackApi.close();
});
afterEach(() => {
  slackApi.users.clear();
  slackApi.messages.length = 0;
  slackApi.calls.length = 0;
});

const blocks = [
  {
    type: "section" as const,
    text: { type: "mrkdwn" as const, text: "*Provision Figma* for Dana" },
  },
];

describe("Slack client", () => {
  it("finds a user by email (case-insensitively, like Slack) and null when Slack has none", async () => {
    slackApi.users.set("dana@acme.com", "U0DANA");
    expect(await slack.lookupUserIdByEmail("Dana@Acme.com")).toBe("U0DANA");
    expect(await slack.lookupUserIdByEmail("nobody@acme.com")).toBeNull();
    expect(slackApi.callsTo("users.lookupByEmail").map((c) => c.args.email)).toEqual([
      "Dana@Acme.com",
      "nobody@acme.com",
    ]);
  });

  it("opens the DM with conversations.open, posts text and blocks to it, and returns channel and ts", async () => {
    slackApi.users.set("dana@acme.com", "U0DANA");
    const posted = await slack.postDirectMessage("U0DANA", { text: "Provision Figma", blocks });
    expect(posted).toEqual({ channel: "DU0DANA", ts: "1700000000.000001" });
    expect(slackApi.messages).toEqual([
      { channel: "DU0DANA", userId: "U0DANA", text: "Provision Figma", blocks, ts: posted.ts },
    ]);
    // The DM channel is remembered: a second message needs no second conversations.open.
    await slack.postDirectMessage("U0DANA", { text: "Second" });
    expect(slackApi.callsTo("conversations.open")).toHaveLength(1);
    expect(slackApi.callsTo("chat.postMessage")).toHaveLength(2);
  });

  it("a rate limit is transient and carries Slack's Retry-After", async () => {
    slackApi.users.set("dana@acme.com", "U0DANA");
    slackApi.failNext(1, "ratelimited", { method: "chat.postMessage" });
    const error = await deliveryError(slack.postDirectMessage("U0DANA", { text: "Hi" }));
    expect(error).toMatchObject({
      provider: "slack",
      permanent: false,
      code: "ratelimited",
      retryAfterMs: 1000,
    });
    expect(slackApi.callsTo("chat.postMessage")).toHaveLength(1); // no retry inside the client
  });

  it.each(["internal_error", "fatal_error", "service_unavailable", "request_timeout"])(
    "%s is transient",
    async (code) => {
      slackApi.failNext(1, code);
      const error = await deliveryError(slack.lookupUserIdByEmail("dana@acme.com"));
      expect(error).toMatchObject({ permanent: false, code });
    },
  );

  it("an HTTP 5xx is transient", async () => {
    slackApi.failNext(1, { httpStatus: 503 });
    const error = await deliveryError(slack.lookupUserIdByEmail("dana@acme.com"));
    expect(error).toMatchObject({ permanent: false, code: "http_503" });
  });

  it("an unreachable Slack is transient", async () => {
    const gone = await startFakeSlack();
    await gone.close();
    const offline = createSlackClient({ token: gone.token, apiUrl: gone.url });
    const error = await deliveryError(offline.lookupUserIdByEmail("dana@acme.com"));
    expect(error.permanent).toBe(false);
    expect(error.message).toContain("Slack could not be reached");
  });

  it.each(["invalid_auth", "not_authed", "account_inactive", "missing_scope", "token_revoked"])(
    "%s is permanent",
    async (code) => {
      slackApi.failNext(1, code);
      const error = await deliveryError(slack.lookupUserIdByEmail("dana@acme.com"));
      expect(error).toMatchObject({ permanent: true, code });
    },
  );

  it("a wrong token is permanent, with a hint for the admin", async () => {
    const wrong = createSlackClient({ token: "xoxb-wrong", apiUrl: slackApi.url });
    const error = await deliveryError(wrong.lookupUserIdByEmail("dana@acme.com"));
    expect(error).toMatchObject({ permanent: true, code: "invalid_auth" });
    expect(error.message).toBe("Slack answered invalid_auth (SLACK_BOT_TOKEN is not valid)");
  });

  it("messaging a user Slack does not know is permanent", async () => {
    const error = await deliveryError(slack.postDirectMessage("U0GONE", { text: "Hi" }));
    expect(error).toMatchObject({ permanent: true, code: "user_not_found" });
  });
});

describe("resolveSlackUserId", () => {
  let db: Database;
  let org: Organization;
  const now = new Date("2026-11-22T10:00:00.000Z");

  beforeAll(async () => {
    db = await createTestDatabase();
    org = await createOrganization(db.prisma);
  });
  afterAll(async () => {
    await db?.close();
  });

  async function person(
    email: string,
    fields: { slackUserId?: string; slackLookupAt?: Date } = {},
  ) {
    return createUser(db.prisma, org, { email, ...fields });
  }

  async function stored(id: string) {
    return db.prisma.user.findUniqueOrThrow({
      where: { id },
      select: { slackUserId: true, slackLookupAt: true },
    });
  }

  it("asks Slack once and remembers the id on the user", async () => {
    slackApi.users.set("dana@acme.com", "U0DANA");
    const dana = await person("dana@acme.com");
    expect(await resolveSlackUserId(db.prisma, slack, dana, now)).toEqual({ userId: "U0DANA" });
    expect(await stored(dana.id)).toEqual({ slackUserId: "U0DANA", slackLookupAt: now });

    const reloaded = await db.prisma.user.findUniqueOrThrow({ where: { id: dana.id } });
    expect(await resolveSlackUserId(db.prisma, slack, reloaded, now)).toEqual({ userId: "U0DANA" });
    expect(slackApi.callsTo("users.lookupByEmail")).toHaveLength(1);
  });

  it("when Slack does not know the email: null with a reason, and no second question for 24 h", async () => {
    const sam = await person("sam@acme.com");
    expect(await resolveSlackUserId(db.prisma, slack, sam, now)).toEqual({
      userId: null,
      reason: "Slack has no user with the email sam@acme.com",
    });
    expect(await stored(sam.id)).toEqual({ slackUserId: null, slackLookupAt: now });

    // Sam joins Slack an hour later; we do not ask again yet.
    slackApi.users.set("sam@acme.com", "U0SAM");
    const later = new Date(now.getTime() + 60 * 60 * 1000);
    const cached = await resolveSlackUserId(db.prisma, slack, await reload(sam.id), later);
    expect(cached).toEqual({
      userId: null,
      reason:
        "Slack has no user with the email sam@acme.com (asked at 2026-11-22T10:00:00.000Z; asking again a day later)",
    });
    expect(slackApi.callsTo("users.lookupByEmail")).toHaveLength(1);

    // A day after the question, Slack is asked again and now knows Sam.
    const nextDay = new Date(now.getTime() + SLACK_LOOKUP_RETRY_MS);
    expect(await resolveSlackUserId(db.prisma, slack, await reload(sam.id), nextDay)).toEqual({
      userId: "U0SAM",
    });
    expect(await stored(sam.id)).toEqual({ slackUserId: "U0SAM", slackLookupAt: nextDay });
    expect(slackApi.callsTo("users.lookupByEmail")).toHaveLength(2);
  });

  it("a Slack failure changes nothing and throws the DeliveryError", async () => {
    const kim = await person("kim@acme.com");
    slackApi.failNext(1, "ratelimited");
    const error = await deliveryError(resolveSlackUserId(db.prisma, slack, kim, now));
    expect(error.permanent).toBe(false);
    expect(await stored(kim.id)).toEqual({ slackUserId: null, slackLookupAt: null });
  });

  it("forgetSlackUserId makes the next message ask Slack again", async () => {
    slackApi.users.set("lee@acme.com", "U0LEE2");
    const lee = await person("lee@acme.com", { slackUserId: "U0LEE", slackLookupAt: now });
    await forgetSlackUserId(db.prisma, lee.id);
    expect(await resolveSlackUserId(db.prisma, slack, await reload(lee.id), now)).toEqual({
      userId: "U0LEE2",
    });
  });

  function reload(id: string) {
    return db.prisma.user.findUniqueOrThrow({ where: { id } });
  }
});
