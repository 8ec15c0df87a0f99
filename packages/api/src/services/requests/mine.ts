import {
  outcomeOfRequest,
  type Actor,
  type Page,
  type RequestKind,
  type RequestOutcome,
  type RequestState,
  type TaskKind,
} from "@lantern/domain";
import { NEWEST_FIRST, keyset } from "../shared/keyset.ts";
import type { TMyRequestsInput } from "../../schemas/requests.ts";
import type { Context } from "../../context.ts";

// My requests: the requests the viewer made.

export interface MyRequestRow {
  id: string;
  kind: RequestKind;
  state: RequestState;
  reason: string;
  durationDays: number | null;
  createdAt: Date;
  completedAt: Date | null;
  app: { id: string; name: string; iconUrl: string | null };
  entitlement: { id: string; displayName: string };
  policyName: string;
  /** The latest task of the request: where to follow it. */
  latestTask: {
    number: number;
    kind: TaskKind;
    state: string;
    outcomeNote: string | null;
    assignees: string[];
  } | null;
  /** What happens next (outcomeOfRequest): word it with describeOutcome. */
  next: RequestOutcome | null;
}

/** The requests the viewer made, newest first, keyset-paginated. */
export async function listMyRequests(
  ctx: Pick<Context, "db"> & { actor: Actor },
  input: TMyRequestsInput,
): Promise<Page<MyRequestRow>> {
  const keys = keyset(input, NEWEST_FIRST);
  const rows = await ctx.db.request.findMany({
    where: { organizationId: ctx.actor.organizationId, requesterId: ctx.actor.id, ...keys.after },
    ...keys.window,
    select: {
      id: true,
      kind: true,
      state: true,
      reason: true,
      durationDays: true,
      createdAt: true,
      completedAt: true,
      policyName: true,
      app: { select: { id: true, name: true, iconUrl: true } },
      entitlement: { select: { id: true, displayName: true } },
      tasks: {
        orderBy: { number: "desc" },
        take: 1,
        select: {
          number: true,
          kind: true,
          state: true,
          outcomeNote: true,
          assignees: {
            where: { active: true },
            select: { user: { select: { id: true, displayName: true } } },
          },
        },
      },
    },
  });
  const page = keys.page(rows);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map(({ tasks, ...r }) => {
      const t = tasks[0];
      const people = (t?.assignees ?? [])
        .map((a) => a.user)
        .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));
      return {
        ...r,
        next: outcomeOfRequest({
          state: r.state,
          openTask:
            t && t.state === "OPEN" ? { number: t.number, kind: t.kind, assignees: people } : null,
        }),
        latestTask: t
          ? {
              number: t.number,
              kind: t.kind,
              state: t.state,
              outcomeNote: t.outcomeNote,
              assignees: t.assignees.map((a) => a.user.displayName),
            }
          : null,
      };
    }),
  };
}
