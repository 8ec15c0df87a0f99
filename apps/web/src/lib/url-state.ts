import type { Options } from "nuqs";

/**
 * How the list pages keep their search and filters in the URL (nuqs): each change replaces
 * the history entry (Back leaves the page, not the last filter) and keeps the scroll
 * position. nuqs queues the changes of one moment into one URL update, each parameter on its
 * own, so two filters changed a few milliseconds apart both stick. The state nuqs returns
 * changes at once (a select or checkbox shows the choice); a list keyed on it reads it
 * through useDeferredValue, so it keeps its rows until the new ones come.
 *
 * `URL_STATE` renders the page on the server again (its prefetch and server-rendered parts
 * follow the URL); `CLIENT_URL_STATE` only changes the URL, for a list the client fetches
 * itself.
 */
export const URL_STATE = {
  history: "replace",
  scroll: false,
  shallow: false,
} as const satisfies Options;

export const CLIENT_URL_STATE = { ...URL_STATE, shallow: true } as const satisfies Options;
