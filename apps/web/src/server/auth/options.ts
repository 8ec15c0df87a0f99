import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider from "next-auth/providers/email";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { z } from "zod";
import {
  firstRunOpen,
  findDemoSignInUser,
  loadActor,
  mayClaimFirstRun,
  recordSignIn,
  recordSignOut,
  requestSignInLink,
  resolveSignInUser,
  type SignInMethod,
} from "@lantern/api";
import { safeRedirectUrl } from "~/components/auth/safe-callback";
import { demoMode, env, firstRun, oidcConfigured } from "~/env";
import { getPrisma } from "~/server/db";
import { lanternAdapter } from "./adapter.ts";
import { sendMagicLink } from "./magic-link.ts";
import { getSignInThrottle } from "./throttle.ts";

const MAGIC_LINK_MAX_AGE_SECONDS = 15 * 60;

interface OidcProfile {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

function oidcProvider(): OAuthConfig<OidcProfile> {
  const issuer = env.AUTH_OIDC_ISSUER!.replace(/\/$/, "");
  return {
    id: "oidc",
    name: env.AUTH_OIDC_NAME,
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    issuer,
    clientId: env.AUTH_OIDC_CLIENT_ID,
    clientSecret: env.AUTH_OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    // The IdP is the organization's own: its verified email identifies the person.
    allowDangerousEmailAccountLinking: true,
    profile(profile) {
      return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? null };
    },
  };
}

const ZDemoCredentials = z.object({ userId: z.uuid() });

function demoProvider() {
  return CredentialsProvider({
    id: "demo",
    name: "Demo organization",
    credentials: { userId: { label: "Person", type: "text" } },
    async authorize(credentials) {
      // Registered only in demo mode; checked again here so it can never act otherwise.
      if (!demoMode) return null;
      const parsed = ZDemoCredentials.safeParse(credentials);
      if (!parsed.success) return null;
      const user = await findDemoSignInUser(await getPrisma(), parsed.data.userId);
      return user ? { id: user.id, email: user.email, name: user.displayName } : null;
    },
  });
}

const refuse = (error: string) => `/sign-in?error=${encodeURIComponent(error)}`;

/**
 * Where next-auth sends the browser once it has emailed a link (its verify-request page, which
 * leads to /sign-in/check-email). A link request that sends nothing answers exactly this too.
 */
const linkSent = () =>
  new URL("/api/auth/verify-request?provider=email&type=email", env.NEXTAUTH_URL).toString();

/** Thrown by the jwt callback of the next-auth route for a cookie whose session has ended. */
class SessionEnded extends Error {
  override name = "SessionEnded";
}

/**
 * next-auth's logger: its own words, except for ended sessions, which are no error (next-auth
 * reports a throwing jwt callback as JWT_SESSION_ERROR, then clears the cookie).
 */
const logger: NextAuthOptions["logger"] = {
  error(code, metadata) {
    if (code === "JWT_SESSION_ERROR" && metadata instanceof SessionEnded) return;
    console.error(`[next-auth][error][${code}]`, metadata);
  },
};

/**
 * next-auth's options for the next-auth route (/api/auth/*), serving one request: `clientIp`
 * is its client's address (see client-ip.ts), by which magic-link requests are throttled; and
 * a session cookie read there (/api/auth/session) is checked against the database like every
 * other request: an ended session answers "no session" and its cookie is cleared.
 */
export function authOptionsFor(clientIp: string | null): NextAuthOptions {
  return buildOptions({ clientIp, checkSessions: true });
}

/**
 * The options pages and API routes read the session cookie with (getServerSession): nobody
 * signs in there, and loadActor checks the session right after.
 */
export const authOptions: NextAuthOptions = buildOptions({ clientIp: null, checkSessions: false });

function buildOptions({
  clientIp,
  checkSessions,
}: {
  clientIp: string | null;
  checkSessions: boolean;
}): NextAuthOptions {
  return {
    logger,
    secret: env.NEXTAUTH_SECRET,
    adapter: lanternAdapter(getPrisma, firstRun),
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in", verifyRequest: "/sign-in/check-email" },
    providers: [
      EmailProvider({
        maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
        from: "Lantern <no-reply@lantern.local>",
        sendVerificationRequest: ({ identifier, url }) =>
          sendMagicLink({
            email: identifier,
            url,
            expiresInMinutes: MAGIC_LINK_MAX_AGE_SECONDS / 60,
          }),
      }),
      ...(oidcConfigured ? [oidcProvider()] : []),
      ...(demoMode ? [demoProvider()] : []),
    ],
    callbacks: {
      async signIn({ user, account, profile, email }) {
        if (account?.provider === "demo") return demoMode;
        if (
          account?.provider === "oidc" &&
          (profile as OidcProfile | undefined)?.email_verified === false
        ) {
          return refuse("NotInOrganization");
        }
        const prisma = await getPrisma();
        if (email?.verificationRequest) {
          // Someone asks for a magic link. Throttled; and an address that may not sign in gets
          // the same answer as one that was sent a link, with nothing sent.
          const decision = await requestSignInLink(
            prisma,
            await getSignInThrottle(),
            { email: user.email ?? "", clientIp },
            firstRun,
          );
          if (decision.outcome === "send") return true;
          if (decision.outcome === "silent") return linkSent();
          return refuse(decision.error);
        }
        // A verified address (the link was opened, or the identity provider vouches for it).
        const resolution = await resolveSignInUser(prisma, user.email);
        if (resolution.ok) return true;
        // First run: nobody exists yet, so this person may create the organization (the
        // adapter's createUser does it once the address is verified).
        if (resolution.error === "NotInOrganization" && firstRun && (await firstRunOpen(prisma))) {
          return (await mayClaimFirstRun(prisma, user.email, firstRun))
            ? true
            : refuse("FirstRunNotAllowed");
        }
        return refuse(resolution.error);
      },
      redirect: safeRedirectUrl,
      async jwt({ token, user, account }) {
        if (user) {
          // Just signed in: `user.id` is the Lantern person's id (adapter or demo provider).
          const person = await recordSignIn(await getPrisma(), {
            userId: user.id,
            method: (account?.provider ?? "email") as SignInMethod,
          });
          token.sub = person.id;
          token.organizationId = person.organizationId;
          token.role = person.role;
          token.name = person.displayName;
          token.email = person.email;
          // Compared with the person's on every request (loadActor): moved on by sign-out,
          // Sign out everywhere and role or status changes, it ends this session.
          token.sessionGeneration = person.sessionGeneration;
        } else if (checkSessions) {
          const actor = await loadActor(await getPrisma(), {
            userId: token.sub ?? "",
            sessionGeneration: token.sessionGeneration,
          });
          if (!actor) throw new SessionEnded("This session has ended.");
        }
        return token;
      },
      session({ session, token }) {
        session.user = {
          id: token.sub!,
          organizationId: token.organizationId,
          role: token.role,
          name: token.name ?? null,
          email: token.email ?? null,
          sessionGeneration: token.sessionGeneration ?? null,
        };
        return session;
      },
    },
    events: {
      // Signing out ends every session of the person, not only this cookie (which next-auth
      // clears): a copy of it kept elsewhere no longer opens anything.
      async signOut({ token }) {
        if (!token?.sub) return;
        await recordSignOut(await getPrisma(), {
          userId: token.sub,
          sessionGeneration: token.sessionGeneration,
        });
      },
    },
  };
}
