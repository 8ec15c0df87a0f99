import { z } from "zod";

/** Files larger than this go through the upload route (POST /api/apps/{appId}/import). */
export const MAX_INLINE_IMPORT_CHARS = 5 * 1024 * 1024;

export const ZImportKind = z.enum(["accounts", "entitlements", "grants"], {
  error: "kind must be accounts, entitlements or grants.",
});
export const ZImportMode = z.enum(["full", "incremental"], {
  error: "mode must be full or incremental.",
});
export const ZImportFormat = z.enum(["csv", "json"], { error: "format must be csv or json." });

export const ZRunImportInput = z
  .object({
    appId: z.uuid({ error: "That is not a valid app id." }),
    format: ZImportFormat,
    kind: ZImportKind.optional(),
    mode: ZImportMode.default("incremental"),
    content: z.string().max(MAX_INLINE_IMPORT_CHARS, {
      error: "Files over 5 MB are uploaded to /api/apps/{appId}/import instead.",
    }),
  })
  .refine((input) => input.format !== "csv" || input.kind !== undefined, {
    error: "A CSV file holds one kind of rows: say which (accounts, entitlements or grants).",
    path: ["kind"],
  });
export type TRunImportInput = z.output<typeof ZRunImportInput>;

export const ZImportPeopleInput = z.object({
  format: ZImportFormat,
  content: z.string().max(MAX_INLINE_IMPORT_CHARS, {
    error: "Files over 5 MB are uploaded to /api/users/import instead.",
  }),
});
export type TImportPeopleInput = z.output<typeof ZImportPeopleInput>;
