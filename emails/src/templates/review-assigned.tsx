/** @jsxRuntime automatic */
import { Callout, FactTable, SettingsNote } from "../components/blocks.tsx";
import { campaignFacts } from "../components/facts.tsx";
import { ButtonLink, EmailLayout, Paragraph } from "../components/layout.tsx";
import {
  reviewDecideLine,
  reviewHeadline,
  reviewQueueLabel,
  reviewSecondLevelHeadline,
  reviewSecondLevelLine,
  reviewStartedLine,
  reviewWaitingLine,
} from "../lib/copy.ts";
import { formatCountOf, formatDate } from "../lib/format.ts";
import { previewCampaign, previewOrganization, previewReviewQueueUrl } from "../lib/preview.ts";
import type { NotificationEmailProps, ReviewEmailFacts } from "../lib/props.ts";

export interface ReviewAssignedEmailProps extends NotificationEmailProps, ReviewEmailFacts {
  /** Items waiting for the recipient when the message was written. */
  itemCount: number;
  /** Who started the campaign. */
  startedBy: string;
  /** 1, or 2 when these are kept items reaching the second level. */
  level: number;
}

/** The headline: "Access review: …", or "Second-level review: …" at level 2. */
export function reviewAssignedHeadline(
  props: Pick<ReviewAssignedEmailProps, "campaignName" | "level">,
) {
  return props.level >= 2
    ? reviewSecondLevelHeadline(props.campaignName)
    : reviewHeadline(props.campaignName);
}

/** "Access review: Q4 Salesforce review (12 items, due Dec 15, 2026)" */
export function reviewAssignedSubject(props: ReviewAssignedEmailProps): string {
  return `${reviewAssignedHeadline(props)} (${formatCountOf(props.itemCount, "item")}, due ${formatDate(props.dueAt)})`;
}

/**
 * A campaign started and the recipient reviews items of it, or kept items reached them at
 * the second level: one email per reviewer and campaign (and level), never one per item.
 */
export default function ReviewAssignedEmail(props: ReviewAssignedEmailProps) {
  const { campaignName, itemCount, startedBy, organizationName } = props;
  const secondLevel = props.level >= 2;
  const waiting = reviewDecideLine(itemCount);
  return (
    <EmailLayout
      preview={`${reviewWaitingLine(itemCount)}. Due ${formatDate(props.dueAt)}.`}
      heading={reviewAssignedHeadline(props)}
      reason={
        <>
          you review items of the access review {campaignName} in {organizationName}
        </>
      }
      footerNote={<SettingsNote settingsUrl={props.settingsUrl} />}
    >
      {secondLevel ? <Callout>{reviewSecondLevelLine}</Callout> : null}
      <Paragraph>
        {secondLevel ? waiting : `${reviewStartedLine(startedBy, campaignName)} ${waiting}`}
      </Paragraph>
      <FactTable
        facts={[
          ...campaignFacts(props),
          { label: "Your items", value: String(itemCount) },
          { label: "Started by", value: startedBy },
          { label: "Level", value: secondLevel ? "Second" : null },
        ]}
      />
      <ButtonLink href={props.url}>{reviewQueueLabel}</ButtonLink>
    </EmailLayout>
  );
}

ReviewAssignedEmail.PreviewProps = {
  ...previewOrganization,
  ...previewCampaign,
  url: previewReviewQueueUrl,
  itemCount: 12,
  startedBy: "Priya Natarajan",
  level: 1,
} satisfies ReviewAssignedEmailProps;
