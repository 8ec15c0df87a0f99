import { accountsRouter } from "./routers/accounts.ts";
import { appsRouter } from "./routers/apps.ts";
import { auditRouter } from "./routers/audit.ts";
import { devMailboxRouter } from "./routers/dev-mailbox.ts";
import { entitlementsRouter } from "./routers/entitlements.ts";
import { grantsRouter } from "./routers/grants.ts";
import { importsRouter } from "./routers/imports.ts";
import { meRouter } from "./routers/me.ts";
import { notificationsRouter } from "./routers/notifications.ts";
import { organizationRouter } from "./routers/organization.ts";
import { policiesRouter } from "./routers/policies.ts";
import { requestsRouter } from "./routers/requests.ts";
import { reviewsRouter } from "./routers/reviews.ts";
import { tasksRouter } from "./routers/tasks.ts";
import { usersRouter } from "./routers/users.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  accounts: accountsRouter,
  apps: appsRouter,
  audit: auditRouter,
  devMailbox: devMailboxRouter,
  entitlements: entitlementsRouter,
  grants: grantsRouter,
  imports: importsRouter,
  me: meRouter,
  notifications: notificationsRouter,
  organization: organizationRouter,
  policies: policiesRouter,
  requests: requestsRouter,
  reviews: reviewsRouter,
  tasks: tasksRouter,
  users: usersRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
