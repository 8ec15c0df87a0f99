import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "~/components/shell/breadcrumb";
import { Fact } from "~/components/ui/fact";
import { EntitlementTabs } from "~/components/entitlements/entitlement-tabs";
import { STRATEGY_LABEL } from "~/components/entitlements/labels";
import { PeopleStack } from "~/components/ui/people";
import { PageHeader } from "~/components/ui/page-header";
import { loadEntitlement } from "~/server/entitlements";
import { InlineMarkdown } from "~/components/ui/markdown";

type Params = Promise<{ appId: string; entitlementId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { appId, entitlementId } = await params;
  const entitlement = await loadEntitlement(appId, entitlementId);
  return {
    title: {
      template: `%s · ${entitlement.displayName} · ${entitlement.app.name}`,
      default: `${entitlement.displayName} · ${entitlement.app.name}`,
    },
  };
}

/**
 * An entitlement of an app (SPEC §5): who owns it, how it is granted and removed, the
 * policies requests and revocations run under, and its tabs (Grants, Details, Settings).
 */
export default async function EntitlementLayout({
  params,
  children,
}: {
  params: Params;
  children: React.ReactNode;
}) {
  const { appId, entitlementId } = await params;
  const entitlement = await loadEntitlement(appId, entitlementId);
  const { app, policies } = entitlement;
  const base = `/apps/${app.id}/entitlements/${entitlement.id}`;
  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            {entitlement.displayName}
            <span className="text-muted font-mono text-sm font-normal">{entitlement.slug}</span>
          </span>
        }
        description={
          entitlement.description ? (
            <InlineMarkdown>{entitlement.description}</InlineMarkdown>
          ) : undefined
        }
      >
        <Breadcrumb
          trail={[
            { href: "/apps", label: "Applications" },
            { href: `/apps/${app.id}`, label: app.name },
            { href: `/apps/${app.id}/entitlements`, label: "Entitlements" },
          ]}
          current={entitlement.displayName}
        />
        <dl className="mb-5 grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-3 lg:grid-cols-5">
          <Fact truncate label="App">
            <Link href={`/apps/${app.id}`} className="font-medium hover:underline">
              {app.name}
            </Link>
          </Fact>
          <Fact truncate label="Owners">
            <PeopleStack people={entitlement.owners} max={3} empty="No owner" />
          </Fact>
          <Fact truncate label="Granted by · Removed by">
            {STRATEGY_LABEL[entitlement.provisioningStrategy]} ·{" "}
            {STRATEGY_LABEL[entitlement.deprovisioningStrategy]}
          </Fact>
          <Fact truncate label="Request policy">
            {policies.request?.name ?? "None set"}
          </Fact>
          <Fact truncate label="Revocation policy">
            {policies.revocation?.name ?? "None set"}
          </Fact>
        </dl>
        <EntitlementTabs
          href={base}
          grantCount={entitlement.liveGrantCount}
          canManage={entitlement.viewerCanManage}
        />
      </PageHeader>
      {children}
    </>
  );
}
