import type { z } from "zod";
import type { ImportBatch, ReadImportOptions } from "../file-import/index.ts";
import type { Connector } from "../types.ts";

// A connector kind (SPEC §6.4): what an app's connector can be. Each kind is one file in this
// folder and one line in ../registry.ts. Its settings are a zod object of text fields; each
// field says in `.meta()` how the settings form shows it ({ title, description }) and whether
// it is secret ({ secret: true }: stored encrypted, never sent back to a browser).

/** What a sync hands out: rows of the import file format, a batch of one kind at a time. */
export type SyncBatch = Exclude<ImportBatch, { kind: "users" }>;

/** The answer of a connection test, shown as is in the app's settings. */
export interface ConnectionTestResult {
  ok: boolean;
  message: string;
}

/** A configured connector of one app. */
export interface ConnectorInstance extends Connector {
  /**
   * What the app holds: entitlements, accounts (their `lastLoginAt` is the usage) and grants,
   * in the rows of the import file format. A kind that cannot read the app yields nothing.
   */
  sync(): AsyncIterable<SyncBatch>;
  /** Checks the settings against the app; changes nothing. */
  test(): Promise<ConnectionTestResult>;
}

/** What a kind's factory gets besides its settings. */
export interface ConnectorEnvironment {
  app: { id: string; name: string };
  /** Lantern's text rule, for rows read from the app (see readImportFile). */
  textProblem: ReadImportOptions["textProblem"];
}

/** The settings of a kind: an object of text fields (the form sends text). */
export type KindSettings = z.ZodObject<Record<string, z.ZodType<string | undefined, unknown>>>;

export interface ConnectorKind<S extends KindSettings = KindSettings> {
  /** Stored in App.connectorKind: never change it once released. */
  key: string;
  /** Shown in the kind picker. */
  label: string;
  /** What it does and what it does not, in a sentence or three. */
  description: string;
  settings: S;
  create(settings: z.output<S>, environment: ConnectorEnvironment): ConnectorInstance;
}

/** Declares a kind with its settings' types checked, erased to the registry's type. */
export function defineKind<S extends KindSettings>(kind: ConnectorKind<S>): ConnectorKind {
  return kind as unknown as ConnectorKind;
}

/** How the settings form shows one field. */
export interface SettingFieldInfo {
  key: string;
  label: string;
  description: string;
  secret: boolean;
  required: boolean;
}

/** The fields of a kind's settings, in their declared order. */
export function settingFields(kind: ConnectorKind): SettingFieldInfo[] {
  return Object.entries(kind.settings.shape).map(([key, schema]) => {
    const meta = (schema.meta() ?? {}) as {
      title?: string;
      description?: string;
      secret?: unknown;
    };
    return {
      key,
      label: meta.title ?? key,
      description: meta.description ?? "",
      secret: meta.secret === true,
      required: !schema.safeParse(undefined).success,
    };
  });
}
