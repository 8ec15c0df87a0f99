import type { Metadata } from "next";
import { AppActionsMenu } from "~/components/apps/app-actions-menu";
import { AppTabs } from "~/components/apps/app-tabs";
import { RemapBanner } from "~/components/apps/remap-banner";
import { AppIcon } from "~/components/ui/app-icon";
import { Badge } from "~/components/ui/badge";
import { PageHeader } from "~/components/ui/page-header";
import { loadApp } from "~/server/apps";
import { HydrateClient, prefetchInto, trpc } from "~/trpc/server";
import { InlineMarkdown } from "~/components/ui/markdown";
import { Breadcrumb } from "~/components/shell/breadcrumb";

type Params = Promise<{ appId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const app = await loadApp((await params).appId);
  return { title: { template: `%s · ${app.name}`, default: app.name } };
}

/** The app's header and its tabs (Overview, Accounts, Entitlements, Settings), shared by them. */
export default async function AppLayout({
  params,
  children,
}: {
  params: Params;
  children: React.ReactNode;
}) {
  const app = await loadApp((await params).appId);
  // The latest re-map of the app's owners, for the banner (polled while one runs).
  const remap = await prefetchInto([trpc.apps.remapStatus.queryOptions({ appId: app.id })]);
  return (
    <>
      <HydrateClient client={remap}>
        <PageHeader
          title={
            <span className="flex items-start gap-3 sm:items-center">
              <span className="hidden shrink-0 sm:block">
                <AppIcon name={app.name} size="lg" />
              </span>
              <span className="min-w-0">
                <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  {app.name}
                  <Badge tone="green">Managed</Badge>
                  {app.viewerIsOwner ? <Badge tone="brand">You own this app</Badge> : null}
                </span>
                <span className="mt-0.5 block text-sm font-normal text-zinc-600">
                  <InlineMarkdown>{app.description}</InlineMarkdown>
                </span>
              </span>
            </span>
          }
          actions={
            app.viewerCanManage ? (
              <AppActionsMenu
                appId={app.id}
                appName={app.name}
                mappingMode={app.accountMappingMode}
              />
            ) : null
          }
        >
          <Breadcrumb trail={[{ href: "/apps", label: "Applications" }]} current={app.name} />
          <AppTabs
            appId={app.id}
            accountCount={app.accounts.active + app.accounts.disabled}
            entitlementCount={app.entitlements.length}
            canViewAccounts={app.viewerCanViewAccounts}
            canViewSettings={app.viewerCanViewSettings}
          />
        </PageHeader>
        <RemapBanner appId={app.id} canManage={app.viewerCanManage} />
      </HydrateClient>
      {children}
    </>
  );
}
