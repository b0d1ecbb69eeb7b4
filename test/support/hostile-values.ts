import { mulberry32 } from "../../src/simulator/faults.js";

// Seeded hostile values for the fuzz tests of what hooks hand over: long, multi-line, with control
// and format characters, invalid UTF-8 and lone surrogates. The same seed gives the same values.

const PIECES = [
  "alice",
  "example.test",
  "Příliš žluťoučký",
  "\n",
  "\r\n",
  "\t",
  "\x1b[31m",
  "\0",
  "\x7f",
  "\u0085",
  "\u2028",
  "\u202e",
  "\u200b",
  "\ufeff",
  "🙂",
  "a=b",
  "'\"<script>",
  "..",
  "/etc/passwd",
  " ",
];

export interface HostileValues {
  /** A value as text (may hold lone surrogates, as a JSON payload can). */
  text(): string;
  /** A value as bytes (may be invalid UTF-8, as an environment can). */
  bytes(): Buffer;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function hostileValues(seed: number): HostileValues {
  const random = mulberry32(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const text = (): string => {
    const shape = int(6);
    if (shape === 0) return pick(PIECES).repeat(1 + int(3)); // short
    if (shape === 1) return "x".repeat(200 + int(100_000)); // long, one line
    if (shape === 2) return Array.from({ length: 2 + int(40) }, () => pick(PIECES)).join(""); // mixed
    if (shape === 3) return String.fromCharCode(0xd800 + int(0x800)) + pick(PIECES); // a lone surrogate
    if (shape === 4) return Array.from({ length: 1 + int(2_000) }, () => String.fromCharCode(int(0x80))).join(""); // any ASCII
    return `${pick(PIECES)}\n`.repeat(1 + int(5_000)); // many lines
  };
  const bytes = (): Buffer => {
    const invalid = Buffer.from([pick([0x80, 0xc3, 0xe2, 0xf0, 0xfe, 0xff]), int(256)]);
    return random() < 0.5
      ? Buffer.concat([Buffer.from(text().replaceAll("\0", "")), invalid])
      : Buffer.from(text().replaceAll("\0", ""));
  };
  return { text, bytes, pick, chance: (p) => random() < p };
}

/** Whether a text is one printable line of at most `max` UTF-16 units: what the plugin keeps, logs and shows. */
export function isBoundedLine(text: string, max: number): boolean {
  return text.length <= max && !/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u.test(text);
}
