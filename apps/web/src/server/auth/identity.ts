import type { PrismaClient } from "@lantern/db";
import { canSignIn } from "@lantern/domain";

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
  prisma: PrismaClient,
  email: string | null | undefined,
): Promise<SignInResolution> {
  const normalized = email?.trim().toLowerCase();
  if (!normalized) return { ok: false, error: "NotInOrganization" };
  const users = await prisma.user.findMany({
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

/** What the sign-in page says for each refusal (and next-auth's own error codes). */
export const SIGN_IN_ERRORS: Record<string, string> = {
  NotInOrganization:
    "That email address does not belong to anyone in a Lantern organization. Ask your Lantern administrator to add you, or sign in with your work address.",
  AccountInactive:
    "Your Lantern account is suspended or deprovisioned. Ask a Lantern super admin if you need access again.",
  FirstRunNotAllowed:
    "This Lantern has no organization yet, and your address is not one allowed to create it. Ask the person setting Lantern up to sign in first.",
  MultipleOrganizations:
    "That email address belongs to people in more than one Lantern organization, which this installation does not support. Ask your administrator.",
  DemoUnavailable: "Demo sign-in is only available when Lantern runs in demo mode.",
  Verification: "That sign-in link has expired or was already used. Request a new one below.",
  OAuthSignin:
    "Lantern could not reach your identity provider. Try again, or ask your administrator.",
  OAuthCallback: "Your identity provider's answer could not be verified. Try again.",
  OAuthAccountNotLinked: "This identity could not be linked to your Lantern account.",
  EmailSignin: "The sign-in email could not be sent. Try again in a moment.",
  CredentialsSignin: "That demo person cannot sign in.",
  SessionRequired: "Sign in to continue.",
  AccessDenied: "You do not have access to Lantern.",
  Default: "Sign-in failed. Try again.",
};
