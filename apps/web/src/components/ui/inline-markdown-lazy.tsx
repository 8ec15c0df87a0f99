"use client";

import dynamic from "next/dynamic";

/**
 * InlineMarkdown (components/ui/markdown.tsx) for client components, in its own chunk:
 * rendered on the server as usual, while the Markdown parser loads beside the page instead
 * of before it (as LazyMarkdown does for the task page).
 */
export const LazyInlineMarkdown = dynamic(
  () => import("~/components/ui/markdown").then((m) => m.InlineMarkdown),
  { loading: () => null },
);
