/**
 * IPv4 and IPv6 addresses in the canonical form BIND reads and prints (docs/reference/dns-sync.md#normalise-once):
 * dotted quads without leading zeros, IPv6 compressed as glibc's inet_ntop writes it.
 */

/**
 * A dotted-quad IPv4 address as BIND reads it (inet_pton: four decimal parts 0–255, no leading zeros), or
 * undefined.
 */
export function parseIpv4(text: string): string | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  for (const part of parts) {
    if (!/^(?:0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return undefined;
  }
  return text;
}

/** The eight 16-bit groups of an IPv6 address (with an optional dotted-quad tail), or undefined. */
export function ipv6Groups(text: string): number[] | undefined {
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const parse = (part: string, last: boolean): number[] | undefined => {
    if (part === "") return [];
    const groups: number[] = [];
    const pieces = part.split(":");
    for (const [i, piece] of pieces.entries()) {
      if (last && i === pieces.length - 1 && piece.includes(".")) {
        const quad = parseIpv4(piece);
        if (quad === undefined) return undefined;
        const [a = 0, b = 0, c = 0, d = 0] = quad.split(".").map(Number);
        groups.push((a << 8) | b, (c << 8) | d);
      } else if (/^[0-9a-f]{1,4}$/i.test(piece)) {
        groups.push(parseInt(piece, 16));
      } else {
        return undefined;
      }
    }
    return groups;
  };
  const head = parse(halves[0] ?? "", halves.length === 1);
  const tail = halves.length === 2 ? parse(halves[1] ?? "", true) : [];
  if (head === undefined || tail === undefined) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  if (head.length + tail.length > 7) return undefined;
  return [...head, ...Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

/**
 * IPv6 text as BIND prints it (glibc inet_ntop): lower-case, the first longest run of two or more zero groups as
 * `::`, and a dotted-quad tail for IPv4-compatible and IPv4-mapped addresses (`::1.2.3.4`, `::ffff:1.2.3.4`).
 */
export function formatIpv6(groups: readonly number[]): string {
  let best = { base: -1, len: 0 };
  let current = { base: -1, len: 0 };
  for (let i = 0; i < 8; i += 1) {
    if (groups[i] === 0) {
      current = current.base === -1 ? { base: i, len: 1 } : { base: current.base, len: current.len + 1 };
      if (current.len > best.len) best = current;
    } else {
      current = { base: -1, len: 0 };
    }
  }
  if (best.len < 2) best = { base: -1, len: 0 };
  let out = "";
  for (let i = 0; i < 8; i += 1) {
    if (best.base !== -1 && i >= best.base && i < best.base + best.len) {
      if (i === best.base) out += ":";
      continue;
    }
    if (i !== 0) out += ":";
    if (i === 6 && best.base === 0 && (best.len === 6 || (best.len === 5 && groups[5] === 0xffff))) {
      const word6 = groups[6] ?? 0;
      const word7 = groups[7] ?? 0;
      return `${out}${word6 >> 8}.${word6 & 0xff}.${word7 >> 8}.${word7 & 0xff}`;
    }
    out += (groups[i] ?? 0).toString(16);
  }
  return best.base !== -1 && best.base + best.len === 8 ? `${out}:` : out;
}

/** An IPv6 address in canonical form, or undefined if it is not one. */
export function parseIpv6(text: string): string | undefined {
  const groups = ipv6Groups(text);
  return groups === undefined ? undefined : formatIpv6(groups);
}
