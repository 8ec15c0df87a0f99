import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import type { PolicySnapshot, PolicySnapshotStep } from "./policy.ts";
import {
  ACTION_REASON,
  assertCancellable,
  CLOSE_ACTIONS,
  closedTaskMessage,
  firstStep,
  isRequestRunning,
  requestAfterTask,
  requestStateFor,
  requireReason,
  retryTransition,
  stepAt,
  taskAccepts,
  taskTransition,
  workTaskKind,
  type RequestState,
  type TaskAction,
  type TaskFacts,
  type TaskKind,
  type TaskOutcome,
  type TaskState,
} from "./state-machine.ts";

const KINDS: TaskKind[] = ["APPROVAL", "PROVISION", "DEPROVISION"];
const ACTIONS: TaskAction[] = [
  "approve",
  "deny",
  "mark_provisioned",
  "mark_deprovisioned",
  "mark_errored",
  "reassign",
  "cancel",
];
const REQUEST_STATES: RequestState[] = [
  "PENDING_APPROVAL",
  "APPROVED",
  "PROVISIONING",
  "COMPLETED",
  "ERRORED",
  "DENIED",
  "CANCELLED",
];
const RUNNING: RequestState[] = ["PENDING_APPROVAL", "APPROVED", "PROVISIONING"];
const TERMINAL: RequestState[] = ["COMPLETED", "ERRORED", "DENIED", "CANCELLED"];
const OUTCOMES: TaskOutcome[] = [
  "APPROVED",
  "DENIED",
  "PROVISIONED",
  "DEPROVISIONED",
  "ERRORED",
  "CANCELLED",
];

/** Run `fn`, expecting a DomainError, and return it for closer inspection. */
function domainErrorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error("expected a DomainError, but nothing was thrown");
}

const approval = (
  position: number,
  approverKind: PolicySnapshotStep["approverKind"] = "MANAGER",
): PolicySnapshotStep => ({ position, kind: "APPROVAL", approverKind, approverUserIds: [] });
const provision = (position: number): PolicySnapshotStep => ({
  position,
  kind: "PROVISION",
  approverKind: null,
  approverUserIds: [],
});

const snapshot = (steps: PolicySnapshotStep[]): PolicySnapshot => ({
  id: "policy-1",
  name: "Standard",
  description: "",
  allowReassignment: true,
  restrictReassignees: false,
  allowedReassigneeIds: null,
  allowSelfApproval: false,
  requireDistinctApprovers: false,
  steps,
});

const ZERO_STEPS = snapshot([provision(0)]);
const ONE_STEP = snapshot([approval(0, "MANAGER"), provision(1)]);
const TWO_STEPS = snapshot([approval(0, "MANAGER"), approval(1, "APP_OWNERS"), provision(2)]);

// ─────────────────────────────── Tasks ───────────────────────────────

/**
 * What an OPEN task of each kind does with each action: the resulting state and outcome,
 * or null when the action does not apply to that kind (BAD_REQUEST).
 */
const OPEN_RESULT: Record<
  TaskKind,
  Record<TaskAction, { state: TaskState; outcome: TaskOutcome | null } | null>
> = {
  APPROVAL: {
    approve: { state: "DONE", outcome: "APPROVED" },
    deny: { state: "DONE", outcome: "DENIED" },
    mark_provisioned: null,
    mark_deprovisioned: null,
    mark_errored: null,
    reassign: { state: "OPEN", outcome: null },
    cancel: { state: "CANCELLED", outcome: "CANCELLED" },
  },
  PROVISION: {
    approve: null,
    deny: null,
    mark_provisioned: { state: "DONE", outcome: "PROVISIONED" },
    mark_deprovisioned: null,
    mark_errored: { state: "ERRORED", outcome: "ERRORED" },
    reassign: { state: "OPEN", outcome: null },
    cancel: { state: "CANCELLED", outcome: "CANCELLED" },
  },
  DEPROVISION: {
    approve: null,
    deny: null,
    mark_provisioned: null,
    mark_deprovisioned: { state: "DONE", outcome: "DEPROVISIONED" },
    mark_errored: { state: "ERRORED", outcome: "ERRORED" },
    reassign: { state: "OPEN", outcome: null },
    cancel: { state: "CANCELLED", outcome: "CANCELLED" },
  },
};

const KIND_NOUN: Record<TaskKind, string> = {
  APPROVAL: "an approval task",
  PROVISION: "a provisioning task",
  DEPROVISION: "a deprovisioning task",
};

const ACTION_WORDS: Record<TaskAction, string> = {
  approve: "Approve",
  deny: "Deny",
  mark_provisioned: "Mark provisioned",
  mark_deprovisioned: "Mark deprovisioned",
  mark_errored: "Mark as errored",
  reassign: "Reassign",
  cancel: "Cancel",
};

const COMPLETED_AT = new Date("2025-03-04T05:06:07.000Z");

/** A task as it looks once closed in `state`, and the words its CONFLICT message uses. */
const CLOSED: Record<
  Exclude<TaskState, "OPEN">,
  Record<TaskKind, { outcome: TaskOutcome; words: string }>
> = {
  DONE: {
    APPROVAL: { outcome: "APPROVED", words: "approved" },
    PROVISION: { outcome: "PROVISIONED", words: "marked provisioned" },
    DEPROVISION: { outcome: "DEPROVISIONED", words: "marked deprovisioned" },
  },
  ERRORED: {
    APPROVAL: { outcome: "ERRORED", words: "marked as errored" },
    PROVISION: { outcome: "ERRORED", words: "marked as errored" },
    DEPROVISION: { outcome: "ERRORED", words: "marked as errored" },
  },
  CANCELLED: {
    APPROVAL: { outcome: "CANCELLED", words: "cancelled" },
    PROVISION: { outcome: "CANCELLED", words: "cancelled" },
    DEPROVISION: { outcome: "CANCELLED", words: "cancelled" },
  },
};

const openTask = (kind: TaskKind): TaskFacts => ({
  number: 1042,
  kind,
  state: "OPEN",
  outcome: null,
  completedByName: null,
  completedAt: null,
});

const closedTask = (kind: TaskKind, state: Exclude<TaskState, "OPEN">): TaskFacts => ({
  number: 1042,
  kind,
  state,
  outcome: CLOSED[state][kind].outcome,
  completedByName: "Marcus Chen",
  completedAt: COMPLETED_AT,
});

const cases = KINDS.flatMap((kind) =>
  (["OPEN", "DONE", "ERRORED", "CANCELLED"] as const).flatMap((state) =>
    ACTIONS.map((action) => ({ kind, state, action })),
  ),
);

describe("taskTransition (kind × state × action)", () => {
  it("covers every kind, state and action", () => {
    expect(cases).toHaveLength(3 * 4 * 7);
  });

  it.each(cases)("$kind task, $state, $action", ({ kind, state, action }) => {
    const task = state === "OPEN" ? openTask(kind) : closedTask(kind, state);
    const expected = OPEN_RESULT[kind][action];

    if (expected === null) {
      // The action never applies to this kind, whatever its state.
      const error = domainErrorOf(() => taskTransition(task, action));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toBe(
        `Task #1042 is ${KIND_NOUN[kind]}: "${ACTION_WORDS[action]}" does not apply to it.`,
      );
      return;
    }
    if (state === "OPEN") {
      expect(taskTransition(task, action)).toEqual(expected);
      return;
    }
    const error = domainErrorOf(() => taskTransition(task, action));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(
      `Task #1042 was already ${CLOSED[state][kind].words} by Marcus Chen.`,
    );
    expect(error.details).toEqual({
      completedBy: "Marcus Chen",
      completedAt: "2025-03-04T05:06:07.000Z",
      state,
      outcome: CLOSED[state][kind].outcome,
    });
  });

  it("names the deny outcome of a closed approval task", () => {
    const task: TaskFacts = { ...closedTask("APPROVAL", "DONE"), outcome: "DENIED" };
    const error = domainErrorOf(() => taskTransition(task, "approve"));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe("Task #1042 was already denied by Marcus Chen.");
  });

  it("describes a closed task with no known closer or outcome in neutral words", () => {
    const task: TaskFacts = {
      ...openTask("PROVISION"),
      state: "CANCELLED",
      outcome: null,
      completedByName: null,
      completedAt: null,
    };
    const error = domainErrorOf(() => taskTransition(task, "mark_provisioned"));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe("Task #1042 was already closed.");
    expect(error.details).toEqual({
      completedBy: null,
      completedAt: null,
      state: "CANCELLED",
      outcome: null,
    });
  });
});

describe("taskAccepts (kind × action)", () => {
  it.each(KINDS.flatMap((kind) => ACTIONS.map((action) => [kind, action] as const)))(
    "%s × %s",
    (kind, action) => {
      expect(taskAccepts(kind, action)).toBe(OPEN_RESULT[kind][action] !== null);
    },
  );
});

describe("close actions and their text (ACTION_REASON)", () => {
  it.each([
    ["approve", null],
    ["deny", "A reason for the denial"],
    ["mark_provisioned", null],
    ["mark_deprovisioned", null],
    ["mark_errored", "A reason for the error"],
    ["reassign", "A reason for the reassignment"],
    ["cancel", null],
  ] as const)("%s → %s", (action, reason) => {
    expect(ACTION_REASON[action]).toBe(reason);
  });

  it("closes a task with every close action, and never with reassign or cancel", () => {
    expect([...CLOSE_ACTIONS].sort()).toEqual(
      ["approve", "deny", "mark_deprovisioned", "mark_errored", "mark_provisioned"].sort(),
    );
    for (const action of CLOSE_ACTIONS) {
      expect(KINDS.some((kind) => taskAccepts(kind, action))).toBe(true);
    }
  });
});

describe("closedTaskMessage", () => {
  it.each([
    ["APPROVED", "Marcus Chen", "Task #7 was already approved by Marcus Chen."],
    ["DENIED", "Marcus Chen", "Task #7 was already denied by Marcus Chen."],
    ["PROVISIONED", "Marcus Chen", "Task #7 was already marked provisioned by Marcus Chen."],
    ["DEPROVISIONED", "Ana Lima", "Task #7 was already marked deprovisioned by Ana Lima."],
    ["ERRORED", "Ana Lima", "Task #7 was already marked as errored by Ana Lima."],
    ["CANCELLED", null, "Task #7 was already cancelled."],
    [null, null, "Task #7 was already closed."],
    [null, "Ana Lima", "Task #7 was already closed by Ana Lima."],
  ] as const)("%s by %s", (outcome, by, message) => {
    expect(
      closedTaskMessage({
        number: 7,
        kind: "PROVISION",
        state: "DONE",
        outcome,
        completedByName: by,
        completedAt: null,
      }),
    ).toBe(message);
  });
});

describe("requireReason", () => {
  it.each([null, undefined, "", " ", "   ", "\n\t  \r\n"])("%j → BAD_REQUEST", (value) => {
    const error = domainErrorOf(() => requireReason(value, "A reason"));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("A reason is required.");
  });

  it.each([
    ["Left the company", "Left the company"],
    ["  Left the company  ", "Left the company"],
    ["\n\tdone\n", "done"],
    ["a  b", "a  b"],
  ])("%j → %j", (value, expected) => {
    expect(requireReason(value, "A reason")).toBe(expected);
  });
});

// ─────────────────────────────── Requests ───────────────────────────────

describe("isRequestRunning", () => {
  it.each(REQUEST_STATES.map((state) => [state, RUNNING.includes(state)] as const))(
    "%s → %s",
    (state, running) => {
      expect(isRequestRunning(state)).toBe(running);
    },
  );
});

describe("workTaskKind", () => {
  it.each([
    ["GRANT", "PROVISION"],
    ["REVOKE", "DEPROVISION"],
  ] as const)("%s → %s", (kind, taskKind) => {
    expect(workTaskKind(kind)).toBe(taskKind);
  });
});

describe("firstStep and requestStateFor", () => {
  it.each([
    ["0 approval steps → provision", ZERO_STEPS, "provision", "PROVISIONING", null],
    ["1 approval step → approval", ONE_STEP, "approval", "PENDING_APPROVAL", "MANAGER"],
    ["2 approval steps → approval", TWO_STEPS, "approval", "PENDING_APPROVAL", "MANAGER"],
    [
      "steps stored out of order → the lowest position",
      snapshot([provision(9), approval(5, "APP_OWNERS"), approval(2, "USERS")]),
      "approval",
      "PENDING_APPROVAL",
      "USERS",
    ],
    ["no steps stored at all → provision", snapshot([]), "provision", "PROVISIONING", null],
  ] as const)("%s", (_label, policy, type, state, approverKind) => {
    const next = firstStep(policy);
    expect(next.type).toBe(type);
    expect(next.index).toBe(0);
    expect(next.step.approverKind).toBe(approverKind);
    expect(next.step.kind).toBe(type === "approval" ? "APPROVAL" : "PROVISION");
    expect(requestStateFor(next)).toBe(state);
  });
});

describe("stepAt", () => {
  it.each([
    { label: "0 steps", policy: ZERO_STEPS, index: 0, type: "provision" },
    { label: "1 step", policy: ONE_STEP, index: 0, type: "approval" },
    { label: "1 step", policy: ONE_STEP, index: 1, type: "provision" },
    { label: "2 steps", policy: TWO_STEPS, index: 0, type: "approval" },
    { label: "2 steps", policy: TWO_STEPS, index: 1, type: "approval" },
    { label: "2 steps", policy: TWO_STEPS, index: 2, type: "provision" },
  ] as const)("$label: step $index is $type", ({ policy, index, type }) => {
    expect(stepAt(policy, index)).toMatchObject({ type, index });
  });

  it.each([
    { label: "0 steps", policy: ZERO_STEPS, index: 1 },
    { label: "2 steps", policy: TWO_STEPS, index: 3 },
    { label: "2 steps", policy: TWO_STEPS, index: -1 },
  ] as const)("$label: step $index does not exist", ({ policy, index }) => {
    expect(() => stepAt(policy, index)).toThrowError(`The policy snapshot has no step ${index}`);
  });
});

describe("requestAfterTask", () => {
  const approvalStep = (index: number) => ({ kind: "APPROVAL" as const, stepIndex: index });

  describe("an approval approved moves to the next step", () => {
    it.each([
      // label, policy, approved step, next type, next index, next approverKind, request state
      ["1 step: step 0 → provision", ONE_STEP, 0, "provision", 1, null, "PROVISIONING"],
      ["2 steps: step 0 → step 1", TWO_STEPS, 0, "approval", 1, "APP_OWNERS", "PENDING_APPROVAL"],
      ["2 steps: step 1 → provision", TWO_STEPS, 1, "provision", 2, null, "PROVISIONING"],
    ] as const)("%s", (_label, policy, index, type, nextIndex, approverKind, state) => {
      const result = requestAfterTask(
        { state: "PENDING_APPROVAL", currentStep: index, snapshot: policy },
        approvalStep(index),
        "APPROVED",
      );
      expect(result.state).toBe(state);
      expect(result.next).toEqual({
        type,
        index: nextIndex,
        step: expect.objectContaining({
          kind: type === "approval" ? "APPROVAL" : "PROVISION",
          approverKind,
        }),
      });
    });

    it("follows the steps' positions, not their stored order", () => {
      const policy = snapshot([provision(30), approval(20, "USERS"), approval(10, "MANAGER")]);
      const result = requestAfterTask(
        { state: "PENDING_APPROVAL", currentStep: 0, snapshot: policy },
        approvalStep(0),
        "APPROVED",
      );
      expect(result.state).toBe("PENDING_APPROVAL");
      expect(result.next).toMatchObject({ type: "approval", index: 1, step: { position: 20 } });
    });

    it("reaches the provision step even when the stored policy lacks one", () => {
      const policy = snapshot([approval(0, "MANAGER")]);
      const result = requestAfterTask(
        { state: "PENDING_APPROVAL", currentStep: 0, snapshot: policy },
        approvalStep(0),
        "APPROVED",
      );
      expect(result).toMatchObject({
        state: "PROVISIONING",
        next: { type: "provision", index: 1 },
      });
    });
  });

  describe("every other outcome ends the request", () => {
    interface Ending {
      policy: string;
      kind: TaskKind;
      stepIndex: number;
      outcome: TaskOutcome;
      state: RequestState;
    }
    const POLICIES = { "0 steps": ZERO_STEPS, "1 step": ONE_STEP, "2 steps": TWO_STEPS };
    const endings: Ending[] = [];
    for (const [policy, { steps }] of Object.entries(POLICIES)) {
      const provisionIndex = steps.length - 1;
      // Approval tasks end the request by denial or cancellation…
      for (let stepIndex = 0; stepIndex < provisionIndex; stepIndex++) {
        endings.push({ policy, kind: "APPROVAL", stepIndex, outcome: "DENIED", state: "DENIED" });
        endings.push({
          policy,
          kind: "APPROVAL",
          stepIndex,
          outcome: "CANCELLED",
          state: "CANCELLED",
        });
      }
      // …work tasks by any of their outcomes.
      const work = (kind: TaskKind, outcome: TaskOutcome, state: RequestState) =>
        endings.push({ policy, kind, stepIndex: provisionIndex, outcome, state });
      work("PROVISION", "PROVISIONED", "COMPLETED");
      work("DEPROVISION", "DEPROVISIONED", "COMPLETED");
      for (const kind of ["PROVISION", "DEPROVISION"] as const) {
        work(kind, "ERRORED", "ERRORED");
        work(kind, "CANCELLED", "CANCELLED");
      }
    }

    it.each(
      endings.flatMap((ending) => RUNNING.map((requestState) => ({ ...ending, requestState }))),
    )(
      "$policy: $kind task of step $stepIndex $outcome (request $requestState) → $state",
      ({ policy, kind, stepIndex, outcome, state, requestState }) => {
        const policySnapshot = POLICIES[policy as keyof typeof POLICIES];
        expect(
          requestAfterTask(
            { state: requestState, currentStep: stepIndex, snapshot: policySnapshot },
            { kind, stepIndex },
            outcome,
          ),
        ).toEqual({ state, next: null });
      },
    );
  });

  it.each(TERMINAL.flatMap((state) => OUTCOMES.map((outcome) => [state, outcome] as const)))(
    "a %s request refuses a task's %s with CONFLICT",
    (state, outcome) => {
      const error = domainErrorOf(() =>
        requestAfterTask(
          { state, currentStep: 0, snapshot: ONE_STEP },
          { kind: "APPROVAL", stepIndex: 0 },
          outcome,
        ),
      );
      expect(error.code).toBe("CONFLICT");
      expect(error.message).toBe(
        `The request is already ${state.toLowerCase()}; its tasks can no longer change it.`,
      );
    },
  );
});

describe("retryTransition", () => {
  it.each([
    ["0 approval steps", ZERO_STEPS, 0],
    ["1 approval step", ONE_STEP, 1],
    ["2 approval steps", TWO_STEPS, 2],
    ["no provision step stored", snapshot([approval(0), approval(1)]), 2],
  ] as const)("an errored request with %s returns to its provision step", (_l, policy, index) => {
    const next = retryTransition({ state: "ERRORED", snapshot: policy });
    expect(next).toMatchObject({ type: "provision", index, step: { kind: "PROVISION" } });
    expect(requestStateFor(next)).toBe("PROVISIONING");
  });

  it.each([
    ["PENDING_APPROVAL", "pending approval"],
    ["APPROVED", "approved"],
    ["PROVISIONING", "provisioning"],
    ["COMPLETED", "completed"],
    ["DENIED", "denied"],
    ["CANCELLED", "cancelled"],
  ] as const)("a %s request cannot be retried (CONFLICT)", (state, words) => {
    const error = domainErrorOf(() => retryTransition({ state, snapshot: ONE_STEP }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(`Only an errored request can be retried; this one is ${words}.`);
  });
});

describe("assertCancellable", () => {
  it.each(RUNNING)("a %s request can be cancelled", (state) => {
    expect(() => assertCancellable(state)).not.toThrow();
  });

  it.each(TERMINAL)("a %s request cannot (CONFLICT)", (state) => {
    const error = domainErrorOf(() => assertCancellable(state));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(
      `The request is already ${state.toLowerCase()}; there is nothing to cancel.`,
    );
  });
});
