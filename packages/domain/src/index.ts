export * from "./errors.ts";
export * from "./actor.ts";
export * from "./pagination.ts";
export * from "./permissions/rules.ts";
export * from "./permissions/tasks.ts";
export * from "./workflow/policy.ts";
export * from "./workflow/assignees.ts";
export * from "./workflow/state-machine.ts";
