"use client";

import { useId, useState } from "react";
import { cn } from "~/lib/cn";
import { formatCount } from "~/lib/format";
import { Markdown } from "./markdown.tsx";
import { fieldClass } from "./textarea.tsx";

/**
 * Markdown written by admins (e.g. an app's provisioning instructions): a labelled text area
 * with Write and Preview tabs; the preview renders exactly as readers will see it (Markdown,
 * no raw HTML). Shows how much of `maxLength` is used. The whole is a group named by the label,
 * so tests and assistive technology find its tabs next to its text area.
 */
export function MarkdownEditor({
  label,
  hint,
  value,
  onChange,
  maxLength,
  error,
  rows = 8,
  placeholder,
}: {
  label: string;
  hint?: React.ReactNode;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  error?: string | null;
  rows?: number;
  placeholder?: string;
}) {
  const id = useId();
  const [tab, setTab] = useState<"write" | "preview">("write");
  const tabs = [
    { id: "write", label: "Write" },
    { id: "preview", label: "Preview" },
  ] as const;
  const describedBy = [hint ? `${id}-hint` : null, `${id}-count`, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    event.preventDefault();
    const next = tab === "write" ? "preview" : "write";
    setTab(next);
    document.getElementById(`${id}-tab-${next}`)?.focus();
  };
  return (
    <div role="group" aria-labelledby={`${id}-label`} className="min-w-0">
      <div className="mb-1.5 flex flex-wrap items-end justify-between gap-2">
        <label
          id={`${id}-label`}
          htmlFor={`${id}-text`}
          className="block text-sm font-medium text-zinc-800"
        >
          {label}
        </label>
        <div role="tablist" aria-label="Write or preview" className="flex gap-1">
          {tabs.map((t) => (
            <button
              key={t.id}
              id={`${id}-tab-${t.id}`}
              type="button"
              role="tab"
              aria-selected={tab === t.id}
              aria-controls={`${id}-panel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              onClick={() => setTab(t.id)}
              onKeyDown={onKeyDown}
              className={cn(
                "rounded-md px-2.5 py-1 text-xs font-medium",
                tab === t.id
                  ? "bg-zinc-900 text-white"
                  : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900",
              )}
            >
              {t.label}
            </button>
          ))}
        </div>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="text-muted mb-1.5 text-xs">
          {hint}
        </p>
      ) : null}
      <div
        id={`${id}-panel-write`}
        role="tabpanel"
        aria-labelledby={`${id}-tab-write`}
        hidden={tab !== "write"}
      >
        <textarea
          id={`${id}-text`}
          rows={rows}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          maxLength={maxLength}
          placeholder={placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={cn(fieldClass, "resize-y font-mono text-[13px] leading-6")}
        />
      </div>
      <div
        id={`${id}-panel-preview`}
        role="tabpanel"
        aria-labelledby={`${id}-tab-preview`}
        hidden={tab !== "preview"}
        tabIndex={0}
        className="min-h-24 rounded-md border border-zinc-200 bg-zinc-50/60 px-3 py-2.5"
      >
        {tab === "preview" ? (
          value.trim() ? (
            <Markdown>{value}</Markdown>
          ) : (
            <p className="text-muted text-sm">Nothing to preview yet.</p>
          )
        ) : null}
      </div>
      <p id={`${id}-count`} className="text-muted mt-1.5 text-right text-xs tabular-nums">
        {formatCount(value.length)} / {formatCount(maxLength)} characters
      </p>
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs font-medium text-rose-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
