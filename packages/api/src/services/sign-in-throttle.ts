import { createHash } from "node:crypto";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { PrismaClient } from "@lantern/db";
import { normalizeEmail } from "@lantern/domain";

// How many sign-in links may be asked for (issue 13, item 7): per email address, so nobody can
// flood someone's inbox, and per client IP, so one client cannot walk through addresses. The
// counters are rate-limiter-flexible's, kept in the RateLimit table through its Prisma store:
// shared by every instance of Lantern, on PostgreSQL and the embedded PGlite alike, and kept
// across restarts. Every request counts, whether or not the address belongs to anyone, so
// the answer never tells the two apart. Keys are hashed: the table holds no addresses.

export interface SignInLimits {
  /** Links per email address per window. */
  perAddress: number;
  /** Links per client IP per window. */
  perClientIp: number;
  /** The window, in seconds (fixed: it starts with the first request of a key). */
  windowSeconds: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  perAddress: 5,
  perClientIp: 20,
  windowSeconds: 15 * 60,
};

export type SignInThrottleDecision =
  { allowed: true } | { allowed: false; limit: "address" | "client-ip"; retryAfterSeconds: number };

export interface SignInThrottle {
  /** Counts one sign-in link request for the address from the client IP (null: unknown). */
  consume(request: { email: string; clientIp: string | null }): Promise<SignInThrottleDecision>;
}

const hashed = (value: string) => createHash("sha256").update(value).digest("base64url");

/** The address as Lantern compares addresses (SPEC §1: trimmed, case-insensitive). */
const addressKey = (email: string) => hashed(normalizeEmail(email));

/** Consumes one point; the store's answer when over the limit, null when allowed. */
async function over(limiter: RateLimiterPrisma, key: string): Promise<RateLimiterRes | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return rejection;
    throw rejection;
  }
}

export function createSignInThrottle(
  db: PrismaClient,
  limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS,
): SignInThrottle {
  const common = { storeClient: db, tableName: "rateLimit", duration: limits.windowSeconds };
  const perAddress = new RateLimiterPrisma({
    ...common,
    keyPrefix: "sign-in-link:address",
    points: limits.perAddress,
    // One of the two limiters removes the table's long-expired rows (every 5 minutes).
    clearExpiredByTimeout: true,
  });
  const perClientIp = new RateLimiterPrisma({
    ...common,
    keyPrefix: "sign-in-link:client-ip",
    points: limits.perClientIp,
    clearExpiredByTimeout: false,
  });
  return {
    async consume({ email, clientIp }) {
      // Both count, one after the other (PGlite serializes its queries anyway).
      const byAddress = await over(perAddress, addressKey(email));
      const byClient = await over(perClientIp, hashed(clientIp ?? "unknown"));
      const refusal = byAddress ?? byClient;
      if (!refusal) return { allowed: true };
      return {
        allowed: false,
        limit: byAddress ? "address" : "client-ip",
        retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)),
      };
    },
  };
}
