import { describe, expect, it } from "vitest";
import { allow, deny, type Actor, type Decision } from "../actor.ts";
import { canReadReviewCampaigns, canStartReviewCampaign } from "./access.ts";

const actor = (role: Actor["role"], over: Partial<Actor> = {}): Actor => ({
  id: "a",
  organizationId: "org-1",
  role,
  status: "ACTIVE",
  displayName: "A",
  email: "a@example.com",
  ...over,
});
const org = { organizationId: "org-1" };
const START = deny("Only a super admin can start an access review.");
const READ = deny("Only super admins and auditors can see access review campaigns.");

describe("access review campaigns (role × rule)", () => {
  it.each<[string, Actor, Decision, Decision]>([
    ["a super admin", actor("SUPER_ADMIN"), allow, allow],
    ["an auditor", actor("AUDITOR"), START, allow],
    ["a member", actor("MEMBER"), START, READ],
    [
      "a suspended super admin",
      actor("SUPER_ADMIN", { status: "SUSPENDED" }),
      deny("Your Lantern account is suspended. Ask a Lantern super admin to reactivate it."),
      deny("Your Lantern account is suspended. Ask a Lantern super admin to reactivate it."),
    ],
    [
      "a super admin of another organization",
      actor("SUPER_ADMIN", { organizationId: "org-2" }),
      deny("This organization does not exist."),
      deny("This campaign does not exist."),
    ],
  ])("%s: start %j, read %j", (_label, who, start, read) => {
    expect(canStartReviewCampaign(who, org)).toEqual(start);
    expect(canReadReviewCampaigns(who, org)).toEqual(read);
  });
});
