import {
  ZAppByIdInput,
  ZAppSettingsInput,
  ZCreateAppInput,
  ZListAppsInput,
  ZRemapStatusInput,
  ZSetAccountMappingModeInput,
  ZSetAppMembersInput,
  ZUpdateAppSettingsInput,
} from "../schemas/apps.ts";
import { ZAppConnectorInput, ZSetAppConnectorInput } from "../schemas/connectors.ts";
import { getRemapStatus, setAccountMappingMode } from "../services/accounts/mapping-settings.ts";
import {
  createApp,
  getAppSettings,
  setAppMembers,
  updateAppSettings,
} from "../services/app-settings.ts";
import { getApp, listApps } from "../services/apps.ts";
import {
  getAppConnector,
  setAppConnector,
  testAppConnector,
} from "../services/connectors/config.ts";
import { authedProcedure, router } from "../trpc.ts";

export const appsRouter = router({
  list: authedProcedure.input(ZListAppsInput).query(({ ctx, input }) => listApps(ctx, input)),
  byId: authedProcedure.input(ZAppByIdInput).query(({ ctx, input }) => getApp(ctx, input.id)),
  /** Add application: super admins (canCreateApp). */
  create: authedProcedure
    .input(ZCreateAppInput)
    .mutation(({ ctx, input }) => createApp(ctx, input)),
  /** App settings: details, people, instructions, default policies (canManageApp). */
  settings: authedProcedure
    .input(ZAppSettingsInput)
    .query(({ ctx, input }) => getAppSettings(ctx, input.appId)),
  /** Changes the settings given; the others stay. */
  update: authedProcedure
    .input(ZUpdateAppSettingsInput)
    .mutation(({ ctx, input }) => updateAppSettings(ctx, input)),
  /** Replaces the owners, provisioners or deprovisioners of the app. */
  setMembers: authedProcedure
    .input(ZSetAppMembersInput)
    .mutation(({ ctx, input }) => setAppMembers(ctx, input)),
  /** Account mapping settings (SPEC §4.2): saves the mode and re-maps (or queues a re-map). */
  setAccountMappingMode: authedProcedure
    .input(ZSetAccountMappingModeInput)
    .mutation(({ ctx, input }) => setAccountMappingMode(ctx, input)),
  /** The app's latest re-map, for its progress bar and banner; null when it never had one. */
  remapStatus: authedProcedure
    .input(ZRemapStatusInput)
    .query(({ ctx, input }) => getRemapStatus(ctx, input.appId)),
  /** The app's connector: its kind, settings that are not secret, which secrets are set. */
  connector: authedProcedure
    .input(ZAppConnectorInput)
    .query(({ ctx, input }) => getAppConnector(ctx, input.appId)),
  /** Sets the connector kind and settings; a secret left out stays as stored. */
  setConnector: authedProcedure
    .input(ZSetAppConnectorInput)
    .mutation(({ ctx, input }) => setAppConnector(ctx, input)),
  /** Tests a connector configuration (as given, before it is saved) against the app. */
  testConnector: authedProcedure
    .input(ZSetAppConnectorInput)
    .mutation(({ ctx, input }) => testAppConnector(ctx, input)),
});
