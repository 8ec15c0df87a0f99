import type { PrismaClient } from "@lantern/db";
import type { EmailTransport } from "./types.ts";
import { toDeliveryError } from "./errors.ts";

/**
 * The local mailbox used when no email transport is configured: messages are stored in
 * DevEmail and shown in the app. Keyed by the outbox key, so a redelivery stores nothing
 * new and answers the first row's id (INSERT … ON CONFLICT DO NOTHING, then a read: safe
 * when two workers deliver the same row at once).
 */
export function createDevMailboxTransport(prisma: PrismaClient): EmailTransport {
  return {
    async send(message) {
      try {
        await prisma.devEmail.createMany({
          data: [
            {
              to: message.to,
              from: message.from,
              subject: message.subject,
              html: message.html,
              text: message.text,
              idempotencyKey: message.idempotencyKey,
            },
          ],
          skipDuplicates: true,
        });
        const row = await prisma.devEmail.findUniqueOrThrow({
          where: { idempotencyKey: message.idempotencyKey },
          select: { id: true },
        });
        return { providerMessageId: row.id };
      } catch (error) {
        throw toDeliveryError(error, "dev-mailbox");
      }
    },
    async close() {},
  };
}
