import { redirect } from "next/navigation";
import { Sidebar } from "~/components/shell/sidebar";
import { requireSession } from "~/server/auth/session";
import { HydrateClient, prefetchInto, serverCaller, trpc } from "~/trpc/server";
import { TRPCReactProvider } from "~/trpc/react";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  await requireSession();
  const me = await (await serverCaller()).me.get().catch(() => null);
  // The session outlived the person's access (suspended or removed since sign-in).
  if (!me) redirect("/sign-in?error=AccountInactive");
  const shellQueries = await prefetchInto([
    trpc.me.get.queryOptions(),
    trpc.me.openTaskCounts.queryOptions(),
  ]);
  return (
    <TRPCReactProvider>
      <HydrateClient client={shellQueries}>
        <Sidebar organizationName={me.organization.name} isSuperAdmin={me.role === "SUPER_ADMIN"} />
        <main className="min-h-screen pl-56 xl:pl-60">{children}</main>
      </HydrateClient>
    </TRPCReactProvider>
  );
}
