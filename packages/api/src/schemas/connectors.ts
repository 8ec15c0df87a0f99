import { z } from "zod";
import { singleLineText } from "./text.ts";

// An app's connector configuration (issue 15 §6). The kind's own schema (in
// @lantern/connectors) judges the settings; this bounds what reaches it.

const appId = z.uuid({ error: "That is not a valid app id." });

export const CONNECTOR_SETTINGS_MAX = 30;
export const CONNECTOR_SETTING_MAX = 4_000;

export const ZAppConnectorInput = z.object({ appId });
export type TAppConnectorInput = z.output<typeof ZAppConnectorInput>;

const ZSettingName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, { error: "That is not the name of a connector setting." });

/**
 * A kind and its settings. A secret setting left out (or empty) keeps the value stored for
 * the same kind: the page never has it, so it sends only what was typed anew.
 */
export const ZSetAppConnectorInput = z.object({
  appId,
  kind: z
    .string({ error: "Choose a connector kind." })
    .regex(/^[a-z][a-z0-9-]{0,63}$/, { error: "That is not a connector kind." }),
  settings: z
    .record(
      ZSettingName,
      singleLineText({ label: "A connector setting", max: CONNECTOR_SETTING_MAX }),
    )
    .refine((settings) => Object.keys(settings).length <= CONNECTOR_SETTINGS_MAX, {
      error: `A connector has at most ${CONNECTOR_SETTINGS_MAX} settings.`,
    })
    .default({}),
});
export type TSetAppConnectorInput = z.output<typeof ZSetAppConnectorInput>;
