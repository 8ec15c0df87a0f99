import Link from "next/link";
import { Badge } from "~/components/ui/badge";
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
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd
        className={`mt-1 text-2xl font-semibold tabular-nums ${tone === "warn" && value > 0 ? "text-brand-700" : "text-zinc-950"}`}
      >
        {formatCount(value)}
      </dd>
    </div>
  );
}

const STRATEGY = { MANUAL: "Manual task", CONNECTOR: "Connector" } as const;

/** Per entitlement: the viewer holds it, or asked for it already. */
type ViewerAccess = { held: boolean; pending: boolean };

/** What the viewer may do about one entitlement: ask for it, or see that they have. */
function RequestAction({
  entitlement,
  managed,
  viewer,
}: {
  entitlement: { id: string; displayName: string };
  managed: boolean;
  viewer: ViewerAccess | undefined;
}) {
  if (!managed) return null;
  if (viewer?.held) return <Badge tone="green">You have this</Badge>;
  if (viewer?.pending) {
    return (
      <Link href="/my-requests" className="inline-block" title="See it on My requests">
        <Badge tone="brand">Requested</Badge>
      </Link>
    );
  }
  return (
    <Link
      href={`/my-requests/new?entitlement=${entitlement.id}`}
      aria-label={`Request access: ${entitlement.displayName}`}
      className="inline-flex items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-xs font-medium whitespace-nowrap text-zinc-800 shadow-xs hover:bg-zinc-50"
    >
      Request access
    </Link>
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
            description="The roles, groups and licenses Lantern can grant in this app. Ask for what you need with Request access."
          >
            {app.entitlements.length === 0 ? (
              <p className="text-sm text-zinc-500">No entitlements yet.</p>
            ) : (
              <table className="w-full table-fixed text-left text-sm">
                <thead className="text-xs text-zinc-500">
                  <tr>
                    <th scope="col" className="pb-2 font-medium">
                      Entitlement
                    </th>
                    <th scope="col" className="hidden w-36 pb-2 pl-4 font-medium sm:table-cell">
                      Set up by
                    </th>
                    <th scope="col" className="w-20 pb-2 pl-4 text-right font-medium">
                      Live grants
                    </th>
                    <th scope="col" className="w-36 pb-2 pl-4 text-right font-medium">
                      <span className="sr-only">Request</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-zinc-100">
                  {app.entitlements.map((e) => (
                    <tr key={e.id} className="align-top">
                      <td className="py-3">
                        <p className="flex flex-wrap items-baseline gap-x-2">
                          <span className="font-medium text-zinc-900">{e.displayName}</span>
                          <span className="font-mono text-xs text-zinc-500">{e.slug}</span>
                        </p>
                        {e.description ? (
                          <p className="mt-0.5 text-xs leading-5 text-zinc-600">{e.description}</p>
                        ) : null}
                      </td>
                      <td className="hidden py-3 pl-4 text-xs leading-5 text-zinc-500 sm:table-cell">
                        <p>
                          <span className="sr-only">Provisioning: </span>
                          <span aria-hidden>Grant · </span>
                          {STRATEGY[e.provisioningStrategy]}
                        </p>
                        <p>
                          <span className="sr-only">Deprovisioning: </span>
                          <span aria-hidden>Removal · </span>
                          {STRATEGY[e.deprovisioningStrategy]}
                        </p>
                      </td>
                      <td className="py-3 pl-4 text-right text-zinc-700 tabular-nums">
                        {formatCount(e.liveGrantCount)}
                      </td>
                      <td className="py-2.5 pl-4 text-right">
                        <RequestAction
                          entitlement={e}
                          managed={app.status === "MANAGED"}
                          viewer={viewer.get(e.id)}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Section>

          <Section
            title="Provisioning instructions"
            description="Shown to provisioners on every provisioning task of this app."
          >
            {app.provisioningInstructions ? (
              <Markdown>{app.provisioningInstructions}</Markdown>
            ) : (
              <p className="text-sm text-zinc-500">No instructions written yet.</p>
            )}
          </Section>
          <Section
            title="Deprovisioning instructions"
            description="Shown to deprovisioners on every deprovisioning task of this app."
          >
            {app.deprovisioningInstructions ? (
              <Markdown>{app.deprovisioningInstructions}</Markdown>
            ) : (
              <p className="text-sm text-zinc-500">No instructions written yet.</p>
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
                <dt className="text-xs text-zinc-500">Requests</dt>
                <dd className="font-medium text-zinc-900">
                  {app.defaultRequestPolicy?.name ?? "Organization default"}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-zinc-500">Revocations</dt>
                <dd className="font-medium text-zinc-900">
                  {app.defaultRevocationPolicy?.name ?? "Organization default"}
                </dd>
              </div>
            </dl>
          </Section>
        </div>
      </div>
    </>
  );
}
