import { domainToASCII } from "node:url";

/**
 * Host names as every panel adapter hands them to the core: lower case, punycode, no trailing dot. Underscores are
 * accepted in labels (panels list `_dmarc`-style names in places), a top-level label of letters, digits or `-`.
 */
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9-]{2,63}$/;

/** Lower case, punycode, no trailing dot — or undefined when the text is not a host name. */
export function canonicalDomain(text: string): string | undefined {
  const ascii = domainToASCII(text.trim().replace(/\.$/, "").toLowerCase());
  return HOST_NAME.test(ascii) ? ascii : undefined;
}

/**
 * Whether a domain can be a file name inside a panel's tree (`<zoneDir>/<domain>.db`): no slash, no `..`, no NUL,
 * not dot-only. Names reach the layouts canonical; this is the last guard before a path is built.
 */
export function isSafeDomainFileName(name: string): boolean {
  return /^[a-z0-9_][a-z0-9_.-]{0,252}$/i.test(name) && !name.includes("..");
}

/**
 * Reads `key=value` lines (DirectAdmin's user.conf, cPanel's users file): the value is everything after the first
 * `=`, a later key wins, blank lines and `#` comments are skipped. A line that is not `key=value` is reported
 * through `fail` (with its 1-based number), so each panel names its own file and the fix.
 */
export function parseKeyValueLines(text: string, fail: (line: number, problem: string) => Error): Map<string, string> {
  const conf = new Map<string, string>();
  for (const [index, raw] of text.split("\n").entries()) {
    const line = raw.replace(/\r$/, "");
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    const equals = line.indexOf("=");
    if (equals <= 0) throw fail(index + 1, `expected key=value, found ${JSON.stringify(line.slice(0, 80))}`);
    conf.set(line.slice(0, equals).trim(), line.slice(equals + 1));
  }
  return conf;
}
