export * from "./types.ts";
export { recorderConnector } from "./recorder.ts";
export * from "./file-import/index.ts";
