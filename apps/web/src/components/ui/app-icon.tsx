import { cn } from "~/lib/cn";

/** Background and text of a monogram: each pair reaches WCAG AA contrast (4.5:1; app-icon.test.ts). */
export const TONES = [
  "bg-zinc-900 text-white",
  "bg-sky-700 text-white",
  "bg-emerald-700 text-white",
  "bg-violet-600 text-white",
  "bg-rose-700 text-white",
  "bg-amber-500 text-zinc-950",
  "bg-indigo-600 text-white",
  "bg-teal-700 text-white",
];

/** An app's monogram. Lantern draws icons itself so no page loads external images. */
export function AppIcon({ name, size = "md" }: { name: string; size?: "sm" | "md" | "lg" }) {
  let h = 0;
  for (const ch of name) h = (h * 33 + ch.charCodeAt(0)) >>> 0;
  const letters = name
    .split(/\s+/)
    .map((w) => w[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <span
      aria-hidden
      className={cn(
        "inline-flex shrink-0 items-center justify-center rounded-lg font-semibold shadow-sm",
        size === "lg" ? "size-12 text-base" : size === "sm" ? "size-7 text-xs" : "size-9 text-sm",
        TONES[h % TONES.length],
      )}
    >
      {letters || "?"}
    </span>
  );
}
