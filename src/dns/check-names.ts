import type { Labels } from "./normalise.js";

/**
 * BIND's `check-names` rules, which named enforces by default for primary zones ("fail"): owners of A, AAAA and
 * MX records and the host names inside NS, MX, SRV, SVCB/HTTPS and SOA must be host names (RFC 952/1123 letters,
 * digits, inner hyphens); the SOA contact must be a mailbox. Labels here are raw bytes, checked before any IDN
 * conversion, exactly as BIND sees them.
 */

const BORDER = /^[A-Za-z0-9]$/;
const MIDDLE = /^[A-Za-z0-9-]$/;

function isHostLabel(label: string): boolean {
  for (let i = 0; i < label.length; i += 1) {
    const char = label[i] as string;
    const edge = i === 0 || i === label.length - 1;
    if (!(edge ? BORDER : MIDDLE).test(char)) return false;
  }
  return true;
}

/** dns_name_ishostname: every label a host label; with `wildcard`, a leftmost `*` is allowed too. */
export function isHostname(labels: Labels, wildcard: boolean): boolean {
  const rest = wildcard && labels[0] === "*" ? labels.slice(1) : labels;
  return rest.every(isHostLabel);
}

/** dns_name_ismailbox: the first label any printable bytes (the local part), the rest a host name. */
export function isMailbox(labels: Labels): boolean {
  const [local, ...domain] = labels;
  if (local === undefined) return true;
  return (
    [...local].every((char) => char.charCodeAt(0) > 0x20 && char.charCodeAt(0) < 0x7f) && isHostname(domain, false)
  );
}

/** Owners in the reverse trees, where BIND requires a PTR target to be a host name. */
export function isReverseName(labels: Labels): boolean {
  const tail = labels
    .slice(-2)
    .map((label) => label.toLowerCase())
    .join(".");
  return tail === "in-addr.arpa" || tail === "ip6.arpa" || tail === "ip6.int";
}

/** Types whose owner BIND checks as a host name (wildcards allowed). */
export const HOSTNAME_OWNER_TYPES: ReadonlySet<string> = new Set(["A", "AAAA", "MX"]);
