// The input of My access's list (me.access), shared by the page's prefetch and the list, so
// both name the same query. A plain module: server and client import it.

export const MY_ACCESS_PAGE_SIZE = 25;

export const myAccessInput = { limit: MY_ACCESS_PAGE_SIZE };
