// What an email is to every transport, and what a transport and the mailer over it do. Its
// own module, so the transports and email.ts (which picks one) import it without a cycle.

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
