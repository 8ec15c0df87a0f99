/** @jsxRuntime automatic */
import { reasonOrNone, subjectLabel, taskLabel } from "../lib/copy.ts";
import { formatDate } from "../lib/format.ts";
import type { RequestEmailFacts, TaskEmailFacts } from "../lib/props.ts";
import { MultilineText, type Fact } from "./blocks.tsx";

/** The facts of a request as rows: what, in which app, for whom, who asked, why, policy. */
export function requestFacts(props: RequestEmailFacts): Fact[] {
  return [
    { label: "Access", value: props.entitlementName },
    { label: "App", value: props.appName },
    { label: subjectLabel(props.requestKind), value: props.subject },
    { label: "Requested by", value: props.requesterName },
    {
      label: "Reason",
      value: <MultilineText text={reasonOrNone(props.reason)} />,
      prose: true,
    },
    { label: "Policy", value: props.policyName },
  ];
}

/** The facts of a task as rows: the task, its request's facts, and when it is due. */
export function taskFacts(props: TaskEmailFacts & { dueAt?: string | null }): Fact[] {
  return [
    { label: "Task", value: taskLabel(props.taskNumber) },
    ...requestFacts(props),
    { label: "Due", value: props.dueAt ? formatDate(props.dueAt) : null },
  ];
}

/** The facts of an access-review campaign as rows: which campaign and when it is due. */
export function campaignFacts(props: { campaignName: string; dueAt: string }): Fact[] {
  return [
    { label: "Campaign", value: props.campaignName },
    { label: "Due", value: formatDate(props.dueAt) },
  ];
}
