/**
 * The applications of the demo organization: who owns and provisions them, the
 * admins' instructions, their entitlements, and who holds accounts and access in
 * each (as an ingestion would have found them).
 */
import type { DemoPerson } from "./demo-people.ts";
import type { Rng } from "./prng.ts";

export type PolicyKey =
  | "autoApprove"
  | "manager"
  | "managerThenOwner"
  | "securityReview"
  | "entitlementOwner"
  | "appOwnerReview";

export type Strategy = "MANUAL" | "CONNECTOR";

export interface DemoEntitlementDef {
  slug: string;
  displayName: string;
  description: string;
  provisioning?: Strategy;
  deprovisioning?: Strategy;
  /** Person keys. */
  owners?: string[];
  requestPolicy?: PolicyKey;
  revocationPolicy?: PolicyKey;
}

/**
 * How a person's account carries their identity:
 * - exact: their email as is;  mixed: their email in other case and with stray spaces;
 * - legacyFirst: the pre-rebrand address first, their email second;
 * - legacyOnly: only the pre-rebrand address (matches by name in BROAD mode only);
 * - namesOnly: no email, given and family name;  displayOnly: no email, a display name.
 */
export type EmailStyle =
  "exact" | "mixed" | "legacyFirst" | "legacyOnly" | "namesOnly" | "displayOnly";

export interface PeopleFacts {
  hasReports(key: string): boolean;
}

export interface ExtraAccountDef {
  login: string;
  externalId?: string;
  emails?: string[];
  givenName?: string;
  familyName?: string;
  displayName: string;
  type: "USER" | "SERVICE" | "SYSTEM";
  typeSource?: "INGESTED" | "MANUAL";
  status?: "ACTIVE" | "DISABLED" | "DELETED";
  grants: string[];
  /** Null: no usage data for this account. */
  lastLoginDaysAgo?: number | null;
  profile?: Record<string, unknown>;
  /** An admin's decision about the owner (SPEC §4.3). */
  ownerDecision?: { kind: "MANUAL"; owner: string; by: string } | { kind: "CLEARED"; by: string };
}

export interface DemoAppDef {
  name: string;
  description: string;
  mode: "NARROW" | "BROAD";
  owners: string[];
  provisioners: string[];
  deprovisioners: string[];
  requestPolicy?: PolicyKey;
  revocationPolicy?: PolicyKey;
  provisioningInstructions: string;
  deprovisioningInstructions: string;
  entitlements: DemoEntitlementDef[];
  /** False: the app reports no last-login dates. */
  usageData: boolean;
  members(p: DemoPerson, facts: PeopleFacts): boolean;
  /** Entitlement slugs a member holds, as ingested. */
  grants(p: DemoPerson, rng: Rng, facts: PeopleFacts): string[];
  emailStyles: Partial<Record<EmailStyle, number>>;
  /** Person key → style, for the cases the demo must show. */
  forcedStyles?: Record<string, EmailStyle>;
  externalId(rng: Rng, p: DemoPerson): string;
  /** The account's login; `primaryEmail` is the account's first email, as ingested. */
  login(p: DemoPerson, rng: Rng, primaryEmail: string | undefined): string;
  profile(p: DemoPerson, rng: Rng): Record<string, unknown>;
  extraAccounts: ExtraAccountDef[];
}

const ENGINEERING_TEAMS: Record<string, string> = {
  "hannah.okafor": "platform",
  "mateo.fernandez": "web",
  "aisha.rahman": "mobile",
  "lukas.schmidt": "data",
};

const inDept = (p: DemoPerson, ...departments: string[]) => departments.includes(p.department);
const isOneOf = (p: DemoPerson, ...keys: string[]) => keys.includes(p.key);
const team = (p: DemoPerson) =>
  (p.manager ? ENGINEERING_TEAMS[p.manager] : undefined) ?? ENGINEERING_TEAMS[p.key];
const isEngineer = (p: DemoPerson) =>
  p.department === "Engineering" && !isOneOf(p, "monica.alvarado");

const hex = (rng: Rng, n: number) => rng.string(n, "0123456789abcdef");
const upperAlnum = (rng: Rng, n: number) => rng.string(n, "ABCDEFGHIJKLMNPQRSTUVWXYZ0123456789");

export const DEMO_APPS: DemoAppDef[] = [
  // ───────────────────────────────────── GitHub ─────────────────────────────────────
  {
    name: "GitHub",
    description:
      "Source code, pull requests, code review and Actions CI for every Northwind repository, in the `northwind-labs` organization (GitHub Enterprise Cloud, SAML SSO through Okta).",
    mode: "BROAD",
    owners: ["robert.anderson", "emma.johansson"],
    provisioners: ["marcus.chen"],
    deprovisioners: ["marcus.chen"],
    provisioningInstructions: `GitHub access is granted in the **northwind-labs** organization. Never add people as outside collaborators.

1. Get the person's GitHub username from the request or ask for it in a comment. Their GitHub account must have two-factor authentication enabled.
2. **Organization member**: open [People → Invite member](https://github.com/orgs/northwind-labs/people) and invite the username. SAML SSO links the account to Okta when they accept.
3. Repository access goes through teams, not individual repositories:
   - **Write: product repositories** → add to [\`@northwind-labs/engineering\`](https://github.com/orgs/northwind-labs/teams/engineering/members)
   - **Admin: infrastructure repositories** → add to [\`@northwind-labs/infra-admins\`](https://github.com/orgs/northwind-labs/teams/infra-admins/members)
4. **Organization owner** is limited to three people. Change the role under *People → Manage access → Role* only once the Security review step is approved.
5. Mark the task provisioned. If the invitation is still pending, paste its link in the note.`,
    deprovisioningInstructions: `1. Open [People](https://github.com/orgs/northwind-labs/people) and find the person by username or by their linked SSO identity.
2. For a team-based entitlement, remove them from that team only (\`engineering\` or \`infra-admins\`); leave their other teams alone.
3. To remove someone entirely, choose **Remove from organization**. GitHub deletes their forks of private repositories.
4. If they own GitHub Apps, deploy keys or Actions secrets, transfer them to \`@northwind-labs/platform\` first and say so in a comment.
5. Mark the task deprovisioned.`,
    entitlements: [
      {
        slug: "org-member",
        displayName: "Organization member",
        description:
          "Member of the northwind-labs organization: read access to internal repositories.",
        provisioning: "MANUAL",
        deprovisioning: "CONNECTOR",
      },
      {
        slug: "repo-write",
        displayName: "Write: product repositories",
        description: "Push and merge in the product repositories through the `engineering` team.",
      },
      {
        slug: "repo-admin",
        displayName: "Admin: infrastructure repositories",
        description:
          "Admin on `infrastructure`, `terraform-modules` and `k8s-manifests` through the `infra-admins` team.",
        owners: ["robert.anderson"],
      },
      {
        slug: "org-admin",
        displayName: "Organization owner",
        description:
          "Full control of the organization: billing, SSO settings, members and every repository.",
        owners: ["priya.shah"],
        requestPolicy: "securityReview",
      },
      {
        slug: "copilot-business",
        displayName: "GitHub Copilot Business seat",
        description:
          "A Copilot Business seat, assigned and removed automatically by the connector.",
        provisioning: "CONNECTOR",
        deprovisioning: "CONNECTOR",
      },
    ],
    usageData: true,
    members: (p) =>
      (isEngineer(p) && p.key !== "jonas.becker") ||
      inDept(p, "Security") ||
      isOneOf(p, "oscar.lindgren", "hiroshi.yamamoto", "kavya.menon", "monica.alvarado"),
    grants: (p, rng) => {
      const out = ["org-member"];
      if (isEngineer(p) || isOneOf(p, "oscar.lindgren", "hiroshi.yamamoto", "benjamin.carter"))
        out.push("repo-write");
      if (
        isOneOf(
          p,
          "robert.anderson",
          "emma.johansson",
          "diego.alvarez",
          "arjun.patel",
          "noah.goldstein",
        )
      )
        out.push("repo-admin");
      if (isOneOf(p, "rahul.mehta", "robert.anderson", "priya.shah")) out.push("org-admin");
      if (isEngineer(p) && rng.chance(0.6)) out.push("copilot-business");
      return out;
    },
    emailStyles: { exact: 45, mixed: 10, namesOnly: 30, displayOnly: 15 },
    forcedStyles: {
      "sam.taylor": "namesOnly",
      "zoe.muller": "displayOnly",
      "jordan.lee": "exact",
      "hannah.okafor": "exact",
      "noah.goldstein": "namesOnly",
    },
    externalId: (rng) => String(rng.int(1_200_000, 158_000_000)),
    login: (p, rng) =>
      rng
        .pick([
          `${p.givenName[0]}${p.familyName}`,
          `${p.givenName}${p.familyName}`,
          `${p.givenName}-${p.familyName}`,
          `${p.givenName}${p.familyName[0]}-nw`,
        ])
        .normalize("NFD")
        .replace(/\p{M}/gu, "")
        .replace(/[^A-Za-z0-9-]/g, "")
        .toLowerCase(),
    profile: (_p, rng) => ({
      two_factor_enabled: rng.chance(0.97),
      site_admin: false,
      saml_identity_linked: true,
    }),
    extraAccounts: [
      {
        login: "northwind-ci-bot",
        emails: ["ci-bot@northwind.example"],
        displayName: "Northwind CI Bot",
        type: "SERVICE",
        grants: ["org-member", "repo-write"],
        lastLoginDaysAgo: 0,
        profile: { two_factor_enabled: true, machine_user: true },
      },
      {
        login: "nw-release-bot",
        displayName: "Release Bot",
        type: "SERVICE",
        grants: ["org-member", "repo-write"],
        lastLoginDaysAgo: 3,
        profile: { two_factor_enabled: true, machine_user: true },
      },
      {
        login: "kfox-contractor",
        givenName: "Kelsey",
        familyName: "Fox",
        displayName: "Kelsey Fox",
        type: "USER",
        grants: ["org-member", "repo-write"],
        lastLoginDaysAgo: 74,
        profile: { two_factor_enabled: true, company: "Skylark Consulting" },
      },
      {
        login: "pvolkov",
        displayName: "Pavel Volkov",
        type: "USER",
        grants: ["org-member"],
        lastLoginDaysAgo: 212,
        profile: { two_factor_enabled: false },
      },
    ],
  },

  // ─────────────────────────────────── Salesforce ───────────────────────────────────
  {
    name: "Salesforce",
    description:
      "CRM for leads, opportunities, forecasting and quoting: Sales Cloud Enterprise with Salesforce CPQ. The system of record for pipeline and bookings.",
    mode: "NARROW",
    owners: ["daniel.kim"],
    provisioners: [],
    deprovisioners: [],
    requestPolicy: "managerThenOwner",
    revocationPolicy: "appOwnerReview",
    provisioningInstructions: `Salesforce has no dedicated provisioners: the app owner (Sales Operations) does it.

1. In [Setup → Users](https://northwind.lightning.force.com/lightning/setup/ManageUsers/home), search for the person. Reactivate a deactivated user instead of creating a second one.
2. New user: username is their work email with the suffix \`.nw\` (e.g. \`jordan.lee@northwind.example.nw\`), **Federation ID** = work email, so Okta SSO works.
3. Set the profile from the entitlement:
   - **Sales Cloud user license** → profile *Standard Sales User*
   - **Profile: Sales Manager** → profile *Sales Manager*, role under their region
   - **Profile: System Administrator** → only after the Security review is approved
4. **Salesforce CPQ license**: *Setup → Installed Packages → Salesforce CPQ → Manage Licenses → Add Users*. Check the seat count first; we own 50.
5. **Marketing User permission set**: *Permission Sets → Marketing User → Manage Assignments*.
6. Mark the task provisioned.`,
    deprovisioningInstructions: `1. Open the user in [Setup → Users](https://northwind.lightning.force.com/lightning/setup/ManageUsers/home).
2. Before deactivating, reassign their open opportunities and accounts to their manager with *Mass Transfer Records*; Salesforce refuses to deactivate a user who owns active approval processes.
3. To remove a license or permission set, remove only that assignment; to remove all access, **Freeze** first, then **Deactivate** (users are never deleted).
4. Remove the CPQ license under *Installed Packages → Manage Licenses* so the seat is returned.
5. Mark the task deprovisioned and note who received their records.`,
    entitlements: [
      {
        slug: "sales-cloud-user",
        displayName: "Sales Cloud user license",
        description: "A Sales Cloud Enterprise license with the Standard Sales User profile.",
      },
      {
        slug: "cpq-user",
        displayName: "Salesforce CPQ license",
        description: "Build and approve quotes in Salesforce CPQ. 50 seats.",
        owners: ["daniel.kim"],
      },
      {
        slug: "sales-manager",
        displayName: "Profile: Sales Manager",
        description: "Forecast management, team dashboards and discount approvals for a region.",
      },
      {
        slug: "marketing-user",
        displayName: "Marketing User permission set",
        description: "Create campaigns and import leads.",
      },
      {
        slug: "system-administrator",
        displayName: "Profile: System Administrator",
        description: "Full administration of the org: setup, data, integrations and every record.",
        owners: ["daniel.kim"],
        requestPolicy: "securityReview",
      },
    ],
    usageData: true,
    members: (p) =>
      (inDept(p, "Sales") && p.key !== "dylan.price") ||
      isOneOf(
        p,
        "olivia.bennett",
        "natalie.brooks",
        "omar.haddad",
        "lily.zhou",
        "ben.harper",
        "kwame.mensah",
        "nicole.brandt",
        "fatima.al-sayed",
        "victoria.ashworth",
      ),
    grants: (p, rng, facts) => {
      const out: string[] = ["sales-cloud-user"];
      if (
        p.department === "Sales" &&
        /Account Executive|Solutions/.test(p.title) &&
        rng.chance(0.6)
      )
        out.push("cpq-user");
      if (p.department === "Sales" && facts.hasReports(p.key)) out.push("sales-manager");
      if (isOneOf(p, "natalie.brooks", "omar.haddad", "lily.zhou", "ben.harper"))
        out.push("marketing-user");
      if (isOneOf(p, "daniel.kim", "raj.malhotra")) out.push("system-administrator");
      return out;
    },
    emailStyles: { exact: 70, mixed: 20, legacyFirst: 10 },
    forcedStyles: { "daniel.kim": "exact", "jessica.huang": "mixed" },
    externalId: (rng) => `0055g00000${upperAlnum(rng, 5)}`,
    login: (p) => `${p.email}.nw`,
    profile: (p) => ({
      profile: p.department === "Sales" ? "Standard Sales User" : "Read Only",
      federationId: p.email,
      userRole:
        p.department === "Sales"
          ? `Sales - ${p.manager === "carlos.mendoza" ? "Mid-Market" : "Enterprise"}`
          : null,
    }),
    extraAccounts: [
      {
        login: "integration@northwind.example.nw",
        emails: ["daniel.kim@northwind.example"],
        displayName: "Integration User",
        type: "SERVICE",
        grants: ["sales-cloud-user", "system-administrator"],
        lastLoginDaysAgo: 0,
        profile: { profile: "Salesforce API Only System Integrations" },
      },
      {
        login: "chatty.00d5g000004fkp2eaa@chatter.salesforce.com",
        displayName: "Chatter Expert",
        type: "SYSTEM",
        grants: [],
        lastLoginDaysAgo: null,
        profile: { profile: "Chatter Free User" },
      },
      {
        login: "lisa.grant@northwind.example.nw",
        emails: ["lisa.grant@northwind.example"],
        givenName: "Lisa",
        familyName: "Grant",
        displayName: "Lisa Grant",
        type: "USER",
        grants: ["sales-cloud-user", "cpq-user"],
        lastLoginDaysAgo: 143,
        profile: { profile: "Standard Sales User", userRole: "Sales - Enterprise" },
      },
    ],
  },

  // ─────────────────────────────────────── AWS ───────────────────────────────────────
  {
    name: "AWS",
    description:
      "Production, staging and data AWS accounts, accessed through IAM Identity Center permission sets. Production runs the Northwind platform (EKS, RDS, S3).",
    mode: "NARROW",
    owners: ["robert.anderson", "rahul.mehta"],
    provisioners: ["diego.alvarez"],
    deprovisioners: ["diego.alvarez", "marcus.chen"],
    requestPolicy: "managerThenOwner",
    provisioningInstructions: `Access is granted with IAM Identity Center permission sets. Never create IAM users for people.

1. Open [IAM Identity Center → AWS accounts](https://us-east-1.console.aws.amazon.com/singlesignon/home?region=us-east-1#/accounts/organization).
2. Select the account that matches the entitlement (\`northwind-prod\` 4417-2210-9981, \`northwind-staging\` 6620-1145-0037) and choose **Assign users or groups**.
3. Pick the person's Identity Center user (synced from Okta) and the permission set named in the entitlement.
4. Time-boxed requests (**Duration** is set on the request): add a calendar reminder and revoke in Lantern when it ends.
5. **AdministratorAccess** in production is break-glass only: confirm the Security review approval is on the task before assigning.
6. Mark the task provisioned.`,
    deprovisioningInstructions: `1. In [IAM Identity Center → Users](https://us-east-1.console.aws.amazon.com/singlesignon/home?region=us-east-1#/users), open the person and the **AWS accounts** tab.
2. Remove the permission-set assignment named in the entitlement. Existing sessions stay valid for up to 1 hour; for departures also choose **Revoke active sessions**.
3. Check [CloudTrail](https://us-east-1.console.aws.amazon.com/cloudtrailv2/home?region=us-east-1#/events) for access keys created by the person in the last 90 days and deactivate them.
4. Mark the task deprovisioned.`,
    entitlements: [
      {
        slug: "readonly-production",
        displayName: "ReadOnlyAccess (production)",
        description: "Read-only console and API access to northwind-prod.",
        provisioning: "CONNECTOR",
        deprovisioning: "CONNECTOR",
      },
      {
        slug: "developer-staging",
        displayName: "DeveloperAccess (staging)",
        description: "Deploy and debug in northwind-staging; no IAM changes.",
      },
      {
        slug: "poweruser-production",
        displayName: "PowerUserAccess (production)",
        description:
          "Operate production services (restart, scale, read secrets); no IAM or billing changes.",
      },
      {
        slug: "administrator-access",
        displayName: "AdministratorAccess (production)",
        description: "Break-glass full administration of northwind-prod. Time-boxed.",
        owners: ["priya.shah"],
        requestPolicy: "securityReview",
      },
      {
        slug: "billing-viewer",
        displayName: "Billing (read-only)",
        description: "Cost Explorer and invoices for the whole AWS organization.",
        owners: ["elena.petrova"],
      },
    ],
    usageData: true,
    members: (p) =>
      (["platform", "data"].includes(team(p) ?? "") && p.key !== "jonas.becker") ||
      inDept(p, "Security") ||
      isOneOf(
        p,
        "robert.anderson",
        "rahul.mehta",
        "grace.nakamura",
        "ethan.walker",
        "ava.thompson",
        "hana.kobayashi",
        "elena.petrova",
        "isabella.rossi",
      ),
    grants: (p) => {
      if (p.key === "elena.petrova") return ["billing-viewer"];
      const out = ["readonly-production"];
      if (
        team(p) === "platform" ||
        team(p) === "data" ||
        isOneOf(p, "ethan.walker", "ava.thompson", "hana.kobayashi", "isabella.rossi")
      ) {
        out.push("developer-staging");
      }
      if (
        isOneOf(
          p,
          "diego.alvarez",
          "kofi.boateng",
          "sam.taylor",
          "emma.johansson",
          "robert.anderson",
          "isabella.rossi",
          "wei.zhang",
        )
      ) {
        out.push("poweruser-production");
      }
      if (isOneOf(p, "diego.alvarez", "robert.anderson")) out.push("administrator-access");
      return out;
    },
    emailStyles: { exact: 90, mixed: 10 },
    externalId: (rng) =>
      `9067${hex(rng, 6)}-${hex(rng, 8)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 12)}`,
    login: (p, _rng, primary) => primary?.trim() || p.email,
    profile: () => ({ identityStoreId: "d-9067a1b2c3", source: "Okta SCIM" }),
    extraAccounts: [
      {
        login: "root",
        emails: ["aws-root@northwind.example"],
        displayName: "Root user (northwind-prod)",
        type: "SYSTEM",
        grants: [],
        lastLoginDaysAgo: 187,
        profile: { accountId: "441722109981", mfa: "hardware" },
      },
      {
        login: "terraform",
        displayName: "terraform",
        type: "SERVICE",
        grants: ["administrator-access"],
        lastLoginDaysAgo: 0,
        profile: { kind: "IAM role", assumedBy: "Terraform Cloud workspace prod-infra" },
        ownerDecision: { kind: "MANUAL", owner: "arjun.patel", by: "alex.rivera" },
      },
      {
        login: "github-actions-deployer",
        displayName: "github-actions-deployer",
        type: "SERVICE",
        grants: ["developer-staging", "poweruser-production"],
        lastLoginDaysAgo: 0,
        profile: { kind: "IAM role", trust: "token.actions.githubusercontent.com" },
      },
      {
        login: "ops@nimbus-consulting.example",
        emails: ["ops@nimbus-consulting.example"],
        displayName: "Nimbus Consulting (contractor)",
        type: "USER",
        grants: ["readonly-production"],
        lastLoginDaysAgo: 96,
        profile: { source: "manually created" },
      },
    ],
  },

  // ────────────────────────────────────── Slack ──────────────────────────────────────
  {
    name: "Slack",
    description:
      "Company chat: the northwind-labs.slack.com workspace (Business+), shared channels with customers and partners, and the apps that post into it.",
    mode: "NARROW",
    owners: ["alex.rivera"],
    provisioners: ["marcus.chen"],
    deprovisioners: ["marcus.chen"],
    requestPolicy: "autoApprove",
    provisioningInstructions: `Full members are created by Okta SCIM; you only handle roles and guests.

1. **Workspace admin**: [Manage members](https://northwind-labs.slack.com/admin) → find the person → **⋯ → Change account type → Workspace Admin**.
2. **Single-channel guest**: invite from the channel itself (*Add people → guest*) with an expiry date of at most 90 days, and add the sponsoring employee to the channel topic.
3. Mark the task provisioned.`,
    deprovisioningInstructions: `1. Open [Manage members](https://northwind-labs.slack.com/admin) and find the person.
2. To remove a role, change the account type back to **Member**. To remove a guest, **Deactivate account**.
3. Full members who left the company are deactivated by Okta; if the account is still active, deactivate it here and tell IT so the Okta assignment is fixed.
4. Mark the task deprovisioned.`,
    entitlements: [
      {
        slug: "member",
        displayName: "Full member",
        description: "A full member of the workspace, created and removed by Okta SCIM.",
        provisioning: "CONNECTOR",
        deprovisioning: "CONNECTOR",
      },
      {
        slug: "workspace-admin",
        displayName: "Workspace admin",
        description: "Manage members, channels and app approvals.",
        owners: ["alex.rivera"],
      },
      {
        slug: "single-channel-guest",
        displayName: "Single-channel guest",
        description: "An outside collaborator limited to one channel, for 90 days at most.",
      },
    ],
    usageData: true,
    members: (p) => p.key !== "jonas.becker",
    grants: (p) => {
      const out = ["member"];
      if (isOneOf(p, "alex.rivera", "marcus.chen", "kofi.boateng")) out.push("workspace-admin");
      return out;
    },
    emailStyles: { exact: 90, mixed: 10 },
    externalId: (rng) => `U0${upperAlnum(rng, 9)}`,
    login: (p) => p.key,
    profile: (p) => ({ title: p.title, tz: "America/New_York", is_restricted: false }),
    extraAccounts: [
      {
        login: "lantern",
        displayName: "Lantern",
        type: "SERVICE",
        grants: [],
        lastLoginDaysAgo: 0,
        profile: { is_bot: true, app: "Lantern" },
      },
      {
        login: "deploy-bot",
        displayName: "Deploy Bot",
        type: "SERVICE",
        grants: [],
        lastLoginDaysAgo: 0,
        profile: { is_bot: true, app: "GitHub Actions" },
      },
      {
        login: "slackbot",
        externalId: "USLACKBOT",
        displayName: "Slackbot",
        type: "SYSTEM",
        grants: [],
        lastLoginDaysAgo: null,
        profile: { is_bot: true },
      },
      {
        login: "mira.castellanos",
        emails: ["mira.castellanos@brightpath-agency.example"],
        givenName: "Mira",
        familyName: "Castellanos",
        displayName: "Mira Castellanos (BrightPath)",
        type: "USER",
        grants: ["single-channel-guest"],
        lastLoginDaysAgo: 9,
        profile: { is_restricted: true, channel: "#ext-brightpath-campaigns" },
      },
      {
        login: "j.obi",
        emails: ["j.obi@ledger-audit.example"],
        givenName: "Jide",
        familyName: "Obi",
        displayName: "Jide Obi (Ledger & Co)",
        type: "USER",
        grants: ["single-channel-guest"],
        lastLoginDaysAgo: 41,
        profile: { is_restricted: true, channel: "#ext-audit-fy24" },
      },
    ],
  },

  // ─────────────────────────────────────── Jira ───────────────────────────────────────
  {
    name: "Jira",
    description:
      "Issue tracking and sprint planning (Jira Software) and the customer and IT help desks (Jira Service Management) on northwind.atlassian.net.",
    mode: "NARROW",
    owners: ["grace.nakamura", "alex.rivera"],
    provisioners: ["marcus.chen", "keisha.williams"],
    deprovisioners: ["marcus.chen"],
    provisioningInstructions: `1. Open [Atlassian Administration → Users](https://admin.atlassian.com/o/northwind/users) and search for the person's work email. Accounts come from Okta; if missing, check the Okta assignment first.
2. Grant the product role that matches the entitlement:
   - **Jira Software license** → *Jira: User*
   - **Jira Service Management agent** → *Jira Service Management: Agent* (agent seats are billed, we have 40)
   - **Jira administrator** → *Jira: Product admin*
3. **Project administrator**: in the project's *Project settings → People*, add them with the *Administrators* role.
4. Mark the task provisioned.`,
    deprovisioningInstructions: `1. Open the person in [Atlassian Administration](https://admin.atlassian.com/o/northwind/users).
2. Remove only the product role or project role named in the entitlement.
3. Reassign their open issues with a bulk change (\`assignee = <person> AND resolution = Unresolved\`) to their manager before removing an agent seat.
4. Mark the task deprovisioned.`,
    entitlements: [
      {
        slug: "jira-software-user",
        displayName: "Jira Software license",
        description: "Create and work issues and boards in Jira Software.",
      },
      {
        slug: "jsm-agent",
        displayName: "Jira Service Management agent",
        description:
          "Work tickets in the Customer Support and IT Help Desk service projects. Billed per agent.",
        owners: ["fatima.al-sayed"],
      },
      {
        slug: "project-admin",
        displayName: "Project administrator",
        description: "Manage a project's workflow, components and permissions.",
      },
      {
        slug: "jira-admin",
        displayName: "Jira administrator",
        description: "Global Jira administration: schemes, custom fields, automation.",
        owners: ["alex.rivera"],
      },
    ],
    usageData: true,
    members: (p) =>
      (inDept(p, "Engineering", "Security", "Design", "Support", "IT") &&
        p.key !== "jonas.becker") ||
      isOneOf(
        p,
        "ingrid.larsen",
        "victor.okonkwo",
        "elise.fournier",
        "kavya.menon",
        "hiroshi.yamamoto",
      ),
    grants: (p, _rng, facts) => {
      const out: string[] = [];
      if (inDept(p, "Support")) out.push("jsm-agent");
      else out.push("jira-software-user");
      if (inDept(p, "IT")) out.push("jsm-agent");
      if (facts.hasReports(p.key) && inDept(p, "Engineering", "Design", "Support"))
        out.push("project-admin");
      if (isOneOf(p, "alex.rivera", "marcus.chen", "aisha.rahman")) out.push("jira-admin");
      if (p.key === "mariam.yusuf") return [];
      return out;
    },
    emailStyles: { exact: 85, legacyFirst: 10, mixed: 5 },
    externalId: (rng) =>
      `712020:${hex(rng, 8)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 12)}`,
    login: (p, _rng, primary) => primary?.trim() || p.email,
    profile: () => ({ accountType: "atlassian", products: ["jira-software"] }),
    extraAccounts: [
      {
        login: "automation-for-jira",
        externalId: "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077",
        displayName: "Automation for Jira",
        type: "SYSTEM",
        grants: [],
        lastLoginDaysAgo: null,
        profile: { accountType: "app" },
      },
      {
        login: "github-for-jira",
        displayName: "GitHub for Jira",
        type: "SERVICE",
        grants: [],
        lastLoginDaysAgo: 0,
        profile: { accountType: "app" },
      },
      {
        login: "sven.holm@frostbyte-dev.example",
        emails: ["sven.holm@frostbyte-dev.example"],
        givenName: "Sven",
        familyName: "Holm",
        displayName: "Sven Holm",
        type: "USER",
        grants: ["jira-software-user"],
        lastLoginDaysAgo: 131,
        profile: { accountType: "atlassian", company: "Frostbyte Development" },
      },
    ],
  },

  // ────────────────────────────────────── Figma ──────────────────────────────────────
  {
    name: "Figma",
    description:
      "Product and brand design, prototypes, design system libraries and developer handoff (Figma Organization plan).",
    mode: "NARROW",
    owners: ["camille.dubois", "oscar.lindgren"],
    provisioners: [],
    deprovisioners: [],
    provisioningInstructions: `Figma has no provisioners: the design leads who own it do this.

1. Open [Admin → Members](https://www.figma.com/files/team/northwind/admin?tab=members). People sign in with Okta, so they appear after their first login; if not, ask them to open Figma once.
2. Change the seat to match the entitlement: **Full seat** for editors, **Dev seat** for Dev Mode, **View** for viewers. Full seats are billed the next month.
3. **Organization admin**: *Admin → Settings → Admins → Add admin*.
4. Mark the task provisioned.`,
    deprovisioningInstructions: `1. In [Admin → Members](https://www.figma.com/files/team/northwind/admin?tab=members), find the person.
2. To remove a seat, downgrade it to **View**. To remove someone entirely, **Remove from organization** and transfer their drafts to the team's *Archive* project when asked.
3. Mark the task deprovisioned.`,
    entitlements: [
      {
        slug: "viewer",
        displayName: "Viewer",
        description: "View and comment on files.",
        provisioning: "CONNECTOR",
        deprovisioning: "CONNECTOR",
      },
      {
        slug: "editor",
        displayName: "Full seat (editor)",
        description: "Create and edit design files and prototypes.",
      },
      {
        slug: "dev-mode",
        displayName: "Dev seat",
        description: "Dev Mode: inspect, measure and export for implementation.",
      },
      {
        slug: "org-admin",
        displayName: "Organization admin",
        description: "Manage seats, billing, libraries and SSO settings.",
        owners: ["camille.dubois"],
      },
    ],
    usageData: true,
    members: (p) =>
      inDept(p, "Design") ||
      ["web", "mobile"].includes(team(p) ?? "") ||
      isOneOf(
        p,
        "ingrid.larsen",
        "victor.okonkwo",
        "elise.fournier",
        "hiroshi.yamamoto",
        "carmen.ortiz",
        "monica.alvarado",
        "natalie.brooks",
        "ravi.iyer",
      ),
    grants: (p) => {
      if (inDept(p, "Design"))
        return p.key === "camille.dubois" ? ["editor", "org-admin"] : ["editor"];
      if (isOneOf(p, "ravi.iyer", "theo.nguyen", "ingrid.larsen")) return ["viewer"];
      if (p.department === "Engineering") return ["dev-mode"];
      return ["viewer"];
    },
    emailStyles: { exact: 85, mixed: 15 },
    externalId: (rng) => String(rng.int(1_000_000_000_000, 1_399_999_999_999)),
    login: (p, _rng, primary) => primary?.trim() || p.email,
    profile: () => ({ sso: "okta" }),
    extraAccounts: [
      {
        login: "kate.morgan@kestrel-studio.example",
        emails: ["kate.morgan@kestrel-studio.example"],
        givenName: "Kate",
        familyName: "Morgan",
        displayName: "Kate Morgan",
        type: "USER",
        grants: ["editor"],
        lastLoginDaysAgo: 58,
        profile: { sso: "none", company: "Kestrel Studio" },
      },
    ],
  },

  // ─────────────────────────────────────── Zoom ───────────────────────────────────────
  {
    name: "Zoom",
    description:
      "Video meetings, Zoom Rooms in the Boston and Lisbon offices, and customer webinars.",
    mode: "BROAD",
    owners: ["alex.rivera"],
    provisioners: ["marcus.chen"],
    deprovisioners: ["marcus.chen"],
    requestPolicy: "autoApprove",
    provisioningInstructions: `1. Open [User Management → Users](https://zoom.us/account/user#/) and find the person (accounts are created on first SSO sign-in).
2. **Pro license**: *Edit → User Type: Licensed*. We have a fixed pool; if none is free, reclaim one from a departed user first.
3. **Webinar 500 add-on**: *Edit → Webinar: 500 attendees*. Only two add-ons exist; tell the requester which dates they can use it.
4. **Account admin**: *Role Management → Admin → Add members*.
5. Mark the task provisioned.`,
    deprovisioningInstructions: `1. Find the person in [User Management → Users](https://zoom.us/account/user#/).
2. To reclaim a license, set *User Type: Basic*. For departures choose **Delete** and transfer their scheduled meetings, webinars and cloud recordings to their manager.
3. Mark the task deprovisioned.`,
    entitlements: [
      {
        slug: "licensed",
        displayName: "Pro license",
        description: "Meetings longer than 40 minutes, cloud recording.",
      },
      {
        slug: "webinar-500",
        displayName: "Webinar 500 add-on",
        description: "Host webinars for up to 500 attendees. Two add-ons in the pool.",
        owners: ["natalie.brooks"],
      },
      {
        slug: "zoom-admin",
        displayName: "Account admin",
        description: "Manage users, rooms and account settings.",
      },
    ],
    usageData: true,
    members: (p) =>
      p.key !== "jonas.becker" &&
      !isOneOf(p, "eleanor.whitmore", "yusuf.demir", "claire.donovan", "kavya.menon"),
    grants: (p, rng) => {
      const out: string[] = [];
      if (!inDept(p, "Support") || rng.chance(0.3)) out.push("licensed");
      if (isOneOf(p, "zainab.bello")) out.push("webinar-500");
      if (isOneOf(p, "alex.rivera", "marcus.chen")) out.push("zoom-admin");
      return out;
    },
    emailStyles: { exact: 70, mixed: 5, legacyFirst: 10, legacyOnly: 15 },
    forcedStyles: { "james.whitfield": "legacyOnly", "marcus.chen": "legacyFirst" },
    externalId: (rng) => upperAlnum(rng, 22),
    login: (p, _rng, primary) => primary?.trim() || p.email,
    profile: (p) => ({ dept: p.department, language: "en-US" }),
    extraAccounts: [
      {
        login: "boardroom@northwind.example",
        emails: ["boardroom@northwind.example"],
        displayName: "Zoom Room - Boston Boardroom",
        type: "SYSTEM",
        grants: ["licensed"],
        lastLoginDaysAgo: 1,
        profile: { roomType: "ZoomRoom", location: "Boston HQ, 4th floor" },
      },
      {
        login: "webinars@northwind.example",
        emails: ["webinars@northwind.example"],
        displayName: "Northwind Webinars",
        type: "SERVICE",
        grants: ["licensed", "webinar-500"],
        lastLoginDaysAgo: 6,
        profile: { shared: true },
      },
    ],
  },

  // ────────────────────────────────────── Workday ──────────────────────────────────────
  {
    name: "Workday",
    description:
      "HRIS and payroll: worker records, time off, performance reviews, compensation and the source of truth for who works at Northwind.",
    mode: "NARROW",
    owners: ["sophie.laurent"],
    provisioners: ["marisol.vega"],
    deprovisioners: ["marisol.vega"],
    requestPolicy: "managerThenOwner",
    provisioningInstructions: `Every worker gets Employee Self-Service automatically; these steps are for security groups.

1. Search the task \`Assign User-Based Security Groups\` in [Workday](https://wd5.myworkday.com/northwind/d/home.htmld) and open it for the worker.
2. Add the group named in the entitlement (**Manager Self-Service** is role-based: assign it through \`Assign Roles\` on their supervisory organization instead).
3. Sensitive groups (**Payroll Administrator**, **Compensation Partner**) need the entitlement owner's approval on the task before you submit.
4. Run \`Activate Pending Security Policy Changes\` if the group's policy changed, then mark the task provisioned.`,
    deprovisioningInstructions: `1. Open \`Assign User-Based Security Groups\` (or \`Assign Roles\` for role-based groups) for the worker in [Workday](https://wd5.myworkday.com/northwind/d/home.htmld).
2. Remove only the group named in the entitlement and submit.
3. Terminated workers keep read-only access to their payslips for 90 days; do not remove Employee Self-Service for them.
4. Mark the task deprovisioned.`,
    entitlements: [
      {
        slug: "employee-self-service",
        displayName: "Employee Self-Service",
        description: "Own profile, time off, payslips and benefits.",
        provisioning: "CONNECTOR",
        deprovisioning: "CONNECTOR",
      },
      {
        slug: "manager-self-service",
        displayName: "Manager Self-Service",
        description: "Team's time off, reviews and job changes.",
      },
      {
        slug: "hr-partner",
        displayName: "HR Partner",
        description: "Worker records and business processes for the whole company.",
        owners: ["sophie.laurent"],
      },
      {
        slug: "payroll-administrator",
        displayName: "Payroll Administrator",
        description: "Run and correct payroll, tax and bank details.",
        owners: ["kwame.mensah"],
        requestPolicy: "entitlementOwner",
      },
      {
        slug: "compensation-partner",
        displayName: "Compensation Partner",
        description: "Salaries, bonus plans and the compensation review cycle.",
        owners: ["sophie.laurent"],
        requestPolicy: "entitlementOwner",
      },
    ],
    usageData: true,
    members: (p) => p.key !== "kavya.menon",
    grants: (p, _rng, facts) => {
      const out = ["employee-self-service"];
      if (facts.hasReports(p.key)) out.push("manager-self-service");
      if (isOneOf(p, "sophie.laurent", "gwen.harrison", "marisol.vega", "anthony.russo"))
        out.push("hr-partner");
      if (isOneOf(p, "yusuf.demir", "kwame.mensah")) out.push("payroll-administrator");
      if (isOneOf(p, "sophie.laurent")) out.push("compensation-partner");
      return out;
    },
    emailStyles: { exact: 100 },
    externalId: (rng) => `NW-${rng.int(10_000, 19_999)}`,
    login: (p) => p.key,
    profile: (p, rng) => ({
      workerType: p.title.startsWith("Contract") ? "Contingent Worker" : "Employee",
      supervisoryOrganization: p.department,
      location: rng.pick(["Boston", "Boston", "Lisbon", "Remote - US", "Remote - EU"]),
    }),
    extraAccounts: [
      {
        login: "ISU_Okta_Provisioning",
        displayName: "ISU Okta Provisioning",
        type: "SERVICE",
        grants: [],
        lastLoginDaysAgo: 0,
        profile: { integrationSystemUser: true },
      },
    ],
  },

  // ───────────────────────────────────── Snowflake ─────────────────────────────────────
  {
    name: "Snowflake",
    description:
      "The data warehouse: product analytics, finance reporting and the dbt models behind every dashboard (account NW-PROD, AWS us-east-1).",
    mode: "NARROW",
    owners: ["lukas.schmidt"],
    provisioners: ["wei.zhang"],
    deprovisioners: ["wei.zhang", "fiona.macleod"],
    provisioningInstructions: `1. Users are created by Okta SCIM on first assignment; check with \`SHOW USERS LIKE '<EMAIL>';\` in a worksheet using the \`SECURITYADMIN\` role.
2. Grant the role named in the entitlement:
   \`\`\`sql
   USE ROLE SECURITYADMIN;
   GRANT ROLE ANALYST TO USER "JORDAN.LEE@NORTHWIND.EXAMPLE";
   \`\`\`
   Role names: **ANALYST**, **TRANSFORMER** (data engineer), **FINANCE_ANALYST**, **SYSADMIN**, **ACCOUNTADMIN**.
3. \`FINANCE_ANALYST\` sees payroll and revenue tables: the Controller must have approved on the task.
4. Mark the task provisioned. [Snowsight](https://app.snowflake.com/us-east-1/nw-prod/)`,
    deprovisioningInstructions: `1. In [Snowsight](https://app.snowflake.com/us-east-1/nw-prod/) with \`SECURITYADMIN\`: \`REVOKE ROLE <ROLE> FROM USER "<EMAIL>";\`
2. If the person owns tasks, pipes or streams (\`SHOW TASKS\` filtered on owner), transfer ownership to \`TRANSFORMER\` first.
3. Mark the task deprovisioned.`,
    entitlements: [
      {
        slug: "analyst",
        displayName: "ANALYST role",
        description: "Read the ANALYTICS marts and run queries on the XS warehouse.",
      },
      {
        slug: "data-engineer",
        displayName: "TRANSFORMER role",
        description: "Build dbt models: write to ANALYTICS and STAGING, read RAW.",
      },
      {
        slug: "finance-analyst",
        displayName: "FINANCE_ANALYST role",
        description: "Revenue, billing and payroll tables. Sensitive.",
        owners: ["kwame.mensah"],
        requestPolicy: "entitlementOwner",
      },
      {
        slug: "sysadmin",
        displayName: "SYSADMIN role",
        description: "Create warehouses, databases and schemas.",
      },
      {
        slug: "accountadmin",
        displayName: "ACCOUNTADMIN role",
        description: "Top-level account administration, billing and network policies.",
        owners: ["lukas.schmidt"],
        requestPolicy: "securityReview",
      },
    ],
    usageData: true,
    members: (p) =>
      team(p) === "data" ||
      isOneOf(
        p,
        "elena.petrova",
        "jonah.feldman",
        "chiara.conti",
        "ben.harper",
        "raj.malhotra",
        "lily.zhou",
        "yuki.tanaka",
        "kwame.mensah",
      ),
    grants: (p) => {
      if (isOneOf(p, "elena.petrova", "chiara.conti", "kwame.mensah"))
        return ["analyst", "finance-analyst"];
      if (isOneOf(p, "wei.zhang")) return ["data-engineer", "sysadmin", "accountadmin"];
      if (isOneOf(p, "fiona.macleod")) return ["data-engineer", "sysadmin"];
      if (isOneOf(p, "hamza.qureshi", "julia.novak", "lukas.schmidt")) return ["data-engineer"];
      if (isOneOf(p, "yuki.tanaka")) return [];
      return ["analyst"];
    },
    emailStyles: { exact: 20, mixed: 80 },
    externalId: (rng) => String(rng.int(100, 999)),
    login: (p, _rng, primary) => (primary?.trim() || p.email).toUpperCase(),
    profile: () => ({ defaultWarehouse: "ANALYTICS_XS", hasMfa: false, ext_authn_duo: false }),
    extraAccounts: [
      {
        login: "FIVETRAN_LOADER",
        displayName: "FIVETRAN_LOADER",
        type: "SERVICE",
        grants: [],
        lastLoginDaysAgo: 0,
        profile: { defaultRole: "LOADER", authentication: "key-pair" },
      },
      {
        login: "DBT_PROD",
        displayName: "DBT_PROD",
        type: "SERVICE",
        grants: ["data-engineer"],
        lastLoginDaysAgo: 0,
        profile: { defaultRole: "TRANSFORMER", authentication: "key-pair" },
      },
      {
        login: "ANALYTICS_SHARED",
        emails: ["valentina.cruz@northwind.example"],
        displayName: "ANALYTICS_SHARED",
        type: "SERVICE",
        typeSource: "MANUAL",
        grants: ["analyst"],
        lastLoginDaysAgo: 2,
        profile: {
          comment: "Shared login used by the Looker connection",
          authentication: "password",
        },
        ownerDecision: { kind: "CLEARED", by: "priya.shah" },
      },
      {
        login: "SNOWFLAKE",
        displayName: "SNOWFLAKE",
        type: "SYSTEM",
        grants: [],
        lastLoginDaysAgo: null,
        profile: { comment: "Snowflake support access user, disabled by default" },
        status: "DISABLED",
      },
    ],
  },

  // ─────────────────────────────────────── Okta ───────────────────────────────────────
  {
    name: "Okta",
    description:
      "Single sign-on, MFA and lifecycle management for every Northwind app. Workday is its source of people; Okta pushes accounts to Slack, Zoom, AWS and Snowflake.",
    mode: "NARROW",
    owners: ["alex.rivera", "priya.shah"],
    provisioners: ["marcus.chen"],
    deprovisioners: ["marcus.chen"],
    provisioningInstructions: `Group memberships are pushed by the connector; these steps cover admin roles and the connector's fallbacks.

1. Open the person in [Okta Admin → Directory → People](https://northwind-admin.okta.com/admin/users).
2. Group entitlements (**Everyone**, **engineering**): *Groups → Assign*. Only do this by hand when the connector failed; the task says why.
3. **Help Desk Administrator**: *Security → Administrators → Add administrator → Help Desk Administrator*, scoped to the \`Employees\` group.
4. **Super Administrator** needs the Security review approval and a hardware key enrolled (*Security → Authenticators → FIDO2*).
5. Mark the task provisioned.`,
    deprovisioningInstructions: `1. Open the person in [Okta Admin → People](https://northwind-admin.okta.com/admin/users).
2. For an admin role: *Security → Administrators*, remove the role.
3. For a departure: **Deactivate** (not Suspend) — Okta then deprovisions Slack, Zoom, AWS and Snowflake. Check *Reports → System Log* that the pushes succeeded.
4. Mark the task deprovisioned.`,
    entitlements: [
      {
        slug: "everyone",
        displayName: "Group: Everyone",
        description: "Base group: SSO to the company-wide apps.",
        provisioning: "CONNECTOR",
        deprovisioning: "CONNECTOR",
      },
      {
        slug: "engineering",
        displayName: "Group: engineering",
        description: "Engineering apps: GitHub, AWS, Snowflake, PagerDuty.",
        provisioning: "CONNECTOR",
        deprovisioning: "CONNECTOR",
      },
      {
        slug: "helpdesk-admin",
        displayName: "Help Desk Administrator",
        description: "Reset passwords and MFA factors for employees.",
      },
      {
        slug: "super-admin",
        displayName: "Super Administrator",
        description: "Full control of the Okta org.",
        owners: ["priya.shah"],
        requestPolicy: "securityReview",
      },
    ],
    usageData: true,
    members: () => true,
    grants: (p) => {
      const out = ["everyone"];
      if (isEngineer(p) && !isOneOf(p, "sara.lindqvist")) out.push("engineering");
      if (inDept(p, "IT") && !isOneOf(p, "luca.moretti")) out.push("helpdesk-admin");
      if (isOneOf(p, "alex.rivera", "priya.shah")) out.push("super-admin");
      return out;
    },
    emailStyles: { exact: 100 },
    externalId: (rng) => `00u${rng.string(17, "abcdefghijklmnopqrstuvwxyz0123456789")}`,
    login: (p, _rng, primary) => primary?.trim() || p.email,
    profile: (p) => ({
      department: p.department,
      title: p.title,
      mfa: ["okta_verify", "webauthn"],
    }),
    extraAccounts: [
      {
        login: "okta-breakglass@northwind.example",
        emails: ["okta-breakglass@northwind.example"],
        displayName: "Okta Break-Glass Admin",
        type: "SYSTEM",
        grants: ["everyone", "super-admin"],
        lastLoginDaysAgo: 122,
        profile: { mfa: ["webauthn"], note: "Credentials in the office safe" },
      },
      {
        login: "svc-scim-provisioning@northwind.example",
        emails: ["svc-scim-provisioning@northwind.example"],
        displayName: "SCIM Provisioning Service",
        type: "SERVICE",
        grants: ["everyone"],
        lastLoginDaysAgo: 0,
        profile: { apiTokenOnly: true },
      },
    ],
  },

  // ────────────────────────────────────── NetSuite ──────────────────────────────────────
  {
    name: "NetSuite",
    description:
      "ERP and general ledger: accounts payable and receivable, revenue recognition, the monthly close and audit evidence.",
    mode: "NARROW",
    owners: ["kwame.mensah"],
    provisioners: [],
    deprovisioners: ["aditya.rao"],
    requestPolicy: "entitlementOwner",
    provisioningInstructions: `NetSuite has no provisioners: the Controller provisions. Roles are SOX-relevant; do not combine A/P Clerk with Administrator.

1. *Lists → Employees → Employees*, open the person's employee record (synced from Workday nightly).
2. On the **Access** subtab, tick *Give Access*, choose *Send New Access Notification Email*, and add the role from the entitlement (**View Only**, **A/P Clerk**, **A/R Clerk**, **Controller**, **Administrator**).
3. Save, then record the change in the [access log](https://northwind.sharepoint.example/sites/finance/sox/access-log.xlsx) with the task number.
4. Mark the task provisioned. [NetSuite](https://4417221.app.netsuite.com/app/center/card.nl)`,
    deprovisioningInstructions: `1. Open the employee record → **Access** subtab and remove the role. For departures untick *Give Access*.
2. NetSuite refuses to remove **Administrator** while the person owns scheduled scripts or saved searches used by workflows: reassign them (*Customization → Scripting → Script Deployments*) first.
3. Record the change in the SOX access log with the task number, then mark the task deprovisioned.`,
    entitlements: [
      {
        slug: "view-only",
        displayName: "View Only",
        description: "Read transactions and reports.",
      },
      {
        slug: "ap-clerk",
        displayName: "A/P Clerk",
        description: "Enter and pay vendor bills.",
        owners: ["kwame.mensah"],
      },
      {
        slug: "ar-clerk",
        displayName: "A/R Clerk",
        description: "Invoices, customer payments and collections.",
        owners: ["kwame.mensah"],
      },
      {
        slug: "controller",
        displayName: "Controller",
        description: "Journal entries, period close and financial reports.",
        owners: ["victoria.ashworth"],
      },
      {
        slug: "administrator",
        displayName: "Administrator",
        description: "Full account administration, customization and integrations.",
        owners: ["victoria.ashworth"],
      },
    ],
    usageData: false,
    members: (p) =>
      (inDept(p, "Finance") && p.key !== "jonah.feldman") || isOneOf(p, "olivia.bennett"),
    grants: (p) => {
      if (isOneOf(p, "victoria.ashworth")) return ["controller"];
      if (isOneOf(p, "kwame.mensah")) return ["controller", "administrator"];
      if (isOneOf(p, "aditya.rao")) return ["administrator"];
      if (isOneOf(p, "paolo.greco")) return ["ap-clerk", "administrator"];
      if (isOneOf(p, "helen.rasmussen")) return ["view-only"];
      if (isOneOf(p, "nicole.brandt", "sean.mccarthy")) return ["ar-clerk"];
      return ["view-only"];
    },
    emailStyles: { exact: 100 },
    externalId: (rng) => String(rng.int(1_000, 4_999)),
    login: (p, _rng, primary) => primary?.trim() || p.email,
    profile: (p) => ({ subsidiary: "Northwind Labs, Inc.", department: p.department }),
    extraAccounts: [
      {
        login: "integration@northwind.example",
        emails: ["integration@northwind.example"],
        displayName: "Workday Integration",
        type: "SERVICE",
        grants: ["administrator"],
        lastLoginDaysAgo: null,
        profile: { tokenBasedAuth: true },
      },
    ],
  },

  // ─────────────────────────────────── Lighthouse Admin ───────────────────────────────────
  {
    name: "Lighthouse Admin",
    description:
      "Northwind's home-grown back office at lighthouse.northwind.example/admin: customer workspaces, subscriptions and refunds, feature flags, and support impersonation.",
    mode: "NARROW",
    owners: ["fatima.al-sayed", "robert.anderson"],
    provisioners: ["beatriz.souza"],
    deprovisioners: ["beatriz.souza", "marcus.chen"],
    provisioningInstructions: `Lighthouse Admin roles live in the app itself; sign-in is through Okta (the \`lighthouse-admin\` app tile).

1. Open [Lighthouse Admin → Staff](https://lighthouse.northwind.example/admin/staff) and search for the person's email. They appear after their first Okta sign-in.
2. Click **Edit roles** and tick the role from the entitlement. **Impersonate customer** also needs the Security review approval on this task.
3. **Feature flags** requires the Okta group \`lighthouse-eng\`; if the person is not in it, the role will not save — mark the task errored and say so.
4. Mark the task provisioned.`,
    deprovisioningInstructions: `1. Open [Lighthouse Admin → Staff](https://lighthouse.northwind.example/admin/staff), find the person, **Edit roles** and untick the role.
2. For departures click **Disable staff account**; active impersonation sessions end within 5 minutes.
3. Mark the task deprovisioned.`,
    entitlements: [
      {
        slug: "support-agent",
        displayName: "Support agent",
        description: "Look up customers, workspaces and invoices; reset customer MFA.",
      },
      {
        slug: "support-lead",
        displayName: "Support lead",
        description: "Everything a support agent can do, plus credits up to $500.",
      },
      {
        slug: "billing-ops",
        displayName: "Billing operations",
        description: "Refunds, plan changes and invoice corrections.",
        owners: ["victoria.ashworth"],
      },
      {
        slug: "impersonate-customer",
        displayName: "Impersonate customer",
        description: "Sign in as a customer user to reproduce an issue. Every session is recorded.",
        owners: ["priya.shah"],
        requestPolicy: "securityReview",
      },
      {
        slug: "feature-flags",
        displayName: "Feature flags",
        description: "Turn features on and off per workspace.",
        owners: ["robert.anderson"],
      },
    ],
    usageData: false,
    members: (p) =>
      inDept(p, "Support") ||
      isOneOf(
        p,
        "robert.anderson",
        "emma.johansson",
        "ethan.walker",
        "ava.thompson",
        "nikhil.reddy",
        "sean.mccarthy",
        "mei.lin",
      ),
    grants: (p, _rng, facts) => {
      if (p.department === "Support") {
        const out = [facts.hasReports(p.key) ? "support-lead" : "support-agent"];
        if (isOneOf(p, "beatriz.souza")) out.push("billing-ops");
        if (isOneOf(p, "tom.fischer", "lucia.romero")) out.push("impersonate-customer");
        return out;
      }
      if (isOneOf(p, "sean.mccarthy")) return ["billing-ops"];
      if (isOneOf(p, "mei.lin")) return [];
      return ["feature-flags"];
    },
    emailStyles: { exact: 90, legacyFirst: 10 },
    externalId: (rng) => `stf_${hex(rng, 16)}`,
    login: (p, _rng, primary) => primary?.trim() || p.email,
    profile: () => ({ sso: "okta" }),
    extraAccounts: [
      {
        login: "lighthouse-system",
        displayName: "Lighthouse System",
        type: "SYSTEM",
        grants: [],
        lastLoginDaysAgo: null,
      },
      {
        login: "qa-automation@northwind.example",
        emails: ["qa-automation@northwind.example"],
        displayName: "QA Automation",
        type: "SERVICE",
        grants: ["support-agent", "feature-flags"],
        lastLoginDaysAgo: null,
      },
    ],
  },
];

/** Shadow apps (SPEC §7): seen in sign-in data, managed by nobody. */
export const DEMO_SHADOW_APPS = [
  {
    name: "Notion",
    description: "Seen in Google OAuth grants: workspace northwind-design.notion.site.",
    status: "DISCOVERED" as const,
    users: 23,
    firstSeenDaysAgo: 71,
    lastSeenDaysAgo: 0,
  },
  {
    name: "Loom",
    description: "Seen in Okta sign-in logs (personal accounts signing in with work email).",
    status: "DISCOVERED" as const,
    users: 9,
    firstSeenDaysAgo: 44,
    lastSeenDaysAgo: 2,
  },
  {
    name: "Grammarly",
    description:
      "Seen in Google OAuth grants. Ignored: approved for personal use, no company data.",
    status: "IGNORED" as const,
    users: 31,
    firstSeenDaysAgo: 88,
    lastSeenDaysAgo: 1,
  },
];

/**
 * Accounts only a name can match (SPEC §4.2), in a NARROW app: migrated from the acquired
 * Northwind Analytics workspace, they still carry its addresses, so no email matches and they
 * have no owner. Switching the app to BROAD gives three of them their person (one spelled
 * without accents and in capitals) and flags the fourth as ambiguous: two people are called
 * Sam Taylor. Seeded after everything else and without randomness, so the rest of the demo
 * is the same with or without them.
 */
export const DEMO_NAME_ONLY_ACCOUNTS: { app: string; accounts: ExtraAccountDef[] } = {
  app: "Snowflake",
  accounts: [
    {
      externalId: "1041",
      login: "GSANTOS",
      emails: ["gsantos@northwind-analytics.example"],
      givenName: "Gabriel",
      familyName: "Santos",
      displayName: "Gabriel Santos",
      type: "USER",
      grants: ["analyst"],
      lastLoginDaysAgo: 6,
      profile: { defaultWarehouse: "ANALYTICS_XS", migratedFrom: "nwa-analytics" },
    },
    {
      externalId: "1042",
      login: "HKOBAYASHI",
      emails: ["hana@northwind-analytics.example"],
      displayName: "Hana Kobayashi",
      type: "USER",
      grants: ["analyst"],
      lastLoginDaysAgo: 19,
      profile: { defaultWarehouse: "ANALYTICS_XS", migratedFrom: "nwa-analytics" },
    },
    {
      externalId: "1043",
      login: "ACASTILLO",
      emails: ["a.castillo@northwind-analytics.example"],
      givenName: "ANDRES",
      familyName: "CASTILLO",
      displayName: "ANDRES CASTILLO",
      type: "USER",
      grants: ["analyst"],
      lastLoginDaysAgo: null,
      profile: { defaultWarehouse: "ANALYTICS_XS", migratedFrom: "nwa-analytics" },
    },
    {
      externalId: "1044",
      login: "STAYLOR",
      emails: ["staylor@northwind-analytics.example"],
      displayName: "Sam Taylor",
      type: "USER",
      grants: ["analyst"],
      lastLoginDaysAgo: 41,
      profile: { defaultWarehouse: "ANALYTICS_XS", migratedFrom: "nwa-analytics" },
    },
  ],
};
