import "server-only";
import { createMailer, loadNotifyConfig, type Mailer } from "@lantern/notify";
import { getPrisma } from "./db";

const globalForMailer = globalThis as unknown as { lanternMailer?: Promise<Mailer> };

/**
 * The web server's mailer, for email that cannot wait for the outbox (sign-in links): the
 * same transports as the notification worker (Resend, SMTP or the dev mailbox).
 */
export function getMailer(): Promise<Mailer> {
  globalForMailer.lanternMailer ??= (async () =>
    createMailer(loadNotifyConfig(), { prisma: await getPrisma() }))();
  globalForMailer.lanternMailer.catch(() => {
    globalForMailer.lanternMailer = undefined;
  });
  return globalForMailer.lanternMailer;
}
