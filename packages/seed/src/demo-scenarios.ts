/**
 * The access requests of the demo organization, told as what happened to each step
 * of its policy. Hand-written scenarios put open work in the inboxes of the people
 * one signs in as; generated ones (demo.ts) add a realistic history around them.
 */

export type StepSpec =
  | {
      do: "approve" | "deny" | "done" | "error" | "open" | "cancel";
      /** Who acted; default: the first assignee (the requester for a cancellation). */
      by?: string;
      note?: string;
      /** Hours from the task's creation to its completion. */
      hours?: number;
      /** Who opened this task (a retry); default: the system. */
      createdBy?: string;
      /** Hours between the previous step and this task's creation (default 0; 4 after an error). */
      after?: number;
      reassign?: { from: string; to: string; by: string; reason: string; hours?: number };
      comments?: { by: string; body: string; hours?: number }[];
    }
  /** The connector did the work (CONNECTOR strategy). */
  | { do: "connector"; hours?: number }
  /** The connector failed; the next step is the fallback task of the app owners (SPEC §6.4). */
  | { do: "connector-failed"; error: string; hours?: number };

export interface Scenario {
  kind?: "GRANT" | "REVOKE";
  app: string;
  entitlement: string;
  /** Person key of whose access this is. */
  subject: string;
  /** Default: the subject (GRANT). */
  requester?: string;
  reason: string;
  hoursAgo: number;
  durationDays?: number;
  steps: StepSpec[];
}

export const DEMO_SCENARIOS: Scenario[] = [
  // ── Waiting for Hannah Okafor (manager) ──
  {
    app: "AWS",
    entitlement: "poweruser-production",
    subject: "yuki.tanaka",
    reason:
      "I join the on-call rotation next week and need to restart ECS tasks and scale the ingest workers during incidents.",
    hoursAgo: 26,
    steps: [{ do: "open" }],
  },
  {
    app: "Jira",
    entitlement: "project-admin",
    subject: "emma.johansson",
    reason:
      "Taking over the PLAT project's workflow and components from Grace for the next two sprints.",
    hoursAgo: 8,
    steps: [{ do: "open" }],
  },
  {
    app: "Snowflake",
    entitlement: "analyst",
    subject: "jordan.lee",
    reason: "Investigating API latency by plan tier; I need read access to the usage marts.",
    hoursAgo: 50,
    steps: [
      {
        do: "open",
        comments: [
          {
            by: "hannah.okafor",
            body: "Is read-only on the `ANALYTICS` marts enough, or do you need the `RAW` schemas too?",
            hours: 3,
          },
          {
            by: "jordan.lee",
            body: "`ANALYTICS` is enough — I'm only looking at `analytics.api_requests_daily` and the plan dimension.",
            hours: 5,
          },
        ],
      },
    ],
  },
  {
    app: "GitHub",
    entitlement: "org-admin",
    subject: "nikhil.reddy",
    reason:
      "Rotating the org-wide Dependabot secrets and replacing the SAML signing certificate before it expires at the end of the month.",
    hoursAgo: 70,
    durationDays: 7,
    steps: [{ do: "approve", hours: 3 }, { do: "open" }],
  },
  {
    app: "AWS",
    entitlement: "administrator-access",
    subject: "arjun.patel",
    reason:
      "Break-glass access for the VPC migration window (Saturday 02:00–06:00 UTC), change CHG-2291.",
    hoursAgo: 5,
    durationDays: 2,
    steps: [{ do: "open" }],
  },
  {
    app: "Figma",
    entitlement: "dev-mode",
    subject: "jordan.lee",
    reason:
      "Implementing the new status page from Felix's designs; I need to inspect specs and export assets.",
    hoursAgo: 30,
    steps: [{ do: "approve", hours: 2 }, { do: "open" }],
  },
  {
    app: "GitHub",
    entitlement: "copilot-business",
    subject: "jordan.lee",
    reason: "Trying Copilot for the test-suite migration the team agreed to pilot.",
    hoursAgo: 40 * 24,
    steps: [{ do: "approve", hours: 4 }, { do: "connector" }],
  },

  // ── Waiting for Marcus Chen (provisioner) ──
  {
    app: "GitHub",
    entitlement: "repo-write",
    subject: "monica.alvarado",
    reason:
      "I maintain the release checklist and CODEOWNERS in northwind-labs/release-tools and need to push to it.",
    hoursAgo: 28,
    steps: [{ do: "approve", hours: 5 }, { do: "open" }],
  },
  {
    app: "Jira",
    entitlement: "jsm-agent",
    subject: "mariam.yusuf",
    reason:
      "Moving the tier-1 queue from email macros to Jira Service Management; I need an agent seat to work tickets.",
    hoursAgo: 20,
    steps: [{ do: "approve", hours: 2 }, { do: "open" }],
  },
  {
    app: "Zoom",
    entitlement: "webinar-500",
    subject: "nora.lindberg",
    reason: "The customer webinar series starts next month and registrations are already at 380.",
    hoursAgo: 44,
    steps: [
      {
        do: "open",
        comments: [
          {
            by: "marcus.chen",
            body: "Both webinar add-ons are in use until the 10th (Zainab's and the shared webinars account). I'll move the shared one to you on the 11th.",
            hours: 6,
          },
        ],
      },
    ],
  },
  {
    app: "Lighthouse Admin",
    entitlement: "billing-ops",
    subject: "rosa.delgado",
    reason: "Handling refund escalations for enterprise customers while Beatriz is on vacation.",
    hoursAgo: 60,
    steps: [
      { do: "approve", by: "tom.fischer", hours: 4 },
      {
        do: "open",
        reassign: {
          from: "beatriz.souza",
          to: "marcus.chen",
          by: "alex.rivera",
          reason:
            "Beatriz is out of office until the 14th; Marcus covers Lighthouse access while she's away.",
          hours: 3,
        },
      },
    ],
  },
  {
    app: "GitHub",
    entitlement: "org-member",
    subject: "jonas.becker",
    requester: "grace.nakamura",
    reason: "New hire starting Monday on the Platform team. GitHub username: jbecker-dev.",
    hoursAgo: 22,
    steps: [{ do: "approve", hours: 1 }, { do: "open" }],
  },
  {
    app: "Okta",
    entitlement: "helpdesk-admin",
    subject: "luca.moretti",
    reason:
      "Covering the help desk rotation; I need to reset MFA factors without escalating every ticket.",
    hoursAgo: 3,
    steps: [{ do: "approve", hours: 1 }, { do: "open" }],
  },
  {
    kind: "REVOKE",
    app: "GitHub",
    entitlement: "repo-admin",
    subject: "noah.goldstein",
    requester: "priya.shah",
    reason:
      "Noah left the company last week; his admin on the infrastructure repositories is still active.",
    hoursAgo: 100,
    steps: [{ do: "open" }],
  },
  {
    kind: "REVOKE",
    app: "Zoom",
    entitlement: "licensed",
    subject: "michael.brennan",
    requester: "alex.rivera",
    reason: "Michael left the company; reclaiming the Pro license for the new SDR hires.",
    hoursAgo: 52,
    steps: [{ do: "open" }],
  },
  {
    kind: "REVOKE",
    app: "Jira",
    entitlement: "jsm-agent",
    subject: "erik.nilsson",
    requester: "tom.fischer",
    reason: "Erik has left; his agent seat should go back to the pool.",
    hoursAgo: 30,
    steps: [
      {
        do: "open",
        comments: [
          {
            by: "tom.fischer",
            body: "His open tickets are reassigned to Chidi, so it's safe to remove the seat.",
            hours: 1,
          },
        ],
      },
    ],
  },
  {
    kind: "REVOKE",
    app: "Slack",
    entitlement: "workspace-admin",
    subject: "kofi.boateng",
    requester: "hannah.okafor",
    reason: "Kofi moved to the SRE rotation and no longer manages Slack apps for the team.",
    hoursAgo: 12,
    steps: [{ do: "open" }],
  },
  {
    kind: "REVOKE",
    app: "AWS",
    entitlement: "poweruser-production",
    subject: "isabella.rossi",
    requester: "priya.shah",
    reason:
      "Isabella is on extended leave; production access is suspended until she returns (policy SEC-07).",
    hoursAgo: 18,
    steps: [{ do: "open" }],
  },

  // ── Waiting for Daniel Kim (Salesforce owner, no provisioners) ──
  {
    app: "Salesforce",
    entitlement: "cpq-user",
    subject: "jessica.huang",
    reason:
      "Quoting multi-year enterprise renewals (Acme Freight, Halcyon Health) needs CPQ bundles.",
    hoursAgo: 34,
    steps: [{ do: "approve", hours: 4 }, { do: "approve", hours: 2 }, { do: "open" }],
  },
  {
    app: "Salesforce",
    entitlement: "sales-cloud-user",
    subject: "dylan.price",
    reason:
      "Starting outbound in the mid-market territory on Monday; I need Sales Cloud to log activities.",
    hoursAgo: 16,
    steps: [{ do: "approve", hours: 2 }, { do: "open" }],
  },
  {
    kind: "REVOKE",
    app: "Salesforce",
    entitlement: "system-administrator",
    subject: "raj.malhotra",
    requester: "priya.shah",
    reason:
      "Quarterly access review: Raj's reporting work doesn't need the System Administrator profile; the Revenue Operations profile covers it.",
    hoursAgo: 40,
    steps: [{ do: "open" }],
  },
  {
    kind: "REVOKE",
    app: "Salesforce",
    entitlement: "sales-cloud-user",
    subject: "michael.brennan",
    requester: "rebecca.goldberg",
    reason: "Michael's last day was last week; his opportunities go to Hugo.",
    hoursAgo: 75,
    steps: [
      { do: "approve", hours: 5 },
      {
        do: "open",
        comments: [
          {
            by: "daniel.kim",
            body: "Transferring his 14 open opportunities to Hugo first — Salesforce won't deactivate him while he owns the Q3 discount approval process.",
            hours: 2,
          },
        ],
      },
    ],
  },
  {
    app: "Salesforce",
    entitlement: "cpq-user",
    subject: "tyler.morrison",
    reason: "Solution design for the Halcyon Health expansion needs CPQ product bundles.",
    hoursAgo: 90,
    steps: [
      {
        do: "approve",
        by: "brian.oconnor",
        hours: 20,
        reassign: {
          from: "rebecca.goldberg",
          to: "brian.oconnor",
          by: "rebecca.goldberg",
          reason: "I'm at the QBR offsite until Monday; Brian can approve.",
          hours: 2,
        },
      },
      { do: "open" },
    ],
  },

  // ── Waiting for Priya Shah (security review) ──
  {
    app: "Lighthouse Admin",
    entitlement: "impersonate-customer",
    subject: "ibrahim.diallo",
    reason: "Reproducing a data-sync bug that only shows in Halcyon Health's workspace (SUP-4821).",
    hoursAgo: 22,
    durationDays: 2,
    steps: [
      { do: "approve", hours: 2 },
      {
        do: "open",
        comments: [
          {
            by: "benjamin.carter",
            body: "Can this be a 48-hour grant? Impersonation should be time-boxed.",
            hours: 2,
          },
          {
            by: "ibrahim.diallo",
            body: "Yes, 48 hours is plenty — duration set on the request.",
            hours: 3,
          },
        ],
      },
    ],
  },

  // ── Other people's inboxes ──
  {
    app: "Figma",
    entitlement: "editor",
    subject: "ingrid.larsen",
    reason: "Building the launch one-pagers from the brand templates.",
    hoursAgo: 14,
    steps: [{ do: "open" }],
  },
  {
    app: "Snowflake",
    entitlement: "finance-analyst",
    subject: "jonah.feldman",
    reason: "Building the Q3 bookings-to-revenue bridge; I need the billing and revenue tables.",
    hoursAgo: 55,
    steps: [{ do: "open" }],
  },

  // ── History: completed ──
  {
    app: "Figma",
    entitlement: "editor",
    subject: "theo.nguyen",
    reason: "Moving from research synthesis to designing the onboarding flow refresh.",
    hoursAgo: 40 * 24,
    steps: [
      { do: "approve", hours: 3 },
      { do: "done", by: "oscar.lindgren", hours: 5 },
    ],
  },
  {
    app: "AWS",
    entitlement: "developer-staging",
    subject: "chloe.martin",
    reason: "Deploying the billing-service rewrite to staging for QA.",
    hoursAgo: 60 * 24,
    steps: [
      { do: "approve", hours: 2 },
      { do: "approve", by: "robert.anderson", hours: 6 },
      {
        do: "done",
        hours: 4,
        comments: [
          {
            by: "diego.alvarez",
            body: "Assigned in Identity Center; it can take 5 minutes to show in the portal.",
            hours: 3,
          },
        ],
      },
    ],
  },
  {
    app: "GitHub",
    entitlement: "repo-write",
    subject: "gabriel.santos",
    reason: "First sprint on the web team: I need to push branches to the product repositories.",
    hoursAgo: 75 * 24,
    steps: [
      { do: "approve", hours: 1 },
      { do: "done", hours: 3 },
    ],
  },
  {
    app: "Jira",
    entitlement: "jira-software-user",
    subject: "valentina.cruz",
    reason: "Tracking dbt model work in the DATA project.",
    hoursAgo: 50 * 24,
    steps: [
      { do: "approve", hours: 2 },
      { do: "done", by: "marcus.chen", hours: 2 },
    ],
  },
  {
    app: "Snowflake",
    entitlement: "data-engineer",
    subject: "samuel.osei",
    reason: "Owning the Fivetran-to-dbt staging models from this quarter.",
    hoursAgo: 30 * 24,
    steps: [
      { do: "approve", hours: 4 },
      { do: "done", hours: 6 },
    ],
  },
  {
    app: "Workday",
    entitlement: "manager-self-service",
    subject: "tom.fischer",
    reason: "Promoted to Support Manager with eight direct reports.",
    hoursAgo: 80 * 24,
    steps: [
      { do: "approve", hours: 5 },
      { do: "approve", hours: 3 },
      { do: "done", hours: 8 },
    ],
  },
  {
    app: "NetSuite",
    entitlement: "ap-clerk",
    subject: "helen.rasmussen",
    reason: "Covering vendor bills after Paolo's departure.",
    hoursAgo: 14 * 24,
    steps: [
      { do: "approve", hours: 2 },
      { do: "done", hours: 5, note: "Logged in the SOX access log." },
    ],
  },
  {
    app: "Zoom",
    entitlement: "licensed",
    subject: "emily.watson",
    reason: "Customer onboarding calls regularly run past 40 minutes.",
    hoursAgo: 15 * 24,
    steps: [{ do: "done", hours: 3 }],
  },
  {
    app: "Okta",
    entitlement: "engineering",
    subject: "jonas.becker",
    reason: "New hire on the Platform team: engineering apps for day one.",
    hoursAgo: 50,
    steps: [{ do: "approve", hours: 0.5 }, { do: "connector" }],
  },
  {
    app: "Okta",
    entitlement: "engineering",
    subject: "sara.lindqvist",
    reason: "Transferred from QA contracting to the mobile team; I need the engineering apps.",
    hoursAgo: 10 * 24,
    steps: [
      { do: "approve", hours: 3 },
      {
        do: "connector-failed",
        error:
          "Okta API returned 429 Too Many Requests for PUT /api/v1/groups/00g1x9engineering/users/{id} after 5 attempts over 30 minutes.",
      },
      {
        do: "done",
        by: "alex.rivera",
        hours: 2,
        note: "Added to the engineering group by hand in the Okta admin console.",
      },
    ],
  },
  {
    kind: "REVOKE",
    app: "GitHub",
    entitlement: "repo-admin",
    subject: "emma.johansson",
    requester: "priya.shah",
    reason:
      "Quarterly access review: admin on the infrastructure repositories not used in 90 days.",
    hoursAgo: 25 * 24,
    steps: [{ do: "done", hours: 20 }],
  },
  {
    kind: "REVOKE",
    app: "Jira",
    entitlement: "jira-admin",
    subject: "aisha.rahman",
    requester: "alex.rivera",
    reason: "Jira admin was for the workflow migration, which finished last sprint.",
    hoursAgo: 45 * 24,
    steps: [{ do: "done", hours: 6 }],
  },
  {
    kind: "REVOKE",
    app: "AWS",
    entitlement: "administrator-access",
    subject: "diego.alvarez",
    requester: "priya.shah",
    reason: "Break-glass window for the RDS upgrade is closed.",
    hoursAgo: 35 * 24,
    steps: [{ do: "done", by: "marcus.chen", hours: 1 }],
  },
  {
    kind: "REVOKE",
    app: "Salesforce",
    entitlement: "marketing-user",
    subject: "ben.harper",
    requester: "omar.haddad",
    reason: "Ben no longer imports leads; Lily owns campaign setup now.",
    hoursAgo: 55 * 24,
    steps: [
      { do: "approve", hours: 4 },
      { do: "done", hours: 2 },
    ],
  },
  {
    app: "Snowflake",
    entitlement: "accountadmin",
    subject: "valentina.cruz",
    reason: "Need to create the new reporting warehouse for the dbt deploy job.",
    hoursAgo: 28 * 24,
    steps: [
      { do: "approve", hours: 2 },
      {
        do: "deny",
        by: "priya.shah",
        hours: 3,
        note: "ACCOUNTADMIN is limited to the data platform on-call. SYSADMIN covers creating warehouses — please request that instead.",
      },
    ],
  },
  {
    app: "Snowflake",
    entitlement: "sysadmin",
    subject: "valentina.cruz",
    reason:
      "Creating the reporting warehouse for the dbt deploy job, as Priya suggested on my ACCOUNTADMIN request.",
    hoursAgo: 27 * 24,
    steps: [
      { do: "approve", hours: 2 },
      { do: "done", hours: 4 },
    ],
  },
  {
    app: "Workday",
    entitlement: "compensation-partner",
    subject: "gwen.harrison",
    reason: "Supporting managers during the compensation review cycle.",
    hoursAgo: 48 * 24,
    steps: [
      {
        do: "deny",
        hours: 6,
        note: "Comp review access stays with the People leadership team this cycle; I'll share the exports you need.",
      },
    ],
  },
  {
    app: "Figma",
    entitlement: "dev-mode",
    subject: "ravi.iyer",
    reason: "Inspecting the settings redesign specs.",
    hoursAgo: 22 * 24,
    steps: [{ do: "cancel", hours: 20, note: "No longer needed: the handoff moved to Storybook." }],
  },

  // ── History: errored ──
  {
    app: "Salesforce",
    entitlement: "cpq-user",
    subject: "ahmed.karimi",
    reason: "Quoting the Northgate Logistics renewal with the new multi-year bundle.",
    hoursAgo: 12 * 24,
    steps: [
      { do: "approve", hours: 3 },
      { do: "approve", hours: 2 },
      {
        do: "error",
        hours: 4,
        note: "The CPQ license pool is exhausted (50 of 50 seats in use). The renewal order adds 10 seats on the 1st; resubmit then.",
      },
    ],
  },
  {
    kind: "REVOKE",
    app: "NetSuite",
    entitlement: "administrator",
    subject: "paolo.greco",
    requester: "kwame.mensah",
    reason: "Paolo has left; remove his Administrator role (SOX control FIN-12).",
    hoursAgo: 8 * 24,
    steps: [
      {
        do: "error",
        hours: 6,
        note: "NetSuite refuses to remove the Administrator role while Paolo owns 3 scheduled scripts (vendor bill import, AP aging export, 1099 prep).",
      },
      {
        do: "open",
        createdBy: "kwame.mensah",
        comments: [
          {
            by: "aditya.rao",
            body: "Scripts moved to the integration user. I'll remove the role after tonight's AP import runs.",
            hours: 5,
          },
        ],
      },
    ],
  },
  {
    app: "Lighthouse Admin",
    entitlement: "feature-flags",
    subject: "mei.lin",
    reason: "Turning on the new editor beta for our design partners.",
    hoursAgo: 18 * 24,
    steps: [
      { do: "approve", hours: 2 },
      {
        do: "error",
        hours: 3,
        note: "Feature-flag access requires the Okta group lighthouse-eng and Mei isn't in it. Please ask IT to add her, then resubmit.",
      },
    ],
  },
];

/** Reasons for the generated history, by app. */
export const GRANT_REASONS: Record<string, string[]> = {
  GitHub: [
    "Picking up tickets in the billing-service repository this sprint.",
    "I review and merge pull requests for the mobile release train.",
    "Contributing to the shared design-system components.",
    "Moving to the infrastructure squad for the Kubernetes upgrade.",
  ],
  Salesforce: [
    "Taking over the accounts in the Northeast territory.",
    "I need to build quotes for renewals this quarter.",
    "Running the pipeline review for my region.",
    "Campaign attribution reporting for the spring launch.",
  ],
  AWS: [
    "Debugging the staging deploy pipeline for the ingest service.",
    "Investigating elevated 5xx responses in the EU region.",
    "Setting up the new staging environment for load tests.",
    "Reviewing monthly spend by team for the budget.",
  ],
  Slack: [
    "Managing the shared channels with our design agency.",
    "Admin for the Slack workflow migration.",
  ],
  Jira: [
    "Working tickets in the IT Help Desk queue.",
    "Managing the MOBILE project's board and releases.",
    "I triage customer-reported bugs.",
    "Tracking the docs backlog.",
  ],
  Figma: [
    "Designing the onboarding flow refresh.",
    "I need to inspect specs for the settings redesign.",
    "Creating event banners from the brand templates.",
  ],
  Zoom: [
    "Customer calls regularly run past 40 minutes.",
    "Hosting the monthly partner webinar.",
    "Running remote interviews for open roles.",
  ],
  Workday: [
    "I now manage two direct reports.",
    "Supporting the People team during open enrollment.",
    "Helping with the quarterly payroll reconciliation.",
  ],
  Snowflake: [
    "Building the churn-risk dashboard for Customer Success.",
    "Querying product usage for the pricing analysis.",
    "Maintaining the dbt models for the finance marts.",
  ],
  Okta: [
    "Covering the IT help desk rotation.",
    "Resetting MFA for the Lisbon office during the laptop refresh.",
  ],
  NetSuite: [
    "Month-end close support.",
    "Covering invoicing while Nicole is out.",
    "Read access for the audit walkthroughs.",
  ],
  "Lighthouse Admin": [
    "Handling refund escalations for enterprise customers.",
    "Toggling beta features for design partners.",
    "Working the tier-2 support queue.",
  ],
};

export const REVOKE_REASONS = [
  "Quarterly access review: not used in the last 90 days.",
  "Changed teams; this access is no longer needed.",
  "The project this was granted for has finished.",
  "License reclaimed: no sign-in for over 60 days.",
  "Role change: moved to a different territory.",
];

export const DENIAL_NOTES = [
  "Please use the shared read-only dashboard instead; this access is limited to the owning team.",
  "Not needed for your current projects — let's revisit at the next planning cycle.",
  "This needs a business justification from your manager's manager; please add it and resubmit.",
];

export const COMPLETION_NOTES = [
  "Done — it can take a few minutes to appear after your next sign-in.",
  "Granted. Sign out and back in to pick it up.",
  "Removed; their sessions were ended too.",
  "Logged in the access log.",
];

// ───────────────────────────────── Access reviews ─────────────────────────────────

/** Why a reviewer kept a flagged item (a flagged Keep needs a reason), by the item's first flag. */
export const REVIEW_KEEP_REASONS: Record<string, string[]> = {
  UNUSED: [
    "Used for the quarterly release only; still needed.",
    "On-call backup: rarely used, but needed when it is.",
    "Back from leave next month and needs it then.",
  ],
  NO_OWNER: [
    "A contractor's account; the engagement runs to the end of the quarter.",
    "Shared login for the vendor integration; the app owners vouch for it.",
  ],
  AMBIGUOUS_OWNER: ["Checked with IT: this is the Platform team's Sam Taylor, who still needs it."],
  OWNER_SUSPENDED: ["On leave; keep it until they are back."],
  OWNER_DEPROVISIONED: ["Kept until the handover of their records is finished."],
  SERVICE_ACCOUNT: ["The integration still runs on it."],
  SYSTEM_ACCOUNT: ["Break-glass account; kept under the security team's control."],
};

/** Why a reviewer revoked an item (Revoke always needs a reason), by campaign. */
export const REVIEW_REVOKE_REASONS = {
  finished: [
    "Moved to another team; no longer needs this access.",
    "Not used since the spring; they can request it again if needed.",
    "The project this was for has ended.",
  ],
  running: [
    "Admin rights are no longer part of the role.",
    "The migration this was for is finished; day-to-day work needs no admin rights.",
  ],
} as const;

/** What the two demo campaigns are for, as their description says it. */
export const REVIEW_CAMPAIGN_DESCRIPTIONS = {
  finished:
    "The quarterly SOC 2 review of source code and customer data access: every person's GitHub and Salesforce access, confirmed by their manager.",
  running:
    "Privileged access across the infrastructure and admin consoles, confirmed by each person's manager and then by the app's owners. Service accounts are reviewed separately.",
} as const;
