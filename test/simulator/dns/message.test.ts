import { describe, expect, it } from "vitest";
import * as dnsPacket from "dns-packet";
import type { DecodedPacket, OptAnswer, Packet } from "dns-packet";
import { answerMessage, type Transport } from "../../../src/simulator/dns/message.js";
import { query, rcodeOf } from "./dns-client.js";
import { BIG_TEXTS, zone, zoneSource } from "./fixtures.js";

function exchange(request: Packet | Buffer, transport: Transport = "udp", source = zoneSource()) {
  const errors: unknown[] = [];
  const bytes = answerMessage(Buffer.isBuffer(request) ? request : dnsPacket.encode(request), {
    source,
    transport,
    onError: (error) => errors.push(error),
  });
  return { reply: bytes === undefined ? undefined : dnsPacket.decode(bytes), size: bytes?.length, errors };
}

function decoded(request: Packet | Buffer, transport: Transport = "udp"): DecodedPacket {
  const { reply, errors } = exchange(request, transport);
  expect(errors).toEqual([]);
  if (reply === undefined) throw new Error("no reply");
  return reply;
}

const optOf = (packet: DecodedPacket) =>
  packet.additionals?.find((record): record is OptAnswer => record.type === "OPT");

describe("answerMessage", () => {
  it("echoes id, question and RD, sets QR and AA, never RA", () => {
    const reply = decoded(query("Mail.Example.com", "A", { id: 0xbeef }));
    expect(reply).toMatchObject({
      id: 0xbeef,
      flag_qr: true,
      flag_aa: true,
      flag_rd: true,
      flag_ra: false,
      flag_tc: false,
    });
    expect(reply.questions).toEqual([{ name: "Mail.Example.com", type: "A", class: "IN" }]);
    expect(decoded(query("mail.example.com", "A", { flags: 0 })).flag_rd).toBe(false);
  });

  it.each([
    ["an empty datagram", Buffer.alloc(0)],
    ["a partial header", Buffer.from([0x12, 0x34, 0x01, 0x00, 0x00])],
    ["a response", dnsPacket.encode({ ...query("example.com", "A"), type: "response" })],
  ])("gives no reply to %s", (_, bytes) => {
    expect(exchange(bytes)).toEqual({ reply: undefined, size: undefined, errors: [] });
  });

  it.each([
    ["a header promising a question that is missing", 0x0000, "FORMERR", "QUERY"],
    ["a cut-off question", 0x0000, "FORMERR", "QUERY", Buffer.from([7, 0x65, 0x78])],
    ["an unreadable UPDATE", 5 << 11, "NOTIMP", "UPDATE"],
  ])("answers %s with a bare header", (_, flags, rcode, opcode, body = Buffer.alloc(0)) => {
    const header = Buffer.from([0xab, 0xcd, (flags >> 8) | 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]);
    const reply = decoded(Buffer.concat([header, body]));
    expect(reply).toMatchObject({ id: 0xabcd, flag_qr: true, flag_aa: false, flag_rd: true, questions: [] });
    expect(reply).toMatchObject({ rcode, opcode });
  });

  it.each([
    ["no question", { ...query("example.com", "A"), questions: [] }, "FORMERR"],
    [
      "two questions",
      {
        ...query("example.com", "A"),
        questions: [
          { name: "example.com", type: "A" as const },
          { name: "example.com", type: "MX" as const },
        ],
      },
      "FORMERR",
    ],
    [
      "two OPT records",
      {
        ...query("example.com", "A", { edns: 1232 }),
        additionals: [
          ...(query("x", "A", { edns: 1232 }).additionals ?? []),
          ...(query("x", "A", { edns: 4096 }).additionals ?? []),
        ],
      },
      "FORMERR",
    ],
    ["a NOTIFY", { ...query("example.com", "SOA"), flags: 4 << 11 }, "NOTIMP"],
    ["an IQUERY", { ...query("example.com", "A"), flags: 1 << 11 }, "NOTIMP"],
  ])("rejects %s", (_, request, rcode) => {
    const reply = decoded(request);
    expect(rcodeOf(reply)).toBe(rcode);
    expect(reply.flag_aa).toBe(false);
    expect(reply.answers).toEqual([]);
  });

  it.each([
    [
      "a label that is not UTF-8",
      Buffer.concat([Buffer.from([3, 0xff, 0xfe, 0xfd]), Buffer.from("\x07example\x03com\x00", "latin1")]),
    ],
    ["a dot inside a label", Buffer.from("\x03a.b\x07example\x03com\x00", "latin1")],
  ])("refuses, without a question, a name it could not echo faithfully: %s", (_, name) => {
    const header = Buffer.from([0x0b, 0x0b, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]);
    const reply = decoded(Buffer.concat([header, name, Buffer.from([0, 1, 0, 1])]));
    expect(reply).toMatchObject({ id: 0x0b0b, rcode: "REFUSED", flag_aa: false, questions: [] });
  });

  it("survives mutated and cut-off queries: every reply decodes, nothing is reported", () => {
    let seed = 20240601; // a fixed seed keeps the run reproducible
    const next = (below: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % below;
    const originals = [query("www.example.com", "A", { edns: 1232 }), query("x.dept.example.com", "NS")].map((packet) =>
      dnsPacket.encode(packet),
    );
    for (let round = 0; round < 3000; round++) {
      const bytes = Buffer.from(originals[round % originals.length]!);
      for (let flips = 1 + next(4); flips > 0; flips--) bytes[next(bytes.length)] = next(256);
      const { reply, errors } = exchange(round % 5 === 0 ? bytes.subarray(0, next(bytes.length)) : bytes);
      expect(errors).toEqual([]);
      if (reply !== undefined) expect(reply.flag_qr).toBe(true);
    }
  });

  it("answers BADVERS to EDNS versions it does not speak", () => {
    const request = query("example.com", "A", { edns: 1232 });
    const opt = request.additionals?.[0] as OptAnswer;
    const reply = decoded({ ...request, additionals: [{ ...opt, ednsVersion: 1 }] });
    expect(rcodeOf(reply)).toBe("NOERROR");
    expect(reply.answers).toEqual([]);
    expect(optOf(reply)).toMatchObject({ extendedRcode: 1, ednsVersion: 0 });
  });

  it("answers EDNS with its own OPT and copies the DO bit", () => {
    const request = query("example.com", "A", { edns: 1232 });
    const opt = request.additionals?.[0] as OptAnswer;
    expect(optOf(decoded(request))).toMatchObject({ udpPayloadSize: 4096, flag_do: false });
    expect(optOf(decoded({ ...request, additionals: [{ ...opt, flags: dnsPacket.DNSSEC_OK }] }))).toMatchObject({
      flag_do: true,
    });
    expect(optOf(decoded(query("example.com", "A")))).toBeUndefined();
  });

  it.each([
    ["UDP without EDNS (512)", "udp", undefined, true],
    ["UDP with a tiny EDNS size, read as 512", "udp", 100, true],
    ["UDP with c-ares's 1232", "udp", 1232, true],
    ["UDP with 4096", "udp", 4096, false],
    ["TCP", "tcp", undefined, false],
  ] as const)("fits the big TXT set over %s: truncated %s", (_, transport, edns, truncated) => {
    const request = query("big.example.com", "TXT", edns === undefined ? {} : { edns });
    const { reply, size } = exchange(request, transport);
    expect(reply).toMatchObject({ flag_tc: truncated, flag_aa: true, rcode: "NOERROR" });
    expect(reply?.questions).toHaveLength(1);
    expect(reply?.answers).toHaveLength(truncated ? 0 : BIG_TEXTS.length);
    expect(reply?.authorities).toEqual([]);
    if (edns !== undefined) expect(optOf(reply!)).toBeDefined();
    if (truncated) expect(size).toBeLessThanOrEqual(512);
  });

  it("answers SERVFAIL and reports when a zone cannot be encoded", () => {
    const broken = zoneSource([zone("broken.test", [{ name: "", type: "MX", ttl: 300, rdata: "mail.broken.test" }])]);
    const { reply, errors } = exchange(query("broken.test", "A"), "udp", broken);
    expect(reply).toMatchObject({ rcode: "SERVFAIL", flag_aa: false, answers: [] });
    expect(errors.map(String)).toEqual([
      'Error: MX rdata "mail.broken.test" at "broken.test": expected 2 fields, got 1',
    ]);
  });

  it("answers SERVFAIL and reports when the zone source throws", () => {
    const failing = {
      zones: [],
      publishedZones: (): never => {
        throw new Error("state unavailable");
      },
    };
    const { reply, errors } = exchange(query("example.com", "A"), "udp", failing);
    expect(reply).toMatchObject({ rcode: "SERVFAIL" });
    expect(errors.map(String)).toEqual(["Error: state unavailable"]);
  });
});
