import type { PrismaClient } from "@lantern/db";

export type SignInMethod = "email" | "oidc" | "demo";

/**
 * Records a sign-in: the person's lastSignInAt and an audit Event, in one transaction.
 * Returns what the session carries (organization and role).
 */
export async function recordSignIn(
  db: PrismaClient,
  input: { userId: string; method: SignInMethod; now?: Date },
) {
  const at = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const person = await tx.user.update({
      where: { id: input.userId },
      data: { lastSignInAt: at },
      select: { id: true, organizationId: true, role: true, displayName: true, email: true },
    });
    await tx.event.create({
      data: {
        organizationId: person.organizationId,
        actorId: person.id,
        action: "user.signed_in",
        targetType: "User",
        targetId: person.id,
        after: { method: input.method },
        at,
      },
    });
    return person;
  });
}
