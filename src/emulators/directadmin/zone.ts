import { existsSync, readFileSync, rmSync } from "node:fs";
import {
  DEFAULT_TTL,
  fieldsOf,
  formatRdata,
  formatZoneText,
  numberField,
  parseZoneText,
  textField,
  ZoneRecordError,
  type ZoneRecord,
} from "../dns/index.js";
import { writeAtomic } from "../files/disk.js";
import type { DirectAdminLayout } from "../../panel/directadmin/layout.js";
import { MODES } from "./tree.js";

/**
 * Zone files as the emulated DirectAdmin writes them, and the `dns_write_post` environment built from them
 * (docs/reference/directadmin.md#dns_write_post). Files are written and read back with the emulators' own zone-file
 * code (../dns), never the plugin's, so the plugin's reader is tested against what a panel writes.
 */

/** What the default template fills in (DirectAdmin's named.db template tokens |DOMAIN|, |IP|, |NS1|, |NS2|, |SERIAL|). */
export interface ZoneTemplateValues {
  ip: string;
  nameservers: readonly [string, string];
  serial: number;
  ttl?: number;
}

/**
 * The records of DirectAdmin's default zone template: SOA (|NS1|, hostmaster.|DOMAIN|), NS ns1/ns2, A for the
 * apex, ftp, localhost, mail, pop, smtp and www, MX 10 mail, and the SPF and DMARC TXT records recent versions add.
 */
export function templateRecords(domain: string, values: ZoneTemplateValues): ZoneRecord[] {
  const ttl = values.ttl ?? DEFAULT_TTL;
  const [ns1, ns2] = values.nameservers;
  const at = (label: string) => (label === "" ? domain : `${label}.${domain}`);
  const a = (label: string, address = values.ip): ZoneRecord => ({
    name: at(label),
    type: "A",
    ttl,
    data: { address },
  });
  const txt = (label: string, text: string): ZoneRecord => ({
    name: at(label),
    type: "TXT",
    ttl,
    data: { strings: [text] },
  });
  return [
    {
      name: domain,
      type: "SOA",
      ttl,
      data: {
        mname: ns1,
        rname: `hostmaster.${domain}`,
        serial: values.serial,
        refresh: 3600,
        retry: 3600,
        expire: 1209600,
        minimum: 86400,
      },
    },
    { name: domain, type: "NS", ttl, data: { target: ns1 } },
    { name: domain, type: "NS", ttl, data: { target: ns2 } },
    a(""),
    a("ftp"),
    a("localhost", "127.0.0.1"),
    a("mail"),
    a("pop"),
    a("smtp"),
    a("www"),
    { name: domain, type: "MX", ttl, data: { preference: 10, exchange: at("mail") } },
    txt("", `v=spf1 a mx ip4:${values.ip} ~all`),
    txt("_dmarc", "v=DMARC1; p=none"),
  ];
}

/** DirectAdmin's serial form YYYYMMDDnn: today's first serial, or one more than `previous` if that is later. */
export function nextSerial(previous: number | undefined, now: number): number {
  const day = new Date(now).toISOString().slice(0, 10).replaceAll("-", "");
  const first = Number(day) * 100 + 1;
  return previous === undefined || previous < first ? first : previous + 1;
}

/** The SOA of a zone's records, if it has one. */
export function soaOf(records: readonly ZoneRecord[]): ZoneRecord | undefined {
  return records.find((record) => record.type === "SOA");
}

/** The zone's SOA serial, if it has an SOA. */
export function serialOf(records: readonly ZoneRecord[]): number | undefined {
  const soa = soaOf(records);
  return soa === undefined ? undefined : numberField(soa, "serial");
}

/** Writes `<zoneDir>/<domain>.db` (see formatZoneText). */
export function writeZone(
  layout: Pick<DirectAdminLayout, "zoneFile">,
  domain: string,
  records: readonly ZoneRecord[],
  ttl = DEFAULT_TTL,
): void {
  writeAtomic(layout.zoneFile(domain), formatZoneText(records, ttl), MODES.zoneFile);
}

/** The zone's records, or undefined when there is no zone file. */
export function readZone(layout: Pick<DirectAdminLayout, "zoneFile">, domain: string): ZoneRecord[] | undefined {
  const file = layout.zoneFile(domain);
  if (!existsSync(file)) return undefined;
  try {
    return parseZoneText(readFileSync(file, "latin1"), domain);
  } catch (error) {
    if (!(error instanceof ZoneRecordError)) throw error;
    throw new ZoneRecordError(`${file}: ${error.message} (the emulated panel reads back only zone files it wrote)`, {
      cause: error,
    });
  }
}

export function removeZone(layout: Pick<DirectAdminLayout, "zoneFile">, domain: string): void {
  rmSync(layout.zoneFile(domain), { force: true });
}

/** The zone-level values `dns_write_post` carries besides the record lists. */
export interface ZoneWriteContext {
  domainIp: string;
  serverIp: string;
  package: string | undefined;
}

/** Always present, even empty (what 1.694 sends: SPF is gone); types outside it appear only when used. */
const LISTED_TYPES = ["A", "AAAA", "CNAME", "MX", "NS", "PTR", "TXT", "SRV", "TLSA", "CAA", "DS"] as const;
const EXTRA_TYPES = ["SPF", "SSHFP", "HTTPS", "SVCB"] as const;

/**
 * The `dns_write_post` environment (docs/reference/directadmin.md#dns_write_post): `DOMAIN`, `DOMAIN_IP`,
 * `SERVER_IP`, `WWW_IP`, `PACKAGE`, `SERIAL`, `EMAIL` (the SOA contact), `NS1`, `INCLUDE_DNSSEC_KEYS` (empty: no
 * DNSSEC), then per type a list of `name=value` pairs joined by `&`, each side percent-encoded, with `<TYPE>_TIME`.
 * Owner names are relative (`www`) except the apex, which is absolute (`example.com.`), as in the documented example.
 * Values are BIND's presentation form. `MX` carries only preferences (legacy) and `MX_FULL` `<preference> <host>`. A
 * type has one TTL: that of its first record (whether DirectAdmin can send per-record TTLs is unknown:
 * docs/reference/directadmin.md#zone-data-details).
 */
export function dnsWriteEnv(
  domain: string,
  records: readonly ZoneRecord[],
  context: ZoneWriteContext,
): Record<string, string> {
  const soa = soaOf(records);
  const www = records.find((record) => record.type === "A" && record.name === `www.${domain}`);
  const env: Record<string, string> = {
    DOMAIN: domain,
    DOMAIN_IP: context.domainIp,
    SERVER_IP: context.serverIp,
    WWW_IP: www === undefined ? context.domainIp : textField(www, "address"),
    PACKAGE: context.package ?? "",
    SERIAL: soa === undefined ? "" : String(numberField(soa, "serial")),
    EMAIL: soa === undefined ? "" : `${textField(soa, "rname")}.`,
    NS1: soa === undefined ? "" : `${textField(soa, "mname")}.`,
    INCLUDE_DNSSEC_KEYS: "",
  };
  const owner = (name: string) => (name === domain ? `${domain}.` : name.slice(0, -(domain.length + 1)));
  const list = (chosen: readonly ZoneRecord[], value: (record: ZoneRecord) => string) =>
    chosen.map((record) => `${encodeURIComponent(owner(record.name))}=${encodeURIComponent(value(record))}`).join("&");
  for (const type of [...LISTED_TYPES, ...EXTRA_TYPES]) {
    const ofType = records.filter((record) => record.type === type);
    if (ofType.length === 0 && (EXTRA_TYPES as readonly string[]).includes(type)) continue;
    env[`${type}_TIME`] = String(ofType[0]?.ttl ?? DEFAULT_TTL);
    if (type !== "MX") env[type] = list(ofType, formatRdata);
    else {
      env.MX = list(ofType, (record) => String(numberField(record, "preference")));
      env.MX_FULL = list(ofType, formatRdata);
    }
  }
  return env;
}

/** Moves a zone's names from `from` to `to` (owners, SOA names, targets inside the zone), as a rename rewrites the zone. */
export function renameRecords(records: readonly ZoneRecord[], from: string, to: string): ZoneRecord[] {
  const move = (name: string) =>
    name === from ? to : name.endsWith(`.${from}`) ? `${name.slice(0, -from.length)}${to}` : name;
  return records.map((record) => {
    const data: Record<string, unknown> = { ...fieldsOf(record) };
    for (const field of ["target", "exchange", "mname", "rname"]) {
      if (typeof data[field] === "string") data[field] = move(data[field]);
    }
    return { ...record, name: move(record.name), data };
  });
}

/** The records with the SOA serial set to `serial`. */
export function withSerial(records: readonly ZoneRecord[], serial: number): ZoneRecord[] {
  return records.map((record) =>
    record.type === "SOA" ? { ...record, data: { ...fieldsOf(record), serial } } : record,
  );
}
