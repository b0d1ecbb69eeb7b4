import { DnsDataError, UnsupportedRecordError } from "./errors.js";
import { parseIpv4, parseIpv6 } from "./addresses.js";
import { isAtOrBelow, nameFromAbsoluteText, nameFromRelativeText, zoneNameFromText } from "./normalise.js";
import { oversizeReason } from "./rdata-length.js";
import { parseRdata } from "./rdata-text.js";
import { isModelledType, type DnsRecord, type RecordData } from "./record.js";
import { escapeCharString } from "./text-codec.js";
import { tokenizeValue } from "./tokenizer.js";

/**
 * Conversion between canonical records and WEDOS rows (docs/reference/wapi.md#record-data-formats), and the one place
 * where names become relative. Rows carry: the owner relative to the zone ("" for the apex, `*` for a wildcard); host
 * names in rdata absolute without the trailing dot; MX `pref host`; SRV `prio weight port target`; CAA, TLSA and
 * SSHFP in presentation form with lower-case hex; TXT as the bare value — the character-strings joined without a
 * separator, unquoted and unescaped, bytes read as UTF-8 text — sent unsplit whatever its length
 * (docs/reference/wapi.md#long-txt-values).
 */

/** A record as WEDOS stores it. */
export interface WedosRow {
  /** Relative to the zone: "" for the apex, "*" for a wildcard, "_dmarc", "www.blog". */
  name: string;
  /** Upper-case type. */
  type: string;
  ttl: number;
  rdata: string;
}

const TXT_CHUNK = 255;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Why WEDOS cannot take a type, in words a customer understands (docs/reference/wapi.md#record-types,
 * #unverified-record-types).
 */
const UNSUPPORTED_TYPES: Readonly<Record<string, string>> = {
  SOA: "WEDOS writes the SOA record of every zone itself",
  DS: "DS records (DNSSEC keys of a delegated subdomain) cannot be created through the WEDOS API",
  PTR: "WEDOS DNS does not take PTR records here; reverse DNS for an IP address is set by whoever provides the address",
  HTTPS: "WEDOS DNS does not accept HTTPS records yet; browsers fall back to the A and AAAA records",
  SVCB: "WEDOS DNS does not accept SVCB records yet",
  SPF: "the SPF record type is obsolete (RFC 7208) and WEDOS does not accept it; publish the same text as a TXT record",
};

/** The WEDOS row of `record` in `zone`; throws {@link UnsupportedRecordError} when WEDOS cannot hold it. */
export function recordToWedosRow(record: DnsRecord, zone: string): WedosRow {
  const apex = apexOf(zone);
  const unsupported = (reason: string) => new UnsupportedRecordError(record, reason);
  if (!isInside(record.name, apex)) throw unsupported(`${record.name} is not inside ${apex}`);
  const name = record.name === apex ? "" : record.name.slice(0, -(apex.length + 1));
  if (name.includes("\\")) throw unsupported(`the name ${record.name} has characters WEDOS does not accept in names`);
  const host = (target: string, what: string) => {
    if (target === "")
      throw unsupported(`a ${record.type} record whose ${what} is the root (".") cannot be stored at WEDOS`);
    if (target.includes("\\"))
      throw unsupported(`the ${what} ${target} has characters WEDOS does not accept in host names`);
    return target;
  };
  const rdata = wedosRdata(record, host, unsupported);
  const oversize = oversizeReason(record);
  if (oversize !== undefined) throw unsupported(`${oversize}, so no name server, WEDOS's included, can serve it`);
  return { name, type: record.type, ttl: record.ttl, rdata };
}

/** The zone of the last conversion and its canonical apex: a zone's records are converted one after another. */
let lastApex: { zone: string; apex: string } | undefined;

function apexOf(zone: string): string {
  if (lastApex?.zone !== zone) lastApex = { zone, apex: zoneNameFromText(zone) };
  return lastApex.apex;
}

/**
 * {@link isAtOrBelow} for a record's canonical name, without parsing both names when neither has an escape: then
 * every dot separates labels, and the text's ending is the labels' ending.
 */
function isInside(name: string, apex: string): boolean {
  if (name === apex) return true;
  if (apex !== "" && !name.includes("\\") && !apex.includes("\\")) return name.endsWith(`.${apex}`);
  return isAtOrBelow(name, apex);
}

function wedosRdata(
  record: DnsRecord,
  host: (target: string, what: string) => string,
  unsupported: (reason: string) => Error,
): string {
  switch (record.type) {
    case "A":
    case "AAAA":
      return record.data.address;
    case "CNAME":
    case "NS":
      return host(record.data.target, "target");
    case "MX":
      return `${record.data.preference} ${host(record.data.exchange, "mail server")}`;
    case "SRV": {
      const { priority, weight, port, target } = record.data;
      return `${priority} ${weight} ${port} ${host(target, "target")}`;
    }
    case "TXT":
      return txtValue(record.data.strings, unsupported);
    case "CAA":
      return `${record.data.flags} ${record.data.tag} "${escapeCharString(record.data.value)}"`;
    case "TLSA": {
      const { usage, selector, matchingType, data } = record.data;
      return `${usage} ${selector} ${matchingType} ${data}`;
    }
    case "SSHFP": {
      const { algorithm, fingerprintType, fingerprint } = record.data;
      if (fingerprint === "") throw unsupported("an SSHFP record without a fingerprint cannot be stored at WEDOS");
      return `${algorithm} ${fingerprintType} ${fingerprint}`;
    }
    default:
      throw unsupported(UNSUPPORTED_TYPES[record.type] ?? `WEDOS DNS does not know the record type ${record.type}`);
  }
}

function txtValue(strings: readonly string[], unsupported: (reason: string) => Error): string {
  const bytes = strings.join("");
  if (bytes === "") throw unsupported("an empty TXT value cannot be stored at WEDOS");
  const text = txtAsText(bytes);
  if (typeof text !== "string") throw unsupported(text.problem);
  return text;
}

/**
 * TXT bytes as the text WEDOS stores, or why they are not such text. WEDOS stores text: bytes that are not UTF-8,
 * or control characters (a NUL among them), would not come back as they were sent. DNS carries them, so the zone
 * reader reads them and says which line will not be synced (zone-file.ts).
 */
export function txtAsText(bytes: string): string | { problem: string } {
  const control = /[\u0000-\u001f\u007f]/.exec(bytes);
  if (control !== null) {
    const byte = control[0].charCodeAt(0);
    return { problem: `the TXT value contains a control character (byte ${byte}), which WEDOS cannot store as text` };
  }
  try {
    return utf8.decode(Buffer.from(bytes, "latin1"));
  } catch {
    return { problem: "the TXT value contains bytes that are not UTF-8 text, which WEDOS cannot store" };
  }
}

/**
 * The canonical record of a WEDOS row, tolerant of how WEDOS writes it (extra spaces, upper case, a stray
 * trailing dot on a host name). A TXT value becomes 255-byte character-strings. Throws DnsDataError for a row
 * that is not valid data of its type or whose type is not modelled.
 */
export function wedosRowToRecord(row: WedosRow, zone: string): DnsRecord {
  const apex = zoneNameFromText(zone);
  const type = row.type.trim().toUpperCase();
  const name = nameFromRelativeText(row.name, apex);
  return { name, type, ttl: row.ttl, data: rdataFromWedos(type, row.rdata) } as DnsRecord;
}

function rdataFromWedos(type: string, rdata: string): RecordData {
  if (rdata.trim() === "" && type !== "TXT" && type !== "SPF") throw new DnsDataError(`the ${type} row has no data`);
  switch (type) {
    case "A": {
      const address = parseIpv4(rdata.trim());
      if (address === undefined) throw new DnsDataError(`bad IPv4 address '${rdata}'`);
      return { address };
    }
    case "AAAA": {
      const address = parseIpv6(rdata.trim());
      if (address === undefined) throw new DnsDataError(`bad IPv6 address '${rdata}'`);
      return { address };
    }
    case "CNAME":
    case "NS":
    case "PTR":
      return { target: nameFromAbsoluteText(rdata) };
    case "TXT":
    case "SPF": {
      const bytes = Buffer.from(rdata, "utf8").toString("latin1");
      const strings: string[] = [];
      for (let at = 0; at < bytes.length; at += TXT_CHUNK) strings.push(bytes.slice(at, at + TXT_CHUNK));
      return { strings: strings.length === 0 ? [""] : strings };
    }
    default: {
      if (!isModelledType(type)) throw new DnsDataError(`WEDOS row type ${type} is not a type wedos-panel models`);
      // Host names in WEDOS rdata are absolute; reading them relative to the root makes them so.
      const bytes = Buffer.from(rdata, "utf8").toString("latin1");
      return parseRdata(type, tokenizeValue(bytes), { origin: [], owner: [], warn: () => undefined });
    }
  }
}

/**
 * What a row means, as a string: two rows with the same key are the same record even if WEDOS wrote them
 * differently (`10 MAIL.example.com.` and `10 mail.example.com`, upper- or lower-case hex, IPv6 spelling, CAA tag
 * case). Used by the planner to pair desired and existing rows. A row we cannot parse keys on its trimmed rdata.
 */
export function canonicalRdataKey(row: Pick<WedosRow, "type" | "rdata">): string {
  const type = row.type.trim().toUpperCase();
  try {
    const data = rdataFromWedos(type, row.rdata);
    if (type === "TXT") return row.rdata;
    if (type === "CAA" && "tag" in data)
      return wedosRdata(
        { name: "", type, ttl: 0, data: { ...data, tag: data.tag.toLowerCase() } },
        (target) => target,
        (reason) => new Error(reason),
      );
    return wedosRdata(
      { name: "", type, ttl: 0, data } as DnsRecord,
      (target) => target,
      (reason) => new Error(reason),
    );
  } catch {
    return `unparsed:${row.rdata.trim()}`;
  }
}
