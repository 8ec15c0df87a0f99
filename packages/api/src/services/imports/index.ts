// Imports from files (SPEC §4.6): an app's accounts, entitlements and grants (app-file.ts) and
// the organization's people (people.ts), both staged in batches (staging.ts) and applied in
// one transaction with set-based statements.
export {
  importAppFile,
  type ImportAppFileInput,
  type ImportMode,
  type ImportOptions,
  type ImportSummary,
} from "./app-file.ts";
export { importPeople, type ImportPeopleInput, type PeopleImportSummary } from "./people.ts";
