"use client";

import dynamic from "next/dynamic";

/**
 * The safe markdown renderer (components/ui/markdown.tsx), in its own chunk: rendered on the
 * server as usual, while its parser (the bulk of the task page's JavaScript) loads beside
 * the page instead of before it.
 */
export const LazyMarkdown = dynamic(
  () => import("~/components/ui/markdown").then((m) => m.Markdown),
  { loading: () => null },
);
