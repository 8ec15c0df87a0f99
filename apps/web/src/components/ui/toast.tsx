"use client";

import { Toaster as Sonner, toast } from "sonner";

/**
 * Where toasts appear (mount once, in the layout). Toasts are announced to screen readers
 * (sonner's live region). Use `toast.success(…)` / `toast.error(…)` anywhere on the client.
 */
export function Toaster() {
  return (
    <Sonner
      position="bottom-right"
      closeButton
      duration={6000}
      toastOptions={{
        classNames: {
          toast: "!rounded-lg !border-zinc-200 !text-sm !shadow-lg",
          title: "!font-medium !text-zinc-900",
          description: "!text-zinc-600",
          error: "!border-rose-200 !bg-rose-50 [&_[data-title]]:!text-rose-900",
          success: "[&_[data-icon]]:!text-emerald-600",
          actionButton: "!bg-zinc-900 !text-white",
        },
      }}
    />
  );
}

export { toast };
