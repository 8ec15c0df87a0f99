import { describe, expect, it } from "vitest";
import type { Actor, Decision } from "../actor.ts";
import {
  canActOnTask,
  canCancelRequest,
  canCommentOnTask,
  canReassignTask,
  canRemindTask,
  canRequestAccess,
  canRetryRequest,
  canSendReminderAt,
  canViewTask,
  ONLY_REQUESTER_OWNERS_REMIND,
  REMINDER_INTERVAL_MINUTES,
  reminderAvailableAt,
  reminderCutoff,
  reminderTooSoonMessage,
  type ReassignFacts,
  type ReassignTarget,
  type TaskFactsForRules,
} from "./tasks.ts";

const ORG = "org-1";
const OTHER_ORG = "org-2";
const person = (id: string, role: Actor["role"] = "MEMBER", organizationId = ORG): Actor => ({
  id,
  organizationId,
  role,
  status: "ACTIVE",
  displayName: id,
  email: `${id}@example.com`,
});

const admin = person("admin", "SUPER_ADMIN");
const assignee = person("assignee");
const former = person("former"); // reassigned away from this task
const requester = person("requester");
const subject = person("subject"); // owns the account the access is for
const owner = person("owner"); // app owner
const approver = person("approver"); // assigned to the request's approval task
const member = person("member");
const outsiderAdmin = person("outsider", "SUPER_ADMIN", OTHER_ORG);
const auditor = person("auditor", "AUDITOR"); // reads everything, takes part in nothing here
const requestingAuditor = person("requester", "AUDITOR"); // an auditor asking for themself

const task: TaskFactsForRules = {
  organizationId: ORG,
  activeAssigneeIds: ["assignee"],
  everAssigneeIds: ["assignee", "former"],
  requesterId: "requester",
  subjectId: "subject",
  appOwnerIds: ["owner"],
  requestParticipantIds: ["approver", "assignee", "former"],
};

const policy: ReassignFacts = {
  allowReassignment: true,
  policyName: "Standard",
  allowedReassigneeIds: null,
};

const target = (overrides: Partial<ReassignTarget> = {}): ReassignTarget => ({
  id: "target",
  organizationId: ORG,
  displayName: "Tara Target",
  status: "ACTIVE",
  ...overrides,
});

const request = (state: string) => ({
  organizationId: ORG,
  requesterId: "requester",
  appOwnerIds: ["owner"],
  state,
});

const NOT_FOUND = "This task does not exist.";
const ONLY_ASSIGNEES_ACT =
  "Only the people this task is assigned to (or a super admin) can act on it.";
const ONLY_ASSIGNEES_REASSIGN =
  "Only the people this task is assigned to (or a super admin) can reassign it.";
const ONLY_OWNERS_RETRY = "Only the app's owners and super admins can retry an errored request.";
const ONLY_ADMINS_CANCEL = "Only super admins can cancel a request.";
const ALREADY_APPROVED =
  "Your request is already approved; only a super admin can cancel it now. Ask one, or comment on its task.";
const NO_REQUEST = "This request does not exist.";
const ONLY_REMIND = ONLY_REQUESTER_OWNERS_REMIND;
const AUDITORS_READ =
  "An auditor reads every task but comments only on tasks about their own requests or access.";

type Action =
  | "view"
  | "comment"
  | "act"
  | "reassign"
  | "remind"
  | "retry"
  | "cancel pending"
  | "cancel approved";

const decide: Record<Action, (actor: Actor) => Decision> = {
  view: (actor) => canViewTask(actor, task),
  comment: (actor) => canCommentOnTask(actor, task),
  act: (actor) => canActOnTask(actor, task),
  reassign: (actor) => canReassignTask(actor, task, policy, target()),
  remind: (actor) => canRemindTask(actor, { ...task, state: "OPEN" }),
  retry: (actor) => canRetryRequest(actor, request("ERRORED")),
  "cancel pending": (actor) => canCancelRequest(actor, request("PENDING_APPROVAL")),
  "cancel approved": (actor) => canCancelRequest(actor, request("APPROVED")),
};

/** true = allowed; a string = refused with exactly that reason. */
type Expected = Record<Action, true | string>;

const MATRIX: [string, Actor, Expected][] = [
  [
    "super admin",
    admin,
    {
      view: true,
      comment: true,
      act: true,
      reassign: true,
      remind: true,
      retry: true,
      "cancel pending": true,
      "cancel approved": true,
    },
  ],
  [
    "active assignee",
    assignee,
    {
      view: true,
      comment: true,
      act: true,
      reassign: true,
      remind: ONLY_REMIND,
      retry: ONLY_OWNERS_RETRY,
      "cancel pending": ONLY_ADMINS_CANCEL,
      "cancel approved": ONLY_ADMINS_CANCEL,
    },
  ],
  [
    "assignee reassigned away",
    former,
    {
      view: true,
      comment: true,
      act: ONLY_ASSIGNEES_ACT,
      reassign: ONLY_ASSIGNEES_REASSIGN,
      remind: ONLY_REMIND,
      retry: ONLY_OWNERS_RETRY,
      "cancel pending": ONLY_ADMINS_CANCEL,
      "cancel approved": ONLY_ADMINS_CANCEL,
    },
  ],
  [
    "requester",
    requester,
    {
      view: true,
      comment: true,
      act: ONLY_ASSIGNEES_ACT,
      reassign: ONLY_ASSIGNEES_REASSIGN,
      remind: true,
      retry: ONLY_OWNERS_RETRY,
      "cancel pending": true,
      "cancel approved": ALREADY_APPROVED,
    },
  ],
  [
    "subject (account owner)",
    subject,
    {
      view: true,
      comment: true,
      act: ONLY_ASSIGNEES_ACT,
      reassign: ONLY_ASSIGNEES_REASSIGN,
      remind: ONLY_REMIND,
      retry: ONLY_OWNERS_RETRY,
      "cancel pending": ONLY_ADMINS_CANCEL,
      "cancel approved": ONLY_ADMINS_CANCEL,
    },
  ],
  [
    "app owner",
    owner,
    {
      view: true,
      comment: true,
      act: ONLY_ASSIGNEES_ACT,
      reassign: ONLY_ASSIGNEES_REASSIGN,
      remind: true,
      retry: true,
      "cancel pending": ONLY_ADMINS_CANCEL,
      "cancel approved": ONLY_ADMINS_CANCEL,
    },
  ],
  [
    "participant of another task of the request",
    approver,
    {
      view: true,
      comment: true,
      act: ONLY_ASSIGNEES_ACT,
      reassign: ONLY_ASSIGNEES_REASSIGN,
      remind: ONLY_REMIND,
      retry: ONLY_OWNERS_RETRY,
      "cancel pending": ONLY_ADMINS_CANCEL,
      "cancel approved": ONLY_ADMINS_CANCEL,
    },
  ],
  [
    "unrelated member",
    member,
    {
      view: NOT_FOUND,
      comment: NOT_FOUND,
      act: ONLY_ASSIGNEES_ACT,
      reassign: ONLY_ASSIGNEES_REASSIGN,
      remind: ONLY_REMIND,
      retry: ONLY_OWNERS_RETRY,
      "cancel pending": ONLY_ADMINS_CANCEL,
      "cancel approved": ONLY_ADMINS_CANCEL,
    },
  ],
  [
    // Reads every task, changes none of them.
    "auditor",
    auditor,
    {
      view: true,
      comment: AUDITORS_READ,
      act: ONLY_ASSIGNEES_ACT,
      reassign: ONLY_ASSIGNEES_REASSIGN,
      remind: ONLY_REMIND,
      retry: ONLY_OWNERS_RETRY,
      "cancel pending": ONLY_ADMINS_CANCEL,
      "cancel approved": ONLY_ADMINS_CANCEL,
    },
  ],
  [
    // An auditor's own request: the self-service of any requester, nothing more.
    "auditor who is the requester",
    requestingAuditor,
    {
      view: true,
      comment: true,
      act: ONLY_ASSIGNEES_ACT,
      reassign: ONLY_ASSIGNEES_REASSIGN,
      remind: true,
      retry: ONLY_OWNERS_RETRY,
      "cancel pending": true,
      "cancel approved": ALREADY_APPROVED,
    },
  ],
  [
    "super admin of another organization",
    outsiderAdmin,
    {
      view: NOT_FOUND,
      comment: NOT_FOUND,
      act: NOT_FOUND,
      reassign: NOT_FOUND,
      remind: NOT_FOUND,
      retry: NO_REQUEST,
      "cancel pending": NO_REQUEST,
      "cancel approved": NO_REQUEST,
    },
  ],
];

const ACTIONS = Object.keys(decide) as Action[];
const cells = MATRIX.flatMap(([role, actor, expected]) =>
  ACTIONS.map((action) => ({ role, actor, action, expected: expected[action] })),
);

describe("task rules (role × action → allowed)", () => {
  it("covers every role and action", () => {
    expect(cells).toHaveLength(11 * 8);
  });

  it.each(cells)("$role: $action → $expected", ({ actor, action, expected }) => {
    expect(decide[action](actor)).toEqual(
      expected === true ? { allowed: true } : { allowed: false, reason: expected },
    );
  });

  it("a member of another organization is told the task does not exist", () => {
    const outsider = person("assignee", "MEMBER", OTHER_ORG); // same id, other tenant
    expect(canViewTask(outsider, task)).toEqual({ allowed: false, reason: NOT_FOUND });
    expect(canActOnTask(outsider, task)).toEqual({ allowed: false, reason: NOT_FOUND });
    expect(canReassignTask(outsider, task, policy, target())).toEqual({
      allowed: false,
      reason: NOT_FOUND,
    });
  });

  it("a task without a known subject is not visible to everyone", () => {
    expect(canViewTask(member, { ...task, subjectId: null }).allowed).toBe(false);
  });

  it.each([
    ["PENDING_APPROVAL", true],
    ["APPROVED", ALREADY_APPROVED],
    ["PROVISIONING", ALREADY_APPROVED],
    ["COMPLETED", "Your request is already completed; there is nothing to cancel."],
    ["ERRORED", "Your request is already errored; there is nothing to cancel."],
    ["DENIED", "Your request is already denied; there is nothing to cancel."],
    ["CANCELLED", "Your request is already cancelled; there is nothing to cancel."],
  ] as const)("the requester cancelling a %s request → %s", (state, expected) => {
    expect(canCancelRequest(requester, request(state))).toEqual(
      expected === true ? { allowed: true } : { allowed: false, reason: expected },
    );
  });
});

describe("canReassignTask refusals", () => {
  const forbidden: ReassignFacts = { ...policy, allowReassignment: false };
  const listed = (ids: string[]): ReassignFacts => ({ ...policy, allowedReassigneeIds: ids });

  it.each([
    {
      label: "the policy forbids reassignment (even to a super admin)",
      actor: admin,
      policy: forbidden,
      target: target(),
      reason: 'The policy "Standard" does not allow reassigning its tasks.',
    },
    {
      label: "the policy forbids reassignment (assignee)",
      actor: assignee,
      policy: forbidden,
      target: target(),
      reason: 'The policy "Standard" does not allow reassigning its tasks.',
    },
    {
      label: "no target",
      actor: assignee,
      policy,
      target: null,
      reason: "Choose a person of your organization to reassign the task to.",
    },
    {
      label: "a target in another organization",
      actor: admin,
      policy,
      target: target({ organizationId: OTHER_ORG }),
      reason: "Choose a person of your organization to reassign the task to.",
    },
    {
      label: "a suspended target",
      actor: assignee,
      policy,
      target: target({ status: "SUSPENDED" }),
      reason: "Tara Target is not an active user and cannot take this task.",
    },
    {
      label: "a deprovisioned target",
      actor: admin,
      policy,
      target: target({ status: "DEPROVISIONED" }),
      reason: "Tara Target is not an active user and cannot take this task.",
    },
    {
      label: "a target not on the policy's list",
      actor: assignee,
      policy: listed(["someone-else"]),
      target: target(),
      reason:
        'The policy "Standard" only allows reassigning to the people it lists; Tara Target is not one of them.',
    },
    {
      label: "a policy whose list is empty",
      actor: admin,
      policy: listed([]),
      target: target(),
      reason:
        'The policy "Standard" only allows reassigning to the people it lists; Tara Target is not one of them.',
    },
    {
      label: "a target already assigned",
      actor: admin,
      policy,
      target: target({ id: "assignee", displayName: "Ann Assignee" }),
      reason: "Ann Assignee is already assigned to this task.",
    },
    {
      label: "reassigning to oneself while already assigned",
      actor: assignee,
      policy: listed(["assignee"]),
      target: target({ id: "assignee", displayName: "Ann Assignee" }),
      reason: "Ann Assignee is already assigned to this task.",
    },
    {
      label: "an actor who is no longer assigned (checked before the policy)",
      actor: former,
      policy: forbidden,
      target: target(),
      reason: ONLY_ASSIGNEES_REASSIGN,
    },
  ])("refuses $label", ({ actor, policy: facts, target: to, reason }) => {
    expect(canReassignTask(actor, task, facts, to)).toEqual({ allowed: false, reason });
  });

  it.each([
    { label: "any active person when the policy lists nobody", policy, to: target() },
    {
      label: "a person on the policy's list",
      policy: listed(["other", "target"]),
      to: target(),
    },
    {
      label: "the person it was reassigned away from",
      policy,
      to: target({ id: "former", displayName: "Fred Former" }),
    },
    {
      label: "a super admin taking the task themselves",
      policy,
      to: target({ id: "admin", displayName: "Ada Admin" }),
    },
  ])("allows $label", ({ policy: facts, to }) => {
    expect(canReassignTask(assignee, task, facts, to)).toEqual({ allowed: true });
  });
});

describe("canRequestAccess", () => {
  const app = (status: "MANAGED" | "DISCOVERED" | "IGNORED", organizationId = ORG) => ({
    organizationId,
    status,
    name: "Figma",
  });
  const notManaged = "Figma is not a managed app yet, so access to it cannot be requested.";

  it.each([
    ["member", member, "MANAGED", ORG, true],
    ["super admin", admin, "MANAGED", ORG, true],
    ["member", member, "DISCOVERED", ORG, notManaged],
    ["member", member, "IGNORED", ORG, notManaged],
    ["super admin", admin, "DISCOVERED", ORG, notManaged],
    ["super admin", admin, "IGNORED", ORG, notManaged],
    ["member", member, "MANAGED", OTHER_ORG, "This entitlement does not exist."],
    ["super admin", admin, "MANAGED", OTHER_ORG, "This entitlement does not exist."],
    [
      "super admin of another org",
      outsiderAdmin,
      "MANAGED",
      ORG,
      "This entitlement does not exist.",
    ],
  ] as const)("%s, a %s app of %s → %s", (_label, actor, status, org, expected) => {
    expect(canRequestAccess(actor, app(status, org))).toEqual(
      expected === true ? { allowed: true } : { allowed: false, reason: expected },
    );
  });
});

describe("reminders", () => {
  it.each(["DONE", "ERRORED", "CANCELLED"] as const)(
    "nobody reminds about a %s task, not even a super admin",
    (state) => {
      for (const actor of [admin, requester, owner]) {
        expect(canRemindTask(actor, { ...task, state })).toEqual({
          allowed: false,
          reason: "Only an open task can be reminded about.",
        });
      }
    },
  );

  it("who may remind is checked before the task's state", () => {
    expect(canRemindTask(member, { ...task, state: "DONE" })).toEqual({
      allowed: false,
      reason: ONLY_REMIND,
    });
  });

  it("a requester who is also an app owner or assignee may remind", () => {
    expect(canRemindTask(assignee, { ...task, requesterId: "assignee", state: "OPEN" })).toEqual({
      allowed: true,
    });
  });

  const at = (iso: string) => new Date(`2026-11-22T${iso}:00.000Z`);

  it("is allowed once an hour", () => {
    expect(REMINDER_INTERVAL_MINUTES).toBe(60);
    expect(reminderAvailableAt(null)).toBeNull();
    expect(reminderAvailableAt(at("14:05"))).toEqual(at("15:05"));
    expect(reminderCutoff(at("15:05"))).toEqual(at("14:05"));
  });

  it.each([
    ["never reminded", null, "14:05", true],
    ["a minute later", "14:05", "14:06", false],
    ["59 minutes later", "14:05", "15:04", false],
    ["exactly an hour later", "14:05", "15:05", true],
    ["two hours later", "14:05", "16:05", true],
    ["a clock behind the last reminder", "14:05", "13:00", false],
  ] as const)("%s → %s", (_label, last, now, expected) => {
    expect(canSendReminderAt(last ? at(last) : null, at(now))).toBe(expected);
  });

  it.each([
    [
      "12 minutes ago, by someone",
      "14:05",
      new Date("2026-11-22T14:17:30.000Z"),
      "Dana Ortiz",
      "A reminder was sent 12 minutes ago by Dana Ortiz; the next one can be sent in 48 minutes.",
    ],
    [
      "just now",
      "14:05",
      new Date("2026-11-22T14:05:20.000Z"),
      "Dana Ortiz",
      "A reminder was sent just now by Dana Ortiz; the next one can be sent in 60 minutes.",
    ],
    [
      "a minute before the window",
      "14:05",
      at("15:04"),
      null,
      "A reminder was sent 59 minutes ago; the next one can be sent in 1 minute.",
    ],
  ])("too soon, %s", (_label, last, now, byName, message) => {
    expect(reminderTooSoonMessage({ lastRemindedAt: at(last), byName, now })).toBe(message);
  });
});
