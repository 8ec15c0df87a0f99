// Sample data of the previews (`npm run email:dev`). Two requests appear in more than one
// preview, so that emails about the same request state the same facts: Dana Ortiz's
// Salesforce Admin grant (task #1042: assigned, then errored) and the removal of Leo Park's
// GitHub access (task #1057: a reminder, then completed).
import type { NotificationEmailProps, RequestEmailFacts } from "./props.ts";

/** Where the previews' links point. */
export const previewBaseUrl = "https://lantern.acme.com";

export const previewOrganization = {
  organizationName: "Acme Corp",
  settingsUrl: `${previewBaseUrl}/settings`,
} satisfies NotificationEmailProps;

/** Dana Ortiz's request for Admin in Salesforce (task #1042). */
export const previewGrant = {
  requestKind: "GRANT",
  appName: "Salesforce",
  entitlementName: "Admin",
  subject: "Dana Ortiz",
  requesterName: "Maria Chen",
  reason:
    "Dana takes over the quarterly pipeline reports from Sam and needs to edit the shared dashboards.",
  policyName: "Standard access",
} satisfies RequestEmailFacts;

/** The removal of Leo Park's Owner access in GitHub (task #1057). */
export const previewRevocation = {
  requestKind: "REVOKE",
  appName: "GitHub",
  entitlementName: "Owner of acme-corp",
  subject: "Leo Park",
  requesterName: "Priya Natarajan",
  reason: "Leo moved to the Sales team on Nov 1 and no longer administers our repositories.",
  policyName: "Standard revocation",
} satisfies RequestEmailFacts;

/** The running access review of the previews. */
export const previewCampaign = {
  campaignName: "Q4 2026 Salesforce and GitHub review",
  dueAt: "2026-12-15T17:00:00.000Z",
} as const;

/** Where a reviewer's queue for the preview campaign is. */
export const previewReviewQueueUrl = `${previewBaseUrl}/reviews/queue?campaign=0193b6d2-4c1e-7a3f-9d2b-5e8f1a2b3c4d`;
