"use client";

/** The footer of a keyset-paginated table: loads the next page when there is one. */
export function ShowMore({
  query,
  label,
}: {
  query: {
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    fetchNextPage: () => Promise<unknown>;
  };
  label: string;
}) {
  if (!query.hasNextPage) return null;
  return (
    <div className="border-t border-zinc-100 p-3 text-center">
      <button
        type="button"
        onClick={() => void query.fetchNextPage()}
        disabled={query.isFetchingNextPage}
        className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-50 disabled:opacity-50"
      >
        {query.isFetchingNextPage ? "Loading…" : label}
      </button>
    </div>
  );
}
