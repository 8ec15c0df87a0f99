import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { ArrowRight, Inbox, KeyRound, Mail, Search, X } from "lucide-react";
import { signInSubject } from "@lantern/emails";
import { CopyButton } from "~/components/dev-mailbox/copy-button";
import { EmailBody } from "~/components/dev-mailbox/email-body";
import { LanternMark } from "~/components/shell/logo";
import { Time } from "~/components/tasks/time";
import { Badge } from "~/components/ui/badge";
import { EmptyState } from "~/components/ui/empty-state";
import { demoMode, devMailboxAccess } from "~/env";
import { cn } from "~/lib/cn";
import { requireActor } from "~/server/auth/session";
import { serverCaller } from "~/trpc/server";

export const metadata: Metadata = { title: "Dev mailbox" };

type Params = { to?: string; cursor?: string; id?: string };

function href(params: Params): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const qs = query.toString();
  return qs ? `/dev/mailbox?${qs}` : "/dev/mailbox";
}

/** A tampered or stale cursor is answered with BAD_REQUEST: offer the first page instead. */
const unlessBadRequest = (error: unknown) => {
  if (error instanceof TRPCError && error.code === "BAD_REQUEST") return null;
  throw error;
};

const one = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

// Decided per request from the runtime configuration: without this, a build made where
// DATABASE_URL is set (CI) renders notFound() once at build time and serves that 404 forever.
export const dynamic = "force-dynamic";

/**
 * The dev mailbox (SPEC §6.1): with no email service configured, the email Lantern sends is
 * stored instead and read here — sign-in links above all. Only in demo mode (signed out too)
 * and in development; everywhere else this page does not exist.
 */
export default async function DevMailboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (devMailboxAccess === "off") notFound();
  if (devMailboxAccess === "signed-in") await requireActor();
  const raw = await searchParams;
  const params: Params = { to: one(raw.to), cursor: one(raw.cursor), id: one(raw.id) };
  const caller = await serverCaller();

  const page = await caller.devMailbox
    .list({ to: params.to, cursor: params.cursor })
    .catch(unlessBadRequest);
  const selectedId = params.id ?? page?.items[0]?.id;
  const email = selectedId
    ? await caller.devMailbox.byId({ id: selectedId }).catch((error: unknown) => {
        // An unknown or malformed id: say so beside the list.
        if (error instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST"].includes(error.code))
          return null;
        throw error;
      })
    : null;
  const signInLink =
    email && email.subject === signInSubject
      ? (email.text.match(/https?:\/\/\S+/)?.[0] ?? null)
      : null;

  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-zinc-200 bg-white">
        <div className="flex h-14 items-center gap-3 px-6">
          <LanternMark />
          <span className="text-sm font-semibold text-zinc-950">Lantern</span>
          <span className="text-faint" aria-hidden>
            /
          </span>
          <h1 className="flex items-center gap-2 text-sm font-semibold text-zinc-950">
            <Inbox className="text-muted size-4" aria-hidden /> Dev mailbox
          </h1>
          <Badge tone="brand">{demoMode ? "Demo mode" : "Development"}</Badge>
          <Link
            href="/"
            className="ml-auto inline-flex items-center gap-1 text-sm font-medium text-zinc-600 hover:text-zinc-950"
          >
            Open Lantern <ArrowRight className="size-3.5" aria-hidden />
          </Link>
        </div>
        <p className="border-t border-zinc-100 bg-zinc-50 px-6 py-2 text-xs text-zinc-600">
          No email service is configured (<code className="font-mono">RESEND_API_KEY</code> or{" "}
          <code className="font-mono">SMTP_URL</code>), so the email Lantern sends is kept here
          instead. This page exists only in demo mode and in development
          {demoMode ? "." : "; in development it shows only the email sent to your own address."}
        </p>
      </header>

      <div className="grid min-h-0 flex-1 grid-cols-1 lg:grid-cols-[minmax(320px,400px)_1fr]">
        <aside
          aria-label="Emails"
          className="flex min-h-0 flex-col border-r border-zinc-200 bg-white"
        >
          <form action="/dev/mailbox" method="get" className="border-b border-zinc-100 p-3">
            <label className="relative block">
              <span className="sr-only">Filter by recipient</span>
              <Search
                className="text-faint pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2"
                aria-hidden
              />
              <input
                type="search"
                name="to"
                defaultValue={params.to ?? ""}
                placeholder="Filter by recipient"
                maxLength={200}
                className="placeholder:text-faint w-full rounded-md border border-zinc-300 bg-white py-2 pr-3 pl-9 text-sm shadow-xs focus:border-zinc-400 focus:outline-none"
              />
            </label>
            {params.to ? (
              <p className="mt-2 flex items-center gap-1.5 text-xs text-zinc-600">
                Sent to addresses containing &ldquo;{params.to}&rdquo;
                <Link
                  href="/dev/mailbox"
                  className="ml-auto inline-flex items-center gap-0.5 font-medium text-zinc-600 hover:text-zinc-950"
                >
                  <X className="size-3" aria-hidden /> Clear
                </Link>
              </p>
            ) : null}
          </form>

          {!page ? (
            <div className="p-4 text-sm text-zinc-600">
              This page link is no longer valid.{" "}
              <Link href={href({ to: params.to })} className="font-medium underline">
                Go to the newest emails
              </Link>
              .
            </div>
          ) : page.items.length === 0 ? (
            <div className="p-4">
              <EmptyState icon={<Mail className="size-6" />} title="No emails yet">
                {params.to
                  ? "Nothing was sent to an address like that."
                  : "Sign-in links and notifications appear here as Lantern sends them. Ask for a sign-in link on the sign-in page to see one."}
              </EmptyState>
            </div>
          ) : (
            <ol className="min-h-0 flex-1 divide-y divide-zinc-100 overflow-y-auto">
              {page.items.map((item) => {
                const selected = item.id === email?.id;
                return (
                  <li key={item.id}>
                    <Link
                      href={href({ ...params, id: item.id })}
                      aria-current={selected ? "true" : undefined}
                      className={cn(
                        "block border-l-2 px-4 py-3 hover:bg-zinc-50",
                        selected ? "border-zinc-900 bg-zinc-50" : "border-transparent",
                      )}
                    >
                      <span className="flex items-baseline gap-2">
                        <span className="min-w-0 flex-1 truncate text-sm font-medium text-zinc-900">
                          {item.to}
                        </span>
                        <Time
                          at={item.createdAt}
                          relative
                          className="text-muted shrink-0 text-xs"
                        />
                      </span>
                      <span className="mt-0.5 flex items-center gap-1.5 truncate text-sm text-zinc-600">
                        {item.subject === signInSubject ? (
                          <KeyRound className="size-3.5 shrink-0 text-amber-600" aria-hidden />
                        ) : null}
                        <span className="truncate">{item.subject}</span>
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ol>
          )}
          {page && (page.nextCursor || params.cursor) ? (
            <nav
              aria-label="Pages"
              className="flex items-center justify-between border-t border-zinc-100 px-4 py-2.5 text-sm"
            >
              {params.cursor ? (
                <Link
                  href={href({ to: params.to })}
                  className="font-medium text-zinc-600 hover:text-zinc-950"
                >
                  Newest
                </Link>
              ) : (
                <span />
              )}
              {page.nextCursor ? (
                <Link
                  href={href({ to: params.to, cursor: page.nextCursor })}
                  className="font-medium text-zinc-600 hover:text-zinc-950"
                >
                  Older
                </Link>
              ) : null}
            </nav>
          ) : null}
        </aside>

        <main className="flex min-w-0 flex-col">
          {email ? (
            <article aria-labelledby="email-subject" className="flex min-h-0 flex-1 flex-col">
              <div className="border-b border-zinc-200 bg-white px-6 py-5">
                <h2 id="email-subject" className="text-lg font-semibold text-zinc-950">
                  {email.subject}
                </h2>
                <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                  <dt className="text-muted">To</dt>
                  <dd className="text-zinc-900">{email.to}</dd>
                  <dt className="text-muted">From</dt>
                  <dd className="text-zinc-900">{email.from || "Lantern"}</dd>
                  <dt className="text-muted">Sent</dt>
                  <dd className="text-zinc-900">
                    <Time at={email.createdAt} />
                  </dd>
                </dl>
                {signInLink ? (
                  <div className="mt-4 rounded-lg bg-amber-50 p-3 ring-1 ring-amber-200 ring-inset">
                    <p
                      id="sign-in-link-label"
                      className="flex items-center gap-1.5 text-xs font-medium text-amber-900"
                    >
                      <KeyRound className="size-3.5" aria-hidden /> Sign-in link
                    </p>
                    <div className="mt-2 flex items-center gap-2">
                      <input
                        readOnly
                        value={signInLink}
                        aria-labelledby="sign-in-link-label"
                        className="min-w-0 flex-1 rounded-md border border-amber-200 bg-white px-2.5 py-1.5 font-mono text-xs text-zinc-800"
                      />
                      <CopyButton value={signInLink} label="Copy sign-in link" />
                    </div>
                    <p className="mt-2 text-xs text-amber-900/80">
                      It works once and signs in {email.to} in the browser that opens it.
                    </p>
                  </div>
                ) : null}
              </div>
              <EmailBody html={email.html} text={email.text} links={email.links} />
            </article>
          ) : (
            <div className="p-10">
              <EmptyState icon={<Mail className="size-6" />} title="No email selected">
                {params.id
                  ? "That email is not in the dev mailbox."
                  : "Choose an email on the left to read it."}
              </EmptyState>
            </div>
          )}
        </main>
      </div>
    </div>
  );
}
