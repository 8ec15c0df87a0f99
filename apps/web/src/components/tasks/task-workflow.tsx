import Link from "next/link";
import { Check, Info, Minus, X } from "lucide-react";
import type { RouterOutputs } from "@lantern/api";
import { Badge } from "~/components/ui/badge";
import { cn } from "~/lib/cn";
import { joinNames } from "./history.ts";
import { OUTCOME_SENTENCE } from "./task-labels.ts";
import { Time } from "./time.tsx";

type Details = RouterOutputs["tasks"]["byNumber"];
type Step = Details["steps"][number];
type StepTask = Step["tasks"][number];

const JOB_STATE: Record<string, string> = {
  QUEUED: "Queued",
  RUNNING: "Running",
  SUCCEEDED: "Succeeded",
  FAILED: "Failed",
};

function StepIcon({ step }: { step: Step }) {
  const stoppedByTask = step.status === "stopped" && step.tasks.length > 0;
  return (
    <span
      aria-hidden
      className={cn(
        "relative z-10 flex size-6 shrink-0 items-center justify-center rounded-full ring-4 ring-white",
        step.status === "done" && "bg-emerald-600 text-white",
        step.status === "current" && "bg-brand-50 ring-brand-400 border-brand-500 border-2",
        step.status === "upcoming" && "border-2 border-zinc-300 bg-white",
        step.status === "stopped" && stoppedByTask && "bg-rose-600 text-white",
        step.status === "stopped" && !stoppedByTask && "text-faint bg-zinc-100",
      )}
    >
      {step.status === "done" ? <Check className="size-3.5" strokeWidth={3} /> : null}
      {step.status === "current" ? <span className="bg-brand-500 size-2 rounded-full" /> : null}
      {step.status === "stopped" ? (
        stoppedByTask ? (
          <X className="size-3.5" strokeWidth={3} />
        ) : (
          <Minus className="size-3.5" />
        )
      ) : null}
    </span>
  );
}

const STATUS_WORDS: Record<Step["status"], string> = {
  done: "done",
  current: "in progress",
  upcoming: "not started",
  stopped: "stopped",
};

/**
 * The request's workflow as a vertical stepper (SPEC §3.5): each approval step with who
 * decided and when, the provision step, the step running now, and the viewer's part.
 */
export function TaskWorkflow({ steps }: { steps: Details["steps"] }) {
  return (
    <ol className="relative space-y-5">
      {steps.map((step, i) => (
        <li key={step.index} className="relative flex gap-3">
          {i < steps.length - 1 ? (
            <span
              aria-hidden
              className="absolute top-6 bottom-[-1.25rem] left-[11px] w-0.5 bg-zinc-200"
            />
          ) : null}
          <StepIcon step={step} />
          <div className="min-w-0 flex-1 pt-0.5">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <h3
                className={cn(
                  "text-sm font-medium",
                  step.status === "current" ? "text-zinc-950" : "text-zinc-800",
                )}
              >
                {step.title}
                <span className="sr-only"> ({STATUS_WORDS[step.status]})</span>
              </h3>
              {step.viewerRole ? (
                <Badge tone={step.viewerRole === "Assigned to you" ? "brand" : "blue"}>
                  {step.viewerRole}
                </Badge>
              ) : null}
            </div>
            {step.rule ? <p className="text-muted mt-0.5 text-xs">Decided by {step.rule}</p> : null}
            {step.tasks.length === 0 && step.connectorJobs.length === 0 ? (
              <p className="text-muted mt-1 text-xs">
                {step.status === "done"
                  ? "Done."
                  : step.status === "stopped"
                    ? "Not reached."
                    : "Starts when the steps before it are done."}
              </p>
            ) : null}
            {step.tasks.length > 0 ? (
              <ul className="mt-2 space-y-2">
                {step.tasks.map((task) => (
                  <StepTaskLine key={task.id} task={task} />
                ))}
              </ul>
            ) : null}
            {step.connectorJobs.length > 0 ? (
              <ul className="mt-2 space-y-1.5">
                {step.connectorJobs.map((job) => (
                  <li key={job.id} className="text-xs text-zinc-600">
                    <span className="font-medium text-zinc-800">Connector</span>:{" "}
                    {JOB_STATE[job.state] ?? job.state}
                    {job.attempts > 0
                      ? ` after ${job.attempts} attempt${job.attempts === 1 ? "" : "s"}`
                      : ""}
                    {job.lastError ? (
                      <span className="mt-0.5 block text-rose-700">{job.lastError}</span>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}

function StepTaskLine({ task }: { task: StepTask }) {
  const names = joinNames(task.assignees.map((a) => a.displayName));
  return (
    <li
      className={cn(
        "rounded-md px-2.5 py-2 text-xs",
        task.current ? "bg-zinc-50 ring-1 ring-zinc-200 ring-inset" : "bg-white",
      )}
    >
      <p className="flex flex-wrap items-center gap-x-1.5 text-zinc-700">
        {task.current ? (
          <span className="font-mono font-medium text-zinc-950">#{task.number}</span>
        ) : (
          <Link
            href={`/tasks/${task.number}`}
            className="font-mono font-medium text-zinc-950 hover:underline"
          >
            #{task.number}
          </Link>
        )}
        {task.current ? <span className="text-muted">(this task)</span> : null}
        <span aria-hidden className="text-faint">
          ·
        </span>
        {task.state === "OPEN" ? (
          <span>Waiting for {names || "its assignees"}</span>
        ) : (
          <span>
            {task.outcome ? OUTCOME_SENTENCE[task.outcome] : "Closed"}
            {task.completedBy ? ` by ${task.completedBy.displayName}` : ""}
            {task.completedAt ? (
              <>
                {" "}
                <Time at={task.completedAt} className="text-muted" />
              </>
            ) : null}
          </span>
        )}
      </p>
      {task.note ? (
        <p className="mt-1 border-l-2 border-zinc-200 pl-2 text-zinc-600">{task.note}</p>
      ) : null}
      {/* The page's own task says its routing note above the workflow. */}
      {task.routingNote && !task.current ? (
        <p className="mt-1.5 flex items-start gap-1.5 text-sky-800">
          <Info className="mt-px size-3.5 shrink-0" aria-hidden />
          {task.routingNote}
        </p>
      ) : null}
    </li>
  );
}
