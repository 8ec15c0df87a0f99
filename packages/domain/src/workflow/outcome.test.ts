import { describe, expect, it } from "vitest";
import {
  anyOneOf,
  describeOutcome,
  describeWhoDoesIt,
  outcomeOfRequest,
  type RequestOutcome,
  type WhoDoesIt,
} from "./outcome.ts";

const person = (displayName: string) => ({ id: displayName.toLowerCase(), displayName });
const DANA = person("Dana Lee");
const SAM = person("Sam Ortiz");
const ELI = person("Eli Park");
const MO = person("Mo Reyes");
const JO = person("Jo Kim");

describe("anyOneOf", () => {
  it.each([
    { people: [], expected: "nobody" },
    { people: [DANA], expected: "Dana Lee" },
    { people: [DANA, SAM], expected: "Dana Lee or Sam Ortiz" },
    { people: [DANA, SAM, ELI], expected: "Dana Lee, Sam Ortiz or Eli Park" },
    { people: [DANA, SAM, ELI, MO], expected: "Dana Lee, Sam Ortiz, Eli Park or 1 other" },
    { people: [DANA, SAM, ELI, MO, JO], expected: "Dana Lee, Sam Ortiz, Eli Park or 2 others" },
  ])("$expected", ({ people, expected }) => {
    expect(anyOneOf(people)).toBe(expected);
  });
});

describe("describeOutcome", () => {
  const cases: Array<{
    outcome: RequestOutcome;
    kind: "GRANT" | "REVOKE";
    title: string;
    detail: string;
    taskNumber: number | null;
  }> = [
    {
      outcome: { kind: "approval", taskNumber: 141, approvers: [DANA] },
      kind: "REVOKE",
      title: "Sent for approval by Dana Lee (#141)",
      detail: "The access stays until the removal is approved and done.",
      taskNumber: 141,
    },
    {
      outcome: { kind: "approval", taskNumber: 7, approvers: [DANA, SAM] },
      kind: "GRANT",
      title: "Sent for approval by Dana Lee or Sam Ortiz (#7)",
      detail: "Once approved, the access is set up.",
      taskNumber: 7,
    },
    {
      outcome: { kind: "task", taskNumber: 141, assignees: [SAM] },
      kind: "REVOKE",
      title: "A deprovisioning task was created for Sam Ortiz (#141)",
      detail: "The access stays until they mark it deprovisioned.",
      taskNumber: 141,
    },
    {
      outcome: { kind: "task", taskNumber: 1042, assignees: [SAM, ELI, DANA, MO] },
      kind: "GRANT",
      title: "A provisioning task was created for Sam Ortiz, Eli Park, Dana Lee or 1 other (#1042)",
      detail: "The access is live once they mark it provisioned.",
      taskNumber: 1042,
    },
    {
      outcome: { kind: "connector", jobId: "job-1" },
      kind: "REVOKE",
      title: "The connector is removing it",
      detail:
        "If the connector cannot do it, a task goes to the app owners and nothing is dropped.",
      taskNumber: null,
    },
    {
      outcome: { kind: "connector", jobId: null },
      kind: "GRANT",
      title: "The connector is granting it",
      detail:
        "If the connector cannot do it, a task goes to the app owners and nothing is dropped.",
      taskNumber: null,
    },
    {
      outcome: { kind: "done" },
      kind: "REVOKE",
      title: "The access is removed",
      detail: "Nothing is left to do.",
      taskNumber: null,
    },
    {
      outcome: { kind: "done" },
      kind: "GRANT",
      title: "The access is given",
      detail: "Nothing is left to do.",
      taskNumber: null,
    },
  ];
  it.each(cases)("$kind $outcome.kind → $title", ({ outcome, kind, title, detail, taskNumber }) => {
    expect(describeOutcome(outcome, kind)).toEqual({ title, detail, taskNumber });
  });

  it("never says the access goes at once while a person still has to act", () => {
    for (const { outcome, kind } of cases) {
      if (outcome.kind === "done" || outcome.kind === "connector") continue;
      const { title, detail } = describeOutcome(outcome, kind);
      expect(`${title} ${detail}`).not.toMatch(/at once|no approval/i);
    }
  });
});

describe("describeWhoDoesIt", () => {
  it.each<{ who: WhoDoesIt; kind: "GRANT" | "REVOKE"; expected: string }>([
    {
      who: { kind: "people", people: [SAM] },
      kind: "GRANT",
      expected: "Sam Ortiz sets it up and marks it provisioned.",
    },
    {
      who: { kind: "people", people: [SAM, DANA] },
      kind: "GRANT",
      expected: "Sam Ortiz or Dana Lee sets it up and marks it provisioned.",
    },
    {
      who: { kind: "people", people: [SAM] },
      kind: "REVOKE",
      expected: "Sam Ortiz removes it and marks it deprovisioned.",
    },
    {
      who: { kind: "connector" },
      kind: "GRANT",
      expected: "The app's connector sets it up; if it cannot, a task goes to the app owners.",
    },
    {
      who: { kind: "connector" },
      kind: "REVOKE",
      expected: "The app's connector removes it; if it cannot, a task goes to the app owners.",
    },
  ])("$kind $who.kind → $expected", ({ who, kind, expected }) => {
    expect(describeWhoDoesIt(who, kind)).toBe(expected);
  });
});

describe("outcomeOfRequest", () => {
  const task = (kind: "APPROVAL" | "PROVISION" | "DEPROVISION") => ({
    number: 12,
    kind,
    assignees: [SAM],
  });
  it.each([
    {
      state: "PENDING_APPROVAL" as const,
      openTask: task("APPROVAL"),
      expected: { kind: "approval", taskNumber: 12, approvers: [SAM] },
    },
    {
      state: "PROVISIONING" as const,
      openTask: task("PROVISION"),
      expected: { kind: "task", taskNumber: 12, assignees: [SAM] },
    },
    {
      state: "PROVISIONING" as const,
      openTask: task("DEPROVISION"),
      expected: { kind: "task", taskNumber: 12, assignees: [SAM] },
    },
    {
      state: "PROVISIONING" as const,
      openTask: null,
      expected: { kind: "connector", jobId: null },
    },
    { state: "COMPLETED" as const, openTask: null, expected: { kind: "done" } },
    { state: "DENIED" as const, openTask: null, expected: null },
    { state: "CANCELLED" as const, openTask: null, expected: null },
    { state: "ERRORED" as const, openTask: null, expected: null },
    { state: "PENDING_APPROVAL" as const, openTask: null, expected: null },
  ])("$state with $openTask.kind → $expected.kind", ({ state, openTask, expected }) => {
    expect(outcomeOfRequest({ state, openTask })).toEqual(expected);
  });
});
