"use client";

import { useEffect, useState } from "react";
import { Check, Copy } from "lucide-react";
import { secondaryButton } from "~/components/ui/button";
import { cn } from "~/lib/cn";

/** Copies `value` to the clipboard (a textarea fallback where the Clipboard API is missing). */
async function copyText(value: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(value);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = value;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

export function CopyButton({
  value,
  label = "Copy",
  className,
}: {
  value: string;
  /** Also the accessible name's start: "Copy sign-in link". */
  label?: string;
  className?: string;
}) {
  const [copied, setCopied] = useState<boolean | null>(null);
  useEffect(() => {
    if (copied === null) return;
    const timer = setTimeout(() => setCopied(null), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <button
      type="button"
      className={cn(secondaryButton, "shrink-0 px-2.5 py-1.5 text-xs", className)}
      onClick={async () => setCopied(await copyText(value))}
      aria-label={label}
    >
      {copied ? (
        <Check className="size-3.5 text-emerald-600" aria-hidden />
      ) : (
        <Copy className="text-muted size-3.5" aria-hidden />
      )}
      <span aria-live="polite">
        {copied === true ? "Copied" : copied === false ? "Select and copy" : "Copy"}
      </span>
    </button>
  );
}
