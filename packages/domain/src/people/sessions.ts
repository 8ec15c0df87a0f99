import { allow, deny, type Actor, type Decision } from "../actor.ts";
import { canSignIn } from "../permissions/rules.ts";

// Revocable sessions. A session is a signed cookie that carries the person's session
// generation as it was when they signed in. The person's row holds the current generation;
// anything that must end their sessions moves it on, and every request compares the two.

/** What a session cookie claims: who, and under which generation they signed in. */
export interface SessionClaim {
  userId: string;
  /** Absent in a cookie made before sessions carried a generation: such a cookie is refused. */
  sessionGeneration: number | null | undefined;
}

export const SESSION_ENDED =
  "Your session has ended (you signed out, or an administrator ended your sessions). Sign in again.";

/**
 * A request may act as the person of a session only while the person may sign in at all and
 * the session's generation is the person's current one.
 */
export function canUseSession(
  person: Pick<Actor, "status"> & { sessionGeneration: number },
  claim: Pick<SessionClaim, "sessionGeneration">,
): Decision {
  const active = canSignIn(person);
  if (!active.allowed) return active;
  if (
    typeof claim.sessionGeneration !== "number" ||
    claim.sessionGeneration !== person.sessionGeneration
  ) {
    return deny(SESSION_ENDED);
  }
  return allow;
}

type Access = Pick<Actor, "role" | "status">;

/**
 * Whether a change of a person ends their sessions: a change of role (what a session may do)
 * or of status, either way (a suspension ends them; a reactivation must not revive a cookie
 * from before, however the suspension was written).
 */
export function changeEndsSessions(before: Access, after: Partial<Access>): boolean {
  return (
    (after.role !== undefined && after.role !== before.role) ||
    (after.status !== undefined && after.status !== before.status)
  );
}
