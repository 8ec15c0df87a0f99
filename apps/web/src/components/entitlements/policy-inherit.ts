// What an entitlement's policy select offers as "inherit": the app's default, else the
// organization's. A plain module: server and client components import it.

export interface InheritedPolicyRef {
  name: string;
  source: "APP" | "ORGANIZATION";
}

/** PolicySelect's `inherited`: "Inherit: Manager approval (the app's default)". */
export function inheritedFor(policy: InheritedPolicyRef | null) {
  if (!policy) return { name: null, from: "the app or the organization" };
  return {
    name: policy.name,
    from: policy.source === "APP" ? "the app's default" : "the organization's default",
  };
}

/** What a new entitlement of an app inherits, per kind (entitlements.inheritedPolicies). */
export interface AppInheritedPolicies {
  request: InheritedPolicyRef | null;
  revocation: InheritedPolicyRef | null;
}

/** PolicyPair's `inherited`: what each of an entitlement's two policies inherits. */
export function inheritedPair(inherited: AppInheritedPolicies) {
  return {
    request: inheritedFor(inherited.request),
    revocation: inheritedFor(inherited.revocation),
  };
}
