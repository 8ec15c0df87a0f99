import { useEffect, useState, useTransition } from "react";
import { parseAsString, useQueryState } from "nuqs";
import { URL_STATE } from "./url-state.ts";

/**
 * A list's search text, debounced and kept in the URL (`?q=`) so a search can be shared
 * and survives a reload. The URL is written through nuqs, which changes `q` alone: the
 * page's other parameters (a tab, a filter — even one changed a moment before) stay as they
 * are. `search` changes inside a transition: a suspense query keyed on it keeps showing the
 * previous rows (`isPending`) until the new ones come. `initial` is the search the server
 * page accepted from the URL it was given (a refused one is ""), used while the URL still
 * says the same.
 */
export function useUrlSearch(initial: string) {
  const [isPending, startTransition] = useTransition();
  const [search, setSearch] = useQueryState(
    "q",
    parseAsString.withDefault("").withOptions({ ...URL_STATE, startTransition }),
  );
  const [first] = useState(search);
  const current = search === first ? initial : search.trim();
  const [input, setInput] = useState(current);

  useEffect(() => {
    const handle = setTimeout(() => {
      const next = input.trim();
      if (next === current) return;
      startTransition(() => void setSearch(next || null));
    }, 250);
    return () => clearTimeout(handle);
  }, [input, current, setSearch]);

  return { input, setInput, search: current, isPending };
}
