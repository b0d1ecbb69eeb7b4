import { domainToASCII } from "node:url";
import { DnsDataError } from "./errors.js";

/**
 * The one place where names get their canonical form (docs/reference/dns-sync.md#normalise-once): ASCII lower-case,
 * IDN in punycode, no trailing dot, BIND's escapes for odd characters. No other module adds or strips a trailing
 * dot; they call {@link presentationName} or these parsers. Addresses are in addresses.ts.
 */

/** A name as labels of raw bytes (one char per byte), leftmost first; [] is the root. */
export type Labels = readonly string[];

const MAX_LABEL = 63;
const MAX_NAME_WIRE = 255;
/** Characters BIND writes with a backslash inside a name (dns_name_totext). */
const NAME_SPECIALS = new Set(['"', "$", "(", ")", ".", ";", "@", "\\"]);
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Parses a name in presentation form (zone-file text as bytes): `@` alone is the origin, a trailing dot makes it
 * absolute, anything else is relative to `origin`; `\X` and `\DDD` escapes are decoded.
 */
export function parseNameLabels(text: string, origin: Labels | undefined): Labels {
  if (text === "@") return requireOrigin(origin, text);
  if (text === ".") return [];
  const labels: string[] = [];
  let label = "";
  let absolute = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] as string;
    if (char === "\\") {
      const digits = /^\d{3}/.exec(text.slice(i + 1));
      if (digits !== null) {
        const value = Number(digits[0]);
        if (value > 255) throw new DnsDataError(`bad escape \\${digits[0]} in name '${text}' (at most \\255)`);
        label += String.fromCharCode(value);
        i += 3;
      } else if (i + 1 < text.length && !/\d/.test(text[i + 1] as string)) {
        label += text[i + 1];
        i += 1;
      } else {
        throw new DnsDataError(`bad escape in name '${text}' (a backslash needs a character or three digits)`);
      }
    } else if (char === ".") {
      if (label === "") throw new DnsDataError(`empty label in name '${text}'`);
      labels.push(label);
      label = "";
      absolute = i === text.length - 1;
    } else {
      label += char;
    }
  }
  if (label !== "") labels.push(label);
  const all = absolute ? labels : [...labels, ...requireOrigin(origin, text)];
  checkLengths(all, text);
  return all;
}

function requireOrigin(origin: Labels | undefined, text: string): Labels {
  if (origin === undefined) throw new DnsDataError(`name '${text}' is relative but there is no origin to complete it`);
  return origin;
}

function checkLengths(labels: Labels, text: string): void {
  for (const label of labels) {
    if (label.length > MAX_LABEL)
      throw new DnsDataError(`label too long in name '${text}' (${label.length} bytes, at most ${MAX_LABEL})`);
  }
  const wire = labels.reduce((sum, label) => sum + label.length + 1, 1);
  if (wire > MAX_NAME_WIRE)
    throw new DnsDataError(`name too long: '${text}' is ${wire} bytes in wire form, at most ${MAX_NAME_WIRE}`);
}

/** The canonical name of raw labels: IDN labels to punycode, ASCII lower-case, BIND's escapes, no trailing dot. */
export function nameFromLabels(labels: Labels): string {
  const canonical = labels.map(canonicalLabel);
  checkLengths(canonical, canonical.join("."));
  return canonical.map(escapeLabel).join(".");
}

function canonicalLabel(label: string): string {
  if (!/[\u0080-\u00ff]/.test(label)) return label.replace(/[A-Z]+/g, (run) => run.toLowerCase());
  let unicode: string;
  try {
    unicode = utf8.decode(Buffer.from(label, "latin1"));
  } catch {
    // Not UTF-8, so not an internationalised label: keep the bytes, as BIND does.
    return label.replace(/[A-Z]+/g, (run) => run.toLowerCase());
  }
  const ascii = domainToASCII(unicode);
  if (ascii === "" || ascii.includes(".")) {
    throw new DnsDataError(`'${label}' is not a valid internationalised label; write it in punycode (xn--…)`);
  }
  return ascii;
}

function escapeLabel(label: string): string {
  let out = "";
  for (const char of label) {
    const code = char.charCodeAt(0);
    if (code <= 0x20 || code >= 0x7f) out += `\\${String(code).padStart(3, "0")}`;
    else out += NAME_SPECIALS.has(char) ? `\\${char}` : char;
  }
  return out;
}

/**
 * The absolute presentation form of raw labels as written (case and bytes kept, BIND's escapes), for names inside
 * data we carry exactly rather than normalise (docs/decisions/0017).
 */
export function presentationOfLabels(labels: Labels): string {
  return labels.length === 0 ? "." : `${labels.map(escapeLabel).join(".")}.`;
}

/** The raw labels of a canonical name (the inverse of {@link nameFromLabels} for canonical input). */
export function labelsOfName(name: string): Labels {
  return name === "" ? [] : parseNameLabels(`${name}.`, undefined);
}

/**
 * Canonical name from loose text (the hook environment, WEDOS rows, callers): Unicode is fine, `@` is `origin`,
 * a trailing dot marks an absolute name, and a name without one is relative to `origin` (absolute when no origin
 * is given).
 */
export function nameFromText(text: string, origin?: string): string {
  const bytes = Buffer.from(text.trim(), "utf8").toString("latin1");
  if (bytes === "") throw new DnsDataError("empty name");
  const originLabels = origin === undefined ? [] : labelsOfName(origin);
  return nameFromLabels(parseNameLabels(bytes, originLabels));
}

/** The absolute presentation form, with the trailing dot ("." for the root). */
export function presentationName(name: string): string {
  return name === "" ? "." : `${name}.`;
}

/** Whether `name` is `zone` or lies below it, compared label by label. */
export function isAtOrBelow(name: string, zone: string): boolean {
  if (zone === "") return true;
  const labels = labelsOfName(name);
  const zoneLabels = labelsOfName(zone);
  if (labels.length < zoneLabels.length) return false;
  const tail = labels.slice(labels.length - zoneLabels.length);
  return tail.every((label, i) => label === zoneLabels[i]);
}

/** A zone's canonical name from text given with or without the trailing dot. */
export function zoneNameFromText(text: string): string {
  const trimmed = text.trim();
  return nameFromText(trimmed.endsWith(".") ? trimmed : `${trimmed}.`);
}

/**
 * A host name that is absolute whether or not it ends with a dot: WEDOS writes names in rdata absolute and
 * without the dot, and tolerating a stray dot keeps a row that has one from looking different.
 */
export function nameFromAbsoluteText(text: string): string {
  return zoneNameFromText(text);
}

/**
 * An owner name relative to `zone` as WEDOS gives it ("" or "@" for the apex); a stray trailing dot is ignored
 * rather than making the name absolute, because WEDOS names are always relative.
 */
export function nameFromRelativeText(text: string, zone: string): string {
  const trimmed = text.trim().replace(/\.$/, "");
  return trimmed === "" || trimmed === "@" ? zone : nameFromText(trimmed, zone);
}
