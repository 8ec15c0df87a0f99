/** @jsxRuntime automatic */
import { previewBaseUrl, previewOrganization } from "../lib/preview.ts";
import { requestEndedTemplate } from "./request-ended.tsx";

/**
 * The request was withdrawn or cancelled before it finished; nothing changed.
 * Subject: "Request cancelled: …" (or "Revocation cancelled: …").
 */
const RequestCancelledEmail = requestEndedTemplate("CANCELLED", {
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
});
export default RequestCancelledEmail;
