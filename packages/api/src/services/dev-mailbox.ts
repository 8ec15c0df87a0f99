import { devMailboxScope, DomainError, type Page } from "@lantern/domain";
import type { Prisma } from "@lantern/db";
import { NEWEST_FIRST, keyset } from "./shared/keyset.ts";
import type { Context } from "../context.ts";
import type { TDevEmailInput, TDevMailboxListInput } from "../schemas/dev-mailbox.ts";
import { escapeLike } from "./search.ts";

// The dev mailbox (SPEC §6.1): with no email service configured, outgoing email is stored in
// the DevEmail table instead of sent, and read here. The table belongs to the server, not to
// an organization; the API offers it only where the web says so (demo mode or development,
// and only while the dev mailbox is the email transport): see `devMailboxProcedure`. Whose
// email it shows is devMailboxScope's: everyone's in demo mode, the viewer's own otherwise.

type ServiceContext = Pick<Context, "db" | "actor" | "devMailbox">;

const NOT_IN_MAILBOX = "This email is not in the dev mailbox.";

/** The emails the viewer may read, as a filter (none at all when the mailbox is off). */
function visibleEmails(ctx: ServiceContext): Prisma.DevEmailWhereInput {
  const scope = devMailboxScope(ctx.devMailbox ?? "off", ctx.actor);
  switch (scope.kind) {
    case "ALL":
      return {};
    case "OWN":
      return { to: { equals: scope.email, mode: "insensitive" } };
    case "NONE":
      throw new DomainError("NOT_FOUND", "There is no dev mailbox on this server.");
  }
}

export interface DevEmailListItem {
  id: string;
  to: string;
  from: string;
  subject: string;
  createdAt: Date;
}

export interface DevEmail extends DevEmailListItem {
  html: string;
  text: string;
  /** Every web link in the email, text version first, each once. */
  links: string[];
}

/** Stored emails, newest first, keyset-paginated; `to` filters by part of the recipient. */
export async function listDevEmails(
  ctx: ServiceContext,
  input: TDevMailboxListInput,
): Promise<Page<DevEmailListItem>> {
  const where: Prisma.DevEmailWhereInput = { AND: [visibleEmails(ctx)] };
  const to = input.to?.trim();
  if (to) where.to = { contains: escapeLike(to), mode: "insensitive" };
  const keys = keyset(input, NEWEST_FIRST);
  const rows = await ctx.db.devEmail.findMany({
    where: { ...where, ...keys.after },
    ...keys.window,
    select: { id: true, to: true, from: true, subject: true, createdAt: true },
  });
  return keys.page(rows);
}

export async function getDevEmail(ctx: ServiceContext, input: TDevEmailInput): Promise<DevEmail> {
  const email = await ctx.db.devEmail.findFirst({
    where: { id: input.id, AND: [visibleEmails(ctx)] },
    select: {
      id: true,
      to: true,
      from: true,
      subject: true,
      createdAt: true,
      html: true,
      text: true,
    },
  });
  if (!email) throw new DomainError("NOT_FOUND", NOT_IN_MAILBOX);
  return { ...email, links: linksOf(email.text, email.html) };
}

const TEXT_LINK = /https?:\/\/[^\s<>"'`)\]]+/g;
const HREF = /href\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

function decodeEntities(value: string): string {
  return value
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;|&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
}

/**
 * The http(s) links of an email: those of the text version in order (a trailing period or
 * comma is punctuation, not link), then any other link the HTML carries.
 */
export function linksOf(text: string, html: string): string[] {
  const links: string[] = [];
  const add = (raw: string) => {
    const link = raw.replace(/[.,;:!?]+$/, "");
    if (/^https?:\/\//i.test(link) && !links.includes(link)) links.push(link);
  };
  for (const match of text.matchAll(TEXT_LINK)) add(match[0]);
  for (const match of html.matchAll(HREF)) add(decodeEntities(match[1] ?? match[2] ?? "").trim());
  return links;
}
