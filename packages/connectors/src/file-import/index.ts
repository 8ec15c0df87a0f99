export {
  ImportFileError,
  readImportFile,
  type ImportBatch,
  type ImportFormat,
  type ImportSource,
  type ReadImportOptions,
} from "./read.ts";
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
