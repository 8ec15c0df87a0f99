import { cn } from "~/lib/cn";
import { initials } from "~/lib/format";

const PALETTE = [
  "bg-sky-100 text-sky-800",
  "bg-emerald-100 text-emerald-800",
  "bg-violet-100 text-violet-800",
  "bg-rose-100 text-rose-800",
  "bg-amber-100 text-amber-800",
  "bg-teal-100 text-teal-800",
  "bg-indigo-100 text-indigo-800",
];

function hue(seed: string): string {
  let h = 0;
  for (const ch of seed) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}

/** A person's initials in a colored circle (no external images). */
export function Avatar({
  name,
  size = "md",
  className,
}: {
  name: string;
  size?: "sm" | "md" | "lg";
  className?: string;
}) {
  return (
    <span
      aria-hidden
      className={cn(
        "inline-flex shrink-0 items-center justify-center rounded-full font-medium ring-2 ring-white",
        size === "sm"
          ? "size-6 text-[10px]"
          : size === "lg"
            ? "size-12 text-base"
            : "size-8 text-xs",
        hue(name),
        className,
      )}
    >
      {initials(name)}
    </span>
  );
}
