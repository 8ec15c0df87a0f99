import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { MyAccess } from "~/components/access/my-access";
import { myAccessInput } from "~/components/access/my-access-input";
import { primaryButton } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page-header";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "My access" };

/**
 * My access: every account the signed-in person owns across the organization's apps, with
 * what each holds now and what is on its way, and Request access. `#account-<id>` names one
 * account (the links of access reviews and expiry notices).
 */
export default async function MyAccessPage() {
  await prefetch(
    trpc.me.access.infiniteQueryOptions(myAccessInput, {
      getNextPageParam: (page) => page.nextCursor,
    }),
  );
  return (
    <>
      <PageHeader
        title="My access"
        description="Your accounts in your organization's apps: what each can do now, since when and until when, and what is on its way."
        actions={
          <Link href="/my-requests/new" className={primaryButton}>
            <Plus className="size-4" aria-hidden />
            Request access
          </Link>
        }
      />
      <div className="max-w-6xl px-6 py-6 xl:px-8">
        <HydrateClient>
          <MyAccess />
        </HydrateClient>
      </div>
    </>
  );
}
