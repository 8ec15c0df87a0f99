import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { describePolicy } from "./policy.ts";
import {
  assertValidPolicyDefinition,
  definitionFromSnapshot,
  duplicateName,
  peopleNamedBy,
  policyAuditFields,
  policyDefinitionErrors,
  snapshotFromDefinition,
  type PolicyDefinition,
} from "./policy-rules.ts";

const base: PolicyDefinition = {
  name: "Standard",
  description: "",
  steps: [{ approver: "MANAGER", people: [] }],
  allowReassignment: true,
  restrictReassignees: false,
  allowedReassigneeIds: [],
  allowSelfApproval: false,
  requireDistinctApprovers: false,
};
const def = (changes: Partial<PolicyDefinition>): PolicyDefinition => ({ ...base, ...changes });
const users = (n: number, prefix = "u") => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const manager = { approver: "MANAGER" as const, people: [] };

describe("policyDefinitionErrors", () => {
  it.each([
    ["a one-step policy", def({})],
    ["no approval at all", def({ steps: [] })],
    ["a name of 80 characters", def({ name: "x".repeat(80) })],
    ["ten approval steps", def({ steps: Array.from({ length: 10 }, () => manager) })],
    ["a named-people step", def({ steps: [{ approver: "USERS", people: ["a", "b"] }] })],
    ["25 named people", def({ steps: [{ approver: "USERS", people: users(25) }] })],
    [
      "reassignment limited to listed people",
      def({ restrictReassignees: true, allowedReassigneeIds: ["a"] }),
    ],
    ["reassignment off", def({ allowReassignment: false })],
    ["every flag on", def({ allowSelfApproval: true, requireDistinctApprovers: true })],
  ])("accepts %s", (_label, definition) => {
    expect(policyDefinitionErrors(definition)).toEqual({});
  });

  it.each([
    ["an empty name", def({ name: "   " }), "name", "Give the policy a name."],
    [
      "a name of 81 characters",
      def({ name: "x".repeat(81) }),
      "name",
      "A policy name is at most 80 characters.",
    ],
    [
      "a long description",
      def({ description: "d".repeat(2001) }),
      "description",
      "The description is at most 2000 characters.",
    ],
    [
      "eleven approval steps",
      def({ steps: Array.from({ length: 11 }, () => manager) }),
      "steps",
      "A policy has at most 10 approval steps.",
    ],
    [
      "a named-people step without people",
      def({ steps: [manager, { approver: "USERS", people: [] }] }),
      "steps.2",
      "Step 2: choose at least one person to approve.",
    ],
    [
      "26 named people",
      def({ steps: [{ approver: "USERS", people: users(26) }] }),
      "steps.1",
      "Step 1: at most 25 named people can approve a step.",
    ],
    [
      "a person named twice in a step",
      def({ steps: [{ approver: "USERS", people: ["a", "a"] }] }),
      "steps.1",
      "Step 1: each person is listed once.",
    ],
    [
      "people on a manager step",
      def({ steps: [{ approver: "MANAGER", people: ["a"] }] }),
      "steps.1",
      "Step 1: only a “Named people” step lists people.",
    ],
    [
      "limited reassignment without people",
      def({ restrictReassignees: true }),
      "allowedReassigneeIds",
      "Choose at least one person tasks may be reassigned to.",
    ],
    [
      "limited reassignment while reassignment is off",
      def({ allowReassignment: false, restrictReassignees: true, allowedReassigneeIds: ["a"] }),
      "allowedReassigneeIds",
      "Reassignment is turned off, so there is nobody to limit it to. Allow reassignment first.",
    ],
    [
      "reassignees without limiting reassignment",
      def({ allowedReassigneeIds: ["a"] }),
      "allowedReassigneeIds",
      "People to reassign to are listed only when reassignment is limited to them.",
    ],
    [
      "a reassignee listed twice",
      def({ restrictReassignees: true, allowedReassigneeIds: ["a", "a"] }),
      "allowedReassigneeIds",
      "Each person to reassign to is listed once.",
    ],
    [
      "51 reassignees",
      def({ restrictReassignees: true, allowedReassigneeIds: users(51) }),
      "allowedReassigneeIds",
      "At most 50 people can be listed to reassign to.",
    ],
  ])("refuses %s", (_label, definition, field, message) => {
    expect(policyDefinitionErrors(definition)[field]).toEqual([message]);
  });

  it("reports every problem at once, by field", () => {
    const errors = policyDefinitionErrors(
      def({
        name: "",
        steps: [manager, { approver: "USERS", people: [] }],
        restrictReassignees: true,
      }),
    );
    expect(Object.keys(errors).sort()).toEqual(["allowedReassigneeIds", "name", "steps.2"]);
  });
});

describe("assertValidPolicyDefinition", () => {
  it("answers the definition trimmed", () => {
    expect(assertValidPolicyDefinition(def({ name: "  Std  ", description: " d " }))).toEqual(
      def({ name: "Std", description: "d" }),
    );
  });

  it("throws BAD_REQUEST with the first message and every field error", () => {
    let error: unknown;
    try {
      assertValidPolicyDefinition(def({ name: "", restrictReassignees: true }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("BAD_REQUEST");
    expect((error as DomainError).message).toBe("Give the policy a name.");
    expect((error as DomainError).details).toEqual({
      fieldErrors: {
        name: ["Give the policy a name."],
        allowedReassigneeIds: ["Choose at least one person tasks may be reassigned to."],
      },
    });
  });
});

describe("policyAuditFields", () => {
  it("shows steps and flags in a readable form, with sorted id sets", () => {
    const fields = policyAuditFields(
      def({
        steps: [manager, { approver: "USERS", people: ["b", "a"] }],
        restrictReassignees: true,
        allowedReassigneeIds: ["z", "y"],
      }),
    );
    expect(fields).toEqual({
      name: "Standard",
      description: "",
      steps: [{ approver: "MANAGER" }, { approver: "USERS", people: ["a", "b"] }],
      allowReassignment: true,
      restrictReassignees: true,
      allowedReassigneeIds: ["y", "z"],
      allowSelfApproval: false,
      requireDistinctApprovers: false,
    });
  });
});

describe("snapshots and definitions", () => {
  const definition = def({
    steps: [
      manager,
      { approver: "USERS", people: ["b", "a"] },
      { approver: "APP_OWNERS", people: [] },
    ],
    restrictReassignees: true,
    allowedReassigneeIds: ["r"],
  });

  it("puts provisioning last, so describePolicy can say what the policy does", () => {
    const snapshot = snapshotFromDefinition("p1", definition);
    expect(snapshot.steps.map((s) => `${s.kind}:${s.approverKind}@${s.position}`)).toEqual([
      "APPROVAL:MANAGER@0",
      "APPROVAL:USERS@1",
      "APPROVAL:APP_OWNERS@2",
      "PROVISION:null@3",
    ]);
    expect(describePolicy(snapshot, "GRANT")).toBe(
      "The manager of the person whose access it is approves, then a named approver approves, then an app owner approves, then it is provisioned.",
    );
  });

  it("round-trips a definition through its snapshot", () => {
    expect(definitionFromSnapshot(snapshotFromDefinition("p1", definition))).toEqual({
      ...definition,
      steps: [
        manager,
        { approver: "USERS", people: ["a", "b"] },
        { approver: "APP_OWNERS", people: [] },
      ],
    });
  });

  it("lists every person named once", () => {
    expect(
      peopleNamedBy(
        def({
          steps: [{ approver: "USERS", people: ["b", "a"] }],
          allowedReassigneeIds: ["a", "c"],
        }),
      ),
    ).toEqual(["a", "b", "c"]);
  });
});

describe("duplicateName", () => {
  it.each([
    ["Standard", [], "Copy of Standard"],
    ["Standard", ["Copy of Standard"], "Copy of Standard (2)"],
    ["Standard", ["copy of standard", "Copy of Standard (2)"], "Copy of Standard (3)"],
    ["x".repeat(80), [], `Copy of ${"x".repeat(67)}`],
  ])("copies %s (taken: %j) as %s", (name, taken, expected) => {
    const result = duplicateName(name, new Set(taken));
    expect(result).toBe(expected);
    expect(result.length).toBeLessThanOrEqual(80);
  });
});
