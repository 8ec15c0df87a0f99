import { NuqsAdapter } from "nuqs/adapters/next/app";
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
        {/* The first focus stop of every page: past the navigation, straight to the page. */}
        <a
          href="#main"
          className="fixed top-3 left-3 z-50 -translate-y-[calc(100%+1rem)] rounded-md bg-zinc-900 px-3 py-2 text-sm font-medium text-white focus:translate-y-0 focus:shadow-lg motion-safe:transition-transform"
        >
          Skip to content
        </a>
        <Sidebar
          organizationName={me.organization.name}
          canViewDirectory={me.can.viewDirectory}
          canViewPolicies={me.can.viewPolicies}
          canViewAuditLog={me.can.viewAuditLog}
          canViewReviews={me.can.viewReviews}
          devMailbox={devMailboxAccess !== "off"}
        />
        <main id="main" tabIndex={-1} className="min-h-screen focus:outline-none md:pl-56 xl:pl-60">
          {/* The list pages keep their search and filters in the URL through nuqs. */}
          <NuqsAdapter>{children}</NuqsAdapter>
        </main>
        <Toaster />
      </HydrateClient>
    </TRPCReactProvider>
  );
}
