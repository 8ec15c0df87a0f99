"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { ConnectorSection } from "./connector-section.tsx";
import { DetailsSection } from "./details-section.tsx";
import { InstructionsSection } from "./instructions-section.tsx";
import { MappingSection } from "./mapping-section.tsx";
import { PeopleSection } from "./people-section.tsx";
import { PoliciesSection } from "./policies-section.tsx";
import { SettingsReadOnly } from "./read-only.tsx";

/**
 * App settings (super admins and the app's owners): each section edits its part and saves it
 * on its own, with a toast; the server checks every change again. Auditors read the same page
 * with every field disabled and no Save buttons (apps.settings' viewerCanManage).
 */
export function AppSettingsSections({ appId }: { appId: string }) {
  const trpc = useTRPC();
  const { data: settings } = useSuspenseQuery(trpc.apps.settings.queryOptions({ appId }));
  const readOnly = settings.viewerCanManage
    ? null
    : `You can read the settings of ${settings.name}; only its owners and super admins can change them.`;
  return (
    <SettingsReadOnly value={readOnly}>
      {readOnly ? (
        <p
          role="note"
          className="mb-6 rounded-md bg-zinc-50 px-3 py-2 text-sm text-zinc-700 ring-1 ring-zinc-200 ring-inset"
        >
          {readOnly}
        </p>
      ) : null}
      {/* grid-cols-1 (minmax(0, 1fr)): long names and emails truncate instead of widening the page. */}
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <div className="min-w-0 space-y-6">
          <DetailsSection settings={settings} />
          <PeopleSection settings={settings} />
        </div>
        <div className="min-w-0 space-y-6">
          <InstructionsSection settings={settings} />
          <PoliciesSection settings={settings} />
          <MappingSection settings={settings} />
          <ConnectorSection appId={appId} />
        </div>
      </div>
    </SettingsReadOnly>
  );
}
