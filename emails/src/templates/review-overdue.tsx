/** @jsxRuntime automatic */
import { Callout, FactTable, SettingsNote } from "../components/blocks.tsx";
import { campaignFacts } from "../components/facts.tsx";
import { ButtonLink, EmailLayout, Paragraph } from "../components/layout.tsx";
import {
  reviewCampaignLabel,
  reviewOverdueAdvice,
  reviewOverdueHeadline,
  reviewOverdueLine,
  reviewProgress,
} from "../lib/copy.ts";
import { formatCountOf } from "../lib/format.ts";
import { previewBaseUrl, previewCampaign, previewOrganization } from "../lib/preview.ts";
import type { NotificationEmailProps, ReviewEmailFacts } from "../lib/props.ts";

export interface ReviewOverdueEmailProps extends NotificationEmailProps, ReviewEmailFacts {
  /** Items nobody decided yet. */
  pendingCount: number;
  /** Items kept or revoked. */
  decidedCount: number;
  totalCount: number;
}

/** "Access review overdue: Q4 Salesforce review (12 of 40 items undecided)" */
export function reviewOverdueSubject(props: ReviewOverdueEmailProps): string {
  return `${reviewOverdueHeadline(props.campaignName)} (${props.pendingCount} of ${formatCountOf(props.totalCount, "item")} undecided)`;
}

/** To super admins: the campaign is past its due date with items undecided. */
export default function ReviewOverdueEmail(props: ReviewOverdueEmailProps) {
  const { campaignName, pendingCount, organizationName } = props;
  const line = reviewOverdueLine(campaignName, props.dueAt, pendingCount);
  return (
    <EmailLayout
      preview={line}
      heading={reviewOverdueHeadline(campaignName)}
      reason={<>you are a super admin of {organizationName}</>}
      footerNote={<SettingsNote settingsUrl={props.settingsUrl} />}
    >
      <Callout tone="danger">{line}</Callout>
      <FactTable
        facts={[
          ...campaignFacts(props),
          { label: "Decided", value: reviewProgress(props.decidedCount, props.totalCount) },
          { label: "Undecided", value: String(pendingCount) },
        ]}
      />
      <Paragraph>{reviewOverdueAdvice}</Paragraph>
      <ButtonLink href={props.url}>{reviewCampaignLabel}</ButtonLink>
    </EmailLayout>
  );
}

ReviewOverdueEmail.PreviewProps = {
  ...previewOrganization,
  ...previewCampaign,
  dueAt: "2026-11-30T17:00:00.000Z",
  url: `${previewBaseUrl}/reviews/0193b6d2-4c1e-7a3f-9d2b-5e8f1a2b3c4d`,
  pendingCount: 12,
  decidedCount: 28,
  totalCount: 40,
} satisfies ReviewOverdueEmailProps;
