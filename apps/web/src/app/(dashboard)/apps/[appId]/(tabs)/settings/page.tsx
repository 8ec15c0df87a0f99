import type { Metadata } from "next";
import Link from "next/link";
import { ShieldAlert } from "lucide-react";
import { AppSettingsSections } from "~/components/apps/settings/app-settings";
import { primaryButton } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";
import { loadApp } from "~/server/apps";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "Settings" };

type Params = Promise<{ appId: string }>;

/** The app's Settings tab: super admins and the app's owners (canManageApp). */
export default async function AppSettingsPage({ params }: { params: Params }) {
  const app = await loadApp((await params).appId);
  if (!app.viewerCanManage) {
    const owners = app.owners.map((o) => o.displayName).join(", ");
    return (
      <Notice
        tone="brand"
        icon={<ShieldAlert className="size-6" />}
        title={`You can’t change the settings of ${app.name}`}
        actions={
          <Link href={`/apps/${app.id}`} className={primaryButton}>
            Back to the overview
          </Link>
        }
      >
        Only the app’s owners{owners ? ` (${owners})` : ""} and super admins can change its
        settings.
      </Notice>
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
