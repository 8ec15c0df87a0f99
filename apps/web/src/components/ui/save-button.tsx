import { primaryButton } from "./button.ts";

/** A form's submit button, at its end (right); it says `pendingLabel` while the form saves. */
export function SaveButton({
  label,
  pending,
  pendingLabel = "Saving…",
}: {
  label: string;
  pending: boolean;
  pendingLabel?: string;
}) {
  return (
    <div className="flex justify-end">
      <button type="submit" className={primaryButton} disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
    </div>
  );
}
