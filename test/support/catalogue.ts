import { CATALOGUES } from "../../src/web/i18n/index.js";

/**
 * The fixed parts of each English page text that differs from its Czech one (two words or more): none of them may
 * appear on a page a Czech visitor sees.
 */
export function englishOnlyFragments(): string[] {
  return Object.entries(CATALOGUES.en)
    .filter(([key, text]) => text !== CATALOGUES.cs[key as keyof typeof CATALOGUES.cs])
    .flatMap(([, text]) => text.split(/\{\w+\}/))
    .map((fragment) => fragment.replace(/^[\s,.;:()]+|[\s,.;:()]+$/g, ""))
    .filter((fragment) => /\p{L}+\s+\p{L}+/u.test(fragment));
}
