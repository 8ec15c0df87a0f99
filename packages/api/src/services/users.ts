import type { Prisma, UserRole, UserStatus } from "@lantern/db";
import { assertAllowed, canViewDirectory, type Page } from "@lantern/domain";

import { keyset } from "./shared/keyset.ts";
import type { TListUsersInput } from "../schemas/users.ts";
import { escapeLike } from "./search.ts";
import type { ReadContext } from "./shared/context.ts";

export interface DirectoryUser {
  id: string;
  displayName: string;
  email: string;
  title: string | null;
  department: string | null;
  manager: { id: string; displayName: string } | null;
  role: UserRole;
  status: UserStatus;
  /** People who report to them directly and have not left (deprovisioned). */
  directReportCount: number;
}

/**
 * The people directory (super admins): by name, keyset-paginated; filtered by status, role,
 * manager (their direct reports) or "has no manager".
 */
export async function listUsers(
  ctx: ReadContext,
  input: TListUsersInput,
): Promise<Page<DirectoryUser>> {
  assertAllowed(canViewDirectory(ctx.actor));
  const and: Prisma.UserWhereInput[] = [];
  const search = input.search?.trim() ? escapeLike(input.search.trim()) : "";
  if (search) {
    and.push({
      OR: [
        { displayName: { contains: search, mode: "insensitive" } },
        { email: { contains: search, mode: "insensitive" } },
        { title: { contains: search, mode: "insensitive" } },
      ],
    });
  }
  const keys = keyset(input, { key: "displayName", kind: "text", dir: "asc" });
  const users = await ctx.db.user.findMany({
    where: {
      organizationId: ctx.actor.organizationId,
      ...(input.status ? { status: input.status } : {}),
      ...(input.role ? { role: input.role } : {}),
      ...(input.managerId
        ? { managerId: input.managerId }
        : input.noManager
          ? { managerId: null }
          : {}),
      AND: and,
      ...keys.after,
    },
    ...keys.window,
    select: {
      id: true,
      displayName: true,
      email: true,
      title: true,
      department: true,
      role: true,
      status: true,
      manager: { select: { id: true, displayName: true } },
      _count: { select: { reports: { where: { status: { not: "DEPROVISIONED" } } } } },
    },
  });
  const page = keys.page(users);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map(({ _count, ...u }) => ({ ...u, directReportCount: _count.reports })),
  };
}
