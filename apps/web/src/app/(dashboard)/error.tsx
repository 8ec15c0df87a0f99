"use client";

import { useEffect } from "react";
import Link from "next/link";
import { CircleAlert, SearchX, ShieldAlert } from "lucide-react";
import { primaryButton, secondaryButton } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";

type TypedCode = "FORBIDDEN" | "NOT_FOUND";

/** The code of a typed API refusal (a TRPCClientError's data.code), else null. */
function typedCode(error: unknown): TypedCode | null {
  const code = (error as { data?: { code?: unknown } } | null)?.data?.code;
  return code === "FORBIDDEN" || code === "NOT_FOUND" ? code : null;
}

const TYPED: Record<TypedCode, { title: string; icon: React.ReactNode }> = {
  FORBIDDEN: { title: "You can't open this", icon: <ShieldAlert className="size-6" /> },
  NOT_FOUND: { title: "Not found", icon: <SearchX className="size-6" /> },
};

/**
 * A page of the dashboard failed. A typed refusal (FORBIDDEN, NOT_FOUND) says why, in the
 * API's words; anything else gets a generic message (its details stay in the server logs,
 * matched by the reference).
 */
export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  const code = typedCode(error);
  const back = (
    <Link href="/apps" className={code ? primaryButton : secondaryButton}>
      Back to Applications
    </Link>
  );
  if (code) {
    return (
      <Notice tone="brand" icon={TYPED[code].icon} title={TYPED[code].title} actions={back}>
        {error instanceof Error ? error.message : null}
      </Notice>
    );
  }
  const digest = (error as { digest?: unknown } | null)?.digest;
  return (
    <Notice
      tone="red"
      icon={<CircleAlert className="size-6" />}
      title="Something went wrong"
      actions={
        <>
          <button type="button" onClick={() => retry()} className={primaryButton}>
            Try again
          </button>
          {back}
        </>
      }
    >
      <p>
        Lantern could not show this page. Try again; if it keeps happening, tell your Lantern
        administrator.
      </p>
      {typeof digest === "string" ? (
        <p className="text-muted mt-3 font-mono text-xs">Reference {digest}</p>
      ) : null}
    </Notice>
  );
}
