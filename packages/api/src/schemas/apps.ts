import { z } from "zod";

export const ZListAppsInput = z.object({
  status: z.enum(["MANAGED", "DISCOVERED", "IGNORED"]).default("MANAGED"),
  search: z.string().trim().max(200, "Search text is limited to 200 characters.").optional(),
  cursor: z.string().max(1000).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type TListAppsInput = z.output<typeof ZListAppsInput>;

export const ZAppByIdInput = z.object({ id: z.uuid({ error: "That is not a valid app id." }) });
export type TAppByIdInput = z.output<typeof ZAppByIdInput>;

export const ZAccountMappingMode = z.enum(["NARROW", "BROAD"], {
  error: "The mapping mode is NARROW (email addresses only) or BROAD (email, then name).",
});

export const ZSetAccountMappingModeInput = z.object({
  appId: z.uuid({ error: "That is not a valid app id." }),
  mode: ZAccountMappingMode,
});
export type TSetAccountMappingModeInput = z.output<typeof ZSetAccountMappingModeInput>;

export const ZRemapStatusInput = z.object({
  appId: z.uuid({ error: "That is not a valid app id." }),
});
export type TRemapStatusInput = z.output<typeof ZRemapStatusInput>;
