import type { Prisma, PrismaClient } from "./generated/prisma/client.ts";

/**
 * Reserves `count` consecutive task numbers of an organization by atomically
 * incrementing Organization.taskNumberSeq; returns the first. Call it inside the
 * transaction that creates the tasks, so a rollback gives the numbers back.
 */
export async function reserveTaskNumbers(
  db: PrismaClient | Prisma.TransactionClient,
  organizationId: string,
  count = 1,
): Promise<number> {
  const rows = await db.$queryRaw<{ taskNumberSeq: number }[]>`
    UPDATE "Organization" SET "taskNumberSeq" = "taskNumberSeq" + ${count}
     WHERE "id" = ${organizationId}::uuid
    RETURNING "taskNumberSeq"`;
  const last = rows[0]?.taskNumberSeq;
  if (last === undefined) throw new Error(`Organization ${organizationId} does not exist`);
  return Number(last) - count + 1;
}
