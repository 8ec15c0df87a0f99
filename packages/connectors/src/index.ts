export * from "./types.ts";
export { recorderConnector } from "./recorder.ts";
