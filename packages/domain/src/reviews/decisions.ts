// Deciding the items of an access review (SPEC §10, issue 16): who may decide, which
// decisions need a reason, and what each decision leads to. Pure: the service asks these
// functions and writes the answer (item, Event, REVOKE request) in one transaction.

import { allow, deny, type Actor, type Decision } from "../actor.ts";
import { DomainError } from "../errors.ts";
import { canSignIn, isSuperAdmin, responsibleRule } from "../permissions/rules.ts";
import type { ReassignTarget } from "../permissions/tasks.ts";
import { requireReason } from "../workflow/state-machine.ts";

export type ReviewCampaignState = "DRAFT" | "RUNNING" | "CLOSED";
/** PENDING: waiting for its current level's reviewer. NOT_REVIEWED: closed undecided. */
export type ReviewItemState = "PENDING" | "KEPT" | "REVOKED" | "NOT_REVIEWED";
export type ReviewAction = "keep" | "revoke" | "reassign";
export type ReviewLevel = 1 | 2;

/** The action as its button says it. */
export const REVIEW_ACTION_LABEL: Record<ReviewAction, string> = {
  keep: "Keep",
  revoke: "Revoke",
  reassign: "Reassign",
};

export interface ReviewCampaignFacts {
  organizationId: string;
  name: string;
  state: ReviewCampaignState;
}

/** One review item as the rules need it. */
export interface ReviewItemFacts {
  campaign: ReviewCampaignFacts;
  state: ReviewItemState;
  level: ReviewLevel;
  hasSecondLevel: boolean;
  /** The reviewers of the item's current level (any one of them decides). */
  reviewerIds: readonly string[];
  /** The account's owner, if any: never decides on their own access. */
  ownerId: string | null;
  /** Who kept the item at level 1, once it waits at level 2. */
  firstLevelDeciderId: string | null;
  /** Whether the item carries any flag (`reviewItemFlags`): a Keep then needs a reason. */
  flagged: boolean;
  decidedByName: string | null;
}

/**
 * The text a decision takes: the label of a required reason, or null when none is needed.
 * Revoke and Reassign always; Keep when the item is flagged. The one answer to "does this
 * need a reason?": the service checks it, the review dialog asks for it.
 */
export function reviewReasonLabel(action: ReviewAction, flagged: boolean): string | null {
  switch (action) {
    case "revoke":
      return "A reason for revoking";
    case "reassign":
      return "A reason for the reassignment";
    case "keep":
      return flagged ? "A reason for keeping flagged access" : null;
  }
}

const NOT_FOUND = "This review item does not exist.";

/**
 * Who may decide an item (Keep, Revoke) or reassign it: one of the reviewers of its current
 * level, or a super admin (SPEC §8: super admins may do everything in their organization, as
 * on tasks; the Event records who decided). Never the account's own owner, super admin or
 * not; and at level 2 never the person who kept it at level 1.
 */
export function canDecideReviewItem(
  actor: Actor,
  item: ReviewItemFacts,
  action: ReviewAction = "keep",
): Decision {
  if (actor.organizationId !== item.campaign.organizationId) return deny(NOT_FOUND);
  const active = canSignIn(actor);
  if (!active.allowed) return active;
  if (item.ownerId === actor.id) {
    return deny("This is your own access: nobody reviews their own access.");
  }
  if (item.level === 2 && item.firstLevelDeciderId === actor.id) {
    return deny("You kept this item at the first level; the second level needs someone else.");
  }
  if (isSuperAdmin(actor) || item.reviewerIds.includes(actor.id)) return allow;
  const verb = action === "reassign" ? "reassign" : "decide";
  return deny(`Only this item's reviewers (or a super admin) can ${verb} it.`);
}

/**
 * Reassign: the actor may decide the item, and the new reviewer is an active person of the
 * organization who is not the account's owner, not the first-level reviewer of a level-2
 * item, and not already a reviewer of it.
 */
export function canReassignReviewItem(
  actor: Actor,
  item: ReviewItemFacts,
  target: ReassignTarget | null,
): Decision {
  const may = canDecideReviewItem(actor, item, "reassign");
  if (!may.allowed) return may;
  if (!target || target.organizationId !== item.campaign.organizationId) {
    return deny("Choose a person of your organization to reassign the review to.");
  }
  if (target.status !== "ACTIVE") {
    return deny(`${target.displayName} is not an active user and cannot review this item.`);
  }
  if (target.id === item.ownerId) {
    return deny(`${target.displayName} owns this account, and nobody reviews their own access.`);
  }
  if (item.level === 2 && target.id === item.firstLevelDeciderId) {
    return deny(
      `${target.displayName} kept this item at the first level; the second level needs someone else.`,
    );
  }
  if (item.reviewerIds.includes(target.id)) {
    return deny(`${target.displayName} already reviews this item.`);
  }
  return allow;
}

/** What a decision leads to. */
/**
 * Who can never receive the item by Reassign, whatever the reason (the people
 * canReassignReviewItem refuses as targets): its owner, those it waits for now, and at level 2
 * whoever kept it at level 1. The Reassign picker leaves them out.
 */
export function reassignExcludedIds(item: ReviewItemFacts): Set<string> {
  const excluded = new Set(item.reviewerIds);
  if (item.ownerId) excluded.add(item.ownerId);
  if (item.level === 2 && item.firstLevelDeciderId) excluded.add(item.firstLevelDeciderId);
  return excluded;
}

export interface ReviewOutcome {
  state: ReviewItemState;
  level: ReviewLevel;
  /**
   * NEXT_LEVEL: kept at level 1, now the second level's; DONE: finally kept; REVOKE_REQUEST:
   * create a REVOKE request (SPEC §5) linked to the item; REASSIGNED: same level, new reviewer.
   */
  effect: "NEXT_LEVEL" | "DONE" | "REVOKE_REQUEST" | "REASSIGNED";
  /** The reason, trimmed; null when none was needed or given. */
  reason: string | null;
}

const DECIDED_PAST: Record<Exclude<ReviewItemState, "PENDING">, string> = {
  KEPT: "kept",
  REVOKED: "revoked",
  NOT_REVIEWED: "closed without a decision",
};

/** CONFLICT unless the campaign is running and the item still waits for a decision. */
function assertDecidable(item: ReviewItemFacts): void {
  const { name, state } = item.campaign;
  if (state === "DRAFT") {
    throw new DomainError(
      "CONFLICT",
      `The campaign "${name}" has not started yet; its items cannot be decided.`,
    );
  }
  if (state === "CLOSED") {
    throw new DomainError(
      "CONFLICT",
      `The campaign "${name}" is closed; its items can no longer be decided.`,
    );
  }
  if (item.state !== "PENDING") {
    const by =
      item.decidedByName && item.state !== "NOT_REVIEWED" ? ` by ${item.decidedByName}` : "";
    throw new DomainError("CONFLICT", `This item was already ${DECIDED_PAST[item.state]}${by}.`, {
      state: item.state,
      decidedBy: item.decidedByName,
    });
  }
}

/**
 * What Keep, Revoke or Reassign does to a pending item of a running campaign:
 * - Keep at level 1 with a second level → pending at level 2;
 * - Keep otherwise → KEPT (done);
 * - Revoke at either level → REVOKED, and a REVOKE request is made;
 * - Reassign → still pending at the same level, with the new reviewer.
 * Throws CONFLICT when the campaign is not running or the item was already decided (a decided
 * item is never decided again), BAD_REQUEST when a required reason is missing.
 */
export function reviewItemTransition(
  item: ReviewItemFacts,
  action: ReviewAction,
  reason: string | null | undefined,
): ReviewOutcome {
  assertDecidable(item);
  const label = reviewReasonLabel(action, item.flagged);
  const text = label ? requireReason(reason, label) : reason?.trim() || null;
  switch (action) {
    case "keep":
      return item.level === 1 && item.hasSecondLevel
        ? { state: "PENDING", level: 2, effect: "NEXT_LEVEL", reason: text }
        : { state: "KEPT", level: item.level, effect: "DONE", reason: text };
    case "revoke":
      return { state: "REVOKED", level: item.level, effect: "REVOKE_REQUEST", reason: text };
    case "reassign":
      return { state: "PENDING", level: item.level, effect: "REASSIGNED", reason: text };
  }
}

/** Only super admins close a campaign (SPEC §10). */
export const canCloseReviewCampaign = responsibleRule<ReviewCampaignFacts>({
  notFound: "This campaign does not exist.",
  responsible: (actor) => isSuperAdmin(actor),
  whoCan: () => "Only a super admin can close a campaign.",
});

/** Close: only a running campaign; CONFLICT otherwise. */
export function assertCampaignClosable(campaign: ReviewCampaignFacts): void {
  if (campaign.state !== "RUNNING") {
    throw new DomainError(
      "CONFLICT",
      campaign.state === "CLOSED"
        ? `The campaign "${campaign.name}" is already closed.`
        : `The campaign "${campaign.name}" has not started, so there is nothing to close.`,
    );
  }
}

/** On close, an undecided item is recorded as not reviewed; decided items keep their state. */
export function itemStateOnClose(state: ReviewItemState): ReviewItemState {
  return state === "PENDING" ? "NOT_REVIEWED" : state;
}
