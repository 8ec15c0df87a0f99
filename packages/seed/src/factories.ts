/**
 * Composable data builders: they create rows through a PrismaClient or a transaction
 * client with sensible defaults, and keep related rows consistent (normalized emails,
 * AppMember rows, policy step positions, per-organization task numbers, TaskAssignee
 * copies of the task's kind and state, an Event for every state change). They make no
 * business decisions: who approves, who provisions and what happens next is the
 * caller's to say. Used by the demo seed and by the tests of every package.
 */
import { randomUUID } from "node:crypto";
import { normalizeEmail } from "@lantern/domain";
import type {
  Account,
  App,
  ApproverKind,
  Entitlement,
  Grant,
  Organization,
  Prisma,
  PrismaClient,
  Request,
  RequestKind,
  RequestState,
  Task,
  TaskAssignee,
  TaskKind,
  TaskOutcome,
  TaskState,
  User,
} from "@lantern/db";

/** A PrismaClient or the client of an interactive transaction. */
export type Db = PrismaClient | Prisma.TransactionClient;
import { policyInclude, reserveTaskNumbers, type PolicyWithSteps } from "@lantern/db";
import { snapshotPolicy, type PolicySnapshot } from "@lantern/domain";
export { policyInclude, snapshotPolicy, type PolicySnapshot, type PolicyWithSteps };
export type { PolicySnapshotStep } from "@lantern/domain";
export { reserveTaskNumbers };

/** A row, or just its id. */
export type Ref = string | { id: string };

export function idOf(ref: Ref): string {
  return typeof ref === "string" ? ref : ref.id;
}

/** How user emails are compared (SPEC §1, §4.2): the domain's rule, as the re-map applies it. */
export { normalizeEmail };

export function displayNameOf(givenName: string, familyName: string): string {
  return [givenName.trim(), familyName.trim()].filter(Boolean).join(" ");
}

// Defaults must not collide between tests running in one process, nor between test
// processes sharing one database.
const runTag = randomUUID().slice(0, 8);
let sequence = 0;
function nextSeq(): number {
  sequence += 1;
  return sequence;
}

const DEFAULT_GIVEN_NAMES = [
  "Avery",
  "Jordan",
  "Riley",
  "Morgan",
  "Casey",
  "Quinn",
  "Reese",
  "Rowan",
];
const DEFAULT_FAMILY_NAMES = [
  "Ellis",
  "Hayes",
  "Moreno",
  "Okoro",
  "Sato",
  "Novak",
  "Brandt",
  "Iqbal",
];

function asciiSlug(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "");
}

function minutesAfter(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

/** True for a PrismaClient, false for the client of an interactive transaction. */
function isRootClient(db: Db): db is PrismaClient {
  return typeof (db as { $connect?: unknown }).$connect === "function";
}

/** Runs `fn` in a transaction, or inside the caller's when `db` is already one. */
export async function inTransaction<T>(
  db: Db,
  fn: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  if (isRootClient(db))
    return db.$transaction((tx) => fn(tx), { timeout: 60_000, maxWait: 60_000 });
  return fn(db);
}

// ───────────────────────────── Organizations and users ─────────────────────────────

export type OrganizationInput = Partial<Prisma.OrganizationUncheckedCreateInput>;

export async function createOrganization(
  db: Db,
  overrides: OrganizationInput = {},
): Promise<Organization> {
  const n = nextSeq();
  return db.organization.create({
    data: { slug: `org-${runTag}-${n}`, name: `Organization ${n}`, ...overrides },
  });
}

export interface UserInput extends Partial<
  Omit<Prisma.UserCreateManyInput, "organizationId" | "emailNormalized" | "managerId">
> {
  /** The user's manager (or null for none). */
  manager?: Ref | null;
  managerId?: string | null;
}

/** The row `createUser` would insert: for bulk `createMany` calls. */
export function userData(org: Ref, input: UserInput = {}): Prisma.UserCreateManyInput {
  const n = nextSeq();
  const { manager, managerId, ...rest } = input;
  const givenName = rest.givenName ?? DEFAULT_GIVEN_NAMES[n % DEFAULT_GIVEN_NAMES.length]!;
  const familyName =
    rest.familyName ?? DEFAULT_FAMILY_NAMES[(n >> 3) % DEFAULT_FAMILY_NAMES.length]!;
  const email =
    rest.email ?? `${asciiSlug(givenName)}.${asciiSlug(familyName)}.${runTag}${n}@example.com`;
  return {
    ...rest,
    organizationId: idOf(org),
    givenName,
    familyName,
    displayName: rest.displayName ?? displayNameOf(givenName, familyName),
    email,
    emailNormalized: normalizeEmail(email),
    managerId:
      manager !== undefined ? (manager === null ? null : idOf(manager)) : (managerId ?? null),
  };
}

export async function createUser(db: Db, org: Ref, overrides: UserInput = {}): Promise<User> {
  return db.user.create({ data: userData(org, overrides) });
}

/** Inserts many users in one statement; returns them in input order. */
export async function createUsers(db: Db, org: Ref, inputs: UserInput[]): Promise<User[]> {
  if (inputs.length === 0) return [];
  const rows = inputs.map((input) => userData(org, input));
  const created = await db.user.createManyAndReturn({ data: rows });
  const byEmail = new Map(created.map((u) => [u.emailNormalized, u]));
  return rows.map((r) => byEmail.get(r.emailNormalized)!);
}

// ──────────────────────────────── Apps and entitlements ────────────────────────────────

export interface AppInput extends Partial<Omit<Prisma.AppCreateManyInput, "organizationId">> {
  owners?: Ref[];
  /** Empty: the app owners provision (SPEC §1). */
  provisioners?: Ref[];
  /** Empty: the app owners deprovision (SPEC §1). */
  deprovisioners?: Ref[];
}

export async function createApp(db: Db, org: Ref, input: AppInput = {}): Promise<App> {
  const n = nextSeq();
  const { owners = [], provisioners = [], deprovisioners = [], ...fields } = input;
  const app = await db.app.create({
    data: { name: `App ${runTag}-${n}`, ...fields, organizationId: idOf(org) },
  });
  const members: Prisma.AppMemberCreateManyInput[] = [
    ...owners.map((u) => ({ appId: app.id, userId: idOf(u), role: "OWNER" as const })),
    ...provisioners.map((u) => ({ appId: app.id, userId: idOf(u), role: "PROVISIONER" as const })),
    ...deprovisioners.map((u) => ({
      appId: app.id,
      userId: idOf(u),
      role: "DEPROVISIONER" as const,
    })),
  ].map((m) => (fields.createdAt ? { ...m, createdAt: fields.createdAt } : m));
  if (members.length > 0) await db.appMember.createMany({ data: members, skipDuplicates: true });
  return app;
}

/** An app or entitlement's identity as the factories need it. */
export interface AppRef {
  id: string;
  organizationId: string;
}

export interface EntitlementInput extends Partial<
  Omit<Prisma.EntitlementCreateManyInput, "organizationId" | "appId">
> {
  owners?: Ref[];
}

export async function createEntitlement(
  db: Db,
  app: AppRef,
  input: EntitlementInput = {},
): Promise<Entitlement> {
  const n = nextSeq();
  const { owners = [], ...fields } = input;
  const slug = fields.slug ?? `entitlement-${n}`;
  const entitlement = await db.entitlement.create({
    data: {
      displayName: slug
        .split(/[-_]+/)
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        .join(" "),
      ...fields,
      slug,
      organizationId: app.organizationId,
      appId: app.id,
    },
  });
  if (owners.length > 0) {
    await db.entitlementOwner.createMany({
      data: owners.map((u) => ({
        entitlementId: entitlement.id,
        userId: idOf(u),
        ...(fields.createdAt ? { createdAt: fields.createdAt } : {}),
      })),
      skipDuplicates: true,
    });
  }
  return entitlement;
}

// ──────────────────────────────── Accounts and grants ────────────────────────────────

/** What an account needs to know about the person it belongs to. */
export interface OwnerLike {
  id: string;
  email: string;
  givenName: string;
  familyName: string;
  displayName: string;
}

export interface AccountInput extends Partial<
  Omit<Prisma.AccountCreateManyInput, "organizationId" | "appId">
> {
  /**
   * The person whose account this is, matched by email (NARROW): defaults the emails
   * and names to theirs and records the match (matchedOwner = owner, rule EMAIL, the
   * account email that matched, ownerSource MATCHED). Explicit fields win.
   */
  owner?: OwnerLike | null;
}

export function accountData(app: AppRef, input: AccountInput = {}): Prisma.AccountCreateManyInput {
  const n = nextSeq();
  const { owner, ...fields } = input;
  const emails = (fields.emails as string[] | undefined) ?? (owner ? [owner.email] : []);
  const externalId = fields.externalId ?? `acct-${runTag}-${n}`;
  const matched: Partial<Prisma.AccountCreateManyInput> = {};
  if (owner) {
    const wanted = normalizeEmail(owner.email);
    const hit = emails.find((e) => normalizeEmail(e) === wanted);
    Object.assign(matched, {
      givenName: owner.givenName,
      familyName: owner.familyName,
      displayName: owner.displayName,
      matchedOwnerId: owner.id,
      ownerId: owner.id,
      ownerSource: "MATCHED",
      matchRule: "EMAIL",
      matchValue: hit ? normalizeEmail(hit) : wanted,
    } satisfies Partial<Prisma.AccountCreateManyInput>);
  }
  const firstEmail = emails[0];
  return {
    login: firstEmail ? normalizeEmail(firstEmail).split("@")[0] : externalId,
    ...matched,
    ...fields,
    emails,
    externalId,
    organizationId: app.organizationId,
    appId: app.id,
  };
}

export async function createAccount(
  db: Db,
  app: AppRef,
  overrides: AccountInput = {},
): Promise<Account> {
  return db.account.create({ data: accountData(app, overrides) });
}

/** Inserts many accounts of one app in one statement; returns them in input order. */
export async function createAccounts(
  db: Db,
  app: AppRef,
  inputs: AccountInput[],
): Promise<Account[]> {
  if (inputs.length === 0) return [];
  const rows = inputs.map((input) => accountData(app, input));
  const created = await db.account.createManyAndReturn({ data: rows });
  const byExternalId = new Map(created.map((a) => [a.externalId, a]));
  return rows.map((r) => byExternalId.get(r.externalId)!);
}

export interface GrantInput extends Partial<
  Omit<Prisma.GrantCreateManyInput, "organizationId" | "accountId" | "entitlementId">
> {
  account: { id: string; organizationId: string };
  entitlement: Ref;
}

function grantData({ account, entitlement, ...fields }: GrantInput): Prisma.GrantCreateManyInput {
  return {
    source: "INGESTED",
    ...fields,
    organizationId: account.organizationId,
    accountId: account.id,
    entitlementId: idOf(entitlement),
  };
}

export async function createGrant(
  db: Db,
  account: { id: string; organizationId: string },
  entitlement: Ref,
  overrides: Omit<GrantInput, "account" | "entitlement"> = {},
): Promise<Grant> {
  return db.grant.create({ data: grantData({ ...overrides, account, entitlement }) });
}

/** Inserts many grants in one statement; returns them in input order. */
export async function createGrants(db: Db, inputs: GrantInput[]): Promise<Grant[]> {
  if (inputs.length === 0) return [];
  const rows = inputs.map(grantData);
  const created = await db.grant.createManyAndReturn({ data: rows });
  // Several rows may share (account, entitlement) when all but one are revoked.
  const key = (g: { accountId: string; entitlementId: string; revokedAt?: Date | string | null }) =>
    `${g.accountId}|${g.entitlementId}|${g.revokedAt ? new Date(g.revokedAt).getTime() : "live"}`;
  const byKey = new Map(created.map((g) => [key(g), g]));
  return rows.map((r) => byKey.get(key(r))!);
}

// ───────────────────────────────────── Policies ─────────────────────────────────────

export interface PolicyStepInput {
  approverKind: ApproverKind;
  /** Required for (and only for) approverKind USERS. */
  approverUserIds?: Ref[];
}

export interface PolicyInput {
  name?: string;
  description?: string;
  /** The APPROVAL steps, in order; the final PROVISION step is added. */
  steps?: PolicyStepInput[];
  allowReassignment?: boolean;
  /** Who may receive a reassigned task; null or absent: any active user. */
  allowedReassignees?: Ref[] | null;
  allowSelfApproval?: boolean;
  requireDistinctApprovers?: boolean;
  createdAt?: Date;
}

/** A policy with its APPROVAL steps at positions 0..n-1 and the PROVISION step at n. */
export async function createPolicy(
  db: Db,
  org: Ref,
  input: PolicyInput = {},
): Promise<PolicyWithSteps> {
  const n = nextSeq();
  const steps = input.steps ?? [];
  steps.forEach((step, i) => {
    const users = step.approverUserIds ?? [];
    if (step.approverKind === "USERS" && users.length === 0) {
      throw new Error(`Policy step ${i}: approverKind USERS needs approverUserIds`);
    }
    if (step.approverKind !== "USERS" && users.length > 0) {
      throw new Error(`Policy step ${i}: approverUserIds are only for approverKind USERS`);
    }
  });
  const reassignees = input.allowedReassignees ?? null;
  return db.policy.create({
    data: {
      organizationId: idOf(org),
      name: input.name ?? `Policy ${runTag}-${n}`,
      description: input.description ?? "",
      allowReassignment: input.allowReassignment ?? true,
      restrictReassignees: reassignees !== null,
      allowSelfApproval: input.allowSelfApproval ?? false,
      requireDistinctApprovers: input.requireDistinctApprovers ?? false,
      ...(input.createdAt ? { createdAt: input.createdAt, updatedAt: input.createdAt } : {}),
      steps: {
        create: [
          ...steps.map((step, position) => ({
            position,
            kind: "APPROVAL" as const,
            approverKind: step.approverKind,
            approvers: { create: (step.approverUserIds ?? []).map((u) => ({ userId: idOf(u) })) },
          })),
          { position: steps.length, kind: "PROVISION" as const },
        ],
      },
      allowedReassignees: { create: (reassignees ?? []).map((u) => ({ userId: idOf(u) })) },
    },
    include: policyInclude,
  });
}

export async function loadPolicy(db: Db, policyId: string): Promise<PolicyWithSteps> {
  return db.policy.findUniqueOrThrow({ where: { id: policyId }, include: policyInclude });
}

// ──────────────────────────────── Events and comments ────────────────────────────────

export interface EventInput {
  organization: Ref;
  actor?: Ref | null;
  action: string;
  targetType: string;
  targetId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  reason?: string | null;
  request?: Ref | null;
  task?: Ref | null;
  at?: Date;
}

function eventData(input: EventInput): Prisma.EventCreateManyInput {
  return {
    organizationId: idOf(input.organization),
    actorId: input.actor ? idOf(input.actor) : null,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId,
    ...(input.before !== undefined ? { before: input.before } : {}),
    ...(input.after !== undefined ? { after: input.after } : {}),
    reason: input.reason ?? null,
    requestId: input.request ? idOf(input.request) : null,
    taskId: input.task ? idOf(input.task) : null,
    at: input.at ?? new Date(),
  };
}

export async function createEvent(db: Db, input: EventInput) {
  return db.event.create({ data: eventData(input) });
}

export async function createEvents(db: Db, inputs: EventInput[]): Promise<number> {
  if (inputs.length === 0) return 0;
  return (await db.event.createMany({ data: inputs.map(eventData) })).count;
}

/** A comment on a task, with its "task.commented" event. */
export async function createComment(
  db: Db,
  task: { id: string; organizationId: string; requestId: string },
  author: Ref,
  body: string,
  at: Date = new Date(),
) {
  return inTransaction(db, async (tx) => {
    const comment = await tx.comment.create({
      data: {
        organizationId: task.organizationId,
        taskId: task.id,
        authorId: idOf(author),
        body,
        createdAt: at,
      },
    });
    await createEvent(tx, {
      organization: task.organizationId,
      actor: author,
      action: "task.commented",
      targetType: "Task",
      targetId: task.id,
      after: { commentId: comment.id },
      request: task.requestId,
      task: task.id,
      at,
    });
    return comment;
  });
}

// ─────────────────────────────── Requests and tasks ───────────────────────────────

export interface ReassignmentInput {
  from: Ref;
  to: Ref;
  /** Who reassigned (an assignee or a super admin); null: the system. */
  by?: Ref | null;
  reason: string;
  at?: Date;
}

export interface CommentInput {
  author: Ref;
  body: string;
  at?: Date;
}

export interface TaskInput {
  kind: TaskKind;
  /** Index of the policy step. Default: APPROVAL tasks in order, then the PROVISION step. */
  stepIndex?: number;
  /** Initial assignees, any one of whom can act. */
  assignees: Ref[];
  state?: TaskState;
  /** Default follows from kind and state (DONE approval → APPROVED, and so on). */
  outcome?: TaskOutcome | null;
  /** Required for ERRORED and DENIED: the reason. */
  outcomeNote?: string | null;
  /** Default: the first assignee still assigned when the task closed. */
  completedBy?: Ref | null;
  /** Who opened the task (e.g. who retried an errored request); null: the system. */
  createdBy?: Ref | null;
  /** Default: when the previous task closed, else when the request was created. */
  createdAt?: Date;
  /** Default: the last activity on the task. */
  completedAt?: Date | null;
  dueAt?: Date | null;
  /** Applied in order: the `from` assignee leaves, the `to` assignee joins. */
  reassignments?: ReassignmentInput[];
  comments?: CommentInput[];
}

export interface RequestInput {
  kind?: RequestKind;
  requester: Ref;
  entitlement: { id: string; appId: string; organizationId: string };
  /** The subject account (a REVOKE defaults to the grant's account). */
  account?: Ref | null;
  /** For a GRANT to a person with no account yet. */
  targetUser?: Ref | null;
  /** For a REVOKE: the grant being removed. */
  grant?: { id: string; accountId: string } | null;
  policy: PolicyWithSteps;
  /** Default: snapshotPolicy(policy). */
  policySnapshot?: PolicySnapshot;
  reason?: string;
  durationDays?: number | null;
  /** Default follows from the last task (see requestStateAfter). */
  state?: RequestState;
  currentStep?: number;
  createdAt?: Date;
  completedAt?: Date | null;
  tasks?: TaskInput[];
  /**
   * Default true: a COMPLETED GRANT with an account makes its grant live (source
   * REQUEST), a COMPLETED REVOKE ends its grant; each with its event.
   */
  applyGrantChanges?: boolean;
}

export type TaskWithAssignees = Task & { assignees: TaskAssignee[] };

export interface RequestWithTasks {
  request: Request;
  tasks: TaskWithAssignees[];
  /** The grant made live (GRANT) or ended (REVOKE), if any. */
  grant: Grant | null;
}

const OUTCOME_ACTIONS: Record<TaskOutcome, string> = {
  APPROVED: "task.approved",
  DENIED: "task.denied",
  PROVISIONED: "task.provisioned",
  DEPROVISIONED: "task.deprovisioned",
  ERRORED: "task.errored",
  CANCELLED: "task.cancelled",
};

function defaultOutcome(kind: TaskKind, state: TaskState): TaskOutcome | null {
  switch (state) {
    case "OPEN":
      return null;
    case "ERRORED":
      return "ERRORED";
    case "CANCELLED":
      return "CANCELLED";
    case "DONE":
      return kind === "APPROVAL"
        ? "APPROVED"
        : kind === "PROVISION"
          ? "PROVISIONED"
          : "DEPROVISIONED";
  }
}

/** The request state implied by its last task (or by the policy when there is none). */
export function requestStateAfter(
  last: { kind: TaskKind; state: TaskState; outcome: TaskOutcome | null } | undefined,
  snapshot: PolicySnapshot,
): RequestState {
  if (!last)
    return snapshot.steps.some((s) => s.kind === "APPROVAL") ? "PENDING_APPROVAL" : "APPROVED";
  switch (last.state) {
    case "OPEN":
      return last.kind === "APPROVAL" ? "PENDING_APPROVAL" : "PROVISIONING";
    case "ERRORED":
      return "ERRORED";
    case "CANCELLED":
      return "CANCELLED";
    case "DONE":
      if (last.kind !== "APPROVAL") return "COMPLETED";
      return last.outcome === "DENIED" ? "DENIED" : "APPROVED";
  }
}

const TERMINAL: ReadonlySet<RequestState> = new Set([
  "COMPLETED",
  "ERRORED",
  "DENIED",
  "CANCELLED",
]);

interface PlannedAssignee {
  userId: string;
  active: boolean;
  assignedAt: Date;
  assignedById: string | null;
  unassignedAt: Date | null;
  unassignedReason: string | null;
}

interface PlannedTask {
  input: TaskInput;
  number: number;
  kind: TaskKind;
  stepIndex: number;
  state: TaskState;
  outcome: TaskOutcome | null;
  outcomeNote: string | null;
  completedById: string | null;
  createdAt: Date;
  completedAt: Date | null;
  updatedAt: Date;
  version: number;
  assignees: PlannedAssignee[];
}

/**
 * A Request with its history: its tasks (numbered from the organization's sequence),
 * their assignees (including people reassigned away), comments, the grant change
 * of a completed request, and an Event for every state change — in one transaction.
 */
export async function createRequestWithTasks(
  db: Db,
  input: RequestInput,
): Promise<RequestWithTasks> {
  const kind = input.kind ?? "GRANT";
  const orgId = input.entitlement.organizationId;
  const snapshot = input.policySnapshot ?? snapshotPolicy(input.policy);
  const createdAt = input.createdAt ?? new Date();
  const taskInputs = input.tasks ?? [];
  const applyGrantChanges = input.applyGrantChanges ?? true;
  const accountId = input.account ? idOf(input.account) : (input.grant?.accountId ?? null);
  const targetUserId = input.targetUser ? idOf(input.targetUser) : null;
  if (kind === "REVOKE" && !input.grant)
    throw new Error("A REVOKE request needs the grant it removes");
  if (kind === "GRANT" && !accountId && !targetUserId) {
    throw new Error("A GRANT request needs an account or a target user");
  }
  const approvalSteps = snapshot.steps.filter((s) => s.kind === "APPROVAL").length;

  return inTransaction(db, async (tx) => {
    const firstNumber =
      taskInputs.length > 0 ? await reserveTaskNumbers(tx, orgId, taskInputs.length) : 0;

    // Plan the tasks in memory first: times, assignees, outcomes.
    let cursor = createdAt;
    let approvalsSeen = 0;
    const planned: PlannedTask[] = taskInputs.map((t, i) => {
      const state = t.state ?? "OPEN";
      const outcome = t.outcome !== undefined ? t.outcome : defaultOutcome(t.kind, state);
      if ((state === "ERRORED" || outcome === "DENIED") && !t.outcomeNote) {
        throw new Error(
          `Task ${i}: an ${outcome === "DENIED" ? "denial" : "error"} needs a reason (outcomeNote)`,
        );
      }
      if (state === "OPEN" && outcome) throw new Error(`Task ${i}: an OPEN task has no outcome`);
      const stepIndex = t.stepIndex ?? (t.kind === "APPROVAL" ? approvalsSeen : approvalSteps);
      if (t.kind === "APPROVAL") approvalsSeen += 1;
      const taskCreatedAt = t.createdAt ?? cursor;
      let lastActivity = taskCreatedAt;
      const assignees = new Map<string, PlannedAssignee>();
      for (const ref of t.assignees) {
        const userId = idOf(ref);
        assignees.set(userId, {
          userId,
          active: true,
          assignedAt: taskCreatedAt,
          assignedById: t.createdBy ? idOf(t.createdBy) : null,
          unassignedAt: null,
          unassignedReason: null,
        });
      }
      if (assignees.size === 0) throw new Error(`Task ${i}: needs at least one assignee`);
      for (const r of t.reassignments ?? []) {
        const from = assignees.get(idOf(r.from));
        const at = r.at ?? lastActivity;
        if (!from?.active)
          throw new Error(
            `Task ${i}: cannot reassign from ${idOf(r.from)}, not an active assignee`,
          );
        if (assignees.has(idOf(r.to))) {
          throw new Error(`Task ${i}: ${idOf(r.to)} was already assigned to this task`);
        }
        from.active = false;
        from.unassignedAt = at;
        from.unassignedReason = r.reason;
        assignees.set(idOf(r.to), {
          userId: idOf(r.to),
          active: true,
          assignedAt: at,
          assignedById: r.by ? idOf(r.by) : null,
          unassignedAt: null,
          unassignedReason: null,
        });
        lastActivity = maxDate(lastActivity, at);
      }
      for (const c of t.comments ?? []) lastActivity = maxDate(lastActivity, c.at ?? lastActivity);
      const completedAt = state === "OPEN" ? null : (t.completedAt ?? lastActivity);
      const firstActive = [...assignees.values()].find((a) => a.active);
      const completedById =
        state === "OPEN"
          ? null
          : t.completedBy !== undefined
            ? t.completedBy
              ? idOf(t.completedBy)
              : null
            : (firstActive?.userId ?? null);
      const version = (t.reassignments?.length ?? 0) + (state === "OPEN" ? 0 : 1);
      cursor = completedAt ?? lastActivity;
      return {
        input: t,
        number: firstNumber + i,
        kind: t.kind,
        stepIndex,
        state,
        outcome,
        outcomeNote: t.outcomeNote ?? null,
        completedById,
        createdAt: taskCreatedAt,
        completedAt,
        updatedAt: completedAt ?? lastActivity,
        version,
        assignees: [...assignees.values()],
      };
    });

    const last = planned.at(-1);
    const state = input.state ?? requestStateAfter(last, snapshot);
    const terminal = TERMINAL.has(state);
    const completedAt = terminal ? (input.completedAt ?? last?.completedAt ?? cursor) : null;
    const currentStep =
      input.currentStep ??
      (last
        ? last.kind === "APPROVAL" && last.outcome === "APPROVED" && state === "APPROVED"
          ? last.stepIndex + 1
          : last.stepIndex
        : 0);

    const request = await tx.request.create({
      data: {
        organizationId: orgId,
        kind,
        requesterId: idOf(input.requester),
        accountId,
        targetUserId,
        appId: input.entitlement.appId,
        entitlementId: input.entitlement.id,
        grantId: input.grant?.id ?? null,
        reason:
          input.reason ??
          (kind === "GRANT" ? "Access needed for my work." : "Access no longer needed."),
        durationDays: input.durationDays ?? null,
        state,
        policyId: input.policy.id,
        policyName: snapshot.name,
        policySnapshot: snapshot as unknown as Prisma.InputJsonValue,
        currentStep,
        completedAt,
        createdAt,
        updatedAt: completedAt ?? maxDate(createdAt, cursor),
      },
    });

    const tasks =
      planned.length === 0
        ? []
        : await tx.task.createManyAndReturn({
            data: planned.map((p) => ({
              organizationId: orgId,
              number: p.number,
              requestId: request.id,
              appId: input.entitlement.appId,
              kind: p.kind,
              state: p.state,
              stepIndex: p.stepIndex,
              outcome: p.outcome,
              outcomeNote: p.outcomeNote,
              completedById: p.completedById,
              completedAt: p.completedAt,
              dueAt: p.input.dueAt ?? null,
              version: p.version,
              createdAt: p.createdAt,
              updatedAt: p.updatedAt,
            })),
          });
    const taskByNumber = new Map(tasks.map((t) => [t.number, t]));
    const taskOf = (p: PlannedTask) => taskByNumber.get(p.number)!;

    const assigneeRows: Prisma.TaskAssigneeCreateManyInput[] = planned.flatMap((p) =>
      p.assignees.map((a) => ({
        taskId: taskOf(p).id,
        userId: a.userId,
        organizationId: orgId,
        kind: p.kind,
        taskOpen: p.state === "OPEN",
        active: a.active,
        assignedAt: a.assignedAt,
        assignedById: a.assignedById,
        unassignedAt: a.unassignedAt,
        unassignedReason: a.unassignedReason,
      })),
    );
    if (assigneeRows.length > 0) await tx.taskAssignee.createMany({ data: assigneeRows });

    const commentRows: Prisma.CommentCreateManyInput[] = planned.flatMap((p) =>
      (p.input.comments ?? []).map((c, i) => ({
        organizationId: orgId,
        taskId: taskOf(p).id,
        authorId: idOf(c.author),
        body: c.body,
        createdAt: c.at ?? minutesAfter(p.createdAt, 5 * (i + 1)),
      })),
    );
    const comments =
      commentRows.length > 0 ? await tx.comment.createManyAndReturn({ data: commentRows }) : [];

    // The audit trail, in the order things happened.
    const events: EventInput[] = [];
    const base = { organization: orgId, request: request.id };
    let current: RequestState =
      taskInputs[0]?.kind === "APPROVAL" || (taskInputs.length === 0 && approvalSteps > 0)
        ? "PENDING_APPROVAL"
        : "APPROVED";
    events.push({
      ...base,
      actor: input.requester,
      action: "request.created",
      targetType: "Request",
      targetId: request.id,
      after: {
        kind,
        state: current,
        appId: input.entitlement.appId,
        entitlementId: input.entitlement.id,
        accountId,
        targetUserId,
        grantId: input.grant?.id ?? null,
        policyName: snapshot.name,
      },
      reason: request.reason,
      at: createdAt,
    });
    const transition = (
      to: RequestState,
      at: Date,
      actor: string | null,
      action = `request.${to.toLowerCase()}`,
    ) => {
      if (to === current) return;
      events.push({
        ...base,
        actor,
        action,
        targetType: "Request",
        targetId: request.id,
        before: { state: current },
        after: { state: to },
        at,
      });
      current = to;
    };

    planned.forEach((p, i) => {
      const task = taskOf(p);
      const createdBy = p.input.createdBy ? idOf(p.input.createdBy) : null;
      if (p.kind !== "APPROVAL") {
        transition(
          "PROVISIONING",
          p.createdAt,
          createdBy,
          current === "ERRORED" ? "request.retried" : undefined,
        );
      }
      events.push({
        ...base,
        task: task.id,
        actor: createdBy,
        action: "task.created",
        targetType: "Task",
        targetId: task.id,
        after: {
          number: p.number,
          kind: p.kind,
          stepIndex: p.stepIndex,
          assigneeIds: p.input.assignees.map(idOf),
        },
        at: p.createdAt,
      });
      let holders = p.input.assignees.map(idOf);
      for (const r of p.input.reassignments ?? []) {
        const next = [...holders.filter((h) => h !== idOf(r.from)), idOf(r.to)];
        events.push({
          ...base,
          task: task.id,
          actor: r.by ? idOf(r.by) : null,
          action: "task.reassigned",
          targetType: "Task",
          targetId: task.id,
          before: { assigneeIds: holders },
          after: { assigneeIds: next },
          reason: r.reason,
          at: r.at ?? p.createdAt,
        });
        holders = next;
      }
      for (const c of comments.filter((c) => c.taskId === task.id)) {
        events.push({
          ...base,
          task: task.id,
          actor: c.authorId,
          action: "task.commented",
          targetType: "Task",
          targetId: task.id,
          after: { commentId: c.id },
          at: c.createdAt,
        });
      }
      if (p.state === "OPEN" || !p.completedAt) return;
      events.push({
        ...base,
        task: task.id,
        actor: p.completedById,
        action: OUTCOME_ACTIONS[p.outcome ?? "CANCELLED"],
        targetType: "Task",
        targetId: task.id,
        before: { state: "OPEN" },
        after: {
          state: p.state,
          outcome: p.outcome,
          ...(p.outcomeNote ? { note: p.outcomeNote } : {}),
        },
        reason: p.outcomeNote,
        at: p.completedAt,
      });
      const nextTask = planned[i + 1];
      if (p.kind === "APPROVAL" && p.outcome === "APPROVED") {
        if (nextTask?.kind !== "APPROVAL") transition("APPROVED", p.completedAt, p.completedById);
      } else if (p.outcome === "DENIED") {
        transition("DENIED", p.completedAt, p.completedById);
      } else if (p.state === "ERRORED") {
        transition("ERRORED", p.completedAt, p.completedById);
      } else if (p.state === "CANCELLED") {
        transition("CANCELLED", p.completedAt, p.completedById);
      } else if (p.state === "DONE") {
        transition("COMPLETED", p.completedAt, p.completedById);
      }
    });
    const finalAt = completedAt ?? cursor;
    transition(state, finalAt, null);

    let grant: Grant | null = null;
    if (applyGrantChanges && state === "COMPLETED" && completedAt) {
      const actor = last?.state === "DONE" && last.kind !== "APPROVAL" ? last.completedById : null;
      if (kind === "GRANT" && accountId) {
        grant = await tx.grant.create({
          data: {
            organizationId: orgId,
            accountId,
            entitlementId: input.entitlement.id,
            source: "REQUEST",
            grantedAt: completedAt,
            expiresAt: input.durationDays
              ? new Date(completedAt.getTime() + input.durationDays * 86_400_000)
              : null,
            requestId: request.id,
          },
        });
        events.push({
          ...base,
          actor,
          action: "grant.created",
          targetType: "Grant",
          targetId: grant.id,
          after: {
            accountId,
            entitlementId: input.entitlement.id,
            source: "REQUEST",
            expiresAt: grant.expiresAt?.toISOString() ?? null,
          },
          at: completedAt,
        });
      } else if (kind === "REVOKE" && input.grant) {
        grant = await tx.grant.update({
          where: { id: input.grant.id },
          data: { revokedAt: completedAt, revokeRequestId: request.id },
        });
        events.push({
          ...base,
          actor,
          action: "grant.revoked",
          targetType: "Grant",
          targetId: grant.id,
          before: { revokedAt: null },
          after: { revokedAt: completedAt.toISOString() },
          reason: request.reason,
          at: completedAt,
        });
      }
    }
    await createEvents(tx, events);

    const assigneesByTask = new Map<string, TaskAssignee[]>();
    const storedAssignees =
      tasks.length > 0
        ? await tx.taskAssignee.findMany({ where: { taskId: { in: tasks.map((t) => t.id) } } })
        : [];
    for (const a of storedAssignees) {
      assigneesByTask.set(a.taskId, [...(assigneesByTask.get(a.taskId) ?? []), a]);
    }
    return {
      request,
      tasks: planned.map((p) => {
        const t = taskOf(p);
        return { ...t, assignees: assigneesByTask.get(t.id) ?? [] };
      }),
      grant,
    };
  });
}
