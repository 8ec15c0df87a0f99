"use client";

import { useEffect, useId, useRef, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ChevronsUpDown, Search } from "lucide-react";
import { AppIcon } from "~/components/ui/app-icon";
import { cn } from "~/lib/cn";
import { useTRPC } from "~/trpc/react";
import { LazyInlineMarkdown } from "~/components/ui/inline-markdown-lazy";

export interface PickedApp {
  id: string;
  name: string;
}

const OPTIONS_SHOWN = 20;

/**
 * Choose a managed app by typing part of its name: a combobox (WAI-ARIA 1.2 pattern) over
 * `apps.list`, searched on the server, so it works with thousands of apps.
 */
export function AppPicker({
  id,
  value,
  onChange,
  invalid,
  describedBy,
  disabled,
}: {
  id: string;
  value: PickedApp | null;
  onChange: (app: PickedApp | null) => void;
  invalid?: boolean;
  describedBy?: string;
  disabled?: boolean;
}) {
  const trpc = useTRPC();
  const listboxId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(value?.name ?? "");
  const [search, setSearch] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  // Another part of the form chose the app (a prefilled link): show its name.
  useEffect(() => {
    if (value) setText(value.name);
  }, [value]);

  useEffect(() => {
    const handle = setTimeout(() => setSearch(text.trim()), 150);
    return () => clearTimeout(handle);
  }, [text]);

  // While the box shows the chosen app's name, list every app, not just that one.
  const term = value && text === value.name ? "" : search;
  const apps = useQuery({
    ...trpc.apps.list.queryOptions({
      status: "MANAGED",
      search: term || undefined,
      limit: OPTIONS_SHOWN,
    }),
    enabled: open,
    placeholderData: keepPreviousData,
  });
  // What the box asks for once typing pauses. Until the answer to it arrives, the previous
  // answer stays on screen (no flashing list), but only with the apps whose names match what
  // is typed now: Enter never chooses an app the new search would not list.
  const wanted = value && text === value.name ? "" : text.trim();
  const stale = apps.isPlaceholderData || term !== wanted;
  const options = (apps.data?.items ?? []).filter(
    (app) => !stale || app.name.toLowerCase().includes(wanted.toLowerCase()),
  );
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));
  const optionId = (i: number) => `${listboxId}-option-${i}`;

  const choose = (app: PickedApp) => {
    onChange({ id: app.id, name: app.name });
    setText(app.name);
    setOpen(false);
  };

  return (
    <div className="relative">
      <div className="relative">
        <span className="pointer-events-none absolute top-1/2 left-1.5 flex -translate-y-1/2">
          {value && text === value.name ? (
            <AppIcon name={value.name} size="sm" />
          ) : (
            <Search className="text-faint size-4" aria-hidden />
          )}
        </span>
        <input
          ref={inputRef}
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-expanded={open}
          aria-controls={listboxId}
          aria-autocomplete="list"
          aria-activedescendant={open && options.length > 0 ? optionId(activeIndex) : undefined}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={describedBy}
          disabled={disabled}
          placeholder="Search applications"
          value={text}
          maxLength={200}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(0);
            if (value) onChange(null);
          }}
          onClick={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            // Leaving the box half-typed restores the chosen app's name.
            if (value) setText(value.name);
          }}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") {
              e.preventDefault();
              if (!open) setOpen(true);
              else setActive(Math.min(activeIndex + 1, options.length - 1));
            } else if (e.key === "ArrowUp") {
              e.preventDefault();
              setActive(Math.max(activeIndex - 1, 0));
            } else if (e.key === "Enter") {
              if (open && options[activeIndex]) {
                e.preventDefault();
                choose(options[activeIndex]);
              }
            } else if (e.key === "Escape") {
              if (open) {
                e.preventDefault();
                e.stopPropagation();
                setOpen(false);
                if (value) setText(value.name);
              }
            }
          }}
          className={cn(
            "placeholder:text-faint w-full rounded-md border bg-white py-2 pr-9 text-sm shadow-xs focus:outline-none disabled:bg-zinc-50",
            value && text === value.name ? "pl-10" : "pl-8",
            invalid
              ? "border-rose-400 focus:border-rose-500"
              : "border-zinc-300 focus:border-zinc-500",
          )}
        />
        <ChevronsUpDown
          className="text-faint pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2"
          aria-hidden
        />
      </div>
      <div
        hidden={!open}
        className="absolute z-30 mt-1 w-full overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-lg"
      >
        <ul
          id={listboxId}
          role="listbox"
          aria-label="Applications"
          className="max-h-80 overflow-y-auto p-1 empty:hidden"
        >
          {options.map((app, i) => (
            <li
              key={app.id}
              id={optionId(i)}
              role="option"
              aria-selected={value?.id === app.id}
              // Keep the focus in the box: a click chooses without blurring first.
              onMouseDown={(e) => e.preventDefault()}
              onMouseMove={() => setActive(i)}
              onClick={() => choose(app)}
              className={cn(
                "flex cursor-pointer items-center gap-3 rounded-md px-2.5 py-2",
                i === activeIndex && "bg-zinc-100",
              )}
            >
              <AppIcon name={app.name} size="sm" />
              <span className="min-w-0">
                <span className="block truncate text-sm font-medium text-zinc-900">{app.name}</span>
                {app.description ? (
                  <span className="text-muted block truncate text-xs">
                    <LazyInlineMarkdown>{app.description}</LazyInlineMarkdown>
                  </span>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
        {apps.isSuccess && !stale && options.length === 0 ? (
          <p className="text-muted px-3.5 py-2.5 text-sm">
            No managed application matches “{term}”.
          </p>
        ) : null}
        {apps.isPending || (stale && options.length === 0) ? (
          <p className="text-muted px-3.5 py-2.5 text-sm">Loading applications…</p>
        ) : null}
        {apps.data?.nextCursor ? (
          <p className="text-muted border-t border-zinc-100 px-3.5 py-2 text-xs">
            Showing the first {OPTIONS_SHOWN}. Type more of the name to narrow the list.
          </p>
        ) : null}
      </div>
    </div>
  );
}
