import { EntitlementsTable } from "~/components/entitlements/entitlements-table";
import type { ViewerAccess } from "~/components/entitlements/request-action";
import { Markdown } from "~/components/ui/markdown";
import { PeopleList } from "~/components/ui/people";
import { Section } from "~/components/ui/section";
import { formatCount } from "~/lib/format";
import { loadApp } from "~/server/apps";
import { serverCaller } from "~/trpc/server";

type Params = Promise<{ appId: string }>;

function Stat({ label, value, tone }: { label: string; value: number; tone?: "warn" }) {
  return (
    <div>
      <dt className="text-muted text-xs">{label}</dt>
      <dd
        className={`mt-1 text-2xl font-semibold tabular-nums ${tone === "warn" && value > 0 ? "text-brand-700" : "text-zinc-950"}`}
      >
        {formatCount(value)}
      </dd>
    </div>
  );
}

export default async function AppPage({ params }: { params: Params }) {
  const { appId } = await params;
  const app = await loadApp(appId);
  // What the viewer holds or asked for here (only managed apps can be requested).
  const requestable =
    app.status === "MANAGED"
      ? await (await serverCaller()).requests.requestable({ appId: app.id })
      : [];
  const viewer = new Map<string, ViewerAccess>(
    requestable.map((r) => [r.id, { held: r.held, pending: r.pending }]),
  );
  return (
    <>
      <div className="grid gap-6 px-6 py-6 xl:grid-cols-3 xl:px-8">
        <div className="space-y-6 xl:col-span-2">
          <Section
            title="Accounts"
            description={`Owner mapping: ${app.accountMappingMode === "BROAD" ? "Broad (email, then name)" : "Narrow (email)"}`}
          >
            <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
              <Stat label="Active" value={app.accounts.active} />
              <Stat label="Disabled" value={app.accounts.disabled} />
              <Stat label="Without an owner" value={app.accounts.withoutOwner} tone="warn" />
              <Stat
                label="Owned by departed or suspended people"
                value={app.accounts.ownedByInactivePeople}
                tone="warn"
              />
            </dl>
          </Section>

          <Section
            title="Entitlements"
            description="The roles, groups and licenses Lantern can grant in this app. Open one to see who holds it; ask for what you need with Request access."
          >
            {app.entitlements.length === 0 ? (
              <p className="text-muted text-sm">No entitlements yet.</p>
            ) : (
              <EntitlementsTable app={app} viewer={viewer} framed={false} />
            )}
          </Section>

          <Section
            title="Provisioning instructions"
            description="Shown to provisioners on every provisioning task of this app."
          >
            {app.provisioningInstructions ? (
              <Markdown>{app.provisioningInstructions}</Markdown>
            ) : (
              <p className="text-muted text-sm">No instructions written yet.</p>
            )}
          </Section>
          <Section
            title="Deprovisioning instructions"
            description="Shown to deprovisioners on every deprovisioning task of this app."
          >
            {app.deprovisioningInstructions ? (
              <Markdown>{app.deprovisioningInstructions}</Markdown>
            ) : (
              <p className="text-muted text-sm">No instructions written yet.</p>
            )}
          </Section>
        </div>

        <div className="space-y-6">
          <Section title="Owners">
            <PeopleList people={app.owners} empty="This app has no owner." />
          </Section>
          <Section
            title="Provisioners"
            description={
              app.provisionersAreOwners ? "None named: the app owners provision." : undefined
            }
          >
            <PeopleList people={app.provisioners} />
          </Section>
          <Section
            title="Deprovisioners"
            description={
              app.deprovisionersAreOwners ? "None named: the app owners deprovision." : undefined
            }
          >
            <PeopleList people={app.deprovisioners} />
          </Section>
          <Section title="Policies">
            <dl className="space-y-3 text-sm">
              <div>
                <dt className="text-muted text-xs">Requests</dt>
                <dd className="font-medium text-zinc-900">
                  <PolicyName
                    own={app.defaultRequestPolicy}
                    inherited={app.organizationDefaults.request}
                  />
                </dd>
              </div>
              <div>
                <dt className="text-muted text-xs">Revocations</dt>
                <dd className="font-medium text-zinc-900">
                  <PolicyName
                    own={app.defaultRevocationPolicy}
                    inherited={app.organizationDefaults.revocation}
                  />
                </dd>
              </div>
            </dl>
          </Section>
        </div>
      </div>
    </>
  );
}

/** The app's own default policy, or the organization's it inherits (said so), or none. */
function PolicyName({
  own,
  inherited,
}: {
  own: { name: string } | null;
  inherited: { name: string } | null;
}) {
  if (own) return <>{own.name}</>;
  if (inherited) {
    return (
      <>
        {inherited.name}{" "}
        <span className="text-muted font-normal">(the organization&apos;s default)</span>
      </>
    );
  }
  return <span className="font-normal text-amber-700">None: requests are refused</span>;
}
