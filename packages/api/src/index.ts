import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root.ts";

export { appRouter, createCaller, type AppRouter } from "./root.ts";
export {
  createContext,
  loadActor,
  type Context,
  type CreateContextOptions,
  type DevMailboxAccess,
} from "./context.ts";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export { recordSignIn, recordSignOut, type SignInMethod } from "./services/sessions.ts";
export {
  endedSessionState,
  findDemoSignInUser,
  listDemoSignInPeople,
  requestSignInLink,
  resolveSignInUser,
  type DemoSignInPerson,
  type SignInLinkDecision,
  type SignInRefusal,
  type SignInResolution,
} from "./services/sign-in.ts";
export {
  createSignInThrottle,
  DEFAULT_SIGN_IN_LIMITS,
  type SignInLimits,
  type SignInThrottle,
} from "./services/sign-in-throttle.ts";
export {
  claimFirstRun,
  firstRunOpen,
  mayClaimFirstRun,
  type FirstRunOptions,
  type FirstRunPerson,
} from "./services/first-run.ts";
export { runConnectorJobs, type ConnectorRunSummary } from "./services/connector-jobs.ts";
export { connectorForApp } from "./services/connectors/for-app.ts";
export { connectorSecretsProblem } from "./services/connectors/startup.ts";
export { startBackgroundWork, type BackgroundOptions, type BackgroundWork } from "./background.ts";
export {
  importAppFile,
  importPeople,
  type ImportAppFileInput,
  type ImportPeopleInput,
  type PeopleImportSummary,
  type ImportMode,
  type ImportSummary,
} from "./services/imports/index.ts";
export { ZImportKind, ZImportMode } from "./schemas/imports.ts";
export { exportAccounts, type AccountsExport } from "./services/accounts/export.ts";
export { toByteStream, type CsvExport } from "./services/csv.ts";
export { exportAuditLog } from "./services/audit.ts";
export { ZAuditFilters, type TAuditFilters } from "./schemas/audit.ts";
export { ZAccountFilters, type TAccountFilters } from "./schemas/accounts.ts";
export { exportReviewCampaign } from "./services/reviews/export.ts";
export { ZReviewCampaignIdInput } from "./schemas/reviews.ts";
export { ZSearchText } from "./schemas/text.ts";
