import { Sidebar } from "~/components/shell/sidebar";
import { Toaster } from "~/components/ui/toast";
import { devMailboxAccess } from "~/env";
import { requireActor } from "~/server/auth/session";
import { HydrateClient, prefetchInto, trpc } from "~/trpc/server";
import { TRPCReactProvider } from "~/trpc/react";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  await requireActor();
  const shellQueries = await prefetchInto([
    trpc.me.get.queryOptions(),
    trpc.me.openTaskCounts.queryOptions(),
  ]);
  const me = shellQueries.getQueryData(trpc.me.get.queryKey())!;
  return (
    <TRPCReactProvider>
      <HydrateClient client={shellQueries}>
        <Sidebar
          organizationName={me.organization.name}
          canViewDirectory={me.can.viewDirectory}
          canManagePolicies={me.can.managePolicies}
          canViewAuditLog={me.can.viewAuditLog}
          devMailbox={devMailboxAccess !== "off"}
        />
        <main className="min-h-screen md:pl-56 xl:pl-60">{children}</main>
        <Toaster />
      </HydrateClient>
    </TRPCReactProvider>
  );
}
