import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The notification worker runs with tsx from packages/notify, whose tsconfig does not cover
// these files; tsx then compiles JSX the classic way (`React.createElement`, React not in
// scope) unless the file itself asks for the automatic runtime.
const dir = fileURLToPath(new URL("..", import.meta.url));
const files = ["components", "templates"].flatMap((folder) =>
  readdirSync(join(dir, folder))
    .filter((name) => name.endsWith(".tsx") && !name.endsWith(".test.tsx"))
    .map((name) => join(folder, name)),
);

describe("JSX runtime pragma", () => {
  it.each(files)("%s asks for the automatic JSX runtime", (file) => {
    expect(readFileSync(join(dir, file), "utf8").startsWith("/** @jsxRuntime automatic */\n")).toBe(
      true,
    );
  });
});
