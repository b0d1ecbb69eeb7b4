import { runToEnd, sliceBoundary, type Steps } from "../util/slices.js";
import { DnsDataError } from "./errors.js";

/**
 * The lexer of the BIND master-file format (RFC 1035 §5.1 as BIND's isc_lex reads it). Input is the file as
 * bytes, one char per byte. Output is one entry per logical line: parentheses join physical lines, `;` starts a
 * comment outside quotes, `\X` keeps X from ending a word or a quoted string. Escapes are kept as written; the
 * field parsers decode them, because a name and a character-string decode them differently.
 */

/** One word or quoted string; `text` is as written, without the quotes. */
export interface Token {
  kind: "word" | "quoted";
  text: string;
  line: number;
  /** Written right after the previous token, with no space between (`key="value"` is a word and a quoted string). */
  joined: boolean;
}

/** A logical line: the tokens of one record or directive. */
export interface Entry {
  line: number;
  /** The line began with white space, so the owner is the previous record's (RFC 1035 §5.1). */
  ownerOmitted: boolean;
  tokens: Token[];
}

export interface LexProblem {
  line: number;
  message: string;
}

export interface LexResult {
  entries: Entry[];
  problems: LexProblem[];
}

const WHITE = new Set([" ", "\t", "\r"]);
const WORD_END = new Set([" ", "\t", "\r", "\n", "(", ")", '"', ";"]);

/**
 * Splits zone-file text into entries. An entry with a lexical error (unbalanced quote or parenthesis, a line
 * break escaped outside quotes) is reported once and left out; its parentheses are still followed, so lexing
 * resumes cleanly at the next logical line.
 */
export function tokenizeZone(text: string): LexResult {
  return runToEnd(tokenizeZoneSteps(text));
}

/** {@link tokenizeZone} as steps: yields between lines, so a big file can be read in slices (util/slices.ts). */
export function* tokenizeZoneSteps(text: string): Steps<LexResult> {
  const entries: Entry[] = [];
  const problems: LexProblem[] = [];
  let line = 1;
  let depth = 0;
  let openedAt = 0;
  let lineBeganWhite = WHITE.has(text[0] ?? "");
  let entry: Entry | undefined;
  let broken = false;
  let i = 0;
  let lastEnd = -1;

  const start = () => (entry ??= { line, ownerOmitted: lineBeganWhite, tokens: [] });
  const finish = () => {
    if (entry !== undefined && !broken && entry.tokens.length > 0) entries.push(entry);
    entry = undefined;
    broken = false;
  };
  const fail = (at: number, message: string) => {
    if (!broken) problems.push({ line: at, message });
    broken = true;
  };

  while (i < text.length) {
    const char = text[i] as string;
    if (char === "\n") {
      line += 1;
      i += 1;
      lineBeganWhite = WHITE.has(text[i] ?? "");
      if (depth === 0) finish();
      if (sliceBoundary(line, 256)) yield;
    } else if (WHITE.has(char)) {
      i += 1;
    } else if (char === ";") {
      while (i < text.length && text[i] !== "\n") i += 1;
    } else if (char === "(") {
      start();
      if (depth === 0) openedAt = line;
      depth += 1;
      i += 1;
    } else if (char === ")") {
      if (depth === 0) fail(line, "unbalanced parentheses: ')' without a matching '('");
      else depth -= 1;
      i += 1;
    } else if (char === '"') {
      start();
      const quoted = readQuoted(text, i + 1);
      if (quoted.closed) entry?.tokens.push({ kind: "quoted", text: quoted.value, line, joined: lastEnd === i });
      else
        fail(
          line,
          "unbalanced quotes: a quoted string is not closed on its line (end a line with \\ to continue a string)",
        );
      line += quoted.lineBreaks;
      i = quoted.next;
      lastEnd = i;
    } else {
      start();
      const word = readWord(text, i);
      if (word.escapedBreak) fail(line, "syntax error: a line break cannot be escaped outside quotes");
      else entry?.tokens.push({ kind: "word", text: word.value, line, joined: lastEnd === i });
      i = word.next;
      lastEnd = i;
    }
  }
  if (depth > 0) {
    broken = false;
    fail(openedAt, "unbalanced parentheses: '(' is never closed");
  }
  finish();
  return { entries, problems };
}

function readQuoted(text: string, from: number): { value: string; closed: boolean; next: number; lineBreaks: number } {
  let value = "";
  let lineBreaks = 0;
  let i = from;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === "\\" && i + 1 < text.length) {
      if (text[i + 1] === "\n") lineBreaks += 1;
      value += c + (text[i + 1] as string);
      i += 2;
    } else if (c === '"') {
      return { value, closed: true, next: i + 1, lineBreaks };
    } else if (c === "\n") {
      break;
    } else {
      value += c;
      i += 1;
    }
  }
  return { value, closed: false, next: i, lineBreaks };
}

function readWord(text: string, from: number): { value: string; next: number; escapedBreak: boolean } {
  let value = "";
  let i = from;
  while (i < text.length && !WORD_END.has(text[i] as string)) {
    if (text[i] === "\\") {
      if (i + 1 >= text.length || text[i + 1] === "\n") return { value, next: i + 1, escapedBreak: true };
      value += (text[i] as string) + (text[i + 1] as string);
      i += 2;
    } else {
      value += text[i] as string;
      i += 1;
    }
  }
  return { value, next: i, escapedBreak: false };
}

/**
 * Tokenizes one value in zone-file syntax (rdata from the `dns_write_post` environment): quotes, parentheses and
 * escapes as in a zone file, on one logical line.
 */
export function tokenizeValue(text: string): Token[] {
  const { entries, problems } = tokenizeZone(text);
  const first = problems[0];
  if (first !== undefined) throw new DnsDataError(first.message);
  if (entries.length > 1) throw new DnsDataError("the value continues on another line outside parentheses");
  return entries[0]?.tokens ?? [];
}
