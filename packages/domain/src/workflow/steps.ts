import type { RequestState } from "./state-machine.ts";
import { isRequestRunning } from "./state-machine.ts";

// Where each step of a request's workflow stands, as the task page draws it: from the step's
// latest task, the request's connector job (for the provisioning step) and the request.

export type StepStatus = "done" | "current" | "upcoming" | "stopped";

export interface StepStatusFacts {
  /** The step's position in the workflow, and whether it approves or provisions. */
  index: number;
  kind: "APPROVAL" | "PROVISION";
  /** The step's latest task, if it has had one. */
  lastTask: { state: "OPEN" | "DONE" | "ERRORED" | "CANCELLED"; outcome: string | null } | null;
  /** The state of the request's latest connector job, if any (it does the provisioning). */
  lastJob: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | null;
  request: { state: RequestState; currentStep: number };
}

/**
 * - A step with a task: current while it is open, done when it closed with anything but a
 *   denial, stopped otherwise (denied, errored, cancelled).
 * - The provisioning step of a connector: done, stopped or current with its latest job.
 * - A completed request's provisioning step is done even without a task or job (recorded
 *   before Lantern, or by the seed).
 * - A step not reached is upcoming while the request runs, stopped once it has ended.
 */
export function stepStatus(facts: StepStatusFacts): StepStatus {
  const { lastTask, lastJob, request, kind } = facts;
  if (lastTask?.state === "OPEN") return "current";
  if (lastTask?.state === "DONE" && lastTask.outcome !== "DENIED") return "done";
  if (lastTask) return "stopped";
  if (kind === "PROVISION" && lastJob !== null) {
    return lastJob === "SUCCEEDED" ? "done" : lastJob === "FAILED" ? "stopped" : "current";
  }
  if (request.state === "COMPLETED" && kind === "PROVISION") return "done";
  return isRequestRunning(request.state) ? "upcoming" : "stopped";
}
