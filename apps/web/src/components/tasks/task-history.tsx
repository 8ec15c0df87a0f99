import type { RouterOutputs } from "@lantern/api";
import { cn } from "~/lib/cn";
import { describeEvent, type HistoryFacts } from "./history.ts";
import { Time } from "./time.tsx";

type History = RouterOutputs["tasks"]["byNumber"]["history"];

/** The request's full audit trail, oldest first, each event as a sentence. */
export function TaskHistory({ history, facts }: { history: History; facts: HistoryFacts }) {
  if (history.length === 0) return <p className="text-muted text-sm">Nothing recorded yet.</p>;
  return (
    <ol className="space-y-3">
      {history.map((event) => {
        const line = describeEvent(event, facts);
        return (
          <li key={event.id} className="flex gap-3 text-sm">
            <span
              aria-hidden
              className={cn(
                "mt-1.5 size-2 shrink-0 rounded-full",
                line.tone === "good" && "bg-emerald-500",
                line.tone === "bad" && "bg-rose-500",
                line.tone === "neutral" && "bg-zinc-300",
              )}
            />
            <div className="min-w-0 flex-1">
              <p className="text-zinc-800">{line.text}</p>
              {line.detail ? (
                <p className="mt-0.5 border-l-2 border-zinc-200 pl-2 text-xs break-words text-zinc-600">
                  {line.detail}
                </p>
              ) : null}
            </div>
            <Time at={event.at} className="text-muted shrink-0 text-xs whitespace-nowrap" />
          </li>
        );
      })}
    </ol>
  );
}
