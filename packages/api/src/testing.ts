import type { PrismaClient } from "@lantern/db";
import { createContext } from "./context.ts";
import { createCaller } from "./root.ts";

/** A caller of the whole API as `userId` (null: signed out), as a production request would be. */
export async function callerFor(db: PrismaClient, userId: string | null) {
  return createCaller(await createContext({ db, sessionUserId: userId, production: true }));
}
