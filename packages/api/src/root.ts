import { appsRouter } from "./routers/apps.ts";
import { meRouter } from "./routers/me.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  apps: appsRouter,
  me: meRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
