import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** The stylesheet every page links (DirectAdmin serves it from the plugin's images/). */
const CSS = readFileSync(new URL("../../images/wedos.css", import.meta.url), "utf8");

/** `--wedos-<name>: light-dark(#light, #dark);` declarations, by name. */
function palette(css: string): Map<string, { light: string; dark: string }> {
  const colours = new Map<string, { light: string; dark: string }>();
  for (const match of css.matchAll(
    /--wedos-([\w-]+):\s*light-dark\(\s*(#[0-9a-fA-F]{6})\s*,\s*(#[0-9a-fA-F]{6})\s*\)\s*;/g,
  )) {
    colours.set(match[1] as string, { light: match[2] as string, dark: match[3] as string });
  }
  return colours;
}

/** WCAG 2.x relative luminance of an sRGB colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours (1 to 21). */
function contrast(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** Text on its background: AA for normal text (1.4.3). */
const TEXT_PAIRS: ReadonlyArray<[string, string]> = [
  ["text", "surface"],
  ["text", "surface-muted"],
  ["text-muted", "surface"],
  ["text-muted", "surface-muted"],
  ["link", "surface"],
  ["link", "surface-muted"],
  ["on-primary", "primary"],
  ["on-primary", "primary-hover"],
  ["ok-text", "ok-bg"],
  ["wait-text", "wait-bg"],
  ["bad-text", "bad-bg"],
  ["neutral-text", "neutral-bg"],
];

/** Shapes a visitor must see: focus rings, field borders, buttons against the page (1.4.11, 3:1). */
const NON_TEXT_PAIRS: ReadonlyArray<[string, string]> = [
  ["focus", "surface"],
  ["focus", "surface-muted"],
  ["control-border", "surface"],
  ["primary", "surface"],
  ["gauge-ok", "surface"],
  ["gauge-warn", "surface"],
  ["gauge-bad", "surface"],
];

/** Colours that only separate areas that are already apart (table rules, box edges): no contrast requirement. */
const DECORATIVE = ["border"];

describe("the pages' palette (images/wedos.css)", () => {
  const colours = palette(CSS);

  it("declares every colour once, with a light and a dark value", () => {
    expect(colours.size).toBeGreaterThanOrEqual(15);
    const names = [...CSS.matchAll(/--wedos-([\w-]+):/g)].map((match) => match[1]);
    expect(new Set(names).size, "a colour declared twice").toBe(names.length);
  });

  it("uses no colour except through the palette (so the contrast checks below cover everything)", () => {
    const outsidePalette = CSS.replace(/\/\*[\s\S]*?\*\//g, "").replace(/--wedos-[\w-]+:[^;]*;/g, "");
    expect(outsidePalette).not.toMatch(/#[0-9a-fA-F]{3,8}\b|\b(?:rgb|rgba|hsl|hsla|light-dark)\(/);
  });

  it("checks every colour of the palette in some pair", () => {
    const checked = new Set([...TEXT_PAIRS, ...NON_TEXT_PAIRS].flat().concat(DECORATIVE));
    expect([...colours.keys()].filter((name) => !checked.has(name))).toEqual([]);
  });

  for (const mode of ["light", "dark"] as const) {
    it(`gives text at least 4.5:1 and focus rings, field borders and buttons at least 3:1 in ${mode} mode`, () => {
      const ratio = ([foreground, background]: [string, string]) => {
        const fg = colours.get(foreground)?.[mode];
        const bg = colours.get(background)?.[mode];
        if (fg === undefined || bg === undefined)
          throw new Error(`--wedos-${fg === undefined ? foreground : background} is not in the palette`);
        return Math.round(contrast(fg, bg) * 100) / 100;
      };
      const tooLow = [
        ...TEXT_PAIRS.filter((pair) => ratio(pair) < 4.5).map((pair) => `${pair.join(" on ")}: ${ratio(pair)}`),
        ...NON_TEXT_PAIRS.filter((pair) => ratio(pair) < 3).map((pair) => `${pair.join(" on ")}: ${ratio(pair)}`),
      ];
      expect(tooLow).toEqual([]);
    });
  }

  it("computes contrast as WCAG does", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrast("#ffffff", "#ffffff")).toBe(1);
  });
});
