/**
 * The demo organization's access reviews (SPEC §10): a finished quarterly campaign, with its
 * removals done, and a running one with a second level, whose items wait in the managers'
 * queues. Written as the API's start, decide and close services write them: the snapshot in
 * the same order with the same columns, flags and reviewers by the domain's rules
 * (reviewItemFlags, resolveReviewers, reviewItemTransition), one Event per decision, and a
 * REVOKE request through the app's revocation policy for each Revoke.
 */
import {
  REVIEW_ACTION_LABEL,
  resolveReviewers,
  reviewItemFlags,
  reviewItemTransition,
  type ItemReviewers,
  type PersonFact,
  type ReviewAction,
  type ReviewerPlan,
  type ReviewFlag,
  type ReviewOutcome,
} from "@lantern/domain";
import type { Entitlement, Organization, Prisma, User } from "@lantern/db";
import {
  createRequestWithTasks,
  type Db,
  type EventInput,
  type PolicyWithSteps,
  type TaskInput,
} from "./factories.ts";
import type { DemoAppDef, DemoEntitlementDef, PolicyKey } from "./demo-apps.ts";
import type { DemoPerson } from "./demo-people.ts";
import {
  REVIEW_CAMPAIGN_DESCRIPTIONS,
  REVIEW_KEEP_REASONS,
  REVIEW_REVOKE_REASONS,
} from "./demo-scenarios.ts";
import type { Rng } from "./prng.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type PersonStatus = DemoPerson["status"];

/** What the demo builder knows that the campaigns need. */
export interface ReviewSeedContext {
  tx: Db;
  org: Organization;
  now: Date;
  /** The campaigns' own sequence, so that nothing seeded before them moves. */
  rng: Rng;
  roster: readonly DemoPerson[];
  user(key: string): User;
  /** A person's status at a moment (people who left or went on leave were active before). */
  statusAt(key: string, at: Date): PersonStatus;
  app(name: string): {
    id: string;
    def: DemoAppDef;
    entitlements: Map<string, { def: DemoEntitlementDef; row: Entitlement }>;
  };
  revocationPolicy(appName: string, slug: string): { key: PolicyKey; policy: PolicyWithSteps };
  event(input: Omit<EventInput, "organization">): void;
}

/** One row of a campaign's scope, in snapshot order (as the start service selects it). */
interface ScopeRow {
  grantId: string;
  accountId: string;
  appId: string;
  entitlementId: string;
  appName: string;
  entitlementName: string;
  accountLabel: string;
  accountType: "USER" | "SERVICE" | "SYSTEM";
  ownerId: string | null;
  ownerName: string | null;
  ownerEmail: string | null;
  ownerSource: "MATCHED" | "MANUAL" | "CLEARED";
  matchRule: "EMAIL" | "NAME" | null;
  matchValue: string | null;
  matchAmbiguous: boolean;
  grantedAt: Date;
  lastLoginAt: Date | null;
  /** Whether a request (a revocation in the demo's history) names the grant. */
  inRequest: boolean;
}

interface Decision {
  action: ReviewAction;
  by: string;
  at: Date;
  outcome: ReviewOutcome;
}

interface Item {
  position: number;
  row: ScopeRow;
  ownerKey: string | null;
  ownerStatus: PersonStatus | null;
  lastLoginAt: Date | null;
  flags: ReviewFlag[];
  reviewers: ItemReviewers;
  /** The decisions, in order (level 1, then level 2 if it was kept there). */
  decisions: Decision[];
  revokeRequestId: string | null;
}

interface CampaignDef {
  name: string;
  description: string;
  startedAt: Date;
  dueAt: Date;
  closedAt: Date | null;
  scope: {
    appIds: string[];
    entitlementIds: string[];
    accountTypes: ("USER" | "SERVICE" | "SYSTEM")[];
    grantOlderThanDays: null;
    ownerInactiveOnly: false;
    ownerlessOnly: false;
    unusedForDays: null;
  };
  reviewers: {
    first: { kind: "MANAGER" | "APP_OWNERS"; userIds: string[] };
    second: { kind: "MANAGER" | "APP_OWNERS"; userIds: string[] } | null;
  };
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** The end of a day, UTC: how the start service stores a due date. */
function endOfDay(at: Date): Date {
  return new Date(`${at.toISOString().slice(0, 10)}T23:59:59.999Z`);
}

function scopeOf(appIds: string[], entitlementIds: string[]): CampaignDef["scope"] {
  return {
    appIds,
    entitlementIds,
    accountTypes: ["USER"],
    grantOlderThanDays: null,
    ownerInactiveOnly: false,
    ownerlessOnly: false,
    unusedForDays: null,
  };
}

/** The admin-like entitlements the running campaign reviews, by app. */
const ADMIN_ENTITLEMENTS: Record<string, string[]> = {
  GitHub: ["repo-admin", "org-admin"],
  AWS: ["poweruser-production", "administrator-access"],
  Okta: ["helpdesk-admin", "super-admin"],
  Salesforce: ["system-administrator"],
  Snowflake: ["sysadmin", "accountadmin"],
};

export async function seedReviewCampaigns(ctx: ReviewSeedContext): Promise<void> {
  await new ReviewSeeder(ctx).run();
}

class ReviewSeeder {
  private readonly byId = new Map<string, DemoPerson>();
  private readonly byKey = new Map<string, DemoPerson>();

  constructor(private readonly ctx: ReviewSeedContext) {
    for (const p of ctx.roster) {
      this.byKey.set(p.key, p);
      this.byId.set(ctx.user(p.key).id, p);
    }
  }

  private daysAgo(days: number): Date {
    return new Date(this.ctx.now.getTime() - days * DAY);
  }

  private fact(key: string, at: Date): PersonFact {
    const user = this.ctx.user(key);
    return {
      id: user.id,
      displayName: user.displayName,
      active: this.ctx.statusAt(key, at) === "ACTIVE",
    };
  }

  async run(): Promise<void> {
    const github = this.ctx.app("GitHub");
    const salesforce = this.ctx.app("Salesforce");

    // The last quarter's review: started two days after the first sync, closed two weeks later.
    const startedAt = new Date(this.daysAgo(88).getTime() + 3 * HOUR);
    const quarter = Math.floor(startedAt.getUTCMonth() / 3) + 1;
    await this.finished({
      name: `Q${quarter} ${startedAt.getUTCFullYear()} access review — GitHub and Salesforce`,
      description: REVIEW_CAMPAIGN_DESCRIPTIONS.finished,
      startedAt,
      dueAt: endOfDay(new Date(startedAt.getTime() + 14 * DAY)),
      closedAt: new Date(startedAt.getTime() + 15 * DAY + 2 * HOUR),
      scope: scopeOf([github.id, salesforce.id], []),
      reviewers: { first: { kind: "MANAGER", userIds: [] }, second: null },
    });

    const runningStart = new Date(this.daysAgo(4).getTime() - 5 * HOUR);
    const dueAt = endOfDay(new Date(this.ctx.now.getTime() + 10 * DAY));
    await this.running({
      name: `Admin access review — ${MONTHS[dueAt.getUTCMonth()]} ${dueAt.getUTCFullYear()}`,
      description: REVIEW_CAMPAIGN_DESCRIPTIONS.running,
      startedAt: runningStart,
      dueAt,
      closedAt: null,
      scope: scopeOf(
        [],
        Object.entries(ADMIN_ENTITLEMENTS).flatMap(([app, slugs]) =>
          slugs.map((slug) => this.ctx.app(app).entitlements.get(slug)!.row.id),
        ),
      ),
      reviewers: {
        first: { kind: "MANAGER", userIds: [] },
        second: { kind: "APP_OWNERS", userIds: [] },
      },
    });
  }

  // ─────────────────────────────────── Snapshot ───────────────────────────────────

  /**
   * The scope's grants as they were at `at` (live then, on accounts imported by then), in the
   * start service's order: owner name, app, entitlement, account.
   */
  private async scopeRows(def: CampaignDef, at: Date): Promise<ScopeRow[]> {
    const { appIds, entitlementIds, accountTypes } = def.scope;
    return this.ctx.tx.$queryRaw<ScopeRow[]>`
      SELECT g.id AS "grantId", a.id AS "accountId", e."appId", g."entitlementId",
             app.name AS "appName", e."displayName" AS "entitlementName",
             COALESCE(a.login, a.emails[1], a."displayName", a."externalId") AS "accountLabel",
             a.type::text AS "accountType", a."ownerId", o."displayName" AS "ownerName",
             o.email AS "ownerEmail", a."ownerSource"::text AS "ownerSource",
             a."matchRule"::text AS "matchRule", a."matchValue", a."matchAmbiguous",
             g."grantedAt", a."lastLoginAt",
             EXISTS (SELECT 1 FROM "Request" r WHERE r."grantId" = g.id) AS "inRequest"
        FROM "Grant" g
        JOIN "Account" a ON a.id = g."accountId"
        JOIN "Entitlement" e ON e.id = g."entitlementId"
        JOIN "App" app ON app.id = e."appId"
        LEFT JOIN "User" o ON o.id = a."ownerId"
       WHERE g."organizationId" = ${this.ctx.org.id}::uuid
         AND (e."appId" = ANY(${appIds}::uuid[]) OR g."entitlementId" = ANY(${entitlementIds}::uuid[]))
         AND a.type::text = ANY(${accountTypes}::text[])
         AND a.status <> 'DELETED'
         AND a."createdAt" <= ${at}
         AND g."grantedAt" <= ${at}
         AND (g."revokedAt" IS NULL OR g."revokedAt" > ${at})
       ORDER BY o."displayName" NULLS LAST, o.id, app.name, app.id, e."displayName", e.id, a.id, g.id`;
  }

  /** Each grant's item: the facts as they were at the start, its flags and its reviewers. */
  private snapshot(def: CampaignDef, rows: ScopeRow[]): Item[] {
    const at = def.startedAt;
    const plan: ReviewerPlan = {
      first: { kind: def.reviewers.first.kind },
      second: def.reviewers.second ? { kind: def.reviewers.second.kind } : null,
    };
    const superAdmins = this.ctx.roster
      .filter((p) => p.role === "SUPER_ADMIN")
      .map((p) => this.fact(p.key, at))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
    return rows.map((row, i) => {
      const owner = row.ownerId ? this.byId.get(row.ownerId)! : null;
      const ownerStatus = owner ? this.ctx.statusAt(owner.key, at) : null;
      // A login after the start was not known then: the last one before it stands in.
      const lastLoginAt =
        row.lastLoginAt && row.lastLoginAt > at
          ? new Date(at.getTime() - this.ctx.rng.int(2, 10 * 24) * HOUR)
          : row.lastLoginAt;
      const app = this.ctx.app(row.appName);
      const entitlement = [...app.entitlements.values()].find(
        (e) => e.row.id === row.entitlementId,
      )!;
      const people = (keys: readonly string[]) => keys.map((k) => this.fact(k, at));
      const reviewers = resolveReviewers(plan, {
        owner: owner ? this.fact(owner.key, at) : null,
        ownerManager: owner?.manager ? this.fact(owner.manager, at) : null,
        appOwners: people(app.def.owners),
        entitlementOwners: people(entitlement.def.owners ?? []),
        superAdmins,
      });
      return {
        position: i + 1,
        row,
        ownerKey: owner?.key ?? null,
        ownerStatus,
        lastLoginAt,
        flags: reviewItemFlags(
          {
            accountType: row.accountType,
            ownerId: row.ownerId,
            ownerStatus,
            ownerSource: row.ownerSource,
            matchAmbiguous: row.matchAmbiguous,
            lastLoginAt,
            grantedAt: row.grantedAt,
          },
          at,
        ),
        reviewers,
        decisions: [],
        revokeRequestId: null,
      };
    });
  }

  // ─────────────────────────────────── Decisions ───────────────────────────────────

  private keyOf(userId: string): string {
    return this.byId.get(userId)!.key;
  }

  /** The reason a reviewer gives: required for Revoke and for keeping flagged access. */
  private reasonFor(def: CampaignDef, item: Item, action: ReviewAction): string | null {
    if (action === "revoke") {
      return this.ctx.rng.pick(REVIEW_REVOKE_REASONS[def.closedAt ? "finished" : "running"]);
    }
    const first = item.flags[0];
    return first ? this.ctx.rng.pick(REVIEW_KEEP_REASONS[first]!) : null;
  }

  /** One decision by the domain's rules, by the first reviewer of the item's level. */
  private decide(def: CampaignDef, item: Item, action: ReviewAction, at: Date): Decision {
    const level = item.decisions.length === 0 ? 1 : 2;
    const reviewers = level === 1 ? item.reviewers.first : item.reviewers.second!;
    const by = reviewers.reviewerIds[0];
    if (!by) throw new Error(`Demo seed: item ${item.position} of "${def.name}" has no reviewer`);
    const outcome = reviewItemTransition(
      {
        campaign: { organizationId: this.ctx.org.id, name: def.name, state: "RUNNING" },
        state: "PENDING",
        level,
        hasSecondLevel: def.reviewers.second !== null,
        reviewerIds: reviewers.reviewerIds,
        ownerId: item.row.ownerId,
        firstLevelDeciderId: item.decisions[0]?.by ?? null,
        flagged: item.flags.length > 0,
        decidedByName: null,
      },
      action,
      this.reasonFor(def, item, action),
    );
    const decision = { action, by, at, outcome };
    item.decisions.push(decision);
    return decision;
  }

  /**
   * Items a Revoke may remove as the demo tells it: a grant no other request of the history
   * touches, still live, whose removal is done by hand by people other than the owner and the
   * reviewer (no connector, no self-approval).
   */
  private revocable(item: Item, at: Date): boolean {
    if (item.row.inRequest || !item.ownerKey) return false;
    const by = item.reviewers.first.reviewerIds[0];
    if (!by || item.reviewers.first.source !== "MANAGER") return false;
    const { def, entitlement } = this.entitlementOf(item);
    if ((entitlement.def.deprovisioning ?? "MANUAL") !== "MANUAL") return false;
    const { policy } = this.ctx.revocationPolicy(def.name, entitlement.def.slug);
    const everyone = [
      ...policy.steps.filter((s) => s.kind === "APPROVAL").flatMap(() => def.owners),
      ...this.workersOf(def),
    ];
    return (
      !everyone.includes(item.ownerKey) &&
      !everyone.includes(this.keyOf(by)) &&
      everyone.every((k) => this.ctx.statusAt(k, at) === "ACTIVE")
    );
  }

  private entitlementOf(item: Item) {
    const app = this.ctx.app(item.row.appName);
    const entitlement = [...app.entitlements.values()].find(
      (e) => e.row.id === item.row.entitlementId,
    )!;
    return { def: app.def, entitlement };
  }

  private workersOf(def: DemoAppDef): string[] {
    return def.deprovisioners.length > 0 ? def.deprovisioners : def.owners;
  }

  /**
   * The REVOKE request a Revoke opens, through the entitlement's revocation policy: its
   * approvals done by the app owners, then the DEPROVISION task, done (`doneAfterHours`) or
   * still open (null).
   */
  private async openRemoval(
    def: CampaignDef,
    item: Item,
    decision: Decision,
    doneAfterHours: number | null,
  ): Promise<string> {
    const { def: appDef, entitlement } = this.entitlementOf(item);
    const { policy } = this.ctx.revocationPolicy(appDef.name, entitlement.def.slug);
    const user = (key: string) => this.ctx.user(key);
    const tasks: TaskInput[] = [];
    let t = decision.at.getTime();
    for (const step of policy.steps.filter((s) => s.kind === "APPROVAL")) {
      if (step.approverKind !== "APP_OWNERS") {
        throw new Error(`Demo seed: a review removal cannot wait for ${step.approverKind}`);
      }
      const createdAt = new Date(t);
      t += this.ctx.rng.int(2, 20) * HOUR;
      tasks.push({
        kind: "APPROVAL",
        assignees: appDef.owners.map(user),
        state: "DONE",
        completedBy: user(appDef.owners[0]!),
        createdAt,
        completedAt: new Date(t),
        dueAt: new Date(createdAt.getTime() + 2 * DAY),
      });
    }
    const workers = this.workersOf(appDef);
    const createdAt = new Date(t);
    const done = doneAfterHours === null ? null : new Date(t + doneAfterHours * HOUR);
    tasks.push({
      kind: "DEPROVISION",
      assignees: workers.map(user),
      state: done ? "DONE" : "OPEN",
      ...(done ? { completedBy: user(workers[0]!), completedAt: done } : {}),
      createdAt,
      dueAt: new Date(createdAt.getTime() + 3 * DAY),
    });
    const reason = `Access review "${def.name}": ${decision.outcome.reason ?? ""}`.trim();
    const { request } = await createRequestWithTasks(this.ctx.tx, {
      kind: "REVOKE",
      requester: decision.by,
      entitlement: entitlement.row,
      account: item.row.accountId,
      grant: { id: item.row.grantId, accountId: item.row.accountId },
      policy,
      reason,
      createdAt: decision.at,
      tasks,
    });
    // What requestRevocation records beside the request.
    this.ctx.event({
      actor: decision.by,
      action: "grant.revoke_requested",
      targetType: "Grant",
      targetId: item.row.grantId,
      after: { requestId: request.id, policyName: policy.name },
      reason,
      request: request.id,
      at: decision.at,
    });
    return request.id;
  }

  // ─────────────────────────────────── Campaigns ───────────────────────────────────

  /** Kept by the managers, a few revoked and removed, two left undecided; then closed. */
  private async finished(def: CampaignDef): Promise<void> {
    const rng = this.ctx.rng;
    const items = this.snapshot(def, await this.scopeRows(def, def.startedAt));
    const span = def.closedAt!.getTime() - def.startedAt.getTime() - 6 * HOUR;
    const when = () => new Date(def.startedAt.getTime() + HOUR + Math.floor(rng.next() * span));

    const revoked = new Set<Item>();
    for (const app of ["GitHub", "Salesforce"]) {
      const candidates = items.filter(
        (i) => i.row.appName === app && this.revocable(i, def.closedAt!),
      );
      for (const item of rng.sample(candidates, 2)) revoked.add(item);
    }
    const undecided = new Set(
      rng.sample(
        items.filter((i) => !revoked.has(i)),
        2,
      ),
    );
    for (const item of items) {
      if (undecided.has(item) || item.reviewers.first.reviewerIds.length === 0) continue;
      const decision = this.decide(def, item, revoked.has(item) ? "revoke" : "keep", when());
      if (revoked.has(item)) {
        item.revokeRequestId = await this.openRemoval(def, item, decision, rng.int(2, 30));
      }
    }
    await this.write(def, items);
  }

  /**
   * Two levels (the manager, then the app owners): a few items kept at both, two waiting at
   * the second level, one revoked whose removal waits on an open task; the rest pending. The
   * demo manager decides nothing yet: her whole share waits in her queue.
   */
  private async running(def: CampaignDef): Promise<void> {
    const rng = this.ctx.rng;
    const items = this.snapshot(def, await this.scopeRows(def, def.startedAt));
    const manager = this.ctx.user("hannah.okafor").id;
    const when = (after: Date) =>
      new Date(
        after.getTime() +
          HOUR +
          Math.floor(rng.next() * (this.ctx.now.getTime() - after.getTime() - 2 * HOUR)),
      );

    const open = items.filter(
      (i) =>
        !i.reviewers.first.reviewerIds.includes(manager) &&
        i.reviewers.first.reviewerIds.length > 0 &&
        (i.reviewers.second?.reviewerIds.length ?? 0) > 0,
    );
    const [revoke] = rng.sample(
      open.filter((i) => this.revocable(i, this.ctx.now)),
      1,
    );
    const rest = open.filter((i) => i !== revoke);
    const waiting = rng.sample(rest, 2);
    const kept = rng.sample(
      rest.filter((i) => !waiting.includes(i)),
      3,
    );

    for (const item of kept) {
      const first = this.decide(def, item, "keep", when(def.startedAt));
      this.decide(def, item, "keep", when(first.at));
    }
    for (const item of waiting) this.decide(def, item, "keep", when(def.startedAt));
    if (revoke) {
      const decision = this.decide(def, revoke, "revoke", when(def.startedAt));
      revoke.revokeRequestId = await this.openRemoval(def, revoke, decision, null);
    }
    await this.write(def, items);
  }

  // ─────────────────────────────────── Writing ───────────────────────────────────

  /** The campaign, its items and assignments as decided, and its events. */
  private async write(def: CampaignDef, items: Item[]): Promise<void> {
    const { tx, org } = this.ctx;
    const admin = this.ctx.user("alex.rivera");
    const closedAt = def.closedAt;
    const lastDecision = Math.max(
      def.startedAt.getTime(),
      ...items.flatMap((i) => i.decisions.map((d) => d.at.getTime())),
    );
    const campaign = await tx.reviewCampaign.create({
      data: {
        organizationId: org.id,
        name: def.name,
        description: def.description,
        dueAt: def.dueAt,
        state: closedAt ? "CLOSED" : "RUNNING",
        scope: def.scope as Prisma.InputJsonValue,
        reviewerPlan: def.reviewers as Prisma.InputJsonValue,
        hasSecondLevel: def.reviewers.second !== null,
        itemCount: items.length,
        createdById: admin.id,
        startedAt: def.startedAt,
        closedAt,
        closedById: closedAt ? admin.id : null,
        createdAt: def.startedAt,
        updatedAt: closedAt ?? new Date(lastDecision),
      },
    });

    const stateOf = (item: Item) => {
      const last = item.decisions.at(-1);
      if (!last) return closedAt ? "NOT_REVIEWED" : "PENDING";
      return last.outcome.state;
    };
    const created = await tx.reviewItem.createManyAndReturn({
      select: { id: true, position: true },
      data: items.map((item) => {
        const { row } = item;
        const first = item.decisions[0];
        const final =
          item.decisions.at(-1)?.outcome.effect === "NEXT_LEVEL" ? null : item.decisions.at(-1);
        const twoLevels = first?.outcome.effect === "NEXT_LEVEL";
        return {
          organizationId: org.id,
          campaignId: campaign.id,
          position: item.position,
          grantId: row.grantId,
          accountId: row.accountId,
          appId: row.appId,
          entitlementId: row.entitlementId,
          appName: row.appName,
          entitlementName: row.entitlementName,
          accountLabel: row.accountLabel,
          accountType: row.accountType,
          ownerId: row.ownerId,
          ownerName: row.ownerName,
          ownerEmail: row.ownerEmail,
          ownerStatus: item.ownerStatus,
          ownerSource: row.ownerSource,
          matchRule: row.matchRule,
          matchValue: row.matchValue,
          matchAmbiguous: row.matchAmbiguous,
          grantedAt: row.grantedAt,
          lastLoginAt: item.lastLoginAt,
          flags: item.flags,
          state: stateOf(item),
          level: twoLevels ? 2 : 1,
          routingNote: item.reviewers.first.note,
          secondRoutingNote: item.reviewers.second?.note ?? null,
          firstDecidedById: twoLevels ? first.by : null,
          firstDecidedAt: twoLevels ? first.at : null,
          firstReason: twoLevels ? first.outcome.reason : null,
          decidedById: final?.by ?? null,
          decidedAt: final?.at ?? null,
          reason: final?.outcome.reason ?? null,
          revokeRequestId: item.revokeRequestId,
          version: item.decisions.length + (closedAt && item.decisions.length === 0 ? 1 : 0),
        };
      }),
    });
    const idOf = new Map(created.map((c) => [c.position, c.id]));

    // Who each item waited for, and whether it still does.
    const assignments: Prisma.ReviewAssignmentCreateManyInput[] = [];
    for (const item of items) {
      const itemId = idOf.get(item.position)!;
      const levels = [item.reviewers.first, item.reviewers.second] as const;
      levels.forEach((reviewers, index) => {
        const level = index + 1;
        const reached = level === 1 || item.decisions[0]?.outcome.effect === "NEXT_LEVEL";
        const decided = item.decisions[index];
        const waiting = reached && !decided && !closedAt;
        for (const userId of reviewers?.reviewerIds ?? []) {
          const ended = decided
            ? { unassignedAt: decided.at, unassignedReason: "decided" }
            : reached && closedAt
              ? { unassignedAt: closedAt, unassignedReason: "campaign closed" }
              : { unassignedAt: null, unassignedReason: null };
          assignments.push({
            itemId,
            level,
            userId,
            organizationId: org.id,
            campaignId: campaign.id,
            position: item.position,
            active: waiting,
            assignedAt: level === 2 && reached ? item.decisions[0]!.at : def.startedAt,
            ...ended,
          });
        }
      });
    }
    await tx.reviewAssignment.createMany({ data: assignments });

    // The audit trail, as the services record it.
    const reviewerCount = new Set(items.flatMap((i) => i.reviewers.first.reviewerIds)).size;
    this.ctx.event({
      actor: admin.id,
      action: "review_campaign.started",
      targetType: "ReviewCampaign",
      targetId: campaign.id,
      after: {
        name: def.name,
        dueAt: def.dueAt.toISOString(),
        items: items.length,
        reviewers: reviewerCount,
        unreviewable: items.filter((i) => i.reviewers.first.reviewerIds.length === 0).length,
        scope: def.scope,
        reviewerPlan: def.reviewers,
      },
      at: def.startedAt,
    });
    for (const item of items) {
      item.decisions.forEach((decision, index) => {
        const reviewers = index === 0 ? item.reviewers.first : item.reviewers.second!;
        const { outcome } = decision;
        this.ctx.event({
          actor: decision.by,
          action: outcome.effect === "REVOKE_REQUEST" ? "review_item.revoked" : "review_item.kept",
          targetType: "ReviewItem",
          targetId: idOf.get(item.position)!,
          before: { state: "PENDING", level: index + 1, reviewerIds: reviewers.reviewerIds },
          after: {
            campaignId: campaign.id,
            campaign: def.name,
            decision: REVIEW_ACTION_LABEL[decision.action],
            state: outcome.state,
            level: outcome.level,
            app: item.row.appName,
            entitlement: item.row.entitlementName,
            account: item.row.accountLabel,
            ...(outcome.effect === "NEXT_LEVEL" ? { sentToSecondLevel: true } : {}),
          },
          reason: outcome.reason,
          request: outcome.effect === "REVOKE_REQUEST" ? item.revokeRequestId : null,
          at: decision.at,
        });
      });
    }
    if (closedAt) {
      const count = (state: string) => items.filter((i) => stateOf(i) === state).length;
      this.ctx.event({
        actor: admin.id,
        action: "review_campaign.closed",
        targetType: "ReviewCampaign",
        targetId: campaign.id,
        before: { state: "RUNNING" },
        after: {
          state: "CLOSED",
          name: def.name,
          kept: count("KEPT"),
          revoked: count("REVOKED"),
          notReviewed: count("NOT_REVIEWED"),
        },
        at: closedAt,
      });
    }
  }
}
