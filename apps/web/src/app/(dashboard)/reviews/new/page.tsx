import type { Metadata } from "next";
import { canStartReviewCampaign } from "@lantern/domain";
import { NewCampaignForm } from "~/components/reviews/new-campaign-form";
import { dayAhead, DEFAULT_DUE_DAYS } from "~/components/reviews/review-labels";
import { Breadcrumb } from "~/components/shell/breadcrumb";
import { RefusedPage } from "~/components/shell/refused";
import { PageHeader } from "~/components/ui/page-header";
import { requireActor } from "~/server/auth/session";

export const metadata: Metadata = { title: "New campaign · Access reviews" };

const breadcrumb = (
  <Breadcrumb trail={[{ href: "/reviews", label: "Access reviews" }]} current="New campaign" />
);

/** New campaign (super admins): a page, as New policy is: the form is too large for a dialog. */
export default async function NewCampaignPage() {
  const actor = await requireActor();
  // The same shared rule the API asks (the server checks again when the form is sent).
  const decision = canStartReviewCampaign(actor, actor);
  if (!decision.allowed) {
    return (
      <RefusedPage
        page="New campaign"
        breadcrumb={breadcrumb}
        title={decision.reason.replace(/\.$/, "")}
        back={{ href: "/reviews", label: "Back to Access reviews" }}
      >
        Ask a Lantern super admin to start a review of the access you are concerned about.
      </RefusedPage>
    );
  }
  const now = new Date();
  return (
    <>
      <PageHeader
        title="New campaign"
        description="Choose what to review and who reviews it. Starting the campaign snapshots every grant in scope and tells each reviewer once."
      >
        {breadcrumb}
      </PageHeader>
      <div className="mx-auto max-w-3xl px-6 py-6 xl:px-8">
        <NewCampaignForm
          defaultDueDate={dayAhead(now, DEFAULT_DUE_DAYS)}
          today={dayAhead(now, 0)}
        />
      </div>
    </>
  );
}
