import { ZImportPeopleInput, ZRunImportInput } from "../schemas/imports.ts";
import { importAppFile, importPeople } from "../services/imports/index.ts";
import { authedProcedure, router } from "../trpc.ts";

export const importsRouter = router({
  /** Imports a small CSV or JSON file into an app; large files use the upload route. */
  run: authedProcedure.input(ZRunImportInput).mutation(({ ctx, input }) =>
    importAppFile(ctx, {
      appId: input.appId,
      format: input.format,
      kind: input.kind,
      mode: input.mode,
      source: input.content,
    }),
  ),
  /** Imports the organization's people (super admins); large files use /api/users/import. */
  people: authedProcedure
    .input(ZImportPeopleInput)
    .mutation(({ ctx, input }) =>
      importPeople(ctx, { format: input.format, source: input.content }),
    ),
});
