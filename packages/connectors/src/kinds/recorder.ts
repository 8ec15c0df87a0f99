import { z } from "zod";
import { recorderConnector } from "../recorder.ts";
import { defineKind } from "./kind.ts";

/**
 * The built-in recorder: every app's connector until another is chosen. It records grants and
 * revokes in Lantern and changes nothing in the app; it cannot read the app, so its sync yields
 * nothing (the app's accounts come from file imports).
 */
export const recorderKind = defineKind({
  key: "recorder",
  label: "Built-in recorder",
  description:
    "Records each grant and revoke in Lantern's history and changes nothing in the app itself. " +
    "It cannot read the app: its accounts, entitlements and grants come from file imports.",
  settings: z.object({}),
  create: () => ({
    ...recorderConnector,
    async *sync() {},
    test: async () => ({
      ok: true,
      message: "The built-in recorder needs no connection: it changes nothing outside Lantern.",
    }),
  }),
});
