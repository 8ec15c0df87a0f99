export { eachActivityBatch, readActivityFile } from "./read.ts";
export { normaliseAppName } from "./app-name.ts";
export { OKTA_EVENT_KINDS } from "./okta.ts";
export {
  ACTIVITY_LIMITS,
  ACTIVITY_SKIP_REASONS,
  ACTIVITY_SOURCES,
  ActivityFileError,
  type ActivityBatch,
  type ActivityFormat,
  type ActivityInput,
  type ActivityKind,
  type ActivityProblem,
  type ActivityRecord,
  type ActivitySkipReason,
  type ActivitySource,
  type ActivitySummary,
  type ReadActivityOptions,
} from "./types.ts";
