import type { DnsRecord } from "../dns/index.js";
import { WEDOS_CAPABILITIES, WEDOS_NAMESERVERS } from "./capabilities.js";

/** What the audit does with a record a rule matches. */
export type AuditAction = "skip" | "clamp-ttl";

export interface AuditRule {
  id: string;
  action: AuditAction;
  /** The section of docs/reference/wapi.md the rule rests on. */
  reference: string;
  /** Whether the rule applies, the record read in the context of its zone. */
  matches(record: DnsRecord, context: AuditContext): boolean;
  /** Why, in words a customer understands. */
  reason(record: DnsRecord, context: AuditContext): string;
}

export interface AuditContext {
  zone: string;
  /** The owner names that hold a record of a type other than CNAME in the panel's zone. */
  namesWithData: ReadonlySet<string>;
}

const { supportedTypes, dnssecTypes, minTtl, maxTtl } = WEDOS_CAPABILITIES;
const supported: ReadonlySet<string> = new Set(supportedTypes);
const dnssec: ReadonlySet<string> = new Set(dnssecTypes);
const label = (record: DnsRecord, zone: string) =>
  record.name === zone ? "@" : record.name.slice(0, -(zone.length + 1));

/**
 * The capability audit, in the order it is applied: every record the panel has that WEDOS cannot take is
 * reported with one of these reasons, never silently dropped. The first matching `skip` rule wins; `clamp-ttl`
 * rules adjust the TTL and keep the record.
 */
export const AUDIT_RULES: readonly AuditRule[] = [
  {
    id: "outside-zone",
    action: "skip",
    reference: "docs/reference/wapi.md#names-are-relative",
    matches: (record, { zone }) => record.name !== zone && !record.name.endsWith(`.${zone}`),
    reason: (record, { zone }) => `${record.name} is not inside ${zone}, so it cannot be part of this zone`,
  },
  {
    id: "soa",
    action: "skip",
    reference: "docs/reference/wapi.md#soa-belongs-to-wedos",
    matches: (record) => record.type === "SOA",
    reason: () => "WEDOS writes the SOA record of every zone itself",
  },
  {
    id: "apex-ns",
    action: "skip",
    reference: "docs/reference/wapi.md#no-ns-at-the-apex",
    matches: (record, { zone }) => record.type === "NS" && record.name === zone,
    reason: () =>
      `the zone's own name servers are WEDOS's (${WEDOS_NAMESERVERS.join(", ")}); set those at the registrar instead`,
  },
  {
    id: "dnssec",
    action: "skip",
    reference: "docs/reference/wapi.md#record-types and #unverified-record-types",
    matches: (record) => dnssec.has(record.type),
    reason: (record) =>
      `${record.type} is a DNSSEC record: DNSSEC records are made by whoever signs and serves the zone, so the panel server's keys and signatures cannot be copied to WEDOS`,
  },
  {
    id: "spf-type",
    action: "skip",
    reference: "docs/reference/wapi.md#record-types (SPF is not among them); RFC 7208 §3.1 retired the SPF type",
    matches: (record) => record.type === "SPF",
    reason: () => "the SPF record type is obsolete and WEDOS does not accept it; publish the same text as a TXT record",
  },
  {
    id: "dname",
    action: "skip",
    reference: "docs/reference/wapi.md#record-types (DNAME is not among them)",
    matches: (record) => record.type === "DNAME",
    reason: () =>
      "WEDOS DNS does not take DNAME records; give each name that should point elsewhere a CNAME record instead",
  },
  {
    id: "generic-type",
    action: "skip",
    reference: "docs/reference/wapi.md#unverified-record-types (an unknown type is 2309)",
    matches: (record) => /^TYPE\d+$/.test(record.type),
    reason: (record) =>
      `${record.type} is a record type without a name in DNS software, and WEDOS DNS does not take it`,
  },
  {
    id: "unsupported-type",
    action: "skip",
    reference: "docs/reference/wapi.md#record-types and #unverified-record-types (unverified types are rejected)",
    matches: (record) => !supported.has(record.type),
    reason: (record) =>
      `WEDOS DNS does not take ${record.type} records; the zone's other records are synced without them`,
  },
  {
    id: "apex-cname",
    action: "skip",
    reference: "docs/reference/wapi.md#no-cname-at-the-apex",
    matches: (record, { zone }) => record.type === "CNAME" && record.name === zone,
    reason: () => "a CNAME cannot stand at the domain itself; use A/AAAA records for the bare domain",
  },
  {
    id: "cname-beside-data",
    action: "skip",
    reference: "docs/reference/wapi.md#a-cname-stands-alone",
    matches: (record, { namesWithData }) => record.type === "CNAME" && namesWithData.has(record.name),
    reason: (record, { zone }) =>
      `${label(record, zone)} also has other records, and a CNAME must be alone at its name`,
  },
  {
    id: "wildcard-form",
    action: "skip",
    reference: "docs/reference/wapi.md#wildcards (one *, as the leftmost label)",
    matches: (record) => record.name.includes("*") && !/^\*(\.[^*]+)?$/.test(record.name),
    reason: () => "WEDOS accepts a wildcard only as a single * in the leftmost label",
  },
  {
    id: "ttl-too-low",
    action: "clamp-ttl",
    reference: "docs/reference/wapi.md#ttl-range (300–172800)",
    matches: (record) => record.ttl < minTtl,
    reason: (record) => `WEDOS accepts TTLs from ${minTtl} s; ${record.ttl} s was raised to ${minTtl} s`,
  },
  {
    id: "ttl-too-high",
    action: "clamp-ttl",
    reference: "docs/reference/wapi.md#ttl-range (300–172800)",
    matches: (record) => record.ttl > maxTtl,
    reason: (record) => `WEDOS accepts TTLs up to ${maxTtl} s; ${record.ttl} s was lowered to ${maxTtl} s`,
  },
];

/** The TTL a clamp rule sets. */
export function clampTtl(ttl: number): number {
  return Math.min(maxTtl, Math.max(minTtl, ttl));
}

/** Set-level rule, applied after the per-record rules: WEDOS keeps one TTL per (name, type) set. */
export const MIXED_TTL_RULE = {
  id: "mixed-ttl",
  action: "unify-ttl" as const,
  reference: "docs/reference/wapi.md#one-ttl-per-set and #ttl-errors-and-mixed-ttl-sets",
  reason: (owner: string, type: string, ttls: readonly number[], chosen: number) =>
    `the ${type} records at ${owner} have different TTLs (${ttls.join(", ")} s) but WEDOS needs one per set; all use the lowest, ${chosen} s`,
};
