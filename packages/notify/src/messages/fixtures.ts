// A realistic payload of every template, as the services write them. Used by the message
// tests here; handy for anyone testing delivery end to end.
import type {
  NotificationContext,
  NotificationPayloads,
  NotificationTemplate,
} from "@lantern/domain";

export const fixtureContext: NotificationContext = {
  recipientName: "Alice Nguyen",
  recipientEmail: "alice.nguyen@acme.com",
  organizationName: "Acme Corp",
  baseUrl: "https://lantern.acme.com",
};

const request = {
  requestId: "req_01JD4W6Q8N2V3M5K7P9R1T3X5Z",
  requestKind: "GRANT",
  appName: "Salesforce",
  entitlementName: "Admin",
  subject: "Dana Ortiz",
  requesterName: "Maria Chen",
  reason: "Dana takes over the quarterly pipeline reports and needs to edit the shared dashboards.",
  policyName: "Standard access",
  path: "/tasks/1042",
} as const;

const task = {
  ...request,
  taskId: "task_01JD4W7A1B2C3D4E5F6G7H8J9K",
  taskNumber: 1042,
  taskKind: "PROVISION",
} as const;

const revoke = {
  ...request,
  requestId: "req_01JD4WB0C1D2E3F4G5H6J7K8M9",
  requestKind: "REVOKE",
  appName: "GitHub",
  entitlementName: "Owner of acme-corp",
  subject: "Leo Park",
  requesterName: "Priya Natarajan",
  reason: "Leo moved to the Sales team and no longer administers our repositories.",
  policyName: "Standard revocation",
  path: "/tasks/1057",
} as const;

/** A running access review (SPEC §10). */
const campaign = {
  campaignId: "0193b6d2-4c1e-7a3f-9d2b-5e8f1a2b3c4d",
  campaignName: "Q4 2026 Salesforce review",
  dueAt: "2026-12-15T17:00:00.000Z",
  path: "/reviews/queue?campaign=0193b6d2-4c1e-7a3f-9d2b-5e8f1a2b3c4d",
} as const;

export const notificationFixtures: { [T in NotificationTemplate]: NotificationPayloads[T] } = {
  "task.assigned": { ...task, dueAt: "2026-11-27T17:00:00.000Z", routingNote: null },
  "task.reassigned": {
    ...task,
    taskKind: "APPROVAL",
    taskNumber: 1063,
    path: "/tasks/1063",
    reassignedBy: "Jamal Reed",
    reassignReason: "I am out of office until Dec 2; Aisha covers my approvals.",
  },
  "task.reminder": {
    ...revoke,
    taskId: "task_01JD4WC9D8E7F6G5H4J3K2M1N0",
    taskNumber: 1057,
    taskKind: "DEPROVISION",
    remindedBy: "Priya Natarajan",
    openedAt: "2026-11-17T09:12:00.000Z",
    dueAt: "2026-11-21T17:00:00.000Z",
  },
  "request.completed": {
    ...revoke,
    state: "COMPLETED",
    note: "Removed from the Owners team.",
    taskNumber: 1057,
    recipientRole: "ACCOUNT_OWNER",
  },
  "request.errored": {
    ...request,
    state: "ERRORED",
    note: "Salesforce refused the change: all Admin licences are in use.",
    taskNumber: 1042,
    recipientRole: "APP_OWNER",
  },
  "request.denied": {
    ...request,
    state: "DENIED",
    note: "Admin is limited to the RevOps team.",
    taskNumber: 1049,
    path: "/tasks/1049",
    recipientRole: "REQUESTER",
  },
  "request.cancelled": {
    ...request,
    state: "CANCELLED",
    note: "No longer needed.",
    taskNumber: null,
    path: "/my-requests",
    recipientRole: "REQUESTER",
  },
  "revocation.requested": { ...revoke, accountLabel: "leo.park", path: "/my-requests" },
  "review.assigned": { ...campaign, itemCount: 12, startedBy: "Priya Natarajan", level: 1 },
  "review.reassigned": {
    ...campaign,
    itemCount: 3,
    reassignedBy: "Jamal Reed",
    reason: "These are the payments team's service accounts; Aisha leads that team.",
  },
  "review.reminder": { ...campaign, pendingCount: 5 },
  "review.overdue": {
    ...campaign,
    dueAt: "2026-11-30T17:00:00.000Z",
    path: "/reviews/0193b6d2-4c1e-7a3f-9d2b-5e8f1a2b3c4d",
    pendingCount: 12,
    decidedCount: 28,
    totalCount: 40,
  },
  "digest.daily": {
    date: "2026-11-24",
    counts: { APPROVAL: 1, PROVISION: 2, DEPROVISION: 1 },
    total: 4,
    tasks: [
      {
        number: 1031,
        kind: "PROVISION",
        appName: "Salesforce",
        entitlementName: "Admin",
        subject: "Dana Ortiz",
        openedAt: "2026-11-12T14:05:00.000Z",
        dueAt: "2026-11-19T17:00:00.000Z",
        path: "/tasks/1031",
      },
      {
        number: 1042,
        kind: "PROVISION",
        appName: "GitHub",
        entitlementName: "Maintainer",
        subject: "Leo Park",
        openedAt: "2026-11-20T09:30:00.000Z",
        path: "/tasks/1042",
      },
      {
        number: 1049,
        kind: "APPROVAL",
        appName: "AWS",
        entitlementName: "ProductionReadOnly",
        subject: "Sam Whitfield",
        openedAt: "2026-11-21T16:45:00.000Z",
        path: "/tasks/1049",
      },
      {
        number: 1057,
        kind: "DEPROVISION",
        appName: "Figma",
        entitlementName: "Editor",
        subject: "Nora Lindqvist",
        openedAt: "2026-11-22T08:00:00.000Z",
        path: "/tasks/1057",
      },
    ],
  },
};
