import "server-only";
import { createSignInThrottle, type SignInThrottle } from "@lantern/api";
import { env } from "~/env";
import { getPrisma } from "~/server/db";

// One throttle of sign-in links per server process; its counts live in the database, shared
// with every other instance (see @lantern/api services/sign-in-throttle.ts).

let throttle: Promise<SignInThrottle> | undefined;

export function getSignInThrottle(): Promise<SignInThrottle> {
  throttle ??= getPrisma().then(
    (prisma) =>
      createSignInThrottle(prisma, {
        perAddress: env.LANTERN_SIGN_IN_LINKS_PER_ADDRESS,
        perClientIp: env.LANTERN_SIGN_IN_LINKS_PER_IP,
        windowSeconds: env.LANTERN_SIGN_IN_LINKS_WINDOW_MINUTES * 60,
      }),
    (error: unknown) => {
      throttle = undefined; // the next request tries again
      throw error;
    },
  );
  return throttle;
}
