/**
 * Values that come from outside the plugin (a hook's variables and payloads) as the plugin keeps, logs and shows
 * them: one line, printable, bounded (docs/decisions/0029). The original stays only in the spool file.
 */

/** How long such a value may be where it is kept or shown, with the ellipsis and the original length. */
export const ONE_LINE_MAX = 200;

/** How long a message of the plugin's own that quotes such values may be (a rejection reason, a hook's warning). */
export const MESSAGE_MAX = 600;

/** Never shorter: the ellipsis and the original length fit with room to spare. */
const SHORTEST = 40;

/** Controls, format characters (bidi overrides, zero-width), lone surrogates and line or paragraph separators. */
const UNPRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]$/u;
const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** One character as it is shown: itself, or an escape such as `\n`, `\x1b` or `\u202e` that says what it was. */
function shown(char: string): string {
  if (!UNPRINTABLE.test(char)) return char;
  const named = NAMED[char];
  if (named !== undefined) return named;
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, "0")}`;
  return code < 0x10000 ? `\\u${code.toString(16).padStart(4, "0")}` : `\\u{${code.toString(16)}}`;
}

/**
 * The value on one line, every unprintable character escaped, at most `max` UTF-16 units long: a longer one is cut
 * on a character boundary and ends with `… (N characters)`, N being the original's length.
 */
export function oneLine(value: string, max: number = ONE_LINE_MAX): string {
  if (max < SHORTEST) throw new RangeError(`oneLine: max must be at least ${SHORTEST}, not ${max}`);
  const pieces: string[] = [];
  let length = 0;
  let characters = 0;
  let cut = false;
  for (const char of value) {
    characters += 1;
    if (cut) continue;
    const piece = shown(char);
    if (length + piece.length > max) {
      cut = true;
      continue;
    }
    pieces.push(piece);
    length += piece.length;
  }
  if (!cut) return pieces.join("");
  const suffix = `… (${characters} characters)`;
  while (length + suffix.length > max) length -= pieces.pop()?.length ?? length;
  return `${pieces.join("")}${suffix}`;
}

/** Whether a value already is one printable line of at most `max` characters (nothing to escape or cut). */
export function isOneLine(value: string, max: number = ONE_LINE_MAX): boolean {
  return value.length <= max && oneLine(value, Math.max(max, SHORTEST)) === value;
}
