/**
 * The authoritative lookup: one question against the published zones gives the sections of the response
 * (RFC 1034 §4.3.2 for a server that holds several zones and offers no recursion). Pure: no sockets, no clock.
 */
import type { Question } from "dns-packet";
import type { PublishedZone } from "../published-zone.js";
import { isAtOrBelow, lookupName, namesBelow, parentName } from "./names.js";
import type { RecordAnswer } from "./rdata.js";
import { findZone, indexZone, type RecordSets, type ZoneIndex } from "./zone-index.js";

/** Response codes the server sends (RFC 1035 §4.1.1). */
export const Rcode = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;

/** The sections of a response to one question, before the header and EDNS are added. */
export interface Resolution {
  rcode: number;
  /** The AA flag: set when the first name asked about is answered from our data, clear for referrals and refusals. */
  authoritative: boolean;
  answers: RecordAnswer[];
  authorities: RecordAnswer[];
  additionals: RecordAnswer[];
}

/** How many CNAMEs one answer follows before leaving the rest to the client, like BIND's restart limit. */
const MAX_CHAIN = 12;

type Outcome =
  | { kind: "answer"; records: RecordAnswer[] }
  | { kind: "cname"; record: RecordAnswer; target: string }
  | { kind: "nodata" }
  | { kind: "nxdomain" }
  | { kind: "referral"; ns: readonly RecordAnswer[]; glue: RecordAnswer[] };

/**
 * Answers `question` from `zones`. Throws when a zone the answer needs has rows that cannot be encoded; the caller
 * turns that into SERVFAIL, as a real server does for a zone it failed to load.
 */
export function resolveQuestion(question: Question, zones: readonly PublishedZone[]): Resolution {
  const result: Resolution = {
    rcode: Rcode.NOERROR,
    authoritative: true,
    answers: [],
    authorities: [],
    additionals: [],
  };
  let name = lookupName(question.name);
  let zone = findZone(name, zones);
  // Zone transfers are not offered (WEDOS allows AXFR only to listed secondaries), and only class IN is served.
  const refused =
    zone === undefined || (question.class ?? "IN") !== "IN" || question.type === "AXFR" || question.type === "IXFR";
  if (refused || zone === undefined) return { ...result, rcode: Rcode.REFUSED, authoritative: false };

  const indexes = new Map<PublishedZone, ZoneIndex>();
  const seen = new Set<string>();
  // The first owner keeps the client's spelling, so a case-randomising (0x20) resolver sees its own name back.
  let owner = question.name;
  for (let hop = 0; ; hop++) {
    seen.add(name);
    const index = indexes.get(zone) ?? indexZone(zone);
    indexes.set(zone, index);
    const outcome = lookup(index, name, owner, question.type);
    switch (outcome.kind) {
      case "answer":
        result.answers.push(...outcome.records);
        return result;
      case "nodata":
        result.authorities.push(index.negativeSoa);
        return result;
      case "nxdomain":
        result.rcode = Rcode.NXDOMAIN; // RFC 6604: after a CNAME the code describes the last name in the chain
        result.authorities.push(index.negativeSoa);
        return result;
      case "referral":
        if (hop === 0) result.authoritative = false;
        result.authorities.push(...outcome.ns);
        result.additionals.push(...outcome.glue);
        return result;
      case "cname": {
        result.answers.push(outcome.record);
        const target = lookupName(outcome.target);
        const next = findZone(target, zones);
        // A chain that leaves our zones, loops or runs long ends here; the client's resolver follows the rest.
        if (next === undefined || seen.has(target) || hop + 1 >= MAX_CHAIN) return result;
        [name, owner, zone] = [target, outcome.target, next];
      }
    }
  }
}

function lookup(index: ZoneIndex, name: string, owner: string, type: string): Outcome {
  const referral = findDelegation(index, name, type);
  if (referral) return referral;
  const exact = index.recordSets(name);
  if (exact) return fromRecordSets(exact, owner, type);
  if (index.exists(name)) return { kind: "nodata" }; // an empty non-terminal exists, it just owns nothing
  // RFC 4592: a wildcard answers only for names that do not exist, from the "*" directly below the closest encloser.
  const wildcard = index.recordSets(`*.${closestEncloser(index, name)}`);
  return wildcard ? fromRecordSets(wildcard, owner, type) : { kind: "nxdomain" };
}

/** The highest zone cut (subdomain NS set) at or above `name`: data there belongs to the child zone. */
function findDelegation(index: ZoneIndex, name: string, type: string): Outcome | undefined {
  for (const cut of namesBelow(name, index.apex)) {
    const ns = index.recordSets(cut)?.get("NS");
    // DS lives on the parent side of a cut (RFC 4035 §2.4), so a DS query for the cut itself is answered here.
    if (ns === undefined || (cut === name && type === "DS")) continue;
    return { kind: "referral", ns, glue: glueFor(index, ns) };
  }
  return undefined;
}

/** Addresses the zone holds for the delegated name servers, without which in-bailiwick NS could not be reached. */
function glueFor(index: ZoneIndex, ns: readonly RecordAnswer[]): RecordAnswer[] {
  const glue: RecordAnswer[] = [];
  for (const record of ns) {
    if (record.type !== "NS") continue;
    const target = lookupName(record.data);
    if (!isAtOrBelow(target, index.apex)) continue;
    const sets = index.recordSets(target);
    glue.push(...(sets?.get("A") ?? []), ...(sets?.get("AAAA") ?? []));
  }
  return glue;
}

function closestEncloser(index: ZoneIndex, name: string): string {
  for (let candidate = parentName(name); candidate !== undefined; candidate = parentName(candidate)) {
    if (index.exists(candidate)) return candidate;
  }
  return index.apex;
}

function fromRecordSets(sets: RecordSets, owner: string, type: string): Outcome {
  const cname = sets.get("CNAME")?.[0];
  // A CNAME stands in for every other type; a query for CNAME itself or for ANY gets the CNAME without chasing.
  if (cname?.type === "CNAME" && type !== "CNAME" && type !== "ANY") {
    return { kind: "cname", record: { ...cname, name: owner }, target: cname.data };
  }
  // ANY gets the minimal RFC 8482 §4.2 answer: one record set that exists at the name (the first, i.e. the SOA at
  // the apex), rather than REFUSED, so a client probing "is anything here" still learns the name is populated.
  const set = type === "ANY" ? sets.values().next().value : sets.get(type);
  if (set === undefined || set.length === 0) return { kind: "nodata" };
  return { kind: "answer", records: set.map((record) => ({ ...record, name: owner })) };
}
