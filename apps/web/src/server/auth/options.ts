import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider from "next-auth/providers/email";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { z } from "zod";
import { firstRunOpen, mayClaimFirstRun, recordSignIn, type SignInMethod } from "@lantern/api";
import { demoMode, env, firstRun, oidcConfigured } from "~/env";
import { getPrisma } from "~/server/db";
import { lanternAdapter } from "./adapter.ts";
import { resolveSignInUser } from "./identity.ts";
import { sendMagicLink } from "./magic-link.ts";

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
      const prisma = await getPrisma();
      const user = await prisma.user.findFirst({
        where: { id: parsed.data.userId, status: "ACTIVE" },
        select: { id: true, email: true, displayName: true },
      });
      return user ? { id: user.id, email: user.email, name: user.displayName } : null;
    },
  });
}

const refuse = (error: string) => `/sign-in?error=${encodeURIComponent(error)}`;

export const authOptions: NextAuthOptions = {
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
    async signIn({ user, account, profile }) {
      if (account?.provider === "demo") return demoMode;
      if (
        account?.provider === "oidc" &&
        (profile as OidcProfile | undefined)?.email_verified === false
      ) {
        return refuse("NotInOrganization");
      }
      const prisma = await getPrisma();
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
      };
      return session;
    },
  },
};
