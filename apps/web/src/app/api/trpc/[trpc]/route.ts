import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter, createContext } from "@lantern/api";
import { devMailboxAccess, env, secretsKey } from "~/env";
import { getSession, sessionClaim } from "~/server/auth/session";
import { getPrisma } from "~/server/db";

const production = env.NODE_ENV === "production";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => {
      return createContext({
        db: await getPrisma(),
        session: sessionClaim(await getSession()),
        production,
        devMailbox: devMailboxAccess,
        secretsKey,
      });
    },
    onError({ path, error }) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        console.error(`[lantern] tRPC ${path ?? "?"} failed:`, error.cause ?? error);
      }
    },
  });
}

export { handler as GET, handler as POST };
