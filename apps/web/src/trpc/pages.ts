// Keyset pagination (cursor = the last row's sort key + id, ARCHITECTURE): every list's next
// page starts at the cursor its last page returned; none when it returned null.

/** The page options of an infinite query over one of Lantern's lists. */
export const nextPage = {
  getNextPageParam: <TCursor>(page: { nextCursor: TCursor }) => page.nextCursor,
};
