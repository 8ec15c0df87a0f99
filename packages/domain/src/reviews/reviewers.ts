// Who reviews one item of an access review campaign (SPEC §10, issue 16): the campaign's
// preferred reviewer per level, with the app-owner and super-admin fallbacks; nobody
// reviews their own access, only active people review, and a second level is someone else.

import { DomainError } from "../errors.ts";
import {
  fallbackAssignees,
  nobodyOfKindReason,
  peopleOfKind,
  type PersonFact,
} from "../workflow/assignees.ts";
import type { ApproverKind } from "../workflow/policy.ts";

/** The same kinds as a policy's approvers. */
export type ReviewerKind = ApproverKind;

/** The campaign's reviewer rule for one level; named people only with USERS. */
export type ReviewerRule =
  { kind: Exclude<ReviewerKind, "USERS"> } | { kind: "USERS"; people: readonly PersonFact[] };

/** Level 1 always; level 2 (null: none) reviews what level 1 kept. */
export interface ReviewerPlan {
  first: ReviewerRule;
  second: ReviewerRule | null;
}

/** The people around one review item, as loaded when the campaign starts. */
export interface ReviewerFacts {
  /** The account's owner; null when the account has none. */
  owner: PersonFact | null;
  /** The owner's manager, if any. */
  ownerManager: PersonFact | null;
  appOwners: readonly PersonFact[];
  entitlementOwners: readonly PersonFact[];
  superAdmins: readonly PersonFact[];
}

/** Which rule chose a level's reviewers; NOBODY when no eligible person is left. */
export type ReviewerSource =
  | "MANAGER"
  | "APP_OWNERS"
  | "ENTITLEMENT_OWNERS"
  | "NAMED"
  | "APP_OWNERS_FALLBACK"
  | "SUPER_ADMINS_FALLBACK"
  | "NOBODY";

/** The source in words, as the campaign page and the export show it. */
export const REVIEWER_SOURCE_LABEL: Record<ReviewerSource, string> = {
  MANAGER: "manager",
  APP_OWNERS: "app owners",
  ENTITLEMENT_OWNERS: "entitlement owners",
  NAMED: "named reviewers",
  APP_OWNERS_FALLBACK: "fallback: app owners",
  SUPER_ADMINS_FALLBACK: "fallback: super admins",
  NOBODY: "nobody can review",
};

export interface LevelReviewers {
  /** Any one of them decides. Empty only when the source is NOBODY. */
  reviewerIds: string[];
  source: ReviewerSource;
  /** Why the reviewers differ from the campaign's rule (or why there are none); else null. */
  note: string | null;
}

export interface ItemReviewers {
  first: LevelReviewers;
  /** Null when the campaign has no second level. */
  second: LevelReviewers | null;
}

const SOURCE_OF: Record<ReviewerKind, ReviewerSource> = {
  MANAGER: "MANAGER",
  APP_OWNERS: "APP_OWNERS",
  ENTITLEMENT_OWNERS: "ENTITLEMENT_OWNERS",
  USERS: "NAMED",
};

const SELF_REVIEW = "nobody reviews their own access";
const SECOND_LOOK = "the second level needs someone other than the first";

const ids = (people: readonly PersonFact[]) => [
  ...new Set(people.filter((p) => p.active).map((p) => p.id)),
];

function rulePeople(rule: ReviewerRule, facts: ReviewerFacts): readonly PersonFact[] {
  const named = rule.kind === "USERS" ? rule.people : [];
  return peopleOfKind(rule.kind, { ...facts, manager: facts.ownerManager, named });
}

/** Why the rule found no active person, in words for the campaign page. */
function missingReason(rule: ReviewerRule, facts: ReviewerFacts): string {
  if (rule.kind === "MANAGER" && !facts.owner) {
    return "The account has no owner, so there is no manager to review it";
  }
  return nobodyOfKindReason(
    rule.kind,
    facts.owner,
    facts.ownerManager,
    "the campaign's named reviewers",
  );
}

/** Said when the rule names active people but every one of them is left out. */
const LEFT_OUT: Record<ReviewerKind, string> = {
  MANAGER: "The owner's manager may not review it",
  APP_OWNERS: "No app owner may review it",
  ENTITLEMENT_OWNERS: "No entitlement owner may review it",
  USERS: "No named reviewer may review it",
};

/**
 * One level's reviewers: the rule's active people, less `excluded` (the account's owner, and
 * for level 2 the first level's reviewers); else the app owners (unless the rule already was
 * the app owners); else the super admins; else NOBODY, saying why.
 */
function resolveLevel(
  rule: ReviewerRule,
  facts: ReviewerFacts,
  excluded: ReadonlySet<string>,
  level: 1 | 2,
): LevelReviewers {
  const eligible = (people: readonly PersonFact[]) => ids(people).filter((id) => !excluded.has(id));
  const named = ids(rulePeople(rule, facts));
  const chosen = named.filter((id) => !excluded.has(id));
  if (chosen.length > 0) return { reviewerIds: chosen, source: SOURCE_OF[rule.kind], note: null };

  const ownerId = facts.owner?.id;
  const words = [
    ownerId !== undefined && named.includes(ownerId) && SELF_REVIEW,
    level === 2 && named.some((id) => id !== ownerId) && SECOND_LOOK,
  ]
    .filter(Boolean)
    .join(" and ");
  const why = named.length === 0 ? missingReason(rule, facts) : `${LEFT_OUT[rule.kind]} (${words})`;

  const fallback = fallbackAssignees(rule.kind, eligible, facts);
  const also = rule.kind === "APP_OWNERS" ? "" : ", and no app owner can review it either";
  if (fallback) {
    return {
      reviewerIds: fallback.userIds,
      source: fallback.source,
      note:
        fallback.source === "APP_OWNERS_FALLBACK"
          ? `${why}, so the app owners review it instead.`
          : `${why}${also}, so the super admins review it.`,
    };
  }
  return {
    reviewerIds: [],
    source: "NOBODY",
    note: `${why}${also}, and no super admin can: nobody can review this item.`,
  };
}

/**
 * A second level asks someone else for a second look: the same rule twice would ask the
 * same people again (named people are the exception: two different lists). BAD_REQUEST.
 */
export function assertValidReviewerPlan(plan: ReviewerPlan): void {
  if (plan.second && plan.second.kind === plan.first.kind && plan.first.kind !== "USERS") {
    throw new DomainError(
      "BAD_REQUEST",
      "The second level would ask the same people as the first. Choose a different reviewer for the second level.",
    );
  }
  for (const rule of [plan.first, plan.second]) {
    if (rule?.kind === "USERS" && rule.people.length === 0) {
      throw new DomainError("BAD_REQUEST", "Choose at least one person to review.");
    }
  }
}

/**
 * The reviewers of one item at each level, and why. Never the account's own owner, never an
 * inactive person; the second level never repeats a first-level reviewer. A level whose
 * source is NOBODY cannot be reviewed: `unreviewableReason` says so for the service.
 */
export function resolveReviewers(plan: ReviewerPlan, facts: ReviewerFacts): ItemReviewers {
  const notOwner = new Set(facts.owner ? [facts.owner.id] : []);
  const first = resolveLevel(plan.first, facts, notOwner, 1);
  if (!plan.second) return { first, second: null };
  const notFirst = new Set([...notOwner, ...first.reviewerIds]);
  return { first, second: resolveLevel(plan.second, facts, notFirst, 2) };
}

/** Null when every level has a reviewer; else why not, in words (first level first). */
export function unreviewableReason(reviewers: ItemReviewers): string | null {
  if (reviewers.first.source === "NOBODY") return reviewers.first.note;
  if (reviewers.second?.source === "NOBODY") {
    return `Second level: ${reviewers.second.note}`;
  }
  return null;
}
