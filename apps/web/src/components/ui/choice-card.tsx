import { cn } from "~/lib/cn";

/** Where the radio sits, and its look. */
const RADIO = {
  start: { card: "items-start", radio: "mt-0.5 size-4 shrink-0 accent-zinc-900" },
  center: { card: "items-center", radio: "size-4 accent-zinc-900" },
} as const;

/**
 * One choice of a radio group drawn as a card: the radio, then `children` (its words); the
 * chosen card is outlined. `align` start: the radio sits by the first line of words (a title
 * over a hint); center: beside a single line. `className` spaces the card (gap, padding).
 */
export function ChoiceCard({
  align,
  className,
  checked,
  children,
  ...radio
}: {
  align: keyof typeof RADIO;
  className: string;
  checked: boolean;
  children: React.ReactNode;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "type" | "checked">) {
  return (
    <label
      className={cn(
        "flex cursor-pointer rounded-md border border-zinc-200 hover:bg-zinc-50",
        RADIO[align].card,
        className,
        checked && "border-zinc-400 bg-zinc-50",
      )}
    >
      <input type="radio" checked={checked} className={RADIO[align].radio} {...radio} />
      {children}
    </label>
  );
}
