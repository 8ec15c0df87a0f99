import { useEffect, useState, useTransition } from "react";
import { usePathname, useRouter } from "next/navigation";
import { hrefWith } from "./url.ts";

/**
 * A list's search text, debounced and kept in the URL (`?q=`) so a search can be shared
 * and survives a reload. `keep` names the other URL parameters of the page (a tab, a
 * filter) that must stay as they are. `search` changes inside a transition: a suspense
 * query keyed on it keeps showing the previous rows (`isPending`) until the new ones come.
 */
export function useUrlSearch(initial: string, keep: Record<string, string | undefined> = {}) {
  const router = useRouter();
  const pathname = usePathname();
  const [input, setInput] = useState(initial);
  const [search, setSearch] = useState(initial);
  const [isPending, startTransition] = useTransition();
  const kept = JSON.stringify(keep);

  useEffect(() => {
    const handle = setTimeout(() => {
      const next = input.trim();
      if (next === search) return;
      startTransition(() => {
        setSearch(next);
        const params = JSON.parse(kept) as Record<string, string | undefined>;
        router.replace(hrefWith(pathname, { ...params, q: next || undefined }), { scroll: false });
      });
    }, 250);
    return () => clearTimeout(handle);
  }, [input, search, pathname, router, kept]);

  return { input, setInput, search, isPending };
}
