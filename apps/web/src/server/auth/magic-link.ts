import "server-only";
import { signInEmail } from "@lantern/emails";
import { env } from "~/env";
import { getPrisma } from "~/server/db";

/**
 * Delivers a magic sign-in link. Until real transports arrive (Resend / SMTP, issue
 * "notifications"), every email lands in the dev mailbox table and the link is written
 * to the server log, so a person trying Lantern locally can always sign in.
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
  const prisma = await getPrisma();
  await prisma.devEmail.create({ data: { to: input.email, subject, html, text } });
  console.log(`[lantern] Sign-in link for ${input.email}: ${input.url}`);
}
