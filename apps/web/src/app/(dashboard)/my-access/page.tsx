import type { Metadata } from "next";
import { MyAccess } from "~/components/access/my-access";
import { myAccessInput } from "~/components/access/my-access-input";
import { PageHeader } from "~/components/ui/page-header";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { nextPage } from "~/trpc/pages";
import { RequestAccessLink } from "~/components/requests/request-access-link";

export const metadata: Metadata = { title: "My access" };

/**
 * My access: every account the signed-in person owns across the organization's apps, with
 * what each holds now and what is on its way, and Request access. `#account-<id>` names one
 * account (the links of access reviews and expiry notices).
 */
export default async function MyAccessPage() {
  await prefetch(trpc.me.access.infiniteQueryOptions(myAccessInput, nextPage));
  return (
    <>
      <PageHeader
        title="My access"
        description="Your accounts in your organization's apps: what each can do now, since when and until when, and what is on its way."
        actions={<RequestAccessLink />}
      />
      <div className="max-w-6xl px-6 py-6 xl:px-8">
        <HydrateClient>
          <MyAccess />
        </HydrateClient>
      </div>
    </>
  );
}
