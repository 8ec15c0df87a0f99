"use client";

import { useId, useRef, useState } from "react";
import { ExternalLink } from "lucide-react";
import { cn } from "~/lib/cn";
import { CopyButton } from "./copy-button.tsx";
import { EMAIL_FRAME_SANDBOX, emailFrameHtml } from "./frame-html.ts";

const TABS = ["html", "text", "links"] as const;
type Tab = (typeof TABS)[number];

/**
 * One stored email's body: the HTML in a sandboxed frame (no scripts, no same-origin access;
 * its links open in a new tab, as from a mail client), the text version, and every link in it,
 * each copyable.
 */
export function EmailBody({ html, text, links }: { html: string; text: string; links: string[] }) {
  const [tab, setTab] = useState<Tab>("html");
  const id = useId();
  const buttons = useRef<Record<Tab, HTMLButtonElement | null>>({
    html: null,
    text: null,
    links: null,
  });
  const label: Record<Tab, string> = {
    html: "HTML",
    text: "Text",
    links: `Links (${links.length})`,
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length]!;
    setTab(next);
    buttons.current[next]?.focus();
  };

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div
        role="tablist"
        aria-label="Email versions"
        className="flex gap-5 border-b border-zinc-200 px-6"
        onKeyDown={onKeyDown}
      >
        {TABS.map((t) => (
          <button
            key={t}
            ref={(el) => {
              buttons.current[t] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-${t}-tab`}
            aria-selected={tab === t}
            aria-controls={`${id}-${t}-panel`}
            tabIndex={tab === t ? 0 : -1}
            onClick={() => setTab(t)}
            className={cn(
              "-mb-px border-b-2 py-2.5 text-sm font-medium",
              tab === t
                ? "border-zinc-900 text-zinc-950"
                : "text-muted border-transparent hover:border-zinc-300 hover:text-zinc-800",
            )}
          >
            {label[t]}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-${tab}-panel`}
        aria-labelledby={`${id}-${tab}-tab`}
        className="min-h-0 flex-1 bg-zinc-50 p-6"
      >
        {tab === "html" ? (
          <iframe
            title="The email as HTML"
            sandbox={EMAIL_FRAME_SANDBOX}
            srcDoc={emailFrameHtml(html)}
            referrerPolicy="no-referrer"
            className="h-[640px] w-full rounded-lg border border-zinc-200 bg-white shadow-xs"
          />
        ) : tab === "text" ? (
          <pre className="max-w-3xl overflow-x-auto rounded-lg border border-zinc-200 bg-white p-5 font-mono text-[13px] leading-relaxed [overflow-wrap:anywhere] whitespace-pre-wrap text-zinc-800 shadow-xs">
            {text}
          </pre>
        ) : links.length === 0 ? (
          <p className="text-muted text-sm">This email has no links.</p>
        ) : (
          <ul className="max-w-3xl space-y-2">
            {links.map((link) => (
              <li
                key={link}
                className="flex items-center gap-2 rounded-lg border border-zinc-200 bg-white p-2 pl-3 shadow-xs"
              >
                <span className="min-w-0 flex-1 font-mono text-xs break-all text-zinc-700">
                  {link}
                </span>
                <CopyButton value={link} label="Copy link" />
                <a
                  href={link}
                  target="_blank"
                  rel="noreferrer noopener"
                  className="inline-flex shrink-0 items-center gap-1 rounded-md px-2 py-1.5 text-xs font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900"
                >
                  Open <ExternalLink className="size-3" aria-hidden />
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
