// Helpers for the transport tests (src/transports/*.test.ts). Not exported from
// `@lantern/notify/testing`, which the bench imports outside vitest.
import type { PrismaClient } from "@lantern/db";
import { expect } from "vitest";
import type { EmailMessage } from "../transports/email.ts";
import { DeliveryError } from "../transports/errors.ts";

/** For the transports that need no database: a prisma that fails loudly if touched. */
export const noPrisma = {} as PrismaClient;

let sequence = 0;

/** An email to Dana, with an idempotency key no other call returns unless overridden. */
export function testEmail(overrides: Partial<EmailMessage> = {}): EmailMessage {
  sequence += 1;
  return {
    to: "dana@acme.com",
    subject: "Provision Figma for Dana",
    html: "<p>Provision <b>Figma</b> for Dana</p>",
    text: "Provision Figma for Dana",
    idempotencyKey: `notification:${sequence}`,
    ...overrides,
  };
}

/** The DeliveryError a send fails with; the test fails if it succeeds or fails otherwise. */
export async function deliveryError(send: Promise<unknown>): Promise<DeliveryError> {
  const error = await send.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}
