import { describe, expect, it } from "vitest";
import {
  APPROVER_LABEL,
  describePolicy,
  orderedSteps,
  snapshotPolicy,
  stepTitle,
  type ApproverKind,
  type PolicySnapshot,
  type PolicySnapshotStep,
  type PolicySource,
} from "./policy.ts";

const approval = (
  position: number,
  approverKind: ApproverKind | null,
  approverUserIds: string[] = [],
): PolicySnapshotStep => ({ position, kind: "APPROVAL", approverKind, approverUserIds });
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

/** A step as "APPROVAL:MANAGER@0" / "PROVISION@2", to compare orders at a glance. */
const show = (s: PolicySnapshotStep) =>
  s.kind === "PROVISION" ? `PROVISION@${s.position}` : `APPROVAL:${s.approverKind}@${s.position}`;

describe("orderedSteps", () => {
  it.each([
    {
      label: "an already ordered policy stays as it is",
      steps: [approval(0, "MANAGER"), approval(1, "APP_OWNERS"), provision(2)],
      expected: ["APPROVAL:MANAGER@0", "APPROVAL:APP_OWNERS@1", "PROVISION@2"],
    },
    {
      label: "approval steps are sorted by position",
      steps: [approval(7, "APP_OWNERS"), provision(9), approval(3, "MANAGER")],
      expected: ["APPROVAL:MANAGER@3", "APPROVAL:APP_OWNERS@7", "PROVISION@9"],
    },
    {
      label: "the provision step runs last even when stored first",
      steps: [provision(0), approval(1, "USERS"), approval(2, "ENTITLEMENT_OWNERS")],
      expected: ["APPROVAL:USERS@1", "APPROVAL:ENTITLEMENT_OWNERS@2", "PROVISION@0"],
    },
    {
      label: "only a provision step",
      steps: [provision(0)],
      expected: ["PROVISION@0"],
    },
    {
      label: "no steps at all → a provision step at position 0",
      steps: [],
      expected: ["PROVISION@0"],
    },
    {
      label: "a missing provision step is added after the last step",
      steps: [approval(4, "APP_OWNERS"), approval(2, "MANAGER")],
      expected: ["APPROVAL:MANAGER@2", "APPROVAL:APP_OWNERS@4", "PROVISION@5"],
    },
    {
      label: "exactly one provision step is kept (the first by position)",
      steps: [provision(5), approval(0, "MANAGER"), provision(3)],
      expected: ["APPROVAL:MANAGER@0", "PROVISION@3"],
    },
    {
      label: "negative and sparse positions sort numerically",
      steps: [approval(10, "USERS"), approval(-1, "MANAGER"), approval(2, null), provision(11)],
      expected: ["APPROVAL:MANAGER@-1", "APPROVAL:null@2", "APPROVAL:USERS@10", "PROVISION@11"],
    },
  ])("$label", ({ steps, expected }) => {
    expect(orderedSteps(snapshot(steps)).map(show)).toEqual(expected);
  });

  it("adds a provision step with no approvers", () => {
    expect(orderedSteps(snapshot([approval(0, "MANAGER")])).at(-1)).toEqual({
      position: 1,
      kind: "PROVISION",
      approverKind: null,
      approverUserIds: [],
    });
  });

  it("keeps each step's approvers", () => {
    const named = approval(1, "USERS", ["u-1", "u-2"]);
    expect(orderedSteps(snapshot([provision(2), named]))[0]).toEqual(named);
  });

  it("does not reorder the snapshot it was given", () => {
    const steps = [provision(0), approval(2, "APP_OWNERS"), approval(1, "MANAGER")];
    const given = snapshot(steps);
    orderedSteps(given);
    expect(given.steps.map(show)).toEqual([
      "PROVISION@0",
      "APPROVAL:APP_OWNERS@2",
      "APPROVAL:MANAGER@1",
    ]);
  });
});

describe("stepTitle", () => {
  it.each([
    ["PROVISION", null, "GRANT", "Provision"],
    ["PROVISION", null, "REVOKE", "Deprovision"],
    ["APPROVAL", "MANAGER", "GRANT", "Manager approval"],
    ["APPROVAL", "MANAGER", "REVOKE", "Manager approval"],
    ["APPROVAL", "APP_OWNERS", "GRANT", "App owner approval"],
    ["APPROVAL", "APP_OWNERS", "REVOKE", "App owner approval"],
    ["APPROVAL", "ENTITLEMENT_OWNERS", "GRANT", "Entitlement owner approval"],
    ["APPROVAL", "ENTITLEMENT_OWNERS", "REVOKE", "Entitlement owner approval"],
    ["APPROVAL", "USERS", "GRANT", "Approval"],
    ["APPROVAL", "USERS", "REVOKE", "Approval"],
    ["APPROVAL", null, "GRANT", "Approval"],
    ["APPROVAL", null, "REVOKE", "Approval"],
  ] as const)("%s step (%s) of a %s request → %j", (kind, approverKind, requestKind, title) => {
    const s: PolicySnapshotStep = { position: 0, kind, approverKind, approverUserIds: [] };
    expect(stepTitle(s, requestKind)).toBe(title);
  });
});

describe("describePolicy", () => {
  const MANAGER = APPROVER_LABEL.MANAGER;

  it.each([
    {
      label: "0 steps, GRANT",
      steps: [provision(0)],
      kind: "GRANT",
      expected: "No approval needed: it goes straight to provisioning.",
    },
    {
      label: "0 steps, REVOKE",
      steps: [provision(0)],
      kind: "REVOKE",
      expected: "No approval needed: it goes straight to deprovisioning.",
    },
    {
      label: "no steps stored, GRANT",
      steps: [],
      kind: "GRANT",
      expected: "No approval needed: it goes straight to provisioning.",
    },
    {
      label: "1 step (manager), GRANT",
      steps: [approval(0, "MANAGER"), provision(1)],
      kind: "GRANT",
      expected: "The manager of the person whose access it is approves, then it is provisioned.",
    },
    {
      label: "1 step (app owners), REVOKE",
      steps: [approval(0, "APP_OWNERS"), provision(1)],
      kind: "REVOKE",
      expected: "An app owner approves, then it is deprovisioned.",
    },
    {
      label: "1 step (entitlement owners), GRANT",
      steps: [approval(0, "ENTITLEMENT_OWNERS"), provision(1)],
      kind: "GRANT",
      expected: "An entitlement owner approves, then it is provisioned.",
    },
    {
      label: "1 step (named users), REVOKE",
      steps: [approval(0, "USERS", ["u-1"]), provision(1)],
      kind: "REVOKE",
      expected: "A named approver approves, then it is deprovisioned.",
    },
    {
      label: "1 step naming no approver kind, GRANT",
      steps: [approval(0, null), provision(1)],
      kind: "GRANT",
      expected: "An approver approves, then it is provisioned.",
    },
    {
      label: "2 steps, GRANT",
      steps: [approval(0, "MANAGER"), approval(1, "APP_OWNERS"), provision(2)],
      kind: "GRANT",
      expected: `${cap(MANAGER)} approves, then an app owner approves, then it is provisioned.`,
    },
    {
      label: "2 steps, REVOKE",
      steps: [approval(0, "MANAGER"), approval(1, "APP_OWNERS"), provision(2)],
      kind: "REVOKE",
      expected: `${cap(MANAGER)} approves, then an app owner approves, then it is deprovisioned.`,
    },
    {
      label: "2 steps stored out of order, without a provision step",
      steps: [approval(5, "ENTITLEMENT_OWNERS"), approval(1, "APP_OWNERS")],
      kind: "GRANT",
      expected:
        "An app owner approves, then an entitlement owner approves, then it is provisioned.",
    },
  ] as const)("$label", ({ steps, kind, expected }) => {
    expect(describePolicy(snapshot([...steps]), kind)).toBe(expected);
  });
});

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

describe("snapshotPolicy", () => {
  const source = (over: Partial<PolicySource> = {}): PolicySource => ({
    id: "p1",
    name: "Two steps",
    description: "Manager, then named people",
    allowReassignment: true,
    restrictReassignees: false,
    allowSelfApproval: false,
    requireDistinctApprovers: true,
    allowedReassignees: [{ userId: "u9" }, { userId: "u2" }],
    steps: [
      { position: 2, kind: "PROVISION", approverKind: null, approvers: [] },
      {
        position: 1,
        kind: "APPROVAL",
        approverKind: "USERS",
        approvers: [{ userId: "u3" }, { userId: "u1" }],
      },
      { position: 0, kind: "APPROVAL", approverKind: "MANAGER", approvers: [] },
    ],
    ...over,
  });

  it("orders the steps by position and sorts every id list, so equal policies snapshot equal", () => {
    const snapshot = snapshotPolicy(source());
    expect(snapshot.steps.map((s) => [s.position, s.kind, s.approverKind])).toEqual([
      [0, "APPROVAL", "MANAGER"],
      [1, "APPROVAL", "USERS"],
      [2, "PROVISION", null],
    ]);
    expect(snapshot.steps[1]!.approverUserIds).toEqual(["u1", "u3"]);
    expect(snapshotPolicy(source({ steps: [...source().steps].reverse() }))).toEqual(snapshot);
  });

  it.each([
    [false, null],
    [true, ["u2", "u9"]],
  ])("lists reassignees only when the policy restricts them (restrict=%s)", (restrict, ids) => {
    expect(snapshotPolicy(source({ restrictReassignees: restrict })).allowedReassigneeIds).toEqual(
      ids,
    );
  });

  it("copies the flags and names as they are", () => {
    const snapshot = snapshotPolicy(source());
    expect(snapshot).toMatchObject({
      id: "p1",
      name: "Two steps",
      description: "Manager, then named people",
      allowReassignment: true,
      restrictReassignees: false,
      allowSelfApproval: false,
      requireDistinctApprovers: true,
    });
  });
});
