import { describe, expect, it } from "vitest";
import type { RequestState } from "./state-machine.ts";
import { stepStatus, type StepStatusFacts } from "./steps.ts";

const running = { state: "PENDING_APPROVAL" as RequestState, currentStep: 0 };
const facts = (over: Partial<StepStatusFacts>): StepStatusFacts => ({
  index: 0,
  kind: "APPROVAL",
  lastTask: null,
  lastJob: null,
  request: running,
  ...over,
});
const task = (state: "OPEN" | "DONE" | "ERRORED" | "CANCELLED", outcome: string | null = null) => ({
  state,
  outcome,
});

describe("stepStatus (latest task × latest job × request)", () => {
  it.each([
    ["an open task", facts({ lastTask: task("OPEN") }), "current"],
    ["an approved task", facts({ lastTask: task("DONE", "APPROVED") }), "done"],
    [
      "a provisioned task",
      facts({ kind: "PROVISION", lastTask: task("DONE", "PROVISIONED") }),
      "done",
    ],
    ["a denied task", facts({ lastTask: task("DONE", "DENIED") }), "stopped"],
    [
      "an errored task",
      facts({ kind: "PROVISION", lastTask: task("ERRORED", "ERRORED") }),
      "stopped",
    ],
    ["a cancelled task", facts({ lastTask: task("CANCELLED", "CANCELLED") }), "stopped"],
    // The task decides over a job: a fallback task after a failed job is what stands now.
    [
      "a task after a failed job",
      facts({ kind: "PROVISION", lastTask: task("OPEN"), lastJob: "FAILED" }),
      "current",
    ],
    ["a queued job", facts({ kind: "PROVISION", lastJob: "QUEUED" }), "current"],
    ["a running job", facts({ kind: "PROVISION", lastJob: "RUNNING" }), "current"],
    ["a succeeded job", facts({ kind: "PROVISION", lastJob: "SUCCEEDED" }), "done"],
    ["a failed job", facts({ kind: "PROVISION", lastJob: "FAILED" }), "stopped"],
    // A job never speaks for an approval step.
    ["an approval step beside a job", facts({ lastJob: "SUCCEEDED" }), "upcoming"],
    ["not reached, request running", facts({ index: 1 }), "upcoming"],
    [
      "not reached, request denied",
      facts({ index: 1, request: { state: "DENIED", currentStep: 0 } }),
      "stopped",
    ],
    [
      "not reached, request cancelled",
      facts({ kind: "PROVISION", request: { state: "CANCELLED", currentStep: 0 } }),
      "stopped",
    ],
    [
      "provisioning of a completed request with no task or job",
      facts({ kind: "PROVISION", index: 1, request: { state: "COMPLETED", currentStep: 1 } }),
      "done",
    ],
    [
      "an approval of a completed request with no task",
      facts({ request: { state: "COMPLETED", currentStep: 1 } }),
      "stopped",
    ],
  ] as const)("%s → %s", (_name, input, expected) => {
    expect(stepStatus(input)).toBe(expected);
  });
});
