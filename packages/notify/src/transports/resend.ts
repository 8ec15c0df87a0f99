import { Resend } from "resend";
import type { EmailTransport } from "./types.ts";
import { classifyResendError, DeliveryError, toDeliveryError } from "./errors.ts";
import { IDEMPOTENCY_HEADER, resendIdempotencyKey } from "./idempotency.ts";

const RESEND_API_URL = "https://api.resend.com";

/**
 * Email through Resend's API. The outbox key travels as `Idempotency-Key`, so a retry after
 * a crash or a lost response returns the first email's id instead of sending again
 * (Resend remembers keys for 24 hours).
 */
export function createResendTransport(
  config: { apiKey: string; baseUrl?: string },
  options: { timeoutMs: number },
): EmailTransport {
  // Both options given explicitly: the SDK would otherwise read RESEND_BASE_URL and
  // RESEND_USER_AGENT from the environment behind the config module's back.
  const resend = new Resend(config.apiKey, {
    baseUrl: config.baseUrl ?? RESEND_API_URL,
    userAgent: "lantern-notify",
  });
  return {
    async send(message) {
      const signal = AbortSignal.timeout(options.timeoutMs);
      let response: Awaited<ReturnType<typeof resend.emails.send>>;
      try {
        response = await resend.emails.send(
          {
            from: message.from,
            to: [message.to],
            subject: message.subject,
            html: message.html,
            text: message.text,
            headers: { [IDEMPOTENCY_HEADER]: message.idempotencyKey },
          },
          {
            idempotencyKey: resendIdempotencyKey(message.idempotencyKey),
            signal,
          },
        );
      } catch (error) {
        throw signal.aborted ? timedOut(options.timeoutMs) : toDeliveryError(error, "resend");
      }
      if (response.error && signal.aborted) throw timedOut(options.timeoutMs);
      if (response.error) throw classifyResendError(response.error, response.headers);
      if (!response.data?.id) {
        throw new DeliveryError("Resend answered without an email id", {
          provider: "resend",
          permanent: false,
        });
      }
      return { providerMessageId: response.data.id };
    },
    async close() {},
  };
}

/** The SDK reports an aborted request as "Unable to fetch data"; say what happened. */
function timedOut(timeoutMs: number): DeliveryError {
  return new DeliveryError(`Resend did not answer within ${timeoutMs / 1000} s`, {
    provider: "resend",
    permanent: false,
    code: "timeout",
  });
}
