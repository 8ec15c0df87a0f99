import "server-only";
import { createHash } from "node:crypto";
import { signInEmail } from "@lantern/emails";
import { demoMode, env } from "~/env";
import { getMailer } from "~/server/mailer";

/**
 * Delivers a magic sign-in link through the configured email transport (Resend, SMTP, or
 * the dev mailbox when neither is set). With the dev mailbox outside demo mode nobody could
 * read the email, so the link is also written to the server log there.
 */
export async function sendMagicLink(input: {
  email: string;
  url: string;
  expiresInMinutes: number;
}) {
  const { subject, html, text } = await signInEmail({
    url: input.url,
    email: input.email,
    host: new URL(env.NEXTAUTH_URL).host,
    expiresInMinutes: input.expiresInMinutes,
  });
  const mailer = await getMailer();
  // One link, one email: a retried send of the same link is not delivered twice.
  const idempotencyKey = `sign-in:${createHash("sha256").update(input.url).digest("hex")}`;
  await mailer.sendEmail({ to: input.email, subject, html, text, idempotencyKey });
  if (mailer.kind === "dev-mailbox" && !demoMode) {
    console.log(`[lantern] Sign-in link for ${input.email}: ${input.url}`);
  }
}
