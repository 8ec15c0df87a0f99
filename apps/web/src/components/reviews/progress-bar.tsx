import { cn } from "~/lib/cn";
import { decidedPercent, progressText } from "./review-labels.ts";

/**
 * How far a campaign is: "12 / 40 decided" over a bar. The words carry the meaning (the bar
 * is hidden from screen readers); `size` lg is the campaign page's.
 */
export function ProgressBar({
  decided,
  total,
  size = "sm",
}: {
  decided: number;
  total: number;
  size?: "sm" | "lg";
}) {
  const percent = decidedPercent(decided, total);
  return (
    <div className={cn("min-w-0", size === "sm" ? "max-w-48" : "w-full")}>
      <p className={cn("text-zinc-700 tabular-nums", size === "sm" ? "text-xs" : "text-sm")}>
        {progressText(decided, total)}
        <span className="text-muted"> · {percent}%</span>
      </p>
      <div
        aria-hidden
        className={cn(
          "mt-1 overflow-hidden rounded-full bg-zinc-100",
          size === "sm" ? "h-1.5" : "h-2.5",
        )}
      >
        <div
          className={cn("h-full rounded-full", percent === 100 ? "bg-emerald-500" : "bg-zinc-800")}
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}
