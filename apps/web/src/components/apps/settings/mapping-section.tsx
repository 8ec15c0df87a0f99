"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { secondaryButton } from "~/components/ui/button";
import { Section } from "~/components/ui/section";
import { useTRPC } from "~/trpc/react";
import { useSettingsReadOnly } from "./read-only.tsx";
import type { AppSettings } from "./use-settings-save.ts";

const MappingSettingsDialog = dynamic(() => import("../mapping-settings-dialog"), { ssr: false });

const MODE_WORDS = {
  NARROW: { title: "Narrow", detail: "Accounts are matched to people by email address only." },
  BROAD: {
    title: "Broad",
    detail: "Accounts are matched by email address, then by given and family name.",
  },
} as const;

/** The account mapping mode, changed in the existing Account mapping settings dialog. */
export function MappingSection({ settings }: { settings: AppSettings }) {
  const [open, setOpen] = useState(false);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The dialog saves the mode itself: read it again when the dialog closes.
  const close = (next: boolean) => {
    if (next) return;
    setOpen(false);
    void queryClient.invalidateQueries({
      queryKey: trpc.apps.settings.queryKey({ appId: settings.id }),
    });
  };
  const mode = MODE_WORDS[settings.accountMappingMode];
  const readOnly = useSettingsReadOnly() !== null;
  return (
    <Section
      title="Account mapping"
      description="How the app's accounts are matched to the people of your organization."
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-zinc-700">
          <span className="font-medium text-zinc-900">{mode.title}</span> — {mode.detail}
        </p>
        {readOnly ? null : (
          <button type="button" className={secondaryButton} onClick={() => setOpen(true)}>
            Change account mapping
          </button>
        )}
      </div>
      {open ? (
        <MappingSettingsDialog
          appId={settings.id}
          appName={settings.name}
          mode={settings.accountMappingMode}
          onOpenChange={close}
        />
      ) : null}
    </Section>
  );
}
