/** @jsxRuntime automatic */
import { previewBaseUrl, previewOrganization } from "../lib/preview.ts";
import {
  RequestEndedEmail,
  requestEndedSubject,
  type RequestEndedEmailProps,
} from "./request-ended.tsx";

export type RequestDeniedEmailProps = Omit<RequestEndedEmailProps, "state">;

/** "Request denied: …" (or "Revocation denied: …"). */
export function requestDeniedSubject(props: RequestDeniedEmailProps): string {
  return requestEndedSubject({ ...props, state: "DENIED" });
}

/** An approver denied the request, with their reason when they gave one. */
export default function RequestDeniedEmail(props: RequestDeniedEmailProps) {
  return <RequestEndedEmail {...props} state="DENIED" />;
}

RequestDeniedEmail.PreviewProps = {
  ...previewOrganization,
  url: `${previewBaseUrl}/tasks/1071`,
  requestKind: "GRANT",
  appName: "AWS",
  entitlementName: "ProductionAdmin",
  subject: "Sam Whitfield",
  requesterName: "Sam Whitfield",
  reason: "Need to debug the billing job in production.",
  policyName: "Production access (two approvals)",
  note: "Production admin is for the platform on-call only. Ask for ProductionReadOnly and pair with on-call for changes.",
  taskNumber: 1071,
  recipientRole: "REQUESTER",
} satisfies RequestDeniedEmailProps;
