export * from "./errors.ts";
export * from "./actor.ts";
export * from "./pagination.ts";
export * from "./permissions/rules.ts";
