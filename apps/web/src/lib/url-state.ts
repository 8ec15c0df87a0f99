import type { Options } from "nuqs";

/**
 * How the list pages keep their search and filters in the URL (nuqs): each change replaces
 * the history entry (Back leaves the page, not the last filter), keeps the scroll position,
 * and renders the page on the server again (`shallow: false`: its prefetch and figures follow
 * the URL). nuqs queues the changes of one moment into one URL update, each parameter on its
 * own, so two filters changed a few milliseconds apart both stick.
 */
export const URL_STATE = {
  history: "replace",
  scroll: false,
  shallow: false,
} as const satisfies Options;
