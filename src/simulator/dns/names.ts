/**
 * Domain-name helpers shared by the DNS server. Names here are absolute, without a trailing dot, "" for the root.
 */

/** DNS compares names case-insensitively in ASCII only (RFC 4343); other bytes keep their case. */
export function lowerAscii(name: string): string {
  return name.replace(/[A-Z]+/g, (run) => run.toLowerCase());
}

/** A name from a decoded packet ("." for the root) in lookup form: ASCII lower case, no trailing dot. */
export function lookupName(name: string): string {
  const lower = lowerAscii(name);
  return lower === "." ? "" : lower.replace(/\.$/, "");
}

/** True when `name` is `ancestor` itself or lies below it. */
export function isAtOrBelow(name: string, ancestor: string): boolean {
  if (ancestor === "") return true;
  return name === ancestor || name.endsWith(`.${ancestor}`);
}

/** The name one label up, or undefined for the root. */
export function parentName(name: string): string | undefined {
  if (name === "") return undefined;
  const dot = name.indexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1);
}

/**
 * The names from just below `apex` down to `name` itself, top first: "a.b.example.com" under "example.com" gives
 * ["b.example.com", "a.b.example.com"]. Walking top-down finds the highest delegation first, as RFC 1034 requires.
 */
export function namesBelow(name: string, apex: string): string[] {
  const chain: string[] = [];
  for (
    let current: string | undefined = name;
    current !== undefined && current !== apex;
    current = parentName(current)
  ) {
    chain.unshift(current);
  }
  return chain;
}

/**
 * Throws unless `name` can go on the wire as a host name: labels of 1 to 63 bytes, at most 255 bytes encoded.
 * dns-packet writes whatever it is given, so a bad name would otherwise become a corrupt packet.
 */
export function assertWireName(name: string): void {
  if (name === "" || name === ".") return;
  const labels = name.split(".");
  let encoded = 1;
  for (const label of labels) {
    const bytes = Buffer.byteLength(label);
    if (bytes < 1 || bytes > 63) throw new Error(`"${name}" is not a valid domain name (label of ${bytes} bytes)`);
    encoded += bytes + 1;
  }
  if (encoded > 255) throw new Error(`"${name}" is not a valid domain name (${encoded} bytes encoded)`);
}
