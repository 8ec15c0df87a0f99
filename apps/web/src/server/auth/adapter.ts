import { createHash } from "node:crypto";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import { claimFirstRun, type FirstRunOptions } from "@lantern/api";
import type { PrismaClient } from "@lantern/db";
import { resolveSignInUser } from "./identity.ts";

// next-auth needs an adapter for email magic links. Lantern's people live in its own
// User table, per organization, and are never created at sign-in — except on the first run,
// when the first person of an empty installation creates the organization; sessions are JWTs.
// So this adapter maps next-auth's user to Lantern's (by verified email) and keeps only
// magic-link tokens — hashed, never the token itself.

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

function toAdapterUser(user: { id: string; email: string; displayName: string }): AdapterUser {
  return { id: user.id, email: user.email, name: user.displayName, emailVerified: null };
}

export function lanternAdapter(
  getPrisma: () => Promise<PrismaClient>,
  firstRun: FirstRunOptions | null,
): Adapter {
  return {
    // next-auth asks for a new user only when nobody has this verified address.
    async createUser(user: Omit<AdapterUser, "id">) {
      const person = firstRun
        ? await claimFirstRun(
            await getPrisma(),
            { email: user.email, profileName: user.name },
            firstRun,
          )
        : null;
      if (!person) {
        throw new Error("Lantern does not create people at sign-in; they come from the directory.");
      }
      return toAdapterUser(person);
    },
    async getUser(id) {
      const prisma = await getPrisma();
      const user = await prisma.user.findUnique({
        where: { id },
        select: { id: true, email: true, displayName: true },
      });
      return user ? toAdapterUser(user) : null;
    },
    async getUserByEmail(email) {
      const resolution = await resolveSignInUser(await getPrisma(), email);
      return resolution.ok ? toAdapterUser(resolution.user) : null;
    },
    // Identity-provider accounts are linked by verified email on every sign-in
    // (the provider is the organization's own IdP), so no link table is kept.
    async getUserByAccount() {
      return null;
    },
    async linkAccount() {
      return undefined;
    },
    async updateUser(user) {
      const prisma = await getPrisma();
      const found = await prisma.user.findUniqueOrThrow({
        where: { id: user.id },
        select: { id: true, email: true, displayName: true },
      });
      return toAdapterUser(found);
    },
    async createVerificationToken(token) {
      const prisma = await getPrisma();
      await prisma.verificationToken.create({
        data: { identifier: token.identifier, token: hash(token.token), expires: token.expires },
      });
      return token;
    },
    async useVerificationToken({ identifier, token }) {
      const prisma = await getPrisma();
      const hashed = hash(token);
      // deleteMany is atomic: a link works exactly once, even when clicked twice at once.
      const found = await prisma.verificationToken.findUnique({ where: { token: hashed } });
      if (!found || found.identifier !== identifier) return null;
      const { count } = await prisma.verificationToken.deleteMany({ where: { token: hashed } });
      if (count === 0) return null;
      return { identifier: found.identifier, token, expires: found.expires };
    },
  };
}
