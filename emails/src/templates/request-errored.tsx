/** @jsxRuntime automatic */
import { previewBaseUrl, previewGrant, previewOrganization } from "../lib/preview.ts";
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
  ...previewOrganization,
  ...previewGrant,
  url: `${previewBaseUrl}/tasks/1042`,
  note: "Salesforce refused the change: all 25 Admin licences of the org are in use. Free one up or buy another, then retry.",
  taskNumber: 1042,
  recipientRole: "APP_OWNER",
} satisfies RequestErroredEmailProps;
