// The bounds of an import file (SPEC §4.6), documented in packages/connectors/README.md. A file
// beyond any of them is refused with the line and the bound, never half read: they keep a
// hostile or broken file from costing the server its memory or stack, and an account's page
// from carrying megabytes of attributes.

export const IMPORT_LIMITS = {
  /** Bytes of one CSV record (all its fields, quoted line breaks included). */
  maxCsvRecordBytes: 1024 * 1024,
  /** Bytes of a JSON document: JSON is parsed whole, so larger files go as CSV (streamed). */
  maxJsonBytes: 64 * 1024 * 1024,
  /** Nesting of arrays and objects in a JSON document; a valid one needs 5. */
  maxJsonDepth: 10,
  /** Profile attributes of one account (an accounts CSV's extra columns). */
  maxProfileAttributes: 100,
  /** Characters of a profile attribute's name. */
  maxProfileKeyLength: 100,
  /** Characters of one profile value (each item of a list counts alone). */
  maxProfileValueLength: 1000,
  /** Items of a profile value that is a list. */
  maxProfileListItems: 100,
} as const;

/** "1 MB" for 1,048,576 bytes. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}
