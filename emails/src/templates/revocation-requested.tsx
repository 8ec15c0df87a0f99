/** @jsxRuntime automatic */
import { Callout, FactTable, MultilineText, SettingsNote } from "../components/blocks.tsx";
import { ButtonLink, EmailLayout, Paragraph } from "../components/layout.tsx";
import { reasonOrNone, revocationRequestedHeadline, revocationRequestedLine } from "../lib/copy.ts";
import { previewBaseUrl, previewOrganization } from "../lib/preview.ts";
import type { NotificationEmailProps, RequestEmailFacts } from "../lib/props.ts";

export interface RevocationRequestedEmailProps extends NotificationEmailProps, RequestEmailFacts {
  /** The account whose access is being removed, e.g. its login. */
  accountLabel: string;
  /** Absolute deep link to where the owner can follow the request. */
  url: string;
}

/** "Removal requested: your access to Admin in Salesforce" */
export function revocationRequestedSubject(props: RevocationRequestedEmailProps): string {
  return revocationRequestedHeadline(props);
}

/** The label of the revocation email's button. */
export const revocationRequestedButtonLabel = "View the request";

/**
 * Tells an account owner that someone asked to remove their access, who asked and why,
 * before anything changes.
 */
export default function RevocationRequestedEmail(props: RevocationRequestedEmailProps) {
  const { accountLabel, appName, organizationName, requesterName } = props;
  return (
    <EmailLayout
      preview={`${revocationRequestedLine(props)} Reason: ${reasonOrNone(props.reason)}`}
      heading={revocationRequestedHeadline(props)}
      reason={
        <>
          you own the account {accountLabel} in {appName} at {organizationName}
        </>
      }
      footerNote={<SettingsNote settingsUrl={props.settingsUrl} />}
    >
      <Paragraph>{revocationRequestedLine(props)}</Paragraph>
      <Callout label={`${requesterName}'s reason`}>
        <MultilineText text={reasonOrNone(props.reason)} />
      </Callout>
      <FactTable
        facts={[
          { label: "Access", value: props.entitlementName },
          { label: "App", value: appName },
          { label: "Account", value: accountLabel },
          { label: "Requested by", value: requesterName },
          { label: "Policy", value: props.policyName },
        ]}
      />
      <Paragraph tone="muted">
        The access is removed once the request has gone through the {props.policyName} policy; you
        will get another email when it is gone. If you still need it, talk to {requesterName} or
        your manager.
      </Paragraph>
      <ButtonLink href={props.url}>{revocationRequestedButtonLabel}</ButtonLink>
    </EmailLayout>
  );
}

RevocationRequestedEmail.PreviewProps = {
  ...previewOrganization,
  url: `${previewBaseUrl}/my-requests`,
  requestKind: "REVOKE",
  appName: "Salesforce",
  entitlementName: "Admin",
  subject: "Dana Ortiz",
  accountLabel: "dana.ortiz@acme.com",
  requesterName: "Maria Chen",
  reason:
    "Quarterly access review: Admin is limited to the RevOps team. Dana keeps her Standard User licence.",
  policyName: "Standard revocation",
} satisfies RevocationRequestedEmailProps;
