import type { AddressInfo } from "node:net";
import type { Readable } from "node:stream";
import PostalMime, { type Address } from "postal-mime";
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import { createArrivals, FailureQueue } from "./wait.ts";

/** One message the sink accepted, parsed. */
export interface CapturedMail {
  /** SMTP envelope: MAIL FROM and RCPT TO. */
  envelope: { from: string; to: string[] };
  /** The From header's address, e.g. "lantern@acme.com". */
  from: string;
  /** The From header as sent, e.g. "Lantern <lantern@acme.com>". */
  fromHeader: string;
  /** The To header's addresses. */
  to: string[];
  subject: string;
  /** The text part, without the line break MIME adds before the next boundary. */
  text: string;
  html: string;
  /** With angle brackets, e.g. "<3f…@lantern>". */
  messageId: string;
  /** Header names lowercased; a repeated header keeps its first value. */
  headers: Record<string, string>;
  /** The user name the client authenticated as, if it did. */
  authUser: string | null;
  raw: string;
}

/** An SMTP reply to give instead of accepting: 4xx (try later) or 5xx (refused). */
export interface SmtpFailure {
  code: number;
  message: string;
}

export interface SmtpSink {
  /** "smtp://127.0.0.1:<port>" — use as SMTP_URL (add user:pass@ to test AUTH). */
  url: string;
  /** Accepted messages, in arrival order. */
  messages: CapturedMail[];
  /** Messages that reached DATA, accepted or failed. */
  attempts(): number;
  /** The next `count` messages get this reply at the end of DATA and are not kept. */
  failNext(count: number, failure: SmtpFailure): void;
  /** Resolves once `count` messages were accepted (default timeout 5 s). */
  waitFor(count: number, timeoutMs?: number): Promise<CapturedMail[]>;
  close(): Promise<void>;
}

/**
 * A real SMTP server (smtp-server) on 127.0.0.1, no TLS, any or no credentials accepted.
 * It keeps and parses what it receives, so tests assert on real MIME, headers included.
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: CapturedMail[] = [];
  const arrivals = createArrivals();
  const failures = new FailureQueue<SmtpFailure>();
  let attempts = 0;

  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // Pooled clients keep connections open; don't wait 30 s for them on close().
    closeTimeout: 100,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? "anonymous" });
    },
    onData(stream, session, callback) {
      receive(stream, session).then(
        () => callback(null),
        (error: unknown) => callback(error as Error),
      );
    },
  });

  async function receive(stream: Readable, session: SMTPServerSession): Promise<void> {
    const raw = await readAll(stream);
    attempts += 1;
    const failure = failures.take();
    if (failure) throw smtpReply(failure);
    messages.push(await parseMail(raw, session));
    arrivals.notify();
  }

  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    attempts: () => attempts,
    failNext(count, failure) {
      if (failure.code < 400 || failure.code > 599) {
        throw new Error("failNext: an SMTP failure code is 4xx or 5xx");
      }
      failures.arm(count, failure);
    },
    waitFor(count, timeoutMs = 5_000) {
      return arrivals.until(
        () => (messages.length >= count ? messages : undefined),
        timeoutMs,
        () =>
          `SMTP sink: expected ${count} message(s) within ${timeoutMs} ms, got ${messages.length}`,
      );
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** smtp-server turns an error with `responseCode` into that SMTP reply. */
function smtpReply(failure: SmtpFailure): Error {
  return Object.assign(new Error(failure.message), { responseCode: failure.code });
}

async function parseMail(raw: string, session: SMTPServerSession): Promise<CapturedMail> {
  const email = await PostalMime.parse(raw);
  const headers: Record<string, string> = {};
  for (const header of email.headers) headers[header.key] ??= header.value;
  const envelopeFrom = session.envelope.mailFrom;
  return {
    envelope: {
      from: envelopeFrom ? envelopeFrom.address : "",
      to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
    },
    from: addressesOf(email.from ? [email.from] : [])[0] ?? "",
    fromHeader: headers.from ?? "",
    to: addressesOf(email.to ?? []),
    subject: email.subject ?? "",
    text: withoutFinalNewline(email.text ?? ""),
    html: withoutFinalNewline(email.html ?? ""),
    messageId: email.messageId ?? "",
    headers,
    authUser: typeof session.user === "string" ? session.user : null,
    raw,
  };
}

/** MIME puts a line break before each part boundary; the parser keeps it in the body. */
function withoutFinalNewline(body: string): string {
  return body.replace(/\r?\n$/, "");
}

/** Mailbox addresses, groups flattened. */
function addressesOf(addresses: Address[]): string[] {
  return addresses.flatMap((entry) =>
    entry.group ? entry.group.map((member) => member.address) : [entry.address],
  );
}
