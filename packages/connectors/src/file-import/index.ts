export {
  ImportFileError,
  readImportFile,
  type ImportBatch,
  type ImportFormat,
  type ImportSource,
  type ReadImportOptions,
  type TextKind,
} from "./read.ts";
export { IMPORT_LIMITS } from "./limits.ts";
export {
  CSV_COLUMNS,
  IMPORT_KINDS,
  type ImportKind,
  type ImportProblem,
  type ImportRows,
  type TAccountRow,
  type TEntitlementRow,
  type TGrantRow,
  type TUserRow,
} from "./rows.ts";
