/** @jsxRuntime automatic */
import { previewBaseUrl, previewOrganization } from "../lib/preview.ts";
import {
  RequestEndedEmail,
  requestEndedSubject,
  type RequestEndedEmailProps,
} from "./request-ended.tsx";

export type RequestCancelledEmailProps = Omit<RequestEndedEmailProps, "state">;

/** "Request cancelled: …" (or "Revocation cancelled: …"). */
export function requestCancelledSubject(props: RequestCancelledEmailProps): string {
  return requestEndedSubject({ ...props, state: "CANCELLED" });
}

/** The request was withdrawn or cancelled before it finished; nothing changed. */
export default function RequestCancelledEmail(props: RequestCancelledEmailProps) {
  return <RequestEndedEmail {...props} state="CANCELLED" />;
}

RequestCancelledEmail.PreviewProps = {
  ...previewOrganization,
  url: `${previewBaseUrl}/my-requests`,
  requestKind: "GRANT",
  appName: "Figma",
  entitlementName: "Editor",
  subject: "Nora Lindqvist",
  requesterName: "Nora Lindqvist",
  reason: "Updating the onboarding illustrations.",
  policyName: "Standard access",
  note: "Design handed the illustrations to an agency; I no longer need edit access.",
  taskNumber: null,
  recipientRole: "REQUESTER",
} satisfies RequestCancelledEmailProps;
