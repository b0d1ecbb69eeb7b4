import { describe, expect, test } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { lineLog, LOG_LINE_MAX, logLine } from "../../src/util/log-line.js";

describe("log lines", () => {
  test("start with the time in ISO 8601 UTC and end with the one newline", () => {
    expect(logLine(Date.UTC(2026, 11, 5, 7, 30), "queue: took back 1 job(s)")).toBe(
      "2026-12-05T07:30:00.000Z queue: took back 1 job(s)\n",
    );
  });

  test("escape what would start another line or move the terminal, prefix included", () => {
    expect(logLine(0, "a\nb\r\x1b[2J\u202e\u2028c", "reader\t: ")).toBe(
      "1970-01-01T00:00:00.000Z reader\\t: a\\nb\\r\\x1b[2J\\u202e\\u2028c\n",
    );
  });

  test("are cut at the bound, saying how long the line was", () => {
    const line = logLine(0, "x".repeat(100_000));
    expect(line.length).toBe("1970-01-01T00:00:00.000Z ".length + LOG_LINE_MAX + 1);
    expect(line).toMatch(/… \(100000 characters\)\n$/);
  });

  test("a log takes the time from its clock and writes each line whole", () => {
    const clock = new ManualClock("2026-07-01T10:00:00Z");
    const written: string[] = [];
    const log = lineLog((text) => written.push(text), clock, "panel-reader: ");
    log("answering");
    clock.advance(1500);
    log("two\nlines");
    expect(written).toEqual([
      "2026-07-01T10:00:00.000Z panel-reader: answering\n",
      "2026-07-01T10:00:01.500Z panel-reader: two\\nlines\n",
    ]);
  });
});
