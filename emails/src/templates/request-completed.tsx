/** @jsxRuntime automatic */
import { previewBaseUrl, previewOrganization, previewRevocation } from "../lib/preview.ts";
import { requestEndedTemplate } from "./request-ended.tsx";

/**
 * A request was completed. For a revocation it reads as removed access; the account owner
 * receives it too.
 * Subject: "Access granted: …" for a grant, "Access removed: …" for a revocation.
 */
const RequestCompletedEmail = requestEndedTemplate("COMPLETED", {
  ...previewOrganization,
  ...previewRevocation,
  url: `${previewBaseUrl}/tasks/1057`,
  note: "Removed from the Owners team; Leo keeps read access through Sales Engineering.",
  taskNumber: 1057,
  recipientRole: "ACCOUNT_OWNER",
});
export default RequestCompletedEmail;
