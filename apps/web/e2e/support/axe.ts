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

/**
 * Frames whose sandbox forbids scripts (the dev mailbox's email): axe cannot run inside them
 * (their timers never fire, so its scan waits forever), so they are left out of the page's
 * scan and their document is checked on a page of its own instead.
 */
const SCRIPTLESS_FRAME = 'iframe[sandbox]:not([sandbox~="allow-scripts"])';

/** axe's violations on the page as one line each: "rule (impact): help — targets". */
export async function axeProblems(page: Page, options: AxeOptions = {}): Promise<string[]> {
  const frames = page.locator(SCRIPTLESS_FRAME);
  const documents: string[] = [];
  for (let i = 0; i < (await frames.count()); i++) {
    const html = await frames.nth(i).getAttribute("srcdoc");
    if (html) documents.push(html);
  }
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  if (options.within) builder = builder.include(options.within);
  if (documents.length > 0) builder = builder.exclude(SCRIPTLESS_FRAME);
  const problems = describe(await builder.analyze(), options);
  for (const html of documents) {
    const scratch = await page.context().newPage();
    try {
      await scratch.setContent(html);
      const inFrame = await new AxeBuilder({ page: scratch })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      problems.push(...describe(inFrame, options).map((p) => `in the sandboxed frame: ${p}`));
    } finally {
      await scratch.close();
    }
  }
  return problems;
}

type AxeResults = Awaited<ReturnType<AxeBuilder["analyze"]>>;

function describe(results: AxeResults, options: AxeOptions): string[] {
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
