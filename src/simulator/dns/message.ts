/**
 * One DNS message in, one out: decoding, header checks, EDNS and truncation around resolve.ts. Never throws, so
 * neither transport can be brought down by a packet.
 */
import * as dnsPacket from "dns-packet";
import type { DecodedPacket, OptAnswer, Packet, Question } from "dns-packet";
import type { PublishedZoneSource } from "../published-zone.js";
import { Rcode, resolveQuestion, type Resolution } from "./resolve.js";

/** Which transport a message came over; it decides how big the reply may be. */
export type Transport = "udp" | "tcp";

/** What answering a message needs besides its bytes. */
export interface MessageContext {
  source: PublishedZoneSource;
  transport: Transport;
  /** Told about internal failures (a zone that cannot be encoded, a source that throws); the query gets SERVFAIL. */
  onError: (error: unknown) => void;
}

const HEADER_BYTES = 12;
const QR = 1 << 15;
/** RFC 1035 §4.2.1: without EDNS a UDP answer may not exceed 512 bytes. */
const CLASSIC_UDP_LIMIT = 512;
/** The largest UDP payload we agree to send, whatever a client advertises; also what we advertise. */
const MAX_UDP_PAYLOAD = 4096;
const MAX_TCP_MESSAGE = 0xffff;
/** BADVERS (16) is an extended code: its upper eight bits travel in the OPT record (RFC 6891 §6.1.3). */
const BADVERS_EXTENDED = 1;

/**
 * The response to `request`, or undefined when there is nothing to answer: fewer than 12 bytes (no header to reply
 * to) or a message that is itself a response (answering those invites loops). UDP drops such input, TCP closes.
 */
export function answerMessage(request: Buffer, context: MessageContext): Buffer | undefined {
  try {
    return answer(request, context);
  } catch (error) {
    // Only a bug gets here (every expected failure has its own reply); report it and treat the input as unreadable.
    context.onError(error);
    return undefined;
  }
}

function answer(request: Buffer, context: MessageContext): Buffer | undefined {
  if (request.length < HEADER_BYTES || (request.readUInt16BE(2) & QR) !== 0) return undefined;
  const header = {
    id: request.readUInt16BE(0),
    opcode: (request.readUInt16BE(2) >> 11) & 0xf,
    rd: (request[2]! & 1) === 1,
  };
  const reply = (rcode: number, fields: Partial<Packet> = {}, aa = false, tc = false): Packet => ({
    type: "response",
    id: header.id,
    flags:
      (header.opcode << 11) |
      (aa ? dnsPacket.AUTHORITATIVE_ANSWER : 0) |
      (tc ? dnsPacket.TRUNCATED_RESPONSE : 0) |
      (header.rd ? dnsPacket.RECURSION_DESIRED : 0) |
      rcode,
    ...fields,
  });

  let query: DecodedPacket;
  try {
    query = dnsPacket.decode(request);
  } catch {
    // The header was readable, the rest was not: say so, unless the opcode is one we would not serve anyway.
    return encode(reply(header.opcode === 0 ? Rcode.FORMERR : Rcode.NOTIMP));
  }
  const questions = query.questions ?? [];
  if (header.opcode !== 0) return encode(reply(Rcode.NOTIMP, { questions }));
  const question = questions[0];
  if (questions.length !== 1 || question === undefined) return encode(reply(Rcode.FORMERR, { questions }));
  // dns-packet reads labels as UTF-8 text, so a name with other bytes (or a "." inside a label, or an unknown class)
  // would be echoed as something else, and a client would reject the reply. No zone of ours can hold such a name.
  if (!echoesFaithfully(request, question)) return encode(reply(Rcode.REFUSED));

  const opts = (query.additionals ?? []).filter((record): record is OptAnswer => record.type === "OPT");
  const clientOpt = opts[0];
  if (opts.length > 1 || (clientOpt !== undefined && clientOpt.name !== "."))
    return encode(reply(Rcode.FORMERR, { questions }));
  const opt = clientOpt === undefined ? [] : [serverOpt(clientOpt)];
  if (clientOpt !== undefined && clientOpt.ednsVersion > 0) {
    return encode(
      reply(Rcode.NOERROR, { questions, additionals: [{ ...serverOpt(clientOpt), extendedRcode: BADVERS_EXTENDED }] }),
    );
  }

  const resolution = resolve(question, context);
  const full = reply(resolution.rcode, sections(question, resolution, opt), resolution.authoritative);
  const limit = context.transport === "tcp" ? MAX_TCP_MESSAGE : udpLimit(clientOpt);
  let bytes: Buffer;
  try {
    bytes = dnsPacket.encode(full);
  } catch (error) {
    context.onError(error);
    return encode(reply(Rcode.SERVFAIL, { questions, additionals: opt }));
  }
  if (bytes.length <= limit) return bytes;
  // Too big for this transport: send only the header, question and OPT with TC, and the client retries over TCP.
  return encode(reply(resolution.rcode, { questions, additionals: opt }, resolution.authoritative, true));
}

function resolve(question: Question, context: MessageContext): Resolution {
  try {
    return resolveQuestion(question, [...context.source.publishedZones()]);
  } catch (error) {
    context.onError(error);
    return { rcode: Rcode.SERVFAIL, authoritative: false, answers: [], authorities: [], additionals: [] };
  }
}

function sections(question: Question, resolution: Resolution, opt: OptAnswer[]): Partial<Packet> {
  const { answers, authorities, additionals } = resolution;
  return { questions: [question], answers, authorities, additionals: [...additionals, ...opt] };
}

/** Our OPT: the payload size we accept, and the DO bit copied back as RFC 3225 §3 requires. */
function serverOpt(clientOpt: OptAnswer): OptAnswer {
  const flags = clientOpt.flags & dnsPacket.DNSSEC_OK;
  return {
    type: "OPT",
    name: ".",
    udpPayloadSize: MAX_UDP_PAYLOAD,
    extendedRcode: 0,
    ednsVersion: 0,
    flags,
    flag_do: flags !== 0,
    options: [],
  };
}

/** RFC 6891 §6.2.5: honour the client's payload size, treating anything under 512 as 512. */
function udpLimit(clientOpt: OptAnswer | undefined): number {
  if (clientOpt === undefined) return CLASSIC_UDP_LIMIT;
  return Math.min(MAX_UDP_PAYLOAD, Math.max(CLASSIC_UDP_LIMIT, clientOpt.udpPayloadSize));
}

function echoesFaithfully(request: Buffer, question: Question): boolean {
  const echoed = dnsPacket.encode({ questions: [question] }).subarray(HEADER_BYTES);
  return echoed.equals(request.subarray(HEADER_BYTES, HEADER_BYTES + echoed.length));
}

/** Encodes a small error or truncated reply; these hold only what came from the decoded query, so they encode. */
function encode(packet: Packet): Buffer {
  return dnsPacket.encode(packet);
}
