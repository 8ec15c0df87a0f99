/** @jsxRuntime automatic */
import {
  RequestEndedEmail,
  requestEndedSubject,
  type RequestEndedEmailProps,
} from "./request-ended.tsx";

export type RequestCompletedEmailProps = Omit<RequestEndedEmailProps, "state">;

/** "Access granted: …" for a grant, "Access removed: …" for a revocation. */
export function requestCompletedSubject(props: RequestCompletedEmailProps): string {
  return requestEndedSubject({ ...props, state: "COMPLETED" });
}

/**
 * A request was completed. For a revocation it reads as removed access; the account owner
 * receives it too.
 */
export default function RequestCompletedEmail(props: RequestCompletedEmailProps) {
  return <RequestEndedEmail {...props} state="COMPLETED" />;
}

RequestCompletedEmail.PreviewProps = {
  organizationName: "Acme Corp",
  settingsUrl: "https://lantern.acme.com/settings",
  url: "https://lantern.acme.com/tasks/1057",
  requestKind: "REVOKE",
  appName: "GitHub",
  entitlementName: "Owner of acme-corp",
  subject: "Leo Park",
  requesterName: "Priya Natarajan",
  reason: "Leo moved to the Sales team on Nov 1 and no longer administers our repositories.",
  policyName: "Standard revocation",
  note: "Removed from the Owners team; Leo keeps read access through Sales Engineering.",
  taskNumber: 1057,
  recipientRole: "ACCOUNT_OWNER",
} satisfies RequestCompletedEmailProps;
