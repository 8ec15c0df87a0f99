"use client";

import { useEffect, useId, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { BellRing } from "lucide-react";
import type { RouterOutputs } from "@lantern/api";
import { secondaryButton } from "~/components/ui/button";
import { toast } from "~/components/ui/toast";
import { cn } from "~/lib/cn";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import { actionError } from "~/trpc/errors";
import { reminderSentTitle, reminderStatus, tooSoonMessage } from "./reminder.ts";
import { useTasksChanged } from "./use-task-actions.ts";

type Details = RouterOutputs["tasks"]["byNumber"];

/** The current time, advancing every `everyMs` (the button re-enables when the hour is up). */
function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export interface Reminder {
  /** The viewer may send reminders about this task. */
  visible: boolean;
  /** One can be sent now. */
  ready: boolean;
  /** "Reminder sent 12 minutes ago by Dana Ortiz · next possible at 3:05 PM", if any. */
  line: string | null;
  lineId: string;
  pending: boolean;
  send: () => Promise<void>;
}

/** "Send reminder" (requester, app owners, super admins): at most once an hour per task. */
export function useReminder(task: Details): Reminder {
  const client = useTRPCClient();
  const trpc = useTRPC();
  // The shell has it already (the layout prefetches it).
  const me = useQuery(trpc.me.get.queryOptions());
  const changed = useTasksChanged();
  const now = useNow(30_000);
  const lineId = useId();
  const [pending, setPending] = useState(false);
  const { ready, line } = reminderStatus(task.reminder, now, me.data?.id);
  const send = async () => {
    if (pending) return;
    setPending(true);
    try {
      const result = await client.tasks.remind.mutate({ number: task.number });
      toast.success(reminderSentTitle(result.recipients), {
        description: `About task #${result.number}: by email and Slack, as each of them chose.`,
      });
    } catch (e) {
      const { code, message, details } = actionError(e);
      toast.error((code === "CONFLICT" && tooSoonMessage(details)) || message);
    } finally {
      setPending(false);
      await changed();
    }
  };
  return { visible: task.reminder.allowed, ready, line, lineId, pending, send };
}

export function ReminderButton({ reminder }: { reminder: Reminder }) {
  if (!reminder.visible) return null;
  return (
    <button
      type="button"
      className={cn(secondaryButton, "px-2.5 py-1 text-xs")}
      disabled={!reminder.ready || reminder.pending}
      aria-describedby={reminder.line ? reminder.lineId : undefined}
      title={
        reminder.ready
          ? "Notify the people assigned to this task again (at most once an hour)"
          : (reminder.line ?? undefined)
      }
      onClick={() => void reminder.send()}
    >
      <BellRing className="text-muted size-3.5" aria-hidden />
      {reminder.pending ? "Sending…" : "Send reminder"}
    </button>
  );
}

/** The line under the assignees: when the last reminder went, and when the next can. */
export function ReminderLine({ reminder }: { reminder: Reminder }) {
  if (!reminder.visible || !reminder.line) return null;
  return (
    <p
      id={reminder.lineId}
      className="text-muted flex items-start gap-1.5 text-xs"
      suppressHydrationWarning
    >
      <BellRing className="mt-px size-3.5 shrink-0" aria-hidden />
      {reminder.line}
    </p>
  );
}
