import type { PrismaClient } from "@lantern/db";
import { describeEmailTransport, type NotifyConfig } from "../config.ts";
import { createDevMailboxTransport } from "./dev-mailbox.ts";
import { createResendTransport } from "./resend.ts";
import { createSmtpTransport } from "./smtp.ts";

/** One email to one person. `idempotencyKey` is the outbox row's key. */
export interface EmailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  idempotencyKey: string;
  /** Overrides the configured EMAIL_FROM. */
  from?: string;
}

export interface SentEmail {
  /** Resend's email id, the SMTP Message-ID, or the DevEmail row's id. */
  providerMessageId: string;
}

export type MailerKind = "resend" | "smtp" | "dev-mailbox";

/**
 * Sends email through the configured transport. `sendEmail` throws DeliveryError; sending
 * again with the same idempotency key never delivers a second copy through Resend or the
 * dev mailbox, and gives SMTP recipients the same Message-ID.
 */
export interface Mailer {
  kind: MailerKind;
  /** For logs, secrets redacted, e.g. "SMTP via smtp://mail.acme.com:587 (user ***)". */
  describe: string;
  sendEmail(message: EmailMessage): Promise<SentEmail>;
  /** Releases connections (the SMTP pool). */
  close(): Promise<void>;
}

/** What every transport implements; createMailer adds the default From and the label. */
export interface EmailTransport {
  send(message: EmailMessage & { from: string }): Promise<SentEmail>;
  close(): Promise<void>;
}

export interface MailerOptions {
  /** Give up on a Resend request or an SMTP exchange after this long (default 30 s). */
  timeoutMs?: number;
}

export const DEFAULT_SEND_TIMEOUT_MS = 30_000;

/** The mailer for the configured transport (Resend, else SMTP, else the dev mailbox). */
export function createMailer(
  config: Pick<NotifyConfig, "email" | "from">,
  deps: { prisma: PrismaClient },
  options: MailerOptions = {},
): Mailer {
  const timeoutMs = options.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
  const transport = transportFor(config.email, deps.prisma, timeoutMs);
  return {
    kind: config.email.kind,
    describe: describeEmailTransport(config.email),
    sendEmail: (message) => transport.send({ ...message, from: message.from ?? config.from }),
    close: () => transport.close(),
  };
}

function transportFor(
  email: NotifyConfig["email"],
  prisma: PrismaClient,
  timeoutMs: number,
): EmailTransport {
  switch (email.kind) {
    case "resend":
      return createResendTransport(email, { timeoutMs });
    case "smtp":
      return createSmtpTransport(email, { timeoutMs });
    case "dev-mailbox":
      return createDevMailboxTransport(prisma);
  }
}
