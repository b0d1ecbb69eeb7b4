import { domainToASCII } from "node:url";
import { AppError } from "../../errors.js";

/**
 * The emulated panels' own readers and writers of the line formats DirectAdmin and cPanel keep their accounts in
 * (docs/reference/directadmin.md#files-the-reader-reads, docs/reference/cpanel.md#files-the-reader-reads). They
 * are written from those descriptions, apart from the plugin's readers, so a mistake in one is not repeated in the
 * other: the emulator writes what the panel writes, and the plugin's reader has to read it.
 */

/** A panel file the emulator wrote that it cannot read back: a test changed it by hand, or the emulator is wrong. */
export class EmulatorFileError extends AppError {
  constructor(file: string, line: number, problem: string) {
    super("emulator_file_invalid", `${file}:${line}: ${problem}; the emulated panel reads back only what it writes`);
  }
}

/** A file's lines that carry something: trimmed, with their 1-based numbers; blanks and `#` comments left out. */
function contentLines(text: string): Array<{ line: string; number: number }> {
  return text
    .split("\n")
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== "" && !line.startsWith("#"));
}

/** `key=value` per line (user.conf, `<domain>.conf`, cPanel's users file): split at the first `=`; a later key wins. */
export function readKeyValues(text: string, file: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const { line, number } of contentLines(text)) {
    const at = line.indexOf("=");
    if (at <= 0) throw new EmulatorFileError(file, number, "expected key=value");
    values.set(line.slice(0, at), line.slice(at + 1));
  }
  return values;
}

/** `key=value` lines with the keys sorted, as both panels write them. */
export function writeKeyValues(values: ReadonlyMap<string, string>): string {
  return [...values]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}\n`)
    .join("");
}

/** `domain: user` per line (DirectAdmin's domainowners, cPanel's userdomains), in file order. */
export function readOwners(text: string, file: string): Map<string, string> {
  const owners = new Map<string, string>();
  for (const { line, number } of contentLines(text)) {
    const match = /^(\S+):\s*(\S+)$/.exec(line);
    if (match === null) throw new EmulatorFileError(file, number, "expected domain: user");
    owners.set(match[1] as string, match[2] as string);
  }
  return owners;
}

export function writeOwners(owners: Iterable<readonly [domain: string, owner: string]>): string {
  return [...owners].map(([domain, owner]) => `${domain}: ${owner}\n`).join("");
}

/** One name per line (domains.list); a `.pointers` line `pointer=type=alias` gives the name before the first `=`. */
export function readNames(text: string): string[] {
  return [...new Set(contentLines(text).map(({ line }) => line.split("=", 1)[0] as string))];
}

/**
 * A domain name as both panels store it: lower case, punycode for international names, no trailing dot; undefined
 * for anything else (a panel refuses such a name before it touches a file).
 */
export function domainName(text: string): string | undefined {
  const ascii = domainToASCII(text.trim().replace(/\.$/, "").toLowerCase());
  const labels = ascii.split(".");
  const label = /^[a-z0-9_]([a-z0-9-]{0,61}[a-z0-9])?$/;
  return ascii.length <= 253 && labels.length >= 2 && labels.every((each) => label.test(each)) ? ascii : undefined;
}
