import type { Metadata } from "next";
import { AppSettingsSections } from "~/components/apps/settings/app-settings";
import { loadApp } from "~/server/apps";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { Refused } from "~/components/shell/refused";

export const metadata: Metadata = { title: "Settings" };

type Params = Promise<{ appId: string }>;

/**
 * The app's Settings tab: super admins and the app's owners change it (canManageApp); auditors
 * read it with nothing to change (canViewAppSettings).
 */
export default async function AppSettingsPage({ params }: { params: Params }) {
  const app = await loadApp((await params).appId);
  if (!app.viewerCanViewSettings) {
    const owners = app.owners.map((o) => o.displayName).join(", ");
    return (
      <Refused
        title={`You can’t change the settings of ${app.name}`}
        back={{ href: `/apps/${app.id}`, label: "Back to the overview" }}
      >
        Only the app’s owners{owners ? ` (${owners})` : ""} and super admins can change its
        settings.
      </Refused>
    );
  }
  await Promise.all([
    prefetch(trpc.apps.settings.queryOptions({ appId: app.id })),
    prefetch(trpc.apps.connector.queryOptions({ appId: app.id })),
  ]);
  return (
    <div className="px-6 py-6 xl:px-8">
      <HydrateClient>
        <AppSettingsSections appId={app.id} />
      </HydrateClient>
    </div>
  );
}
