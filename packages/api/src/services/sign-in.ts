import type { PrismaClient } from "@lantern/db";
import { canSignIn } from "@lantern/domain";
import { firstRunOpen, mayClaimFirstRun, type FirstRunOptions } from "./first-run.ts";
import type { SignInThrottle } from "./sign-in-throttle.ts";

// Who a verified email address signs in as, and what a request for a magic sign-in link gets.

export type SignInRefusal = "NotInOrganization" | "AccountInactive" | "MultipleOrganizations";

export type SignInResolution =
  | { ok: true; user: { id: string; email: string; displayName: string; organizationId: string } }
  | { ok: false; error: SignInRefusal };

/**
 * Finds the Lantern person behind a verified email address (from the magic link or the
 * identity provider). Lantern never creates people at sign-in: they come from the
 * organization's directory. Emails compare case-insensitively (SPEC §1).
 */
export async function resolveSignInUser(
  db: PrismaClient,
  email: string | null | undefined,
): Promise<SignInResolution> {
  const normalized = email?.trim().toLowerCase();
  if (!normalized) return { ok: false, error: "NotInOrganization" };
  const users = await db.user.findMany({
    where: { emailNormalized: normalized },
    select: { id: true, email: true, displayName: true, organizationId: true, status: true },
    take: 3,
  });
  if (users.length === 0) return { ok: false, error: "NotInOrganization" };
  const active = users.filter((u) => canSignIn(u).allowed);
  if (active.length === 0) return { ok: false, error: "AccountInactive" };
  if (active.length > 1) return { ok: false, error: "MultipleOrganizations" };
  const [user] = active;
  return { ok: true, user: user! };
}

/**
 * What a request for a magic sign-in link gets:
 * - `send`: the link is emailed (an active member; or, on the first run, an address allowed
 *   to create the organization);
 * - `silent`: nothing is sent, and the answer is the same "check your email" page as `send`,
 *   so it never tells whether an address belongs to someone (unknown, suspended or ambiguous
 *   addresses);
 * - `refuse`: a sign-in error that says nothing about the address either: too many links were
 *   asked for (the throttle counts every request, known address or not), or the first run's
 *   allow list does not include the address (only while no organization exists at all).
 */
export type SignInLinkDecision =
  | { outcome: "send" }
  | { outcome: "silent"; reason: SignInRefusal }
  | { outcome: "refuse"; error: "TooManyRequests" | "FirstRunNotAllowed" };

export async function requestSignInLink(
  db: PrismaClient,
  throttle: SignInThrottle,
  input: { email: string; clientIp: string | null },
  firstRun: FirstRunOptions | null,
): Promise<SignInLinkDecision> {
  const throttled = await throttle.consume(input);
  if (!throttled.allowed) return { outcome: "refuse", error: "TooManyRequests" };
  const resolution = await resolveSignInUser(db, input.email);
  if (resolution.ok) return { outcome: "send" };
  if (resolution.error === "NotInOrganization" && firstRun && (await firstRunOpen(db))) {
    return (await mayClaimFirstRun(db, input.email, firstRun))
      ? { outcome: "send" }
      : { outcome: "refuse", error: "FirstRunNotAllowed" };
  }
  return { outcome: "silent", reason: resolution.error };
}

/** A person the demo sign-in page offers. */
export interface DemoSignInPerson {
  id: string;
  displayName: string;
  email: string;
  title: string | null;
  role: "SUPER_ADMIN" | "AUDITOR" | "MEMBER";
}

/**
 * Who the demo sign-in page offers: every active person, and first the featured ones (each
 * with why they are worth signing in as) that exist in this database, in the given order.
 */
export async function listDemoSignInPeople(
  db: PrismaClient,
  featured: readonly { email: string; description: string }[],
): Promise<{ featured: (DemoSignInPerson & { why: string })[]; everyone: DemoSignInPerson[] }> {
  const everyone = await db.user.findMany({
    where: { status: "ACTIVE" },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
    select: { id: true, displayName: true, email: true, title: true, role: true },
  });
  const byEmail = new Map(everyone.map((person) => [person.email, person]));
  return {
    featured: featured.flatMap((p) => {
      const person = byEmail.get(p.email);
      return person ? [{ ...person, why: p.description }] : [];
    }),
    everyone,
  };
}

/** The active person a demo sign-in names, or null (unknown, or no longer active). */
export async function findDemoSignInUser(
  db: PrismaClient,
  userId: string,
): Promise<{ id: string; email: string; displayName: string } | null> {
  return db.user.findFirst({
    where: { id: userId, status: "ACTIVE" },
    select: { id: true, email: true, displayName: true },
  });
}

/**
 * Why a session that no longer acts is refused: "inactive" when its person may not sign in
 * any more (suspended, deprovisioned or gone), so the page can say why; "signed-out" when the
 * session merely ended (sign-out, Sign out everywhere, a role change) and signing in again works.
 */
export async function endedSessionState(
  db: PrismaClient,
  userId: string,
): Promise<"signed-out" | "inactive"> {
  const person = await db.user.findUnique({ where: { id: userId }, select: { status: true } });
  return person && canSignIn(person).allowed ? "signed-out" : "inactive";
}
