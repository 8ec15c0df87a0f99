"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { ConnectorSection } from "./connector-section.tsx";
import { DetailsSection } from "./details-section.tsx";
import { InstructionsSection } from "./instructions-section.tsx";
import { MappingSection } from "./mapping-section.tsx";
import { PeopleSection } from "./people-section.tsx";
import { PoliciesSection } from "./policies-section.tsx";

/**
 * App settings (super admins and the app's owners): each section edits its part and saves it
 * on its own, with a toast; the server checks every change again.
 */
export function AppSettingsSections({ appId }: { appId: string }) {
  const trpc = useTRPC();
  const { data: settings } = useSuspenseQuery(trpc.apps.settings.queryOptions({ appId }));
  return (
    // grid-cols-1 (minmax(0, 1fr)): long names and emails truncate instead of widening the page.
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
  );
}
