// Seed factories (demo data AND test fixtures) and the demo organization.
export * from "./factories.ts";
export * from "./demo.ts";
export {
  DEMO_DOMAIN,
  DEMO_LEGACY_DOMAIN,
  DEMO_PEOPLE,
  DEMO_ROSTER,
  DEMO_SIGN_IN_PEOPLE,
  DEPARTMENTS,
  type Department,
  type DemoPerson,
  type DemoPersonRole,
  type DemoSignInPerson,
} from "./demo-people.ts";
export { DEMO_APPS, DEMO_SHADOW_APPS } from "./demo-apps.ts";
export { deleteOrganization } from "./reset.ts";
export { createRng, type Rng } from "./prng.ts";
export { createScratchPostgres, type ScratchPostgres } from "@lantern/db/testing";
