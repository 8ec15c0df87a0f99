import type { Metadata } from "next";
import Link from "next/link";
import { ArrowRight } from "lucide-react";
import { NotificationPreferencesForm } from "~/components/settings/notification-preferences";
import { OrganizationSettingsForm } from "~/components/settings/organization-settings-form";
import { Avatar } from "~/components/ui/avatar";
import { Badge } from "~/components/ui/badge";
import { PageHeader } from "~/components/ui/page-header";
import { Section } from "~/components/ui/section";
import { env, slackConfigured } from "~/env";
import { formatCount, formatDate } from "~/lib/format";
import { serverCaller } from "~/trpc/server";
import { Fact } from "~/components/ui/fact";
import { ROLE_LABEL, ROLE_MEANING } from "~/components/users/person-labels";

export const metadata: Metadata = { title: "Settings" };

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="min-w-0">
      <dt className="text-muted truncate text-xs">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold text-zinc-950 tabular-nums">
        {formatCount(value)}
      </dd>
    </div>
  );
}

export default async function SettingsPage() {
  const caller = await serverCaller();
  const [me, organization, preferences] = await Promise.all([
    caller.me.get(),
    caller.organization.get(),
    caller.me.notificationPreferences(),
  ]);
  const { members } = organization;
  // Auditors read the organization's settings and deliveries; super admins change them too.
  const [delivery, settings] = await Promise.all([
    me.can.viewNotifications ? caller.notifications.counts() : null,
    me.can.viewOrganizationSettings ? caller.organization.settings() : null,
  ]);

  return (
    <>
      <PageHeader
        title="Settings"
        description="Your profile and your organization, as Lantern knows them."
      />
      <div className="grid max-w-6xl gap-6 px-6 py-6 lg:grid-cols-2 xl:px-8">
        <Section title="Your profile">
          <div className="flex items-center gap-4">
            <Avatar name={me.displayName} size="lg" />
            <div className="min-w-0">
              <p className="truncate text-base font-semibold text-zinc-950">{me.displayName}</p>
              <p className="truncate text-sm text-zinc-600">{me.email}</p>
            </div>
          </div>
          <dl className="mt-5 grid grid-cols-2 gap-x-6 gap-y-4 border-t border-zinc-100 pt-4">
            <Fact truncate strong label="Title">
              {me.title ?? <span className="text-muted font-normal">Not set</span>}
            </Fact>
            <Fact truncate strong label="Organization">
              {me.organization.name}
            </Fact>
            <div className="col-span-2">
              <dt className="text-muted text-xs">Role in Lantern</dt>
              <dd className="mt-1 flex items-center gap-2 text-sm">
                <Badge tone={me.role === "MEMBER" ? "neutral" : "brand"}>
                  {ROLE_LABEL[me.role]}
                </Badge>
                <span className="text-zinc-600">{ROLE_MEANING[me.role](me.organization.name)}</span>
              </dd>
            </div>
          </dl>
        </Section>

        <Section
          title="Organization"
          actions={
            me.can.viewDirectory ? (
              <Link
                href="/users"
                className="inline-flex items-center gap-1 text-xs font-medium text-zinc-600 hover:text-zinc-950"
              >
                Browse people <ArrowRight className="size-3.5" aria-hidden />
              </Link>
            ) : null
          }
        >
          <dl className="grid grid-cols-2 gap-x-6 gap-y-4">
            <Fact truncate strong label="Name">
              {organization.name}
            </Fact>
            <Fact truncate strong label="Slug">
              <span className="font-mono text-[13px]">{organization.slug}</span>
            </Fact>
            <Fact truncate strong label="Address in emails and Slack links">
              {organization.publicUrl ?? (
                <span className="font-normal text-zinc-600">This server&rsquo;s address</span>
              )}
            </Fact>
            <Fact truncate strong label="On Lantern since">
              {formatDate(organization.createdAt)}
            </Fact>
          </dl>
          <dl className="mt-5 grid grid-cols-2 gap-4 border-t border-zinc-100 pt-4 sm:grid-cols-4">
            <Stat label="Active people" value={members.active} />
            <Stat label="Suspended" value={members.suspended} />
            <Stat label="Deprovisioned" value={members.deprovisioned} />
            <Stat label="Managed apps" value={organization.managedAppCount} />
          </dl>
          <p className="text-muted mt-4 text-xs">
            {formatCount(members.total)} people in total, {organization.superAdminCount} of them
            active super {organization.superAdminCount === 1 ? "admin" : "admins"}.
          </p>
        </Section>

        {settings ? (
          <div className="lg:col-span-2">
            <Section
              title="Organization settings"
              description="Apply to everyone in your organization. Changes are recorded in the audit log."
            >
              <OrganizationSettingsForm
                initial={settings}
                serverUrl={env.NEXTAUTH_URL.replace(/\/+$/, "")}
                readOnly={!me.can.manageOrganization}
              />
            </Section>
          </div>
        ) : null}

        <Section title="Notifications" description="How Lantern tells you about your work.">
          <NotificationPreferencesForm
            initial={preferences}
            email={me.email}
            slackConfigured={slackConfigured}
          />
        </Section>

        {delivery ? (
          <Section
            title="Notification delivery"
            description="Emails and Slack messages Lantern sent or is sending for your organization."
            actions={
              <Link
                href={
                  delivery.FAILED > 0
                    ? "/settings/notifications"
                    : "/settings/notifications?state=all"
                }
                className="inline-flex items-center gap-1 text-xs font-medium text-zinc-600 hover:text-zinc-950"
              >
                Open delivery <ArrowRight className="size-3.5" aria-hidden />
              </Link>
            }
          >
            <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
              <Stat label="Sent" value={delivery.SENT} />
              <Stat label="Pending" value={delivery.PENDING} />
              <Stat label="Skipped" value={delivery.SKIPPED} />
              <Stat label="Failed" value={delivery.FAILED} />
            </dl>
            {delivery.FAILED > 0 ? (
              <p className="mt-4 text-xs text-rose-700">
                {formatCount(delivery.FAILED)} could not be delivered and wait for{" "}
                {me.can.manageNotifications ? "you" : "a super admin"} to retry them.
              </p>
            ) : null}
          </Section>
        ) : null}
      </div>
    </>
  );
}
