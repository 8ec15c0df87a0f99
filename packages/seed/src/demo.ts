/**
 * The demo organization "Northwind Labs": ~150 people, 12 managed apps (and 3 shadow
 * apps) with accounts, entitlements and grants exercising every owner-mapping case,
 * policies, requests and tasks in every kind and state, and a finished and a running access
 * review, with their audit trail.
 * Deterministic: a seeded PRNG decides everything; only timestamps follow `now`.
 */
import { buildUsersIndex, matchAccountOwner, type UsersIndex } from "@lantern/domain";
import type { Account, Entitlement, Organization, Prisma, PrismaClient, User } from "@lantern/db";
import {
  type AccountInput,
  createAccounts,
  createApp,
  createEntitlement,
  createEvents,
  createGrants,
  createOrganization,
  createPolicy,
  createRequestWithTasks,
  createUsers,
  type Db,
  type EventInput,
  type GrantInput,
  inTransaction,
  type PolicyWithSteps,
  type RequestInput,
  type TaskInput,
} from "./factories.ts";
import {
  DEMO_APPS,
  DEMO_NAME_ONLY_ACCOUNTS,
  DEMO_SHADOW_APPS,
  type DemoAppDef,
  type DemoEntitlementDef,
  type EmailStyle,
  type PeopleFacts,
  type PolicyKey,
} from "./demo-apps.ts";
import {
  DEMO_LEGACY_DOMAIN,
  DEMO_PEOPLE,
  DEMO_ROSTER,
  type DemoPerson,
  type DemoPersonRole,
  emailSlug,
} from "./demo-people.ts";
import {
  COMPLETION_NOTES,
  DEMO_SCENARIOS,
  DENIAL_NOTES,
  GRANT_REASONS,
  REVOKE_REASONS,
  type Scenario,
  type StepSpec,
} from "./demo-scenarios.ts";
import { seedReviewCampaigns } from "./demo-reviews.ts";
import { createRng, type Rng } from "./prng.ts";

export const DEMO_ORGANIZATION = { slug: "northwind", name: "Northwind Labs" } as const;

const SEED = 20_261_121;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** People who left, and how many days ago. */
const DEPARTURES: Record<string, number> = {
  "noah.goldstein": 12,
  "michael.brennan": 9,
  "paolo.greco": 15,
  "erik.nilsson": 6,
};
/** People on leave, and since how many days. */
const SUSPENSIONS: Record<string, number> = {
  "isabella.rossi": 20,
  "jack.sullivan": 33,
  "tanya.ivanova": 5,
};
/** Hired days ago (everyone else came with the first directory import). */
const NEW_HIRES: Record<string, number> = { "jonas.becker": 3 };

interface PolicyDef {
  name: string;
  description: string;
  steps: {
    approverKind: "MANAGER" | "APP_OWNERS" | "ENTITLEMENT_OWNERS" | "USERS";
    approvers?: string[];
  }[];
  allowReassignment?: boolean;
  allowedReassignees?: string[];
  requireDistinctApprovers?: boolean;
}

const POLICY_DEFS: Record<PolicyKey, PolicyDef> = {
  autoApprove: {
    name: "Auto-approve",
    description:
      "No approval: the work goes straight to provisioning. For low-risk, self-service access and for removing access.",
    steps: [],
  },
  manager: {
    name: "Manager approval",
    description:
      "The manager of the person who gets the access approves. The organization's default for requests.",
    steps: [{ approverKind: "MANAGER" }],
  },
  managerThenOwner: {
    name: "Manager then app owner",
    description: "The person's manager approves, then one of the app's owners.",
    steps: [{ approverKind: "MANAGER" }, { approverKind: "APP_OWNERS" }],
  },
  securityReview: {
    name: "Security review",
    description:
      "For privileged access: the person's manager approves, then the security team. Reassignable only within the security team.",
    steps: [
      { approverKind: "MANAGER" },
      { approverKind: "USERS", approvers: ["priya.shah", "benjamin.carter"] },
    ],
    allowedReassignees: ["priya.shah", "benjamin.carter", "alex.rivera"],
    requireDistinctApprovers: true,
  },
  entitlementOwner: {
    name: "Entitlement owner approval",
    description:
      "The owners of the entitlement approve (the app's owners when it has none). Not reassignable: SOX control.",
    steps: [{ approverKind: "ENTITLEMENT_OWNERS" }],
    allowReassignment: false,
  },
  appOwnerReview: {
    name: "App owner review",
    description: "One of the app's owners reviews before access is removed.",
    steps: [{ approverKind: "APP_OWNERS" }],
  },
};

export interface SeedDemoOptions {
  /** Timestamps are spread over the ~90 days before it. Default: the current time. */
  now?: Date;
}

export interface DemoCounts {
  users: number;
  apps: number;
  entitlements: number;
  accounts: number;
  liveGrants: number;
  revokedGrants: number;
  policies: number;
  requests: number;
  tasks: number;
  openTasks: number;
  comments: number;
  events: number;
  reviewCampaigns: number;
  reviewItems: number;
}

export interface DemoSeedResult {
  organization: Organization;
  /** The well-known people of DEMO_PEOPLE. */
  people: Record<DemoPersonRole, User>;
  counts: DemoCounts;
}

/** Creates the demo organization, in one transaction (inside the caller's when given one). */
export async function seedDemoOrganization(
  prisma: Db,
  options: SeedDemoOptions = {},
): Promise<DemoSeedResult> {
  const now = options.now ?? new Date();
  return inTransaction(prisma, (tx) => new DemoBuilder(tx, now).build());
}

/** Seeds the demo organization when the database has no organization; returns whether it did. */
export async function seedIfEmpty(
  prisma: PrismaClient,
  options: SeedDemoOptions = {},
): Promise<boolean> {
  if ((await prisma.organization.count()) > 0) return false;
  await seedDemoOrganization(prisma, options);
  return true;
}

interface AppState {
  def: DemoAppDef;
  id: string;
  organizationId: string;
  entitlements: Map<string, { def: DemoEntitlementDef; row: Entitlement }>;
}

interface ResolvedScenario {
  scenario: Scenario;
  kind: "GRANT" | "REVOKE";
  app: AppState;
  entitlement: { def: DemoEntitlementDef; row: Entitlement };
  subject: DemoPerson;
  account: Account | null;
  policyKey: PolicyKey;
}

class DemoBuilder {
  private readonly rng: Rng = createRng(SEED);
  private org!: Organization;
  private readonly roster = new Map(DEMO_ROSTER.map((p) => [p.key, p]));
  private readonly users = new Map<string, User>();
  private readonly slackIds = new Map<string, string>();
  private readonly managers = new Set(
    DEMO_ROSTER.map((p) => p.manager).filter((m): m is string => m !== null),
  );
  private readonly facts: PeopleFacts = { hasReports: (key) => this.managers.has(key) };
  private readonly policies = {} as Record<PolicyKey, PolicyWithSteps>;
  private readonly apps = new Map<string, AppState>();
  /** `${app}|${personKey}` → the person's account in the app. */
  private readonly accounts = new Map<string, Account>();
  /** `${accountId}|${entitlementId}` → the live grant to insert. */
  private readonly liveGrants = new Map<string, GrantInput>();
  private readonly revokedGrants: GrantInput[] = [];
  private readonly grantIds = new Map<string, { id: string; accountId: string }>();
  private readonly events: EventInput[] = [];

  constructor(
    private readonly tx: Db,
    private readonly now: Date,
  ) {}

  private ago(hours: number): Date {
    return new Date(this.now.getTime() - hours * HOUR);
  }

  private daysAgo(days: number): Date {
    return new Date(this.now.getTime() - days * DAY);
  }

  private user(key: string): User {
    const user = this.users.get(key);
    if (!user) throw new Error(`Demo seed: unknown person "${key}"`);
    return user;
  }

  private person(key: string): DemoPerson {
    const person = this.roster.get(key);
    if (!person) throw new Error(`Demo seed: unknown person "${key}"`);
    return person;
  }

  /** A person's status at `at`: people who left or went on leave were active before. */
  private statusAt(key: string, at: Date): DemoPerson["status"] {
    const { status } = this.person(key);
    const since = DEPARTURES[key] ?? SUSPENSIONS[key];
    return since !== undefined && at < this.daysAgo(since) ? "ACTIVE" : status;
  }

  private app(name: string): AppState {
    const app = this.apps.get(name);
    if (!app) throw new Error(`Demo seed: unknown app "${name}"`);
    return app;
  }

  private event(input: Omit<EventInput, "organization">): void {
    this.events.push({ organization: this.org.id, ...input });
  }

  async build(): Promise<DemoSeedResult> {
    this.org = await createOrganization(this.tx, {
      ...DEMO_ORGANIZATION,
      createdAt: this.daysAgo(96),
    });
    await this.seedPeople();
    await this.seedPolicies();
    await this.seedApps();
    await this.seedAccounts();
    const scenarios = [...DEMO_SCENARIOS.map((s) => this.resolve(s))];
    scenarios.push(...this.generateHistory(scenarios, 40));
    this.prepareGrants(scenarios);
    await this.insertGrants();
    scenarios.sort((a, b) => b.scenario.hoursAgo - a.scenario.hoursAgo);
    for (const s of scenarios) await this.runScenario(s);
    await this.seedNameOnlyAccounts();
    await seedReviewCampaigns({
      tx: this.tx,
      org: this.org,
      now: this.now,
      rng: createRng(SEED + 1),
      roster: DEMO_ROSTER,
      user: (key) => this.user(key),
      statusAt: (key, at) => this.statusAt(key, at),
      app: (name) => this.app(name),
      revocationPolicy: (appName, slug) => {
        const app = this.app(appName);
        const key = this.policyKeyFor("REVOKE", app.def, app.entitlements.get(slug)!.def);
        return { key, policy: this.policies[key] };
      },
      event: (input) => this.event(input),
    });
    await createEvents(this.tx, this.events);

    const people = Object.fromEntries(
      Object.entries(DEMO_PEOPLE).map(([role, email]) => [role, this.user(email.split("@")[0]!)]),
    ) as Record<DemoPersonRole, User>;
    return { organization: this.org, people, counts: await countDemo(this.tx, this.org.id) };
  }

  // ───────────────────────────────────── People ─────────────────────────────────────

  private async seedPeople(): Promise<void> {
    const depth = new Map<string, number>();
    const depthOf = (p: DemoPerson): number => {
      const known = depth.get(p.key);
      if (known !== undefined) return known;
      const d = p.manager ? depthOf(this.person(p.manager)) + 1 : 0;
      depth.set(p.key, d);
      return d;
    };
    const wellKnown = new Set(Object.values(DEMO_PEOPLE).map((e) => e.split("@")[0]));
    const layers: DemoPerson[][] = [];
    for (const p of DEMO_ROSTER) (layers[depthOf(p)] ??= []).push(p);

    const imported = this.daysAgo(95);
    let minute = 0;
    for (const layer of layers) {
      const created = await createUsers(
        this.tx,
        this.org,
        layer.map((p) => {
          minute += 1;
          const createdAt =
            NEW_HIRES[p.key] !== undefined
              ? this.daysAgo(NEW_HIRES[p.key]!)
              : new Date(imported.getTime() + minute * 1000);
          const statusChanged = DEPARTURES[p.key] ?? SUSPENSIONS[p.key];
          const active = p.status === "ACTIVE";
          const slackId = `U0${this.rng.string(9, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789")}`;
          this.slackIds.set(p.key, slackId);
          let lastSignInAt: Date | null = null;
          if (wellKnown.has(p.key)) lastSignInAt = this.ago(this.rng.int(1, 30));
          else if (active && this.rng.chance(0.55))
            lastSignInAt = this.ago(this.rng.int(1, 30 * 24));
          return {
            email: p.email,
            givenName: p.givenName,
            familyName: p.familyName,
            title: p.title,
            department: p.department,
            manager: p.manager ? this.user(p.manager) : null,
            status: p.status,
            role: p.role,
            slackUserId: active && this.rng.chance(0.7) ? slackId : null,
            lastSignInAt,
            createdAt,
            updatedAt: statusChanged !== undefined ? this.daysAgo(statusChanged) : createdAt,
          };
        }),
      );
      created.forEach((u, i) => this.users.set(layer[i]!.key, u));
    }

    this.event({
      action: "directory.sync_completed",
      targetType: "Organization",
      targetId: this.org.id,
      after: {
        source: "Workday",
        usersCreated: DEMO_ROSTER.length - Object.keys(NEW_HIRES).length,
      },
      at: imported,
    });
    for (const [key, days] of Object.entries(NEW_HIRES)) {
      this.event({
        action: "user.created",
        targetType: "User",
        targetId: this.user(key).id,
        after: { email: this.person(key).email, source: "Workday" },
        at: this.daysAgo(days),
      });
    }
    for (const p of DEMO_ROSTER.filter((p) => p.role !== "MEMBER")) {
      this.event({
        actor: p.key === "alex.rivera" ? null : this.user("alex.rivera").id,
        action: "user.role_changed",
        targetType: "User",
        targetId: this.user(p.key).id,
        before: { role: "MEMBER" },
        after: { role: p.role },
        at: new Date(imported.getTime() + HOUR),
      });
    }
    for (const [key, days] of Object.entries(DEPARTURES)) {
      this.event({
        action: "user.status_changed",
        targetType: "User",
        targetId: this.user(key).id,
        before: { status: "ACTIVE" },
        after: { status: "DEPROVISIONED" },
        reason: "Terminated in Workday",
        at: this.daysAgo(days),
      });
    }
    for (const [key, days] of Object.entries(SUSPENSIONS)) {
      this.event({
        action: "user.status_changed",
        targetType: "User",
        targetId: this.user(key).id,
        before: { status: "ACTIVE" },
        after: { status: "SUSPENDED" },
        reason: "Leave of absence in Workday",
        at: this.daysAgo(days),
      });
    }
  }

  // ──────────────────────────────────── Policies ────────────────────────────────────

  private async seedPolicies(): Promise<void> {
    const alex = this.user("alex.rivera");
    const createdAt = this.daysAgo(94);
    for (const [key, def] of Object.entries(POLICY_DEFS) as [PolicyKey, PolicyDef][]) {
      const policy = await createPolicy(this.tx, this.org, {
        name: def.name,
        description: def.description,
        steps: def.steps.map((s) => ({
          approverKind: s.approverKind,
          ...(s.approvers ? { approverUserIds: s.approvers.map((k) => this.user(k)) } : {}),
        })),
        allowReassignment: def.allowReassignment ?? true,
        allowedReassignees: def.allowedReassignees
          ? def.allowedReassignees.map((k) => this.user(k))
          : null,
        requireDistinctApprovers: def.requireDistinctApprovers ?? false,
        createdAt,
      });
      this.policies[key] = policy;
      this.event({
        actor: alex.id,
        action: "policy.created",
        targetType: "Policy",
        targetId: policy.id,
        after: { name: policy.name, steps: def.steps.map((s) => s.approverKind) },
        at: createdAt,
      });
    }
    this.org = await this.tx.organization.update({
      where: { id: this.org.id },
      data: {
        defaultRequestPolicyId: this.policies.manager.id,
        defaultRevocationPolicyId: this.policies.autoApprove.id,
        updatedAt: createdAt,
      },
    });
    this.event({
      actor: alex.id,
      action: "organization.updated",
      targetType: "Organization",
      targetId: this.org.id,
      before: { defaultRequestPolicy: null, defaultRevocationPolicy: null },
      after: {
        defaultRequestPolicy: { id: this.policies.manager.id, name: this.policies.manager.name },
        defaultRevocationPolicy: {
          id: this.policies.autoApprove.id,
          name: this.policies.autoApprove.name,
        },
      },
      at: createdAt,
    });
  }

  // ────────────────────────────────────── Apps ──────────────────────────────────────

  private async seedApps(): Promise<void> {
    const alex = this.user("alex.rivera");
    const createdAt = this.daysAgo(93);
    for (const def of DEMO_APPS) {
      const app = await createApp(this.tx, this.org, {
        name: def.name,
        description: def.description,
        iconUrl: null,
        status: "MANAGED",
        accountMappingMode: def.mode,
        provisioningInstructions: def.provisioningInstructions,
        deprovisioningInstructions: def.deprovisioningInstructions,
        defaultRequestPolicyId: def.requestPolicy ? this.policies[def.requestPolicy].id : null,
        defaultRevocationPolicyId: def.revocationPolicy
          ? this.policies[def.revocationPolicy].id
          : null,
        owners: def.owners.map((k) => this.user(k)),
        provisioners: def.provisioners.map((k) => this.user(k)),
        deprovisioners: def.deprovisioners.map((k) => this.user(k)),
        createdAt,
        updatedAt: createdAt,
      });
      const state: AppState = {
        def,
        id: app.id,
        organizationId: app.organizationId,
        entitlements: new Map(),
      };
      for (const e of def.entitlements) {
        const row = await createEntitlement(this.tx, app, {
          slug: e.slug,
          displayName: e.displayName,
          description: e.description,
          provisioningStrategy: e.provisioning ?? "MANUAL",
          deprovisioningStrategy: e.deprovisioning ?? "MANUAL",
          requestPolicyId: e.requestPolicy ? this.policies[e.requestPolicy].id : null,
          revocationPolicyId: e.revocationPolicy ? this.policies[e.revocationPolicy].id : null,
          owners: (e.owners ?? []).map((k) => this.user(k)),
          createdAt,
          updatedAt: createdAt,
        });
        state.entitlements.set(e.slug, { def: e, row });
      }
      this.apps.set(def.name, state);
      this.event({
        actor: alex.id,
        action: "app.created",
        targetType: "App",
        targetId: app.id,
        after: {
          name: def.name,
          owners: def.owners,
          provisioners: def.provisioners,
          deprovisioners: def.deprovisioners,
        },
        at: createdAt,
      });
      if (def.mode === "BROAD") {
        this.event({
          actor: alex.id,
          action: "app.mapping_mode_changed",
          targetType: "App",
          targetId: app.id,
          before: { accountMappingMode: "NARROW" },
          after: { accountMappingMode: "BROAD" },
          at: this.daysAgo(61),
        });
      }
    }
    for (const shadow of DEMO_SHADOW_APPS) {
      const app = await createApp(this.tx, this.org, {
        name: shadow.name,
        description: shadow.description,
        status: shadow.status,
        discoveredUserCount: shadow.users,
        firstSeenAt: this.daysAgo(shadow.firstSeenDaysAgo),
        lastSeenAt: this.daysAgo(shadow.lastSeenDaysAgo),
        createdAt: this.daysAgo(shadow.firstSeenDaysAgo),
        updatedAt: this.daysAgo(shadow.lastSeenDaysAgo),
      });
      this.event({
        action: "app.discovered",
        targetType: "App",
        targetId: app.id,
        after: { name: shadow.name, users: shadow.users },
        at: this.daysAgo(shadow.firstSeenDaysAgo),
      });
      if (shadow.status === "IGNORED") {
        this.event({
          actor: this.user("priya.shah").id,
          action: "app.ignored",
          targetType: "App",
          targetId: app.id,
          before: { status: "DISCOVERED" },
          after: { status: "IGNORED" },
          at: this.daysAgo(shadow.firstSeenDaysAgo - 3),
        });
      }
    }
  }

  // ──────────────────────────────────── Accounts ────────────────────────────────────

  private identityFor(style: EmailStyle, p: DemoPerson) {
    const legacy = `${emailSlug(p.givenName).replace(/-/g, "")[0]}${emailSlug(p.familyName)}@${DEMO_LEGACY_DOMAIN}`;
    const names = {
      givenName: p.givenName,
      familyName: p.familyName,
      displayName: `${p.givenName} ${p.familyName}`,
    };
    switch (style) {
      case "exact":
        return { emails: [p.email], ...names };
      case "mixed": {
        const capitalized =
          p.key
            .split(".")
            .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
            .join(".") + "@Northwind.Example";
        const variant = this.rng.pick([
          capitalized,
          p.email.toUpperCase(),
          ` ${p.email} `,
          `${capitalized} `,
        ]);
        return { emails: [variant], ...names };
      }
      case "legacyFirst":
        return { emails: [legacy, p.email], ...names };
      case "legacyOnly":
        return { emails: [legacy], ...names };
      case "namesOnly":
        return { emails: [], ...names };
      case "displayOnly":
        return {
          emails: [],
          givenName: null,
          familyName: null,
          displayName: `${p.givenName} ${p.familyName}`.normalize("NFD").replace(/\p{M}/gu, ""),
        };
    }
  }

  private pickStyle(def: DemoAppDef, p: DemoPerson): EmailStyle {
    const forced = def.forcedStyles?.[p.key];
    const styles = Object.entries(def.emailStyles) as [EmailStyle, number][];
    // Draw even when forced, so one forced case does not shift everyone else's.
    const total = styles.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.rng.next() * total;
    let picked: EmailStyle = styles[0]![0];
    for (const [style, weight] of styles) {
      roll -= weight;
      if (roll < 0) {
        picked = style;
        break;
      }
    }
    return forced ?? picked;
  }

  /** SPEC §4.2, by the domain's own rule (matchAccountOwner), so the demo reads as a re-map would. */
  private match(
    mode: "NARROW" | "BROAD",
    emails: string[],
    givenName: string | null,
    familyName: string | null,
    displayName: string | null,
  ): Pick<
    Prisma.AccountCreateManyInput,
    "matchedOwnerId" | "matchRule" | "matchValue" | "matchAmbiguous"
  > {
    this.usersIndex ??= buildUsersIndex(
      [...this.users.values()].map((u) => ({
        id: u.id,
        email: u.email,
        givenName: u.givenName,
        familyName: u.familyName,
      })),
    );
    const found = matchAccountOwner(
      { emails, givenName, familyName, displayName },
      this.usersIndex,
      mode,
    );
    return {
      matchedOwnerId: found.ownerId,
      matchRule: found.rule,
      matchValue: found.value,
      matchAmbiguous: found.ambiguous,
    };
  }

  private usersIndex: UsersIndex | undefined;

  private uniqueExternalId(taken: Set<string>, make: () => string): string {
    for (;;) {
      const id = make();
      if (!taken.has(id)) {
        taken.add(id);
        return id;
      }
    }
  }

  private async seedAccounts(): Promise<void> {
    const firstSync = this.daysAgo(90);
    for (const [appIndex, state] of [...this.apps.values()].entries()) {
      const { def } = state;
      const taken = new Set<string>();
      const inputs: AccountInput[] = [];
      const holders: { personKey: string | null; slugs: string[]; revokeAll?: Date }[] = [];
      const createdAt = new Date(firstSync.getTime() + appIndex * 60_000);

      for (const p of DEMO_ROSTER) {
        if (!def.members(p, this.facts)) continue;
        const identity = this.identityFor(this.pickStyle(def, p), p);
        const match = this.match(
          def.mode,
          identity.emails,
          identity.givenName,
          identity.familyName,
          identity.displayName,
        );
        const departed = DEPARTURES[p.key];
        const suspended = SUSPENSIONS[p.key];
        const hired = NEW_HIRES[p.key];
        let status: "ACTIVE" | "DISABLED" | "DELETED" = "ACTIVE";
        let deletedAt: Date | null = null;
        let revokeAll: Date | undefined;
        if (departed !== undefined && ["Okta", "Workday", "Slack"].includes(def.name))
          status = "DISABLED";
        if (suspended !== undefined && def.name === "Okta") status = "DISABLED";
        if (p.key === "paolo.greco" && def.name === "Zoom") {
          status = "DELETED";
          deletedAt = this.daysAgo(departed! - 1);
        }
        if (departed !== undefined && (def.name === "Slack" || status === "DELETED"))
          revokeAll = this.daysAgo(departed - 1);

        let lastLoginAt: Date | null = null;
        const roll = this.rng.next();
        if (def.usageData) {
          if (departed !== undefined) lastLoginAt = this.ago(departed * 24 + this.rng.int(2, 96));
          else if (suspended !== undefined)
            lastLoginAt = this.ago(suspended * 24 + this.rng.int(2, 200));
          else if (hired !== undefined) lastLoginAt = this.ago(this.rng.int(1, hired * 24 - 2));
          else if (roll < 0.05) lastLoginAt = null;
          else if (roll < 0.15) lastLoginAt = this.ago(this.rng.int(45 * 24, 200 * 24));
          else lastLoginAt = this.ago(this.rng.int(1, 14 * 24));
        }
        const externalId =
          def.name === "Slack"
            ? this.slackIds.get(p.key)!
            : this.uniqueExternalId(taken, () => def.externalId(this.rng, p));
        taken.add(externalId);
        inputs.push({
          externalId,
          login: def.login(p, this.rng, identity.emails[0]),
          ...identity,
          ...match,
          ownerId: match.matchedOwnerId ?? null,
          ownerSource: "MATCHED",
          status,
          type: "USER",
          lastLoginAt,
          profile: def.profile(p, this.rng) as Prisma.InputJsonValue,
          createdAt: hired !== undefined ? this.daysAgo(hired) : createdAt,
          updatedAt: deletedAt ?? createdAt,
          deletedAt,
        });
        holders.push({
          personKey: p.key,
          slugs: def.grants(p, this.rng, this.facts),
          ...(revokeAll ? { revokeAll } : {}),
        });
      }

      for (const extra of def.extraAccounts) {
        const emails = extra.emails ?? [];
        const match = this.match(
          def.mode,
          emails,
          extra.givenName ?? null,
          extra.familyName ?? null,
          extra.displayName,
        );
        let owner: Partial<Prisma.AccountCreateManyInput> = {
          ownerId: match.matchedOwnerId ?? null,
          ownerSource: "MATCHED",
        };
        const decidedAt = this.daysAgo(this.rng.int(20, 45));
        if (extra.ownerDecision?.kind === "MANUAL") {
          owner = {
            ownerId: this.user(extra.ownerDecision.owner).id,
            ownerSource: "MANUAL",
            ownerSetById: this.user(extra.ownerDecision.by).id,
            ownerSetAt: decidedAt,
          };
        } else if (extra.ownerDecision?.kind === "CLEARED") {
          owner = {
            ownerId: null,
            ownerSource: "CLEARED",
            ownerSetById: this.user(extra.ownerDecision.by).id,
            ownerSetAt: decidedAt,
          };
        }
        const externalId =
          extra.externalId ??
          this.uniqueExternalId(taken, () => def.externalId(this.rng, this.person("alex.rivera")));
        taken.add(externalId);
        inputs.push({
          externalId,
          login: extra.login,
          emails,
          givenName: extra.givenName ?? null,
          familyName: extra.familyName ?? null,
          displayName: extra.displayName,
          ...match,
          ...owner,
          status: extra.status ?? "ACTIVE",
          type: extra.type,
          typeSource: extra.typeSource ?? "INGESTED",
          lastLoginAt:
            def.usageData && extra.lastLoginDaysAgo !== null && extra.lastLoginDaysAgo !== undefined
              ? this.ago(extra.lastLoginDaysAgo * 24 + this.rng.int(1, 20))
              : null,
          profile: (extra.profile ?? {}) as Prisma.InputJsonValue,
          createdAt,
          updatedAt: extra.ownerDecision ? decidedAt : createdAt,
        });
        holders.push({ personKey: null, slugs: extra.grants });
      }

      const accounts = await createAccounts(this.tx, state, inputs);
      let grantCount = 0;
      accounts.forEach((account, i) => {
        const holder = holders[i]!;
        if (holder.personKey) this.accounts.set(`${def.name}|${holder.personKey}`, account);
        for (const slug of holder.slugs) {
          const entitlement = state.entitlements.get(slug);
          if (!entitlement) throw new Error(`Demo seed: ${def.name} has no entitlement "${slug}"`);
          const hired = holder.personKey ? NEW_HIRES[holder.personKey] : undefined;
          const grantedAt = notBefore(
            hired !== undefined ? this.ago(hired * 24 - 2) : this.daysAgo(this.rng.int(90, 700)),
            account.createdAt,
          );
          const guest = slug === "single-channel-guest";
          const grant: GrantInput = {
            account,
            entitlement: entitlement.row,
            source: "INGESTED",
            grantedAt,
            expiresAt: guest ? this.daysAgo(-this.rng.int(10, 80)) : null,
          };
          if (holder.revokeAll) this.revokedGrants.push({ ...grant, revokedAt: holder.revokeAll });
          else this.liveGrants.set(`${account.id}|${entitlement.row.id}`, grant);
          grantCount += 1;
        }
        this.recordOwnerDecision(inputs[i]!, account);
      });

      // Copilot seats reclaimed by the connector after 60 days without use.
      if (def.name === "GitHub") {
        const copilot = state.entitlements.get("copilot-business")!.row;
        const candidates = accounts.filter(
          (a) => a.type === "USER" && a.ownerId && !this.liveGrants.has(`${a.id}|${copilot.id}`),
        );
        for (const account of this.rng.sample(candidates, 3)) {
          this.revokedGrants.push({
            account,
            entitlement: copilot,
            source: "INGESTED",
            grantedAt: notBefore(this.daysAgo(this.rng.int(150, 300)), account.createdAt),
            revokedAt: this.daysAgo(this.rng.int(30, 60)),
          });
        }
      }

      for (const at of [firstSync, this.ago(this.rng.int(1, 6))]) {
        this.event({
          action: "connector.sync_completed",
          targetType: "App",
          targetId: state.id,
          after: {
            accounts: accounts.length,
            grants: grantCount,
            entitlements: def.entitlements.length,
          },
          at,
        });
      }
    }
  }

  private recordOwnerDecision(input: AccountInput, account: Account): void {
    if (input.ownerSource === "MANUAL" || input.ownerSource === "CLEARED") {
      const at = account.ownerSetAt ?? account.updatedAt;
      this.event({
        actor: account.ownerSetById,
        action: input.ownerSource === "MANUAL" ? "account.owner_set" : "account.owner_cleared",
        targetType: "Account",
        targetId: account.id,
        before: { ownerId: account.matchedOwnerId, ownerSource: "MATCHED" },
        after: { ownerId: account.ownerId, ownerSource: input.ownerSource },
        at,
      });
    }
    if (account.typeSource === "MANUAL") {
      this.event({
        actor: account.ownerSetById ?? this.user("alex.rivera").id,
        action: "account.type_set",
        targetType: "Account",
        targetId: account.id,
        before: { type: "USER", typeSource: "INGESTED" },
        after: { type: account.type, typeSource: "MANUAL" },
        at: account.ownerSetAt ?? account.updatedAt,
      });
    }
  }

  // ─────────────────────────────────── Requests ───────────────────────────────────

  private policyKeyFor(
    kind: "GRANT" | "REVOKE",
    app: DemoAppDef,
    ent: DemoEntitlementDef,
  ): PolicyKey {
    return kind === "GRANT"
      ? (ent.requestPolicy ?? app.requestPolicy ?? "manager")
      : (ent.revocationPolicy ?? app.revocationPolicy ?? "autoApprove");
  }

  private resolve(scenario: Scenario): ResolvedScenario {
    const kind = scenario.kind ?? "GRANT";
    const app = this.app(scenario.app);
    const entitlement = app.entitlements.get(scenario.entitlement);
    if (!entitlement)
      throw new Error(`Demo seed: ${scenario.app} has no entitlement "${scenario.entitlement}"`);
    const subject = this.person(scenario.subject);
    const account = this.accounts.get(`${scenario.app}|${scenario.subject}`) ?? null;
    if (kind === "REVOKE" && !account) {
      throw new Error(
        `Demo seed: ${scenario.subject} has no ${scenario.app} account to revoke from`,
      );
    }
    return {
      scenario,
      kind,
      app,
      entitlement,
      subject,
      account,
      policyKey: this.policyKeyFor(kind, app.def, entitlement.def),
    };
  }

  private approversFor(r: ResolvedScenario, step: PolicyDef["steps"][number]): string[] {
    switch (step.approverKind) {
      case "MANAGER":
        if (!r.subject.manager)
          throw new Error(`Demo seed: ${r.subject.key} has no manager to approve`);
        return [r.subject.manager];
      case "APP_OWNERS":
        return r.app.def.owners;
      case "ENTITLEMENT_OWNERS":
        return r.entitlement.def.owners?.length ? r.entitlement.def.owners : r.app.def.owners;
      case "USERS":
        return step.approvers ?? [];
    }
  }

  private workersFor(r: ResolvedScenario): string[] {
    const { def } = r.app;
    const list = r.kind === "GRANT" ? def.provisioners : def.deprovisioners;
    return list.length > 0 ? list : def.owners;
  }

  /** Completed requests over the last three months, around the hand-written ones. */
  private generateHistory(fixed: ResolvedScenario[], count: number): ResolvedScenario[] {
    const used = new Set(
      fixed.map((r) => `${r.app.def.name}|${r.subject.key}|${r.entitlement.def.slug}`),
    );
    const out: ResolvedScenario[] = [];
    const candidates = DEMO_ROSTER.filter(
      (p) => p.status === "ACTIVE" && p.manager && NEW_HIRES[p.key] === undefined,
    );
    for (let attempt = 0; attempt < 2000 && out.length < count; attempt++) {
      const def = this.rng.pick(DEMO_APPS);
      const subject = this.rng.pick(candidates);
      const kind: "GRANT" | "REVOKE" = this.rng.chance(0.25) ? "REVOKE" : "GRANT";
      const account = this.accounts.get(`${def.name}|${subject.key}`);
      if (!account) continue;
      const state = this.app(def.name);
      const held = (e: DemoEntitlementDef) =>
        this.liveGrants.has(`${account.id}|${state.entitlements.get(e.slug)!.row.id}`);
      const choices = def.entitlements.filter(
        (e) =>
          (kind === "GRANT" ? !held(e) : held(e)) &&
          !used.has(`${def.name}|${subject.key}|${e.slug}`),
      );
      if (choices.length === 0) continue;
      const ent = this.rng.pick(choices);
      const strategy =
        kind === "GRANT" ? (ent.provisioning ?? "MANUAL") : (ent.deprovisioning ?? "MANUAL");
      const requester =
        kind === "GRANT" ? subject.key : this.rng.pick([subject.manager!, ...def.owners]);
      const resolved: ResolvedScenario = {
        scenario: {
          kind,
          app: def.name,
          entitlement: ent.slug,
          subject: subject.key,
          requester,
          reason: "",
          hoursAgo: 0,
          steps: [],
        },
        kind,
        app: state,
        entitlement: state.entitlements.get(ent.slug)!,
        subject,
        account,
        policyKey: this.policyKeyFor(kind, def, ent),
      };
      const approvals = POLICY_DEFS[resolved.policyKey].steps;
      const deciders = approvals.map((s) => this.approversFor(resolved, s));
      const workers = this.workersFor(resolved);
      const everyone = [...deciders.flat(), ...(strategy === "MANUAL" ? workers : [])];
      if (everyone.includes(subject.key) || everyone.includes(requester)) continue;
      if (everyone.some((k) => this.person(k).status !== "ACTIVE")) continue;

      const steps: StepSpec[] = approvals.map(() => ({ do: "approve" as const }));
      const roll = this.rng.next();
      if (approvals.length > 0 && roll < 0.1) {
        steps.splice(this.rng.int(0, approvals.length - 1));
        steps.push({ do: "deny", note: this.rng.pick(DENIAL_NOTES) });
      } else if (strategy === "CONNECTOR") {
        steps.push({ do: "connector" });
      } else {
        const note = this.rng.chance(0.3) ? this.rng.pick(COMPLETION_NOTES) : undefined;
        steps.push({ do: "done", ...(note ? { note } : {}) });
      }
      resolved.scenario.steps = steps;
      resolved.scenario.reason =
        kind === "GRANT"
          ? this.rng.pick(GRANT_REASONS[def.name] ?? REVOKE_REASONS)
          : this.rng.pick(REVOKE_REASONS);
      resolved.scenario.hoursAgo = this.rng.int(15 * 24, 88 * 24);
      used.add(`${def.name}|${subject.key}|${ent.slug}`);
      out.push(resolved);
    }
    return out;
  }

  /** Access asked for is not held yet; access being removed is held. */
  private prepareGrants(scenarios: ResolvedScenario[]): void {
    for (const r of scenarios) {
      if (!r.account) continue;
      const key = `${r.account.id}|${r.entitlement.row.id}`;
      if (r.kind === "GRANT") {
        this.liveGrants.delete(key);
      } else if (!this.liveGrants.has(key)) {
        this.liveGrants.set(key, {
          account: r.account,
          entitlement: r.entitlement.row,
          source: "INGESTED",
          grantedAt: notBefore(this.daysAgo(this.rng.int(100, 400)), r.account.createdAt),
        });
      }
    }
  }

  /** DEMO_NAME_ONLY_ACCOUNTS: no randomness here, so nothing else of the demo moves. */
  private async seedNameOnlyAccounts(): Promise<void> {
    const state = this.app(DEMO_NAME_ONLY_ACCOUNTS.app);
    const syncedAt = this.daysAgo(30);
    const inputs: AccountInput[] = DEMO_NAME_ONLY_ACCOUNTS.accounts.map((extra) => ({
      externalId: extra.externalId!,
      login: extra.login,
      emails: extra.emails ?? [],
      givenName: extra.givenName ?? null,
      familyName: extra.familyName ?? null,
      displayName: extra.displayName,
      ...this.match(
        state.def.mode,
        extra.emails ?? [],
        extra.givenName ?? null,
        extra.familyName ?? null,
        extra.displayName,
      ),
      status: extra.status ?? "ACTIVE",
      type: extra.type,
      lastLoginAt:
        extra.lastLoginDaysAgo === null || extra.lastLoginDaysAgo === undefined
          ? null
          : this.daysAgo(extra.lastLoginDaysAgo),
      profile: (extra.profile ?? {}) as Prisma.InputJsonValue,
      createdAt: syncedAt,
      updatedAt: syncedAt,
    }));
    const accounts = await createAccounts(this.tx, state, inputs);
    await createGrants(
      this.tx,
      accounts.flatMap((account, i) =>
        DEMO_NAME_ONLY_ACCOUNTS.accounts[i]!.grants.map((slug) => ({
          account,
          entitlement: state.entitlements.get(slug)!.row,
          source: "INGESTED" as const,
          grantedAt: syncedAt,
        })),
      ),
    );
  }

  private async insertGrants(): Promise<void> {
    const live = [...this.liveGrants.values()];
    const rows = await createGrants(this.tx, [...live, ...this.revokedGrants]);
    rows
      .slice(0, live.length)
      .forEach((g) => this.grantIds.set(`${g.accountId}|${g.entitlementId}`, g));
  }

  private async runScenario(r: ResolvedScenario): Promise<void> {
    const { scenario: s, kind } = r;
    const label = `${kind} ${s.app}/${s.entitlement} for ${s.subject}`;
    const requesterKey = s.requester ?? s.subject;
    const approvals = POLICY_DEFS[r.policyKey].steps;
    const strategy =
      kind === "GRANT"
        ? (r.entitlement.def.provisioning ?? "MANUAL")
        : (r.entitlement.def.deprovisioning ?? "MANUAL");
    const workKind = kind === "GRANT" ? "PROVISION" : "DEPROVISION";
    const createdAt = this.ago(s.hoursAgo);
    const ids = (keys: string[]) => keys.map((k) => this.user(k).id);

    let t = createdAt.getTime();
    let stepIndex = 0;
    let fallback = false;
    let state: RequestInput["state"];
    let completedAt: Date | undefined;
    const failures: { at: Date; error: string }[] = [];
    const tasks: TaskInput[] = [];
    const defaultHours = (approval: boolean) =>
      (approval ? this.rng.int(1, 8) : this.rng.int(2, 20)) + this.rng.int(0, 59) / 60;

    for (const spec of s.steps) {
      const isApproval = stepIndex < approvals.length;
      if (spec.do === "connector" || spec.do === "connector-failed") {
        if (isApproval || strategy !== "CONNECTOR")
          throw new Error(`Demo seed: ${label}: no connector step here`);
        t += (spec.hours ?? (spec.do === "connector" ? 0.1 : 0.5)) * HOUR;
        if (spec.do === "connector") {
          state = "COMPLETED";
          completedAt = new Date(t);
        } else {
          failures.push({ at: new Date(t), error: spec.error });
          fallback = true;
        }
        continue;
      }
      if (isApproval && !["approve", "deny", "open", "cancel"].includes(spec.do)) {
        throw new Error(`Demo seed: ${label}: step ${stepIndex} is an approval, not "${spec.do}"`);
      }
      if (!isApproval && (spec.do === "approve" || spec.do === "deny")) {
        throw new Error(
          `Demo seed: ${label}: step ${stepIndex} is the ${workKind} step, not "${spec.do}"`,
        );
      }
      if (!isApproval && strategy === "CONNECTOR" && !fallback) {
        throw new Error(`Demo seed: ${label}: the connector does this step`);
      }
      const assignees = isApproval
        ? this.approversFor(r, approvals[stepIndex]!)
        : fallback
          ? r.app.def.owners
          : this.workersFor(r);
      t += (spec.after ?? (tasks.at(-1)?.state === "ERRORED" ? 4 : 0)) * HOUR;
      const taskCreated = new Date(t);
      const active = new Set(assignees);
      const reassignments = spec.reassign
        ? [
            {
              from: this.user(spec.reassign.from),
              to: this.user(spec.reassign.to),
              by: this.user(spec.reassign.by),
              reason: spec.reassign.reason,
              at: new Date(t + (spec.reassign.hours ?? 1) * HOUR),
            },
          ]
        : [];
      if (spec.reassign) {
        if (!active.has(spec.reassign.from))
          throw new Error(`Demo seed: ${label}: ${spec.reassign.from} is not assigned`);
        active.delete(spec.reassign.from);
        active.add(spec.reassign.to);
      }
      const comments = (spec.comments ?? []).map((c, i) => ({
        author: this.user(c.by),
        body: c.body,
        at: new Date(t + (c.hours ?? i + 1) * HOUR),
      }));
      const open = spec.do === "open";
      const done = open ? null : new Date(t + (spec.hours ?? defaultHours(isApproval)) * HOUR);
      const by = spec.do === "cancel" ? (spec.by ?? requesterKey) : (spec.by ?? [...active][0]!);
      if (!open && spec.do !== "cancel" && !active.has(by)) {
        throw new Error(`Demo seed: ${label}: ${by} is not an assignee of step ${stepIndex}`);
      }
      tasks.push({
        kind: isApproval ? "APPROVAL" : workKind,
        stepIndex,
        assignees: ids(assignees),
        state: open
          ? "OPEN"
          : spec.do === "error"
            ? "ERRORED"
            : spec.do === "cancel"
              ? "CANCELLED"
              : "DONE",
        outcome: spec.do === "deny" ? "DENIED" : undefined,
        outcomeNote: spec.note ?? null,
        completedBy: open ? null : this.user(by),
        createdBy: spec.createdBy ? this.user(spec.createdBy) : null,
        createdAt: taskCreated,
        completedAt: done,
        dueAt: new Date(t + (isApproval ? 2 : 3) * DAY),
        reassignments,
        comments,
      });
      if (done) t = done.getTime();
      if (spec.do === "approve") stepIndex += 1;
    }
    const last = s.steps.at(-1);
    if (last?.do === "approve" || last?.do === "connector-failed") {
      throw new Error(`Demo seed: ${label}: the story stops half-way`);
    }
    const latest = Math.max(
      t,
      ...tasks.flatMap((task) => [
        ...(task.comments ?? []).map((c) => c.at!.getTime()),
        ...(task.reassignments ?? []).map((x) => x.at!.getTime()),
      ]),
    );
    if (latest > this.now.getTime())
      throw new Error(`Demo seed: ${label}: its story runs past now`);

    const account = r.account;
    const grant =
      kind === "REVOKE" ? this.grantIds.get(`${account!.id}|${r.entitlement.row.id}`) : undefined;
    if (kind === "REVOKE" && !grant)
      throw new Error(`Demo seed: ${label}: no live grant to revoke`);
    const result = await createRequestWithTasks(this.tx, {
      kind,
      requester: this.user(requesterKey),
      entitlement: r.entitlement.row,
      account: account ?? null,
      targetUser: account ? null : this.user(s.subject),
      grant: grant ?? null,
      policy: this.policies[r.policyKey],
      reason: s.reason,
      durationDays: s.durationDays ?? null,
      ...(state ? { state } : {}),
      ...(completedAt ? { completedAt } : {}),
      createdAt,
      tasks,
    });
    for (const f of failures) {
      this.event({
        action: kind === "GRANT" ? "connector.grant_failed" : "connector.revoke_failed",
        targetType: "Request",
        targetId: result.request.id,
        request: result.request.id,
        reason: f.error,
        after: { fallback: "MANUAL task for the app owners" },
        at: f.at,
      });
    }
  }
}

export async function countDemo(db: Db, organizationId: string): Promise<DemoCounts> {
  const where = { organizationId };
  const [
    users,
    apps,
    entitlements,
    accounts,
    liveGrants,
    revokedGrants,
    policies,
    requests,
    tasks,
    openTasks,
    comments,
    events,
    reviewCampaigns,
    reviewItems,
  ] = await Promise.all([
    db.user.count({ where }),
    db.app.count({ where }),
    db.entitlement.count({ where }),
    db.account.count({ where }),
    db.grant.count({ where: { organizationId, revokedAt: null } }),
    db.grant.count({ where: { organizationId, revokedAt: { not: null } } }),
    db.policy.count({ where }),
    db.request.count({ where }),
    db.task.count({ where }),
    db.task.count({ where: { organizationId, state: "OPEN" } }),
    db.comment.count({ where }),
    db.event.count({ where }),
    db.reviewCampaign.count({ where }),
    db.reviewItem.count({ where }),
  ]);
  return {
    users,
    apps,
    entitlements,
    accounts,
    liveGrants,
    revokedGrants,
    policies,
    requests,
    tasks,
    openTasks,
    comments,
    events,
    reviewCampaigns,
    reviewItems,
  };
}

/**
 * A grant the first import of its account found is dated no earlier than that import
 * ("First imported" on the account page): Lantern cannot know of access before it saw it.
 */
function notBefore(at: Date, floor: Date): Date {
  return at < floor ? floor : at;
}
