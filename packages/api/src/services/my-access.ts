import type { AccountStatus, AccountType, GrantSource } from "@lantern/db";
import { decodeCursor, toPage, type Page, type RequestState, type TaskKind } from "@lantern/domain";
import type { TMyAccessInput } from "../schemas/me.ts";
import {
  accountLabel,
  pendingRevocations,
  pendingView,
  type PendingRevocationView,
} from "./grants/index.ts";
import type { ReadContext } from "./shared/context.ts";

// "My access" (issue 14): every account the signed-in person owns, in every app of their
// organization, with what it holds now and what is on its way — the requests asking for more
// and the revocations removing some. Only ever the viewer's own: the query names no person,
// and every row is scoped to the actor's organization and to accounts they own (SPEC §8: a
// member sees their own accounts and the grants of accounts they own).

/** Running requests: not yet completed, errored, denied or cancelled. */
const RUNNING: RequestState[] = ["PENDING_APPROVAL", "APPROVED", "PROVISIONING"];

/** Live grants listed per account; the account's own page lists them all. */
export const MY_ACCESS_GRANTS_PER_ACCOUNT = 50;
/** Running requests listed per account (and for the viewer with no account yet). */
export const MY_ACCESS_REQUESTS_PER_ACCOUNT = 20;

/** A request on its way: what it asks for, where it stands, and its open task. */
export interface MyPendingRequest {
  id: string;
  state: RequestState;
  entitlement: { id: string; slug: string; displayName: string };
  requester: { id: string; displayName: string };
  requestedAt: Date;
  durationDays: number | null;
  /**
   * The open task (approval or provisioning) and who it waits for; null while a connector
   * works. The viewer is the person whose access it is, so canViewTask lets them open it.
   */
  task: { number: number; kind: TaskKind; waitingFor: string[] } | null;
}

export interface MyAccessGrant {
  grantId: string;
  entitlement: { id: string; slug: string; displayName: string };
  source: GrantSource;
  grantedAt: Date;
  expiresAt: Date | null;
  /** Its revocation in flight, if any ("pending revocation"). */
  pending: PendingRevocationView | null;
}

export interface MyAccessAccount {
  id: string;
  /** The stable fragment of this account on /my-access (reviews and expiry notices link to it). */
  anchor: string;
  app: { id: string; name: string };
  label: string;
  login: string | null;
  displayName: string | null;
  primaryEmail: string | null;
  status: AccountStatus;
  type: AccountType;
  lastLoginAt: Date | null;
  /** Every live grant of the account; `grants` lists the first MY_ACCESS_GRANTS_PER_ACCOUNT. */
  liveGrantCount: number;
  grants: MyAccessGrant[];
  /** Running GRANT requests for this account, newest first. */
  requests: MyPendingRequest[];
}

export interface MyAccess extends Page<MyAccessAccount> {
  /**
   * Running requests for the viewer in apps where they have no account yet (it is created when
   * provisioned), newest first; on the first page only (null on later pages).
   */
  withoutAccount: Array<MyPendingRequest & { app: { id: string; name: string } }> | null;
}

/** "account-<id>": the anchor of an account on My access. */
export const myAccessAnchor = (accountId: string) => `account-${accountId}`;

const requestSelect = {
  id: true,
  state: true,
  createdAt: true,
  durationDays: true,
  requester: { select: { id: true, displayName: true } },
  entitlement: { select: { id: true, slug: true, displayName: true } },
  tasks: {
    where: { state: "OPEN" as const },
    orderBy: { number: "desc" as const },
    take: 1,
    select: {
      number: true,
      kind: true,
      assignees: {
        where: { active: true },
        orderBy: { user: { displayName: "asc" as const } },
        select: { user: { select: { displayName: true } } },
      },
    },
  },
};

function requestView(r: {
  id: string;
  state: RequestState;
  createdAt: Date;
  durationDays: number | null;
  requester: { id: string; displayName: string };
  entitlement: { id: string; slug: string; displayName: string };
  tasks: Array<{
    number: number;
    kind: TaskKind;
    assignees: Array<{ user: { displayName: string } }>;
  }>;
}): MyPendingRequest {
  const task = r.tasks[0];
  return {
    id: r.id,
    state: r.state,
    entitlement: r.entitlement,
    requester: r.requester,
    requestedAt: r.createdAt,
    durationDays: r.durationDays,
    task: task
      ? {
          number: task.number,
          kind: task.kind,
          waitingFor: task.assignees.map((a) => a.user.displayName),
        }
      : null,
  };
}

/**
 * The viewer's accounts by app name (cursor: app name + account id), each with its live grants
 * (by entitlement name, with any revocation in flight) and its running requests; on the first
 * page, the requests for the viewer in apps where they have no account yet.
 */
export async function getMyAccess(ctx: ReadContext, input: TMyAccessInput): Promise<MyAccess> {
  const { actor } = ctx;
  const organizationId = actor.organizationId;
  const after = input.cursor ? decodeCursor(input.cursor, "text") : null;
  const rows = await ctx.db.account.findMany({
    where: {
      organizationId,
      ownerId: actor.id,
      ...(after
        ? {
            OR: [
              { app: { name: { gt: after.key } } },
              { app: { name: after.key }, id: { gt: after.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ app: { name: "asc" } }, { id: "asc" }],
    take: input.limit + 1,
    select: {
      id: true,
      login: true,
      displayName: true,
      emails: true,
      externalId: true,
      status: true,
      type: true,
      lastLoginAt: true,
      app: {
        select: {
          id: true,
          name: true,
          members: { where: { role: "OWNER" }, select: { userId: true } },
        },
      },
      _count: { select: { grants: { where: { revokedAt: null } } } },
      grants: {
        where: { revokedAt: null },
        orderBy: [{ entitlement: { displayName: "asc" } }, { id: "asc" }],
        take: MY_ACCESS_GRANTS_PER_ACCOUNT,
        select: {
          id: true,
          source: true,
          grantedAt: true,
          expiresAt: true,
          entitlement: { select: { id: true, slug: true, displayName: true } },
        },
      },
      requests: {
        where: { organizationId, kind: "GRANT", state: { in: RUNNING } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: MY_ACCESS_REQUESTS_PER_ACCOUNT,
        select: requestSelect,
      },
    },
  });
  const page = toPage(rows, input.limit, (a) => ({ key: a.app.name, id: a.id }));

  const [pending, withoutAccount] = await Promise.all([
    pendingRevocations(
      ctx.db,
      organizationId,
      page.items.flatMap((a) => a.grants.map((g) => g.id)),
    ),
    after
      ? null
      : ctx.db.request.findMany({
          where: {
            organizationId,
            kind: "GRANT",
            targetUserId: actor.id,
            accountId: null,
            state: { in: RUNNING },
          },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: MY_ACCESS_REQUESTS_PER_ACCOUNT,
          select: { ...requestSelect, app: { select: { id: true, name: true } } },
        }),
  ]);

  return {
    nextCursor: page.nextCursor,
    items: page.items.map((a) => {
      const appOwnerIds = a.app.members.map((m) => m.userId);
      return {
        id: a.id,
        anchor: myAccessAnchor(a.id),
        app: { id: a.app.id, name: a.app.name },
        label: accountLabel(a),
        login: a.login,
        displayName: a.displayName,
        primaryEmail: a.emails[0] ?? null,
        status: a.status,
        type: a.type,
        lastLoginAt: a.lastLoginAt,
        liveGrantCount: a._count.grants,
        grants: a.grants.map((g) => ({
          grantId: g.id,
          entitlement: g.entitlement,
          source: g.source,
          grantedAt: g.grantedAt,
          expiresAt: g.expiresAt,
          pending: pendingView(pending.get(g.id), actor, appOwnerIds),
        })),
        requests: a.requests.map(requestView),
      };
    }),
    withoutAccount: withoutAccount
      ? withoutAccount.map((r) => ({ ...requestView(r), app: r.app }))
      : null,
  };
}
