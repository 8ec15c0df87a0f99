import type { PrismaClient } from "@lantern/db";
import { describeEmailTransport, type NotifyConfig } from "../config.ts";
import { createDevMailboxTransport } from "./dev-mailbox.ts";
import { createResendTransport } from "./resend.ts";
import { createSmtpTransport } from "./smtp.ts";
import type { EmailTransport, Mailer } from "./types.ts";

export type { EmailMessage, EmailTransport, Mailer, MailerKind, SentEmail } from "./types.ts";

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
