export * from "./types.ts";
export { recorderConnector } from "./recorder.ts";
export * from "./file-import/index.ts";
export * from "./kinds/kind.ts";
export { CONNECTOR_KINDS, DEFAULT_CONNECTOR_KIND, findConnectorKind } from "./registry.ts";
export * from "./activity/index.ts";
