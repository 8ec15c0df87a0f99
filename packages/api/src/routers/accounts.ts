import { authedProcedure, router } from "../trpc.ts";

/**
 * Accounts of an app (SPEC §4.1, §4.3, §4.4).
 * list + owner/type actions: helper A. byId: helper B.
 */
export const accountsRouter = router({});

// Keeps the import used until the first procedure lands.
void authedProcedure;
