import Link from "next/link";
import type { RouterOutputs } from "@lantern/api";
import { Badge } from "~/components/ui/badge";
import { Section } from "~/components/ui/section";
import { plural } from "~/lib/format";

type Usage = RouterOutputs["policies"]["list"]["items"][number]["usage"];
type Details = RouterOutputs["policies"]["byId"];

/** Where a policy is used, in a few words ("organization default, 2 apps"); null: nowhere. */
export function usageText(usage: Usage): string | null {
  const parts: string[] = [];
  if (usage.orgRequestDefault && usage.orgRevocationDefault) {
    parts.push("organization default for requests and revocations");
  } else if (usage.orgRequestDefault) parts.push("organization default for requests");
  else if (usage.orgRevocationDefault) parts.push("organization default for revocations");
  if (usage.apps > 0) parts.push(plural(usage.apps, "app"));
  if (usage.entitlements > 0) parts.push(plural(usage.entitlements, "entitlement"));
  return parts.length > 0 ? parts.join(", ") : null;
}

const how = (u: { forRequests: boolean; forRevocations: boolean }) =>
  u.forRequests && u.forRevocations
    ? "Requests and revocations"
    : u.forRequests
      ? "Requests"
      : "Revocations";

/** The apps and entitlements that use a policy, with links, and the organization defaults. */
export function PolicyUsage({ policy }: { policy: Details }) {
  const { usage } = policy;
  const text = usageText(usage);
  return (
    <Section
      title="Where it is used"
      description="A policy in use cannot be deleted: choose another policy in these places first."
    >
      {!text ? (
        <p className="text-sm text-zinc-600">
          Nothing uses this policy yet. Choose it in an app&apos;s or entitlement&apos;s settings,
          or as an organization default.
        </p>
      ) : (
        <div className="space-y-4 text-sm">
          {usage.orgRequestDefault || usage.orgRevocationDefault ? (
            <p className="text-zinc-800">
              The organization&apos;s default for{" "}
              {usage.orgRequestDefault && usage.orgRevocationDefault
                ? "requests and revocations"
                : usage.orgRequestDefault
                  ? "requests"
                  : "revocations"}
              .
            </p>
          ) : null}
          {usage.appList.length > 0 ? (
            <UsageList
              title={`Apps (${usage.apps})`}
              more={usage.apps - usage.appList.length}
              items={usage.appList.map((a) => ({
                key: a.id,
                href: `/apps/${a.id}`,
                label: a.name,
                how: how(a),
              }))}
            />
          ) : null}
          {usage.entitlementList.length > 0 ? (
            <UsageList
              title={`Entitlements (${usage.entitlements})`}
              more={usage.entitlements - usage.entitlementList.length}
              items={usage.entitlementList.map((e) => ({
                key: e.id,
                href: `/apps/${e.app.id}/entitlements/${e.id}`,
                label: `${e.app.name} · ${e.displayName}`,
                how: how(e),
              }))}
            />
          ) : null}
        </div>
      )}
    </Section>
  );
}

function UsageList({
  title,
  items,
  more,
}: {
  title: string;
  items: { key: string; href: string; label: string; how: string }[];
  more: number;
}) {
  return (
    <div>
      <h3 className="text-muted text-xs font-medium tracking-wide uppercase">{title}</h3>
      <ul className="mt-1.5 divide-y divide-zinc-100 rounded-md border border-zinc-200">
        {items.map((item) => (
          <li key={item.key} className="flex items-center justify-between gap-3 px-3 py-2">
            <Link
              href={item.href}
              className="min-w-0 truncate font-medium text-zinc-900 hover:underline"
            >
              {item.label}
            </Link>
            <Badge>{item.how}</Badge>
          </li>
        ))}
      </ul>
      {more > 0 ? <p className="text-muted mt-1 text-xs">And {plural(more, "more")}.</p> : null}
    </div>
  );
}
