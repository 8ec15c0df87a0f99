import colors from "tailwindcss/colors";
import { describe, expect, it } from "vitest";
import { TONES } from "./app-icon.tsx";

// A monogram's colour is picked from the app's name, so a contrast failure shows only for some
// names (an axe scan of a randomly named app failed one run in four). Check every tone here.

type Palette = Record<string, Record<string, string> | string>;

/** Relative luminance (WCAG) of a Tailwind 4 colour written as oklch(L% C h). */
function luminance(oklch: string): number {
  const match = /^oklch\(([\d.]+)% ([\d.]+) ([\d.]+)\)$/.exec(oklch);
  if (!match) throw new Error(`Not an oklch colour: ${oklch}`);
  const l = Number(match[1]) / 100;
  const c = Number(match[2]);
  const h = (Number(match[3]) * Math.PI) / 180;
  const [a, b] = [c * Math.cos(h), c * Math.sin(h)];
  const lms = [
    (l + 0.3963377774 * a + 0.2158037573 * b) ** 3,
    (l - 0.1055613458 * a - 0.0638541728 * b) ** 3,
    (l - 0.0894841775 * a - 1.291485548 * b) ** 3,
  ] as const;
  const linear = [
    4.0767416621 * lms[0] - 3.3077115913 * lms[1] + 0.2309699292 * lms[2],
    -1.2684380046 * lms[0] + 2.6097574011 * lms[1] - 0.3413193965 * lms[2],
    -0.0041960863 * lms[0] - 0.7034186147 * lms[1] + 1.707614701 * lms[2],
  ].map((v) => Math.min(1, Math.max(0, v)));
  return 0.2126 * linear[0]! + 0.7152 * linear[1]! + 0.0722 * linear[2]!;
}

function colourOf(utility: string, prefix: "bg-" | "text-"): string {
  const name = utility.slice(prefix.length);
  if (name === "white") return "oklch(100% 0 0)";
  const [hue, shade] = name.split("-") as [string, string];
  const value = (colors as unknown as Palette)[hue];
  if (typeof value !== "object" || !value[shade]) throw new Error(`No colour ${name}`);
  return value[shade];
}

describe("AppIcon tones", () => {
  it.each(TONES)("%s reaches 4.5:1", (tone) => {
    const [bg, text] = tone.split(" ") as [string, string];
    const [light, dark] = [colourOf(text, "text-"), colourOf(bg, "bg-")]
      .map(luminance)
      .sort((x, y) => y - x) as [number, number];
    expect((light + 0.05) / (dark + 0.05)).toBeGreaterThanOrEqual(4.5);
  });
});
