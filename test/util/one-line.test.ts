import { describe, expect, it } from "vitest";
import { isOneLine, ONE_LINE_MAX, oneLine } from "../../src/util/one-line.js";
import { hostileValues, isBoundedLine } from "../support/hostile-values.js";

describe("a value from outside, as the plugin keeps and shows it", () => {
  it("is left alone when it is one printable line within the bound", () => {
    expect(oneLine("Příliš žluťoučký kůň 🙂 C:\\path")).toBe("Příliš žluťoučký kůň 🙂 C:\\path");
    expect(oneLine("x".repeat(ONE_LINE_MAX))).toBe("x".repeat(ONE_LINE_MAX));
  });

  it("escapes line breaks, controls, bidi and zero-width characters and lone surrogates so they can be read", () => {
    expect(oneLine("a\nb\r\nc\td")).toBe("a\\nb\\r\\nc\\td");
    expect(oneLine("\x1b[31mred\0\x7f")).toBe("\\x1b[31mred\\x00\\x7f");
    expect(oneLine("\u202eevil\u2028\u200b")).toBe("\\u202eevil\\u2028\\u200b");
    expect(oneLine("\ud800x")).toBe("\\ud800x");
    expect(oneLine("\u{e0041}")).toBe("\\u{e0041}");
  });

  it("is cut at the bound with an ellipsis and the original length, never inside a character or an escape", () => {
    expect(oneLine("x".repeat(100_159))).toBe(`${"x".repeat(ONE_LINE_MAX - 21)}… (100159 characters)`);
    const emoji = oneLine("🙂".repeat(150));
    expect(emoji.length).toBeLessThanOrEqual(ONE_LINE_MAX);
    expect(emoji).toMatch(/^(🙂)+… \(150 characters\)$/);
    expect(oneLine("\n".repeat(150), 60)).toMatch(/^(\\n)+… \(150 characters\)$/);
    expect(oneLine("y".repeat(50), 40)).toBe(`${"y".repeat(23)}… (50 characters)`);
  });

  it("tells whether a value already is such a line, and refuses a bound too small for the ellipsis", () => {
    expect([
      isOneLine("alice", 64),
      isOneLine("al ice", 64),
      isOneLine("al\nice", 64),
      isOneLine("a".repeat(65), 64),
    ]).toEqual([true, true, false, false]);
    expect(() => oneLine("x", 10)).toThrow("oneLine: max must be at least 40, not 10");
  });

  it("gives one bounded printable line for 5,000 seeded hostile values", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const values = hostileValues(seed);
      for (let run = 0; run < 1_000; run += 1) {
        const value = values.chance(0.5) ? values.text() : values.bytes().toString("utf8");
        const max = values.pick([40, 120, ONE_LINE_MAX, 1_000]);
        const line = oneLine(value, max);
        expect(isBoundedLine(line, max), `seed ${seed} run ${run}: ${JSON.stringify(line.slice(0, 80))}`).toBe(true);
        if (value.length <= max && isBoundedLine(value, max)) expect(line).toBe(value);
      }
    }
  });
});
