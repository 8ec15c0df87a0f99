"use client";

import { useEffect, useRef, useState, type RefObject } from "react";
import * as Tooltip from "@radix-ui/react-tooltip";
import { cn } from "~/lib/cn";

/**
 * Whether the element's text is cut short (CSS `truncate`): wider than the room it has.
 * Measured again whenever the element is resized (a narrower window, a column that moves).
 */
export function useIsTruncated(ref: RefObject<HTMLElement | null>, text: string): boolean {
  const [truncated, setTruncated] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setTruncated(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, text]);
  return truncated;
}

/**
 * Shows `text` in full beside `children` (the trigger: a link, or the cut-short text itself)
 * on hover and on keyboard focus, while `enabled` (the text is cut short). The tooltip
 * describes the trigger to screen readers while it is open; Escape or leaving closes it.
 */
export function FullTextTooltip({
  text,
  enabled,
  children,
}: {
  text: string;
  enabled: boolean;
  children: React.ReactElement;
}) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLElement>(null);
  const escaped = useRef(false);
  const change = (next: boolean) => {
    // While the trigger keeps the keyboard focus, only Escape closes it: focusing a cell of a
    // table that scrolls sideways (on a phone) scrolls it, which would otherwise close it.
    const focused = trigger.current !== null && trigger.current === document.activeElement;
    if (!next && focused && !escaped.current) return;
    escaped.current = false;
    setOpen(next);
  };
  return (
    <Tooltip.Provider delayDuration={300} skipDelayDuration={200}>
      <Tooltip.Root open={enabled && open} onOpenChange={change}>
        <Tooltip.Trigger
          asChild
          ref={(element: HTMLElement | null) => {
            trigger.current = element;
          }}
        >
          {children}
        </Tooltip.Trigger>
        <Tooltip.Portal>
          <Tooltip.Content
            onEscapeKeyDown={() => {
              escaped.current = true;
            }}
            side="bottom"
            align="start"
            sideOffset={4}
            collisionPadding={8}
            className="z-50 max-w-sm rounded-md bg-zinc-900 px-2.5 py-1.5 text-xs leading-5 break-words text-white shadow-lg"
          >
            {text}
          </Tooltip.Content>
        </Tooltip.Portal>
      </Tooltip.Root>
    </Tooltip.Provider>
  );
}

/**
 * One line of text, cut short with an ellipsis when it does not fit; then it can take the
 * keyboard focus, and hover or focus shows it in full (FullTextTooltip). Screen readers
 * read the whole text either way.
 */
export function TruncatedText({ text, className }: { text: string; className?: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const truncated = useIsTruncated(ref, text);
  return (
    <FullTextTooltip text={text} enabled={truncated}>
      <span
        ref={ref}
        tabIndex={truncated ? 0 : undefined}
        className={cn("block truncate", truncated && "cursor-default rounded-sm", className)}
      >
        {text}
      </span>
    </FullTextTooltip>
  );
}
