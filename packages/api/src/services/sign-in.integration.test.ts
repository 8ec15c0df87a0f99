import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectPostgres, type Database } from "@lantern/db";
import { createOrganization, createUser } from "@lantern/seed";
import { createTestDatabase, type TestDatabase } from "@lantern/db/testing";
import {
  endedSessionState,
  findDemoSignInUser,
  listDemoSignInPeople,
  requestSignInLink,
} from "./sign-in.ts";
import { createSignInThrottle, DEFAULT_SIGN_IN_LIMITS } from "./sign-in-throttle.ts";

// Magic-link requests (issue 13, item 7): throttled per address and per client IP with
// rate-limiter-flexible's Prisma store in the RateLimit table (shared by every instance, kept
// across restarts), and the same answer whether or not the address belongs to anyone.

let db: TestDatabase;
let ip = 0;
/** A client IP of its own for each test, so their counts never mix. */
const nextIp = () => `203.0.113.${++ip}`;

beforeAll(async () => {
  db = await createTestDatabase();
  const org = await createOrganization(db.prisma, { name: "Acme", slug: "acme-sign-in" });
  await createUser(db.prisma, org, { email: "dana@acme.example", givenName: "Dana" });
  await createUser(db.prisma, org, {
    email: "sam@acme.example",
    givenName: "Sam",
    status: "SUSPENDED",
  });
});

afterAll(async () => {
  await db?.close();
});

describe("the throttle (5 links per address, 20 per client IP, per 15 minutes)", () => {
  it("allows 5 links for one address, refuses the 6th, and counts each address alone", async () => {
    const throttle = createSignInThrottle(db.prisma);
    const clientIp = nextIp();
    const answers = [];
    for (let i = 0; i < 6; i += 1) {
      answers.push(await throttle.consume({ email: "flood@acme.example", clientIp }));
    }
    expect(answers.slice(0, 5)).toEqual(Array(5).fill({ allowed: true }));
    expect(answers[5]).toEqual({
      allowed: false,
      limit: "address",
      retryAfterSeconds: expect.any(Number),
    });
    expect((answers[5] as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(
      14 * 60,
    );
    expect((answers[5] as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(
      15 * 60,
    );
    // The same address however it is written; another address is not held back.
    expect(
      await throttle.consume({ email: "  FLOOD@Acme.example ", clientIp: nextIp() }),
    ).toMatchObject({ allowed: false, limit: "address" });
    expect(await throttle.consume({ email: "other@acme.example", clientIp })).toEqual({
      allowed: true,
    });
  });

  it("allows 20 links from one client IP across addresses, refuses the 21st", async () => {
    const throttle = createSignInThrottle(db.prisma);
    const clientIp = nextIp();
    for (let i = 0; i < 20; i += 1) {
      expect(await throttle.consume({ email: `walk${i}@acme.example`, clientIp })).toEqual({
        allowed: true,
      });
    }
    expect(await throttle.consume({ email: "walk20@acme.example", clientIp })).toMatchObject({
      allowed: false,
      limit: "client-ip",
    });
    expect(await throttle.consume({ email: "walk20@acme.example", clientIp: nextIp() })).toEqual({
      allowed: true,
    });
  });

  it("a restart (a new limiter, on a new connection when on PostgreSQL) keeps the count", async () => {
    const email = "restart@acme.example";
    const before = createSignInThrottle(db.prisma);
    for (let i = 0; i < 5; i += 1) await before.consume({ email, clientIp: nextIp() });

    let other: Database | null = null;
    try {
      other = db.url ? await connectPostgres(db.url, 1) : null;
      const after = createSignInThrottle(other?.prisma ?? db.prisma);
      expect(await after.consume({ email, clientIp: nextIp() })).toMatchObject({
        allowed: false,
        limit: "address",
      });
    } finally {
      await other?.close();
    }
  });

  it("two instances at once share one count: exactly 5 of 12 simultaneous requests pass", async () => {
    const email = "race@acme.example";
    const instances = [createSignInThrottle(db.prisma), createSignInThrottle(db.prisma)];
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        instances[i % 2]!.consume({ email, clientIp: nextIp() }),
      ),
    );
    expect(answers.filter((a) => a.allowed)).toHaveLength(5);
  });

  it("a window that has passed starts a new count", async () => {
    const throttle = createSignInThrottle(db.prisma);
    const email = "later@acme.example";
    for (let i = 0; i < 6; i += 1) await throttle.consume({ email, clientIp: nextIp() });
    expect(await throttle.consume({ email, clientIp: nextIp() })).toMatchObject({
      allowed: false,
    });
    // 15 minutes later: every window of this test has ended.
    await db.prisma.rateLimit.updateMany({ data: { expire: new Date(Date.now() - 1000) } });
    expect(await throttle.consume({ email, clientIp: nextIp() })).toEqual({ allowed: true });
  });

  it("keeps no address or IP in the table, only hashes", async () => {
    const throttle = createSignInThrottle(db.prisma);
    await throttle.consume({ email: "private@acme.example", clientIp: "198.51.100.77" });
    const keys = (await db.prisma.rateLimit.findMany({ select: { key: true } })).map((r) => r.key);
    expect(keys.some((k) => k.includes("private") || k.includes("198.51.100.77"))).toBe(false);
    expect(keys).toEqual(
      expect.arrayContaining([expect.stringMatching(/^sign-in-link:address:[\w-]{43}$/)]),
    );
  });

  it("honours other limits (settings)", async () => {
    const throttle = createSignInThrottle(db.prisma, {
      ...DEFAULT_SIGN_IN_LIMITS,
      perAddress: 1,
    });
    const email = "strict@acme.example";
    expect(await throttle.consume({ email, clientIp: nextIp() })).toEqual({ allowed: true });
    expect(await throttle.consume({ email, clientIp: nextIp() })).toMatchObject({
      allowed: false,
    });
  });
});

describe("requestSignInLink", () => {
  const ask = (email: string, clientIp = nextIp()) =>
    requestSignInLink(
      db.prisma,
      createSignInThrottle(db.prisma),
      { email, clientIp },
      { allowList: [] },
    );

  it("sends to an active member; unknown and suspended addresses get the same answer with nothing sent", async () => {
    expect(await ask("Dana@Acme.example")).toEqual({ outcome: "send" });
    expect(await ask("nobody@elsewhere.example")).toEqual({
      outcome: "silent",
      reason: "NotInOrganization",
    });
    expect(await ask("sam@acme.example")).toEqual({ outcome: "silent", reason: "AccountInactive" });
  });

  it("the 6th request for a member's address sends nothing, and nor does a stranger's", async () => {
    const outcomes = [];
    for (let i = 0; i < 6; i += 1) outcomes.push((await ask("dana@acme.example")).outcome);
    // Dana already asked once in the test above: 4 more are sent, then refused.
    expect(outcomes).toEqual(["send", "send", "send", "send", "refuse", "refuse"]);
    expect(await ask("dana@acme.example")).toEqual({
      outcome: "refuse",
      error: "TooManyRequests",
    });
    const stranger = [];
    for (let i = 0; i < 6; i += 1) stranger.push((await ask("who@elsewhere.example")).outcome);
    expect(stranger).toEqual(["silent", "silent", "silent", "silent", "silent", "refuse"]);
  });
});

describe("requestSignInLink on the first run (an empty database)", () => {
  let empty: TestDatabase;
  beforeAll(async () => {
    empty = await createTestDatabase();
  });
  afterAll(async () => {
    await empty?.close();
  });

  it("sends to an address the first run allows, refuses one it does not, and is throttled too", async () => {
    const throttle = createSignInThrottle(empty.prisma, {
      ...DEFAULT_SIGN_IN_LIMITS,
      perAddress: 2,
    });
    const ask = (email: string) =>
      requestSignInLink(
        empty.prisma,
        throttle,
        { email, clientIp: "192.0.2.1" },
        { allowList: ["@acme.example"] },
      );
    expect(await ask("founder@acme.example")).toEqual({ outcome: "send" });
    expect(await ask("intruder@evil.example")).toEqual({
      outcome: "refuse",
      error: "FirstRunNotAllowed",
    });
    expect(await ask("founder@acme.example")).toEqual({ outcome: "send" });
    expect(await ask("founder@acme.example")).toEqual({
      outcome: "refuse",
      error: "TooManyRequests",
    });
  });

  it("sends nothing when the first run is off (demo mode)", async () => {
    expect(
      await requestSignInLink(
        empty.prisma,
        createSignInThrottle(empty.prisma),
        { email: "someone@acme.example", clientIp: "192.0.2.2" },
        null,
      ),
    ).toEqual({ outcome: "silent", reason: "NotInOrganization" });
  });
});

describe("demo sign-in and ended sessions (the web's reads of people, as services)", () => {
  it("lists every active person, and the featured ones that exist first, in the given order", async () => {
    const people = await listDemoSignInPeople(db.prisma, [
      { email: "nobody@acme.example", description: "Not in this database" },
      { email: "sam@acme.example", description: "Suspended, so not offered" },
      { email: "dana@acme.example", description: "Try approving" },
    ]);
    expect(people.featured.map((p) => [p.email, p.why])).toEqual([
      ["dana@acme.example", "Try approving"],
    ]);
    expect(people.everyone.map((p) => p.email)).toContain("dana@acme.example");
    expect(people.everyone.map((p) => p.email)).not.toContain("sam@acme.example");
  });

  it("finds a demo sign-in's person only while they are active", async () => {
    const [dana, sam] = await Promise.all([
      db.prisma.user.findFirstOrThrow({ where: { email: "dana@acme.example" } }),
      db.prisma.user.findFirstOrThrow({ where: { email: "sam@acme.example" } }),
    ]);
    expect(await findDemoSignInUser(db.prisma, dana.id)).toMatchObject({
      id: dana.id,
      email: "dana@acme.example",
    });
    expect(await findDemoSignInUser(db.prisma, sam.id)).toBeNull();
    expect(await findDemoSignInUser(db.prisma, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("says an ended session's person may sign in again, unless they are no longer active", async () => {
    const [dana, sam] = await Promise.all([
      db.prisma.user.findFirstOrThrow({ where: { email: "dana@acme.example" } }),
      db.prisma.user.findFirstOrThrow({ where: { email: "sam@acme.example" } }),
    ]);
    expect(await endedSessionState(db.prisma, dana.id)).toBe("signed-out");
    expect(await endedSessionState(db.prisma, sam.id)).toBe("inactive");
    expect(await endedSessionState(db.prisma, "00000000-0000-4000-8000-000000000000")).toBe(
      "inactive",
    );
  });
});
