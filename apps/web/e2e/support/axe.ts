import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// axe-core's WCAG 2.1 A/AA rules, shared by the accessibility specs.

export type Impact = "minor" | "moderate" | "serious" | "critical";

export interface AxeOptions {
  /** A CSS selector: check only inside it (e.g. '[role="dialog"]'). */
  within?: string;
  /** Only violations of these impacts count (every impact when not given). */
  impacts?: readonly Impact[];
}

/** axe's violations on the page as one line each: "rule (impact): help — targets". */
export async function axeProblems(page: Page, options: AxeOptions = {}): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  if (options.within) builder = builder.include(options.within);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => !options.impacts || options.impacts.includes(v.impact as Impact))
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} node(s): ${v.nodes
          .map(
            (n) =>
              `${n.target.join(" ")}${n.failureSummary ? ` [${summary(n.failureSummary)}]` : ""}`,
          )
          .join(", ")}`,
    );
}

/** The first line of axe's "Fix any of the following" that says what is wrong. */
const summary = (failure: string) =>
  failure
    .split("\n")
    .map((line) => line.trim())
    .find((line) => line && !/^Fix (any|all) of the following/.test(line)) ?? "";

/** Fails with axe's violations of WCAG 2.1 A/AA on the page (or inside `within`). */
export async function expectAccessible(page: Page, what: string, options: AxeOptions = {}) {
  expect(await axeProblems(page, options), `${what} has accessibility violations`).toEqual([]);
}
