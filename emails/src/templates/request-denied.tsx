/** @jsxRuntime automatic */
import { previewBaseUrl, previewOrganization } from "../lib/preview.ts";
import { requestEndedTemplate } from "./request-ended.tsx";

/**
 * An approver denied the request, with their reason when they gave one.
 * Subject: "Request denied: …" (or "Revocation denied: …").
 */
const RequestDeniedEmail = requestEndedTemplate("DENIED", {
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
});
export default RequestDeniedEmail;
