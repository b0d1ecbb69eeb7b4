import { isIP, isIPv4, isIPv6 } from "node:net";

/**
 * IP address helpers for the allow-list, `axfr_ips`, `primary_ip` and `upstream_ips`. Addresses are compared in
 * a canonical form so that "::FFFF:127.0.0.1", "::ffff:127.0.0.1" and "127.0.0.1" are the same caller.
 */

/** Canonical text of an address: IPv4-mapped IPv6 becomes plain IPv4; IPv6 becomes lower case, fully expanded. */
export function canonicalIp(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  if (mapped?.[1] !== undefined && isIPv4(mapped[1])) return mapped[1];
  if (!isIPv6(trimmed)) return trimmed;
  return expandIpv6(trimmed.toLowerCase());
}

function expandIpv6(address: string): string {
  let text = address;
  // An embedded IPv4 tail ("::1.2.3.4") becomes two hex groups first.
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (tail !== null) {
    const [a, b, c, d] = tail.slice(1).map(Number) as [number, number, number, number];
    text = text.slice(0, tail.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", rest] = text.split("::");
  const left = head === "" ? [] : head.split(":");
  const right = rest === undefined || rest === "" ? [] : rest.split(":");
  const missing = 8 - left.length - right.length;
  const groups = rest === undefined ? left : [...left, ...Array<string>(missing).fill("0"), ...right];
  return groups.map((group) => group.padStart(4, "0")).join(":");
}

/** Whether the (canonical) address is a loopback address. */
export function isLoopback(address: string): boolean {
  const ip = canonicalIp(address);
  return ip.startsWith("127.") || ip === canonicalIp("::1");
}

/** Any valid IPv4 or IPv6 address (no zone index, no prefix length). */
export function isValidIp(value: unknown): value is string {
  return typeof value === "string" && isIP(value) !== 0;
}

/** A valid dotted-quad IPv4 address. */
export function isValidIpv4(value: unknown): value is string {
  return typeof value === "string" && isIPv4(value);
}
