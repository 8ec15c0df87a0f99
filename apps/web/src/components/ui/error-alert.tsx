import { AlertCircle } from "lucide-react";
import { cn } from "~/lib/cn";

/** A refusal or failure shown inside a form or dialog, announced to screen readers. */
export function ErrorAlert({
  children,
  className,
}: {
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <p
      role="alert"
      className={cn(
        "flex items-start gap-2 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-rose-100 ring-inset",
        className,
      )}
    >
      <AlertCircle className="mt-0.5 size-4 shrink-0" aria-hidden />
      {children}
    </p>
  );
}
