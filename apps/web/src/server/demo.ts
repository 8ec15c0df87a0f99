// Demo mode's one door to the demo data (@lantern/seed): the embedded database's first start
// creates the demo organization, and the sign-in page features the people worth trying.
// The linter allows @lantern/seed in the web app only here.
import type { PrismaClient } from "@lantern/db";
import { listDemoSignInPeople } from "@lantern/api";
import { DEMO_SIGN_IN_PEOPLE, seedIfEmpty } from "@lantern/seed";

/** Creates the demo organization in an empty database; answers whether it did. */
export function seedDemoIfEmpty(prisma: PrismaClient): Promise<boolean> {
  return seedIfEmpty(prisma);
}

/** Every active person, and first the featured demo people with why to try each. */
export function demoSignInPeople(prisma: PrismaClient) {
  return listDemoSignInPeople(prisma, DEMO_SIGN_IN_PEOPLE);
}
