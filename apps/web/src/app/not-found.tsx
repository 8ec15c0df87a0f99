import type { Metadata } from "next";
import Link from "next/link";
import { LanternMark } from "~/components/shell/logo";
import { primaryButton } from "~/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

/** Any URL Lantern does not have. Shows nothing of any organization. */
export default function NotFound() {
  return (
    <div className="flex min-h-screen flex-col items-center bg-zinc-50 px-4 py-12 sm:py-16">
      <Link href="/apps" className="mb-8 flex items-center gap-2.5">
        <LanternMark className="size-9" />
        <span className="text-lg font-semibold tracking-tight text-zinc-950">Lantern</span>
      </Link>
      <div className="w-full max-w-md rounded-2xl border border-zinc-200 bg-white p-8 text-center shadow-sm">
        <p className="text-muted font-mono text-xs font-medium tracking-wider">404</p>
        <h1 className="mt-2 text-lg font-semibold text-zinc-950">Page not found</h1>
        <p className="mt-1.5 text-sm text-zinc-600">
          There is nothing at this address. The link may be mistyped, or the page may have moved.
        </p>
        <Link href="/apps" className={`${primaryButton} mt-6`}>
          Back to Applications
        </Link>
      </div>
      <p className="text-muted mt-10 text-xs">Open-source access governance</p>
    </div>
  );
}
