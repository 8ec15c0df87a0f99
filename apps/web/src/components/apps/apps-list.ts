/** Shared by the Applications page (server prefetch) and its table (client). */
export const APP_LIST_PAGE_SIZE = 50;
