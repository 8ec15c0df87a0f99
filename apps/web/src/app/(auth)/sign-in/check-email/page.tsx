import type { Metadata } from "next";
import Link from "next/link";
import { MailCheck } from "lucide-react";
import { SentTo } from "~/components/auth/sent-to";
import { demoMode } from "~/env";

export const metadata: Metadata = { title: "Check your email" };
export const dynamic = "force-dynamic";

export default function CheckEmailPage() {
  return (
    <div className="rounded-2xl border border-zinc-200 bg-white p-8 text-center shadow-sm">
      <MailCheck className="text-brand-500 mx-auto size-10" aria-hidden />
      <h1 className="mt-4 text-lg font-semibold text-zinc-950">Check your email</h1>
      <p className="mt-2 text-sm text-zinc-600">
        <SentTo /> It works once and expires in 15 minutes. You can close this tab.
      </p>
      {demoMode ? (
        <p className="mt-4 rounded-lg bg-zinc-50 px-3 py-2 text-xs text-zinc-600">
          Lantern is in demo mode with no email service configured: the link is printed in the
          server log.
        </p>
      ) : null}
      <Link
        href="/sign-in"
        className="mt-6 inline-block text-sm font-medium text-zinc-700 underline underline-offset-2 hover:text-zinc-950"
      >
        Use a different address
      </Link>
    </div>
  );
}
