import { describe, expect, it } from "vitest";
import { allow, deny, type Actor, type Decision } from "../actor.ts";
import { DomainError } from "../errors.ts";
import type { ReassignTarget } from "../permissions/tasks.ts";
import {
  assertCampaignClosable,
  canCloseReviewCampaign,
  canDecideReviewItem,
  canReassignReviewItem,
  reassignExcludedIds,
  itemStateOnClose,
  reviewItemTransition,
  reviewReasonLabel,
  type ReviewAction,
  type ReviewCampaignFacts,
  type ReviewItemFacts,
  type ReviewItemState,
  type ReviewOutcome,
} from "./decisions.ts";

const ORG = "org-1";
const actor = (id: string, role: Actor["role"] = "MEMBER", over: Partial<Actor> = {}): Actor => ({
  id,
  organizationId: ORG,
  role,
  status: "ACTIVE",
  displayName: id,
  email: `${id}@example.com`,
  ...over,
});

const reviewer = actor("rev");
const coReviewer = actor("rev2");
const admin = actor("admin", "SUPER_ADMIN");
const owner = actor("sam"); // owns the account under review
const adminOwner = actor("sam", "SUPER_ADMIN");
const bystander = actor("bob");
const firstDecider = actor("first"); // kept the item at level 1
const adminFirstDecider = actor("first", "SUPER_ADMIN");

const campaign = (over: Partial<ReviewCampaignFacts> = {}): ReviewCampaignFacts => ({
  organizationId: ORG,
  name: "Q3 review",
  state: "RUNNING",
  ...over,
});

const item = (over: Partial<ReviewItemFacts> = {}): ReviewItemFacts => ({
  campaign: campaign(),
  state: "PENDING",
  level: 1,
  hasSecondLevel: false,
  reviewerIds: ["rev", "rev2"],
  ownerId: "sam",
  firstLevelDeciderId: null,
  flagged: false,
  decidedByName: null,
  ...over,
});
const atLevel2 = item({ level: 2, hasSecondLevel: true, firstLevelDeciderId: "first" });

const OWN = deny("This is your own access: nobody reviews their own access.");
const SECOND = deny("You kept this item at the first level; the second level needs someone else.");

describe("canDecideReviewItem (actor × item)", () => {
  it.each<[string, Actor, ReviewItemFacts, Decision]>([
    ["a reviewer of the level", reviewer, item(), allow],
    ["the other reviewer of the level", coReviewer, item(), allow],
    ["a super admin who is not a reviewer", admin, item(), allow],
    [
      "someone else",
      bystander,
      item(),
      deny("Only this item's reviewers (or a super admin) can decide it."),
    ],
    ["the account's owner, even named as reviewer", owner, item({ reviewerIds: ["sam"] }), OWN],
    ["the account's owner who is a super admin", adminOwner, item(), OWN],
    ["a level-2 reviewer", reviewer, { ...atLevel2, reviewerIds: ["rev"] }, allow],
    [
      "the level-1 decider at level 2, though a reviewer",
      firstDecider,
      { ...atLevel2, reviewerIds: ["first"] },
      SECOND,
    ],
    ["the level-1 decider at level 2, though a super admin", adminFirstDecider, atLevel2, SECOND],
    [
      "the level-1 decider id means nothing at level 1",
      firstDecider,
      item({ reviewerIds: ["first"], firstLevelDeciderId: "first" }),
      allow,
    ],
    [
      "a suspended reviewer",
      actor("rev", "MEMBER", { status: "SUSPENDED" }),
      item(),
      deny("Your Lantern account is suspended. Ask a Lantern super admin to reactivate it."),
    ],
    [
      "a super admin of another organization",
      actor("admin", "SUPER_ADMIN", { organizationId: "org-2" }),
      item(),
      deny("This review item does not exist."),
    ],
  ])("%s", (_label, who, facts, expected) => {
    expect(canDecideReviewItem(who, facts)).toEqual(expected);
  });

  it("says 'reassign' when the refusal is about reassigning", () => {
    expect(canDecideReviewItem(bystander, item(), "reassign")).toEqual(
      deny("Only this item's reviewers (or a super admin) can reassign it."),
    );
  });
});

const target = (id: string, over: Partial<ReassignTarget> = {}): ReassignTarget => ({
  id,
  organizationId: ORG,
  displayName: `Person ${id}`,
  status: "ACTIVE",
  ...over,
});

describe("canReassignReviewItem (actor × item × new reviewer)", () => {
  it.each<[string, Actor, ReviewItemFacts, ReassignTarget | null, Decision]>([
    ["a reviewer to someone new", reviewer, item(), target("nina"), allow],
    ["a super admin to someone new", admin, item(), target("nina"), allow],
    [
      "someone who may not decide",
      bystander,
      item(),
      target("nina"),
      deny("Only this item's reviewers (or a super admin) can reassign it."),
    ],
    [
      "to nobody",
      reviewer,
      item(),
      null,
      deny("Choose a person of your organization to reassign the review to."),
    ],
    [
      "to someone of another organization",
      reviewer,
      item(),
      target("nina", { organizationId: "org-2" }),
      deny("Choose a person of your organization to reassign the review to."),
    ],
    [
      "to a suspended person",
      reviewer,
      item(),
      target("nina", { status: "SUSPENDED" }),
      deny("Person nina is not an active user and cannot review this item."),
    ],
    [
      "to the account's owner",
      reviewer,
      item(),
      target("sam"),
      deny("Person sam owns this account, and nobody reviews their own access."),
    ],
    [
      "at level 2, to the level-1 decider",
      reviewer,
      { ...atLevel2, reviewerIds: ["rev"] },
      target("first"),
      deny("Person first kept this item at the first level; the second level needs someone else."),
    ],
    [
      "to someone already reviewing it",
      reviewer,
      item(),
      target("rev2"),
      deny("Person rev2 already reviews this item."),
    ],
  ])("%s", (_label, who, facts, to, expected) => {
    expect(canReassignReviewItem(who, facts, to)).toEqual(expected);
  });
});

describe("reassignExcludedIds (whom the Reassign picker leaves out)", () => {
  it.each<[string, ReviewItemFacts, string[]]>([
    ["level 1: the reviewers and the owner", item(), ["rev", "rev2", "sam"]],
    ["no owner", item({ ownerId: null }), ["rev", "rev2"]],
    ["level 2: also who kept it at level 1", atLevel2, ["rev", "rev2", "sam", "first"]],
  ])("%s", (_label, facts, expected) => {
    const excluded = reassignExcludedIds(facts);
    expect([...excluded].sort()).toEqual([...expected].sort());
    // Every one of them is a target canReassignReviewItem refuses.
    for (const id of excluded) {
      expect(canReassignReviewItem(reviewer, facts, target(id)).allowed).toBe(false);
    }
  });
});

describe("reviewReasonLabel (which decisions need a reason)", () => {
  it.each<[ReviewAction, boolean, string | null]>([
    ["keep", false, null],
    ["keep", true, "A reason for keeping flagged access"],
    ["revoke", false, "A reason for revoking"],
    ["revoke", true, "A reason for revoking"],
    ["reassign", false, "A reason for the reassignment"],
    ["reassign", true, "A reason for the reassignment"],
  ])("%s, flagged %s → %s", (action, flagged, expected) => {
    expect(reviewReasonLabel(action, flagged)).toBe(expected);
  });
});

describe("reviewItemTransition (what a decision leads to)", () => {
  const two = item({ hasSecondLevel: true });
  it.each<[string, ReviewItemFacts, ReviewAction, string | null, ReviewOutcome]>([
    [
      "Keep, one level → kept",
      item(),
      "keep",
      null,
      { state: "KEPT", level: 1, effect: "DONE", reason: null },
    ],
    [
      "Keep with an optional note, trimmed",
      item(),
      "keep",
      "  still on the team ",
      { state: "KEPT", level: 1, effect: "DONE", reason: "still on the team" },
    ],
    [
      "Keep at level 1 of two → level 2",
      two,
      "keep",
      null,
      { state: "PENDING", level: 2, effect: "NEXT_LEVEL", reason: null },
    ],
    [
      "Keep at level 2 → kept",
      atLevel2,
      "keep",
      "",
      { state: "KEPT", level: 2, effect: "DONE", reason: null },
    ],
    [
      "Keep of a flagged item, with a reason",
      item({ flagged: true }),
      "keep",
      "service account of the billing job",
      { state: "KEPT", level: 1, effect: "DONE", reason: "service account of the billing job" },
    ],
    [
      "Revoke at level 1 → a REVOKE request",
      two,
      "revoke",
      "left the team",
      { state: "REVOKED", level: 1, effect: "REVOKE_REQUEST", reason: "left the team" },
    ],
    [
      "Revoke at level 2 → a REVOKE request",
      atLevel2,
      "revoke",
      "not needed",
      { state: "REVOKED", level: 2, effect: "REVOKE_REQUEST", reason: "not needed" },
    ],
    [
      "Reassign → same level, still pending",
      atLevel2,
      "reassign",
      "Nina knows this app",
      { state: "PENDING", level: 2, effect: "REASSIGNED", reason: "Nina knows this app" },
    ],
  ])("%s", (_label, facts, action, reason, expected) => {
    expect(reviewItemTransition(facts, action, reason)).toEqual(expected);
  });

  const refusal = (fn: () => unknown): { code: string; message: string } => {
    try {
      fn();
    } catch (error) {
      if (error instanceof DomainError) return { code: error.code, message: error.message };
      throw error;
    }
    throw new Error("expected a refusal");
  };

  it.each<[string, ReviewItemFacts, ReviewAction, string | null, string, string]>([
    [
      "Revoke without a reason",
      item(),
      "revoke",
      null,
      "BAD_REQUEST",
      "A reason for revoking is required.",
    ],
    [
      "Revoke with only spaces",
      item(),
      "revoke",
      "   ",
      "BAD_REQUEST",
      "A reason for revoking is required.",
    ],
    [
      "Keep of a flagged item without a reason",
      item({ flagged: true }),
      "keep",
      null,
      "BAD_REQUEST",
      "A reason for keeping flagged access is required.",
    ],
    [
      "Reassign without a reason",
      item(),
      "reassign",
      "",
      "BAD_REQUEST",
      "A reason for the reassignment is required.",
    ],
    [
      "an item already kept",
      item({ state: "KEPT", decidedByName: "Max Manager" }),
      "revoke",
      "changed my mind",
      "CONFLICT",
      "This item was already kept by Max Manager.",
    ],
    [
      "an item already revoked",
      item({ state: "REVOKED", decidedByName: "Olga Owner" }),
      "keep",
      null,
      "CONFLICT",
      "This item was already revoked by Olga Owner.",
    ],
    [
      "an item revoked, reassigned",
      item({ state: "REVOKED", decidedByName: "Olga Owner" }),
      "reassign",
      "wrong person",
      "CONFLICT",
      "This item was already revoked by Olga Owner.",
    ],
    [
      "an item closed undecided",
      item({ state: "NOT_REVIEWED", campaign: campaign({ state: "RUNNING" }) }),
      "keep",
      null,
      "CONFLICT",
      "This item was already closed without a decision.",
    ],
    [
      "an item of a closed campaign",
      item({ campaign: campaign({ state: "CLOSED" }) }),
      "keep",
      null,
      "CONFLICT",
      'The campaign "Q3 review" is closed; its items can no longer be decided.',
    ],
    [
      "an item of a campaign not started",
      item({ campaign: campaign({ state: "DRAFT" }) }),
      "revoke",
      "x",
      "CONFLICT",
      'The campaign "Q3 review" has not started yet; its items cannot be decided.',
    ],
  ])("refuses %s", (_label, facts, action, reason, code, message) => {
    expect(refusal(() => reviewItemTransition(facts, action, reason))).toEqual({ code, message });
  });

  it("reports who decided a decided item in the details", () => {
    try {
      reviewItemTransition(item({ state: "KEPT", decidedByName: "Max Manager" }), "keep", null);
    } catch (error) {
      expect((error as DomainError).details).toEqual({ state: "KEPT", decidedBy: "Max Manager" });
      return;
    }
    throw new Error("expected a refusal");
  });
});

describe("closing a campaign", () => {
  it.each<[ReviewItemState, ReviewItemState]>([
    ["PENDING", "NOT_REVIEWED"],
    ["KEPT", "KEPT"],
    ["REVOKED", "REVOKED"],
    ["NOT_REVIEWED", "NOT_REVIEWED"],
  ])("an item %s stays or becomes %s", (state, expected) => {
    expect(itemStateOnClose(state)).toBe(expected);
  });

  it.each<[string, Actor, Decision]>([
    ["a super admin", admin, allow],
    ["a reviewer", reviewer, deny("Only a super admin can close a campaign.")],
    [
      "a super admin of another organization",
      actor("admin", "SUPER_ADMIN", { organizationId: "org-2" }),
      deny("This campaign does not exist."),
    ],
  ])("close by %s", (_label, who, expected) => {
    expect(canCloseReviewCampaign(who, campaign())).toEqual(expected);
  });

  it.each<[ReviewCampaignFacts["state"], string | null]>([
    ["RUNNING", null],
    ["CLOSED", 'The campaign "Q3 review" is already closed.'],
    ["DRAFT", 'The campaign "Q3 review" has not started, so there is nothing to close.'],
  ])("a %s campaign", (state, message) => {
    const run = () => assertCampaignClosable(campaign({ state }));
    if (message === null) expect(run).not.toThrow();
    else expect(run).toThrow(message);
  });
});
