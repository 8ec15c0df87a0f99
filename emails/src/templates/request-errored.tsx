/** @jsxRuntime automatic */
import { previewBaseUrl, previewGrant, previewOrganization } from "../lib/preview.ts";
import { requestEndedTemplate } from "./request-ended.tsx";

/**
 * A request could not be completed; the error reason leads the email.
 * Subject: "Request errored: …" (or "Revocation errored: …").
 */
const RequestErroredEmail = requestEndedTemplate("ERRORED", {
  ...previewOrganization,
  ...previewGrant,
  url: `${previewBaseUrl}/tasks/1042`,
  note: "Salesforce refused the change: all 25 Admin licences of the org are in use. Free one up or buy another, then retry.",
  taskNumber: 1042,
  recipientRole: "APP_OWNER",
});
export default RequestErroredEmail;
