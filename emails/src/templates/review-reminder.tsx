/** @jsxRuntime automatic */
import { Callout, FactTable, SettingsNote } from "../components/blocks.tsx";
import { campaignFacts } from "../components/facts.tsx";
import { ButtonLink, EmailLayout, Paragraph } from "../components/layout.tsx";
import {
  reviewDueLine,
  reviewHeadline,
  reviewQueueLabel,
  reviewReminderAdvice,
  reviewWaitingLine,
} from "../lib/copy.ts";
import { formatCountOf, formatDate } from "../lib/format.ts";
import { previewCampaign, previewOrganization, previewReviewQueueUrl } from "../lib/preview.ts";
import type { NotificationEmailProps, ReviewEmailFacts } from "../lib/props.ts";

export interface ReviewReminderEmailProps extends NotificationEmailProps, ReviewEmailFacts {
  /** The recipient's items still waiting for a decision. */
  pendingCount: number;
}

/** "Reminder: Access review: Q4 Salesforce review (5 items left, due Dec 15, 2026)" */
export function reviewReminderSubject(props: ReviewReminderEmailProps): string {
  return `Reminder: ${reviewHeadline(props.campaignName)} (${formatCountOf(props.pendingCount, "item")} left, due ${formatDate(props.dueAt)})`;
}

/** The campaign is due soon and the recipient still has undecided items. */
export default function ReviewReminderEmail(props: ReviewReminderEmailProps) {
  const { campaignName, pendingCount, organizationName } = props;
  const due = reviewDueLine(campaignName, props.dueAt);
  return (
    <EmailLayout
      preview={`${due} ${reviewWaitingLine(pendingCount)}.`}
      heading={reviewHeadline(campaignName)}
      reason={
        <>
          you have undecided items in the access review {campaignName} in {organizationName}
        </>
      }
      footerNote={<SettingsNote settingsUrl={props.settingsUrl} />}
    >
      <Callout>
        {due} {reviewWaitingLine(pendingCount)}.
      </Callout>
      <Paragraph>{reviewReminderAdvice}</Paragraph>
      <FactTable
        facts={[...campaignFacts(props), { label: "Undecided", value: String(pendingCount) }]}
      />
      <ButtonLink href={props.url}>{reviewQueueLabel}</ButtonLink>
    </EmailLayout>
  );
}

ReviewReminderEmail.PreviewProps = {
  ...previewOrganization,
  ...previewCampaign,
  url: previewReviewQueueUrl,
  pendingCount: 5,
} satisfies ReviewReminderEmailProps;
