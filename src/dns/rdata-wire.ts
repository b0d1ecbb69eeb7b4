import { isHostname, isMailbox, isReverseName } from "./check-names.js";
import { DnsDataError } from "./errors.js";
import { formatIpv6 } from "./addresses.js";
import { nameFromLabels, type Labels } from "./normalise.js";
import type { ModelledType, RecordData } from "./record.js";
import { svcParamsFromWire } from "./svcb-params.js";
import { hexFromBytes } from "./text-codec.js";
import { Reader } from "./wire-reader.js";

/**
 * Decodes the RFC 3597 form (`TYPE1 \# 4 0A000001`) of a type we model, so it becomes the same record as its
 * presentation form, as BIND does. Names in such data are uncompressed (RFC 3597 §4).
 */

interface WireContext {
  owner: Labels;
}

function host(labels: Labels, type: string): string {
  if (!isHostname(labels, false))
    throw new DnsDataError(`bad name (check-names): the ${type} target is not a host name`);
  return nameFromLabels(labels);
}

/** The model data of wire-format rdata of a modelled type. */
export function rdataFromWire(type: ModelledType, bytes: string, context: WireContext): RecordData {
  const r = new Reader(bytes, type);
  const data = decode(type, r, context);
  r.end();
  return data;
}

function decode(type: ModelledType, r: Reader, context: WireContext): RecordData {
  switch (type) {
    case "A":
      return { address: [r.u8(), r.u8(), r.u8(), r.u8()].join(".") };
    case "AAAA":
      return { address: formatIpv6(Array.from({ length: 8 }, () => r.u16())) };
    case "CNAME":
      return { target: nameFromLabels(r.labels()) };
    case "NS":
      return { target: host(r.labels(), type) };
    case "PTR": {
      const labels = r.labels();
      return { target: isReverseName(context.owner) ? host(labels, type) : nameFromLabels(labels) };
    }
    case "MX":
      return { preference: r.u16(), exchange: host(r.labels(), type) };
    case "SRV":
      return { priority: r.u16(), weight: r.u16(), port: r.u16(), target: host(r.labels(), type) };
    case "TXT":
    case "SPF": {
      const strings: string[] = [];
      do strings.push(r.take(r.u8()));
      while (!r.done);
      return { strings };
    }
    case "CAA": {
      const flags = r.u8();
      const tag = r.take(r.u8());
      if (!/^[A-Za-z0-9]+$/.test(tag)) throw new DnsDataError(`CAA tag in wire data must be letters and digits only`);
      return { flags, tag, value: r.rest() };
    }
    case "TLSA":
      return { usage: r.u8(), selector: r.u8(), matchingType: r.u8(), data: hexFromBytes(r.rest()) };
    case "SSHFP":
      return { algorithm: r.u8(), fingerprintType: r.u8(), fingerprint: hexFromBytes(r.rest()) };
    case "DS":
      return { keyTag: r.u16(), algorithm: r.u8(), digestType: r.u8(), digest: hexFromBytes(r.rest()) };
    case "SOA": {
      const mname = host(r.labels(), type);
      const rname = r.labels();
      if (!isMailbox(rname)) throw new DnsDataError("bad name (check-names): the SOA contact is not a mailbox name");
      return {
        mname,
        rname: nameFromLabels(rname),
        serial: r.u32(),
        refresh: r.u32(),
        retry: r.u32(),
        expire: r.u32(),
        minimum: r.u32(),
      };
    }
    case "SVCB":
    case "HTTPS":
      return { priority: r.u16(), target: host(r.labels(), type), params: svcParamsFromWire(r.rest()) };
  }
}
