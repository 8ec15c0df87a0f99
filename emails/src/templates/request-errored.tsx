/** @jsxRuntime automatic */
import {
  RequestEndedEmail,
  requestEndedSubject,
  type RequestEndedEmailProps,
} from "./request-ended.tsx";

export type RequestErroredEmailProps = Omit<RequestEndedEmailProps, "state">;

/** "Request errored: …" (or "Revocation errored: …"). */
export function requestErroredSubject(props: RequestErroredEmailProps): string {
  return requestEndedSubject({ ...props, state: "ERRORED" });
}

/** A request could not be completed; the error reason leads the email. */
export default function RequestErroredEmail(props: RequestErroredEmailProps) {
  return <RequestEndedEmail {...props} state="ERRORED" />;
}

RequestErroredEmail.PreviewProps = {
  organizationName: "Acme Corp",
  settingsUrl: "https://lantern.acme.com/settings",
  url: "https://lantern.acme.com/tasks/1042",
  requestKind: "GRANT",
  appName: "Salesforce",
  entitlementName: "Admin",
  subject: "Dana Ortiz",
  requesterName: "Maria Chen",
  reason:
    "Dana takes over the quarterly pipeline reports from Sam and needs to edit the shared dashboards.",
  policyName: "Standard access",
  note: "Salesforce refused the change: all 25 Admin licences of the org are in use. Free one up or buy another, then retry.",
  taskNumber: 1042,
  recipientRole: "APP_OWNER",
} satisfies RequestErroredEmailProps;
