import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { parseZoneFile, ZoneFileError } from "../../src/dns/index.js";
import { runCliCaptured } from "../support/run-cli.js";
import { tempDir } from "../support/temp-dir.js";

const HEADER =
  "$TTL 3600\n@ IN SOA ns1.example.com. h.example.com. 1 2 3 4 5\n@ IN NS ns1.example.com.\nns1 A 192.0.2.1\n";
const LINES = 100_000;

/** A seeded generator (xorshift32): the same hostile file on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

/** Lines each of which is one problem: long values, escape sequences, bidi overrides, bytes that are not UTF-8. */
function hostileZone(seed: number): Buffer {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  // One value in a hundred is long: the file stays a few megabytes, as a fuzzed panel zone would be.
  const long = () => "z".repeat(next() < 0.01 ? 1000 + Math.floor(next() * 4000) : 8);
  const makers: ReadonlyArray<(i: number) => string> = [
    (i) => `a${i} A 192.0.2.${256 + (i % 700)}`,
    (i) => `t${i} BOGUS\x1b[31m${long()}`,
    (i) => `m${i} MX mail\u202e${long()}`,
    (i) => `x${i} AAAA ${long()}:\x07::1`,
    (i) => `c${i} CLASS9 A \xff\xfe${long()}`,
  ];
  const lines: string[] = [];
  for (let i = 0; i < LINES; i += 1) lines.push(pick(makers)(i));
  return Buffer.from(`${HEADER}${lines.join("\n")}\n`, "latin1");
}

const zoneParse = (path: string) =>
  runCliCaptured(["zone", "parse", path, "--origin", "example.com"], {}, new ManualClock(0));

// Reading 100,000 lines takes seconds on a busy machine.
describe("a zone file with 100,000 problems", { timeout: 60_000 }, () => {
  const bytes = hostileZone(1);
  const path = join(tempDir(), "hostile.db");
  writeFileSync(path, bytes);

  test("zone parse lists 20 of them and counts the rest: the output is bounded, one printable line each", async () => {
    const result = await zoneParse(path);
    expect(result.status).toBe(1);
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe(
      "wedos-panel zone: zone file hostile.db cannot be read (100,000 problems); " +
        "fix the file (named-checkzone shows the same problems) and try again:",
    );
    expect(lines).toHaveLength(22);
    expect(lines[21]).toBe("… and 99,980 more");
    expect(lines.slice(1, 21).every((line) => line.startsWith("hostile.db:") && line.length <= 600)).toBe(true);
    expect(result.stderr.length).toBeLessThan(13_000);
    expect(result.stderr).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f\u202e]/);
  });

  test("the error keeps every problem for whoever needs them, and its message is bounded", () => {
    let caught: unknown;
    try {
      parseZoneFile(bytes, { origin: "example.com", fileName: "hostile.db" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ZoneFileError);
    const error = caught as ZoneFileError;
    expect(error.problems).toHaveLength(LINES);
    expect(error.message.length).toBeLessThan(13_000);
    expect(error.message.split("\n")).toHaveLength(22);
  });

  test("warnings are bounded the same way", async () => {
    // Each duplicate is a warning, and the file still loads.
    const duplicates = Array.from({ length: LINES }, () => "www A 192.0.2.7").join("\n");
    const file = join(tempDir(), "duplicates.db");
    writeFileSync(file, `${HEADER}${duplicates}\n`);
    const result = await zoneParse(file);
    expect(result.status).toBe(0);
    const warnings = result.stderr.trimEnd().split("\n");
    expect(warnings).toHaveLength(21);
    expect(warnings[0]).toBe("warning: duplicates.db:6: duplicate record ignored (the same as line 5)");
    expect(warnings[20]).toBe("warning: … and 99,979 more");
  });
});
