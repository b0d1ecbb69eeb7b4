import {
  checkOwnerName,
  DnsDataError,
  isAtOrBelow,
  labelsOfName,
  MAX_TTL,
  nameFromLabels,
  parseNameLabels,
  parseRdata,
  parseTtlText,
  tokenizeValue,
  zoneNameFromText,
  type DnsRecord,
  type ModelledType,
} from "../../dns/index.js";

/**
 * Reads the environment DirectAdmin gives `dns_write_post.sh` (docs/reference/directadmin.md#dns_write_post):
 * `DOMAIN`, and per record type a list of `name=value` pairs joined by `&`, url-encoded per pair, with the TTL per
 * type in `<TYPE>_TIME`. Values are in zone-file syntax (TXT quoted, maybe several strings in parentheses) and go
 * through the zone-file rdata parser. A bad pair becomes a problem that names the variable and the pair; the other
 * pairs still count.
 */

export interface DnsWriteEnv {
  /** The zone, canonical ("" when DOMAIN is missing or invalid; then there are no records). */
  domain: string;
  records: DnsRecord[];
  problems: string[];
}

/** Record variables in the order they are read; MX_FULL carries MX records (`MX` holds only preferences). */
const VARIABLES: ReadonlyArray<readonly [variable: string, type: ModelledType]> = [
  ["A", "A"],
  ["AAAA", "AAAA"],
  ["CNAME", "CNAME"],
  ["MX_FULL", "MX"],
  ["NS", "NS"],
  ["PTR", "PTR"],
  ["TXT", "TXT"],
  ["SRV", "SRV"],
  ["SPF", "SPF"],
  ["CAA", "CAA"],
  ["TLSA", "TLSA"],
  ["SSHFP", "SSHFP"],
  ["DS", "DS"],
  ["HTTPS", "HTTPS"],
  ["SVCB", "SVCB"],
];

/**
 * Every variable parseDnsWriteEnv reads: DOMAIN, the record lists, MX (to tell an old DirectAdmin) and each type's TTL.
 * The hooks record these and nothing else of dns_write_post (hook-variables.ts).
 */
export const DNS_WRITE_VARIABLES: readonly string[] = [
  ...new Set(["DOMAIN", "MX", ...VARIABLES.flatMap(([variable, type]) => [variable, `${type}_TIME`])]),
];

const MAX_SHOWN = 80;

/** Reads the `dns_write_post` environment; `defaultTtl` applies to a type without a `<TYPE>_TIME`. */
export function parseDnsWriteEnv(env: Readonly<Record<string, string | undefined>>, defaultTtl = 3600): DnsWriteEnv {
  const problems: string[] = [];
  const records: DnsRecord[] = [];
  let domain: string;
  try {
    domain = zoneNameFromText(env.DOMAIN ?? "");
    if (domain === "") throw new DnsDataError("DOMAIN is empty");
  } catch (error) {
    const reason = error instanceof DnsDataError ? error.message : String(error);
    problems.push(
      `DOMAIN ${JSON.stringify(env.DOMAIN ?? null)} is not a domain name (${reason}); no records were read`,
    );
    return { domain: "", records, problems };
  }
  if (env.MX !== undefined && env.MX_FULL === undefined) {
    problems.push(
      "MX is set but MX_FULL is not: MX holds only preferences, so the MX records cannot be read (DirectAdmin 1.23.2 and later send MX_FULL)",
    );
  }
  const origin = labelsOfName(domain);
  for (const [variable, type] of VARIABLES) {
    const list = env[variable];
    if (list === undefined || list === "") continue;
    const ttl = typeTtl(env, type, defaultTtl, problems);
    for (const [index, pair] of list.split("&").entries()) {
      if (pair === "") continue;
      const shown = pair.length > MAX_SHOWN ? `${pair.slice(0, MAX_SHOWN)}…` : pair;
      try {
        records.push(readPair(pair, type, ttl, domain, origin));
      } catch (error) {
        if (!(error instanceof DnsDataError)) throw error;
        problems.push(`${variable} pair ${index + 1} '${shown}': ${error.message}`);
      }
    }
  }
  return { domain, records, problems };
}

function typeTtl(
  env: Readonly<Record<string, string | undefined>>,
  type: string,
  fallback: number,
  problems: string[],
): number {
  const variable = `${type}_TIME`;
  const text = env[variable]?.trim();
  if (text === undefined || text === "") return fallback;
  const ttl = parseTtlText(text);
  if (ttl === undefined || ttl > MAX_TTL) {
    problems.push(`${variable} '${text}' is not a TTL (0 to ${MAX_TTL} seconds); ${type} records use ${fallback}`);
    return fallback;
  }
  return ttl;
}

function readPair(pair: string, type: ModelledType, ttl: number, domain: string, origin: readonly string[]): DnsRecord {
  const eq = pair.indexOf("=");
  if (eq < 0) throw new DnsDataError("no '=' between the name and the value");
  const nameText = percentDecode(pair.slice(0, eq)).trim();
  const valueText = percentDecode(pair.slice(eq + 1));
  if (nameText === "") throw new DnsDataError("the name is empty");
  const owner = parseNameLabels(nameText, origin);
  const name = nameFromLabels(owner);
  if (!isAtOrBelow(name, domain)) throw new DnsDataError(`${name} is not inside ${domain}`);
  checkOwnerName(type, owner, nameText);
  const data = parseRdata(type, tokenizeValue(valueText), { origin, owner, warn: () => undefined });
  return { name, type, ttl, data } as DnsRecord;
}

/**
 * Decodes %XX escapes into bytes (one char per byte); other characters become their UTF-8 bytes. `+` stays `+`:
 * DKIM keys are base64, and a value passed without encoding must keep its plus signs. A `%` not followed by two
 * hex digits is kept as it is.
 */
function percentDecode(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === "%" && /^[0-9a-f]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      const code = text.codePointAt(i) ?? 0;
      if (code > 0xffff) i += 1;
      bytes.push(...Buffer.from(String.fromCodePoint(code), "utf8"));
    }
  }
  return Buffer.from(bytes).toString("latin1");
}
