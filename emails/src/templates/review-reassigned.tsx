/** @jsxRuntime automatic */
import { Callout, FactTable, MultilineText, SettingsNote } from "../components/blocks.tsx";
import { campaignFacts } from "../components/facts.tsx";
import { ButtonLink, EmailLayout, Paragraph } from "../components/layout.tsx";
import {
  reviewDecideLine,
  reviewHeadline,
  reviewQueueLabel,
  reviewReassignedLine,
  reviewWaitingLine,
} from "../lib/copy.ts";
import { formatCountOf } from "../lib/format.ts";
import { previewCampaign, previewOrganization, previewReviewQueueUrl } from "../lib/preview.ts";
import type { NotificationEmailProps, ReviewEmailFacts } from "../lib/props.ts";

export interface ReviewReassignedEmailProps extends NotificationEmailProps, ReviewEmailFacts {
  /** Items handed to the recipient. */
  itemCount: number;
  /** Who handed them over. */
  reassignedBy: string;
  /** Why they did (required when reassigning). */
  reason: string;
}

/** "Reassigned to you: Access review: Q4 Salesforce review (3 items)" */
export function reviewReassignedSubject(props: ReviewReassignedEmailProps): string {
  return `Reassigned to you: ${reviewHeadline(props.campaignName)} (${formatCountOf(props.itemCount, "item")})`;
}

/** Review items of a campaign someone handed over to the recipient, with who did it and why. */
export default function ReviewReassignedEmail(props: ReviewReassignedEmailProps) {
  const { campaignName, itemCount, reassignedBy, organizationName } = props;
  const line = reviewReassignedLine(reassignedBy, itemCount, campaignName);
  return (
    <EmailLayout
      preview={`${line} ${reviewWaitingLine(itemCount)}.`}
      heading={reviewHeadline(campaignName)}
      reason={
        <>
          review items of {campaignName} in {organizationName} were reassigned to you
        </>
      }
      footerNote={<SettingsNote settingsUrl={props.settingsUrl} />}
    >
      <Paragraph>{line}</Paragraph>
      <Callout label="Reason for the handover">
        <MultilineText text={props.reason} />
      </Callout>
      <Paragraph>{reviewDecideLine(itemCount)}</Paragraph>
      <FactTable
        facts={[
          ...campaignFacts(props),
          { label: "Items", value: String(itemCount) },
          { label: "Reassigned by", value: reassignedBy },
        ]}
      />
      <ButtonLink href={props.url}>{reviewQueueLabel}</ButtonLink>
    </EmailLayout>
  );
}

ReviewReassignedEmail.PreviewProps = {
  ...previewOrganization,
  ...previewCampaign,
  url: previewReviewQueueUrl,
  itemCount: 3,
  reassignedBy: "Jamal Reed",
  reason: "These are the payments team's service accounts; Aisha leads that team.",
} satisfies ReviewReassignedEmailProps;
