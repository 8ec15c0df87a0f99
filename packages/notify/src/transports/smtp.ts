import { createTransport } from "nodemailer";
import type { EmailTransport } from "./types.ts";
import { classifySmtpError, DeliveryError } from "./errors.ts";
import { IDEMPOTENCY_HEADER, messageIdFor } from "./idempotency.ts";

/** Connections kept open to the relay; the worker's concurrency above this waits. */
const MAX_CONNECTIONS = 5;

/**
 * Email through an SMTP relay, over one pooled transport. SMTP has no idempotency keys:
 * each message carries a Message-ID derived from the outbox key (so a redelivery after a
 * lost "250 OK" has the same Message-ID, which mail systems dedupe) and the key itself in
 * X-Lantern-Idempotency-Key.
 */
export function createSmtpTransport(
  config: { url: string },
  options: { timeoutMs: number },
): EmailTransport {
  const transport = createTransport(withPoolOptions(config.url, options.timeoutMs));
  let closed = false;
  return {
    async send(message) {
      // A closed pool queues messages forever instead of failing them.
      if (closed) {
        throw new DeliveryError("The SMTP transport is closed", {
          provider: "smtp",
          permanent: false,
        });
      }
      const messageId = messageIdFor(message.idempotencyKey);
      try {
        await transport.sendMail({
          from: message.from,
          to: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
          messageId,
          headers: { [IDEMPOTENCY_HEADER]: message.idempotencyKey },
        });
      } catch (error) {
        throw classifySmtpError(error);
      }
      return { providerMessageId: messageId };
    },
    async close() {
      closed = true;
      transport.close();
    },
  };
}

/**
 * nodemailer reads transport options from the URL's query when given a URL, and ignores
 * other options next to it; so pooling and timeouts go into the query, unless the
 * operator's SMTP_URL already sets them (e.g. `?maxConnections=2`).
 */
export function withPoolOptions(url: string, timeoutMs: number): string {
  const parsed = new URL(url);
  const defaults: Record<string, string> = {
    pool: "true",
    maxConnections: String(MAX_CONNECTIONS),
    connectionTimeout: String(Math.min(timeoutMs, 15_000)),
    greetingTimeout: String(Math.min(timeoutMs, 15_000)),
    socketTimeout: String(timeoutMs),
  };
  for (const [key, value] of Object.entries(defaults)) {
    if (!parsed.searchParams.has(key)) parsed.searchParams.set(key, value);
  }
  return parsed.toString();
}
