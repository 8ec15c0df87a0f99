/** @jsxRuntime automatic */
import { previewBaseUrl, previewOrganization, previewRevocation } from "../lib/preview.ts";
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
  ...previewOrganization,
  ...previewRevocation,
  url: `${previewBaseUrl}/tasks/1057`,
  note: "Removed from the Owners team; Leo keeps read access through Sales Engineering.",
  taskNumber: 1057,
  recipientRole: "ACCOUNT_OWNER",
} satisfies RequestCompletedEmailProps;
