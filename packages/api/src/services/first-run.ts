import type { PrismaClient } from "@lantern/db";
import {
  firstRunAllows,
  namesFromProfile,
  normalizeEmail,
  organizationNameFromEmail,
  slugify,
} from "@lantern/domain";
import { recordEvents, type EventRecord, transaction } from "./shared/records.ts";

// First run (issue 6; README "Setting up a new organization"): with an empty database in
// production mode, the first person to sign in through the configured provider creates the
// organization and becomes its super admin, so no seed is needed.

/** Any organization at all closes the first run. */
export async function firstRunOpen(db: PrismaClient): Promise<boolean> {
  return (await db.organization.count()) === 0;
}

export interface FirstRunOptions {
  /** LANTERN_ORGANIZATION_NAME; default: from the email domain ("acme.com" → "Acme"). */
  organizationName?: string;
  /** LANTERN_FIRST_RUN_ALLOWED_EMAILS, parsed: who may claim it; empty: anyone. */
  allowList: readonly string[];
}

export interface FirstRunPerson {
  id: string;
  email: string;
  displayName: string;
  organizationId: string;
}

/** Whether this address may claim the first run now (the sign-in callback asks first). */
export async function mayClaimFirstRun(
  db: PrismaClient,
  email: string | null | undefined,
  options: FirstRunOptions,
): Promise<boolean> {
  if (!email || !firstRunAllows(email, options.allowList)) return false;
  return firstRunOpen(db);
}

// Any constant: serializes concurrent first sign-ins so exactly one organization is made.
const FIRST_RUN_LOCK = 7_460_001;

/**
 * Creates the organization, its first person (SUPER_ADMIN) and two starter policies that
 * make requests work at once (both can be edited or replaced on the Policies page): requests
 * need the manager's approval; revocations are deprovisioned without approval. One
 * transaction, with its Events. Null when the first run is already over (someone else won the
 * race, or an organization exists) or the address may not claim it.
 */
export async function claimFirstRun(
  db: PrismaClient,
  input: { email: string; profileName?: string | null; now?: Date },
  options: FirstRunOptions,
): Promise<FirstRunPerson | null> {
  if (!firstRunAllows(input.email, options.allowList)) return null;
  const at = input.now ?? new Date();
  return transaction(
    { db },
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_RUN_LOCK})`;
      if ((await tx.organization.count()) > 0) return null;

      const name = options.organizationName?.trim() || organizationNameFromEmail(input.email);
      const org = await tx.organization.create({ data: { name, slug: slugify(name) } });
      const names = namesFromProfile(input.email, input.profileName);
      const person = await tx.user.create({
        data: {
          organizationId: org.id,
          email: input.email.trim(),
          emailNormalized: normalizeEmail(input.email),
          ...names,
          role: "SUPER_ADMIN",
          emailNotifications: org.emailNotificationsDefault,
          slackNotifications: org.slackNotificationsDefault,
        },
      });
      const requests = await tx.policy.create({
        data: {
          organizationId: org.id,
          name: "Manager approval",
          description: "The requester's manager approves, then the access is provisioned.",
          steps: {
            create: [
              { position: 0, kind: "APPROVAL", approverKind: "MANAGER" },
              { position: 1, kind: "PROVISION" },
            ],
          },
        },
      });
      const revocations = await tx.policy.create({
        data: {
          organizationId: org.id,
          name: "Remove without approval",
          description: "Access is deprovisioned as soon as someone allowed to revoke it asks.",
          steps: { create: [{ position: 0, kind: "PROVISION" }] },
        },
      });
      await tx.organization.update({
        where: { id: org.id },
        data: { defaultRequestPolicyId: requests.id, defaultRevocationPolicyId: revocations.id },
      });

      const event = (e: Omit<EventRecord, "organizationId" | "actorId" | "at">): EventRecord => ({
        organizationId: org.id,
        actorId: person.id,
        at,
        ...e,
      });
      await recordEvents(tx, [
        event({
          action: "organization.created",
          targetType: "Organization",
          targetId: org.id,
          after: { name: org.name, slug: org.slug, firstRun: true },
        }),
        event({
          action: "user.created",
          targetType: "User",
          targetId: person.id,
          after: { email: person.email, displayName: person.displayName, role: person.role },
          reason: "First person to sign in: the organization's super admin.",
        }),
        ...[requests, revocations].map((policy) =>
          event({
            action: "policy.created",
            targetType: "Policy",
            targetId: policy.id,
            after: { name: policy.name, description: policy.description },
            reason: "Starter policy of a new organization.",
          }),
        ),
        event({
          action: "organization.updated",
          targetType: "Organization",
          targetId: org.id,
          before: { defaultRequestPolicy: null, defaultRevocationPolicy: null },
          after: { defaultRequestPolicy: requests.name, defaultRevocationPolicy: revocations.name },
        }),
      ]);
      return {
        id: person.id,
        email: person.email,
        displayName: person.displayName,
        organizationId: org.id,
      };
    },
    { timeout: 20_000, maxWait: 20_000 },
  );
}
