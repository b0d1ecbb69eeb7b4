/**
 * The server on the wire: raw dns-packet queries over real UDP and TCP sockets on 127.0.0.1, for what a stub
 * resolver hides (flags, sections, truncation, framing, referrals) and for hostile input.
 */
import { once } from "node:events";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as dnsPacket from "dns-packet";
import type { Answer, DecodedPacket, RecordType, TxtAnswer } from "dns-packet";
import { startDnsServer, type DnsServer } from "../../../src/simulator/dns/index.js";
import { frame, query, rcodeOf, tcpExchange, tcpQuery, udpExchange } from "./dns-client.js";
import { BIG_TEXTS, SSHFP_HASH, TLSA_HASH, zone, zoneSource } from "./fixtures.js";

const source = zoneSource();
let server: DnsServer;

beforeAll(async () => {
  server = await startDnsServer({ port: 0, source });
});

afterAll(async () => {
  await server.close();
});

const names = (records: Answer[] | undefined) => (records ?? []).map((record) => `${record.name} ${record.type}`);

describe.each([
  ["UDP", (packet: dnsPacket.Packet) => udpExchange(server.port, packet)],
  ["TCP", (packet: dnsPacket.Packet) => tcpQuery(server.port, packet)],
])("DNS server over %s", (_, ask) => {
  it("answers authoritatively with the id and question echoed", async () => {
    const reply = await ask(query("example.com", "A", { id: 777 }));
    expect(reply).toMatchObject({
      id: 777,
      flag_qr: true,
      flag_aa: true,
      flag_rd: true,
      flag_tc: false,
      rcode: "NOERROR",
    });
    expect(reply.questions).toEqual([{ name: "example.com", type: "A", class: "IN" }]);
    expect(reply.answers).toMatchObject([{ name: "example.com", type: "A", ttl: 300, data: "192.0.2.10" }]);
  });

  it.each([
    [
      "TLSA",
      "_443._tcp.mail.example.com",
      { usage: 3, selector: 1, matchingType: 1, certificate: Buffer.from(TLSA_HASH, "hex") },
    ],
    // dns-packet decodes the fingerprint as upper-case hex
    ["SSHFP", "host.example.com", { algorithm: 4, hash: 2, fingerprint: SSHFP_HASH.toUpperCase() }],
  ] as const)("serves %s", async (type, name, data) => {
    const reply = await ask(query(name, type));
    expect(reply.answers).toEqual([{ name, type, ttl: 300, class: "IN", flush: false, data }]);
  });

  it.each([
    ["NXDOMAIN", "nope.example.com", "NXDOMAIN"],
    ["NODATA", "mail.example.com", "NOERROR"],
    ["NODATA at an empty non-terminal", "b.deep.example.com", "NOERROR"],
  ])("puts the SOA in authority for %s", async (_, name, rcode) => {
    const reply = await ask(query(name, "AAAA"));
    expect(reply).toMatchObject({ rcode, flag_aa: true, answers: [] });
    expect(reply.authorities).toMatchObject([
      {
        name: "example.com",
        type: "SOA",
        ttl: 300,
        data: { mname: "ns.wedos.net", rname: "wedos.wedos.com", serial: 2024060101 },
      },
    ]);
  });

  it("answers a wildcard under the query name", async () => {
    const reply = await ask(query("Some.Host.wild.example.com", "TXT"));
    expect(reply.answers).toMatchObject([
      { name: "Some.Host.wild.example.com", type: "TXT", data: [Buffer.from("from the wildcard")] },
    ]);
  });

  it("refers a delegated name with glue and without AA", async () => {
    const reply = await ask(query("www.dept.example.com", "A"));
    expect(reply).toMatchObject({ rcode: "NOERROR", flag_aa: false, answers: [] });
    expect(names(reply.authorities)).toEqual(["dept.example.com NS", "dept.example.com NS"]);
    expect(reply.additionals).toMatchObject([
      { name: "ns1.dept.example.com", type: "A", data: "192.0.2.53" },
      { name: "ns1.dept.example.com", type: "AAAA", data: "2001:db8::53" },
    ]);
  });

  it("refuses a foreign zone without AA", async () => {
    const reply = await ask(query("wedos.com", "A"));
    expect(reply).toMatchObject({ rcode: "REFUSED", flag_aa: false, answers: [], authorities: [] });
    expect(reply.questions).toEqual([{ name: "wedos.com", type: "A", class: "IN" }]);
  });

  it("answers ANY with one record set (RFC 8482)", async () => {
    const reply = await ask(query("mail.example.com", "ANY"));
    expect(reply.answers).toMatchObject([{ name: "mail.example.com", type: "A", data: "192.0.2.25" }]);
  });

  it("says NOTIMP to a NOTIFY", async () => {
    const reply = await ask({ ...query("example.com", "SOA"), flags: 4 << 11 });
    expect(reply).toMatchObject({ rcode: "NOTIMP", opcode: "NOTIFY", flag_aa: false });
  });

  it("sees a commit at the very next query", async () => {
    expect(rcodeOf(await ask(query("fresh.test", "A")))).toBe("REFUSED");
    source.zones.push(zone("fresh.test", [{ name: "", type: "A", ttl: 300, rdata: "192.0.2.77" }]));
    try {
      expect((await ask(query("fresh.test", "A"))).answers).toMatchObject([{ data: "192.0.2.77" }]);
    } finally {
      source.zones.pop();
    }
  });
});

describe("truncation", () => {
  const big = query("big.example.com", "TXT");
  const texts = (reply: DecodedPacket) =>
    (reply.answers ?? []).map((record) => Buffer.concat((record as TxtAnswer).data as Buffer[]).toString()).sort();

  it("sets TC with an empty answer over UDP, and the same question gets it all over TCP", async () => {
    const udp = await udpExchange(server.port, big);
    expect(udp).toMatchObject({
      flag_tc: true,
      flag_aa: true,
      rcode: "NOERROR",
      answers: [],
      authorities: [],
      additionals: [],
    });
    const tcp = await tcpQuery(server.port, big);
    expect(tcp).toMatchObject({ flag_tc: false, flag_aa: true, rcode: "NOERROR" });
    expect(texts(tcp)).toEqual([...BIG_TEXTS].sort());
  });

  it("fits the answer in UDP when EDNS allows it", async () => {
    const reply = await udpExchange(server.port, query("big.example.com", "TXT", { edns: 4096 }));
    expect(reply.flag_tc).toBe(false);
    expect(texts(reply)).toEqual([...BIG_TEXTS].sort());
  });
});

describe("TCP framing", () => {
  const ids = (replies: DecodedPacket[]) => replies.map((reply) => reply.id);
  const three = (["A", "MX", "TXT"] as RecordType[]).map((type, i) => frame(query("example.com", type, { id: i + 1 })));

  it("answers several queries sent together on one connection, in order", async () => {
    const { replies, closedByServer } = await tcpExchange(server.port, [Buffer.concat(three)], 3);
    expect(closedByServer).toBe(false);
    expect(ids(replies)).toEqual([1, 2, 3]);
    expect(replies.map((reply) => reply.answers?.[0]?.type)).toEqual(["A", "MX", "TXT"]);
  });

  it("reassembles messages that arrive a byte at a time", async () => {
    const bytes = Buffer.concat(three);
    const chunks = Array.from(bytes, (byte) => Buffer.from([byte]));
    const { replies } = await tcpExchange(server.port, chunks, 3);
    expect(ids(replies)).toEqual([1, 2, 3]);
  });

  it("closes the connection on a message without a header, after answering what came before", async () => {
    const garbage = frame(Buffer.from([1, 2, 3]));
    const { replies, closedByServer } = await tcpExchange(server.port, [three[0]!, garbage, three[1]!], 3);
    expect(closedByServer).toBe(true);
    expect(ids(replies)).toEqual([1]);
  });

  it("closes the connection on a zero-length message", async () => {
    const { replies, closedByServer } = await tcpExchange(server.port, [Buffer.from([0, 0])], 1);
    expect({ replies, closedByServer }).toEqual({ replies: [], closedByServer: true });
  });

  it("answers FORMERR and keeps the connection when the header is readable", async () => {
    const header = Buffer.from([0x00, 0x09, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]);
    const { replies, closedByServer } = await tcpExchange(server.port, [frame(header), three[2]!], 2);
    expect(closedByServer).toBe(false);
    expect(replies.map((reply) => [reply.id, rcodeOf(reply)])).toEqual([
      [9, "FORMERR"],
      [3, "NOERROR"],
    ]);
  });
});

describe("hostile UDP input", () => {
  it.each([
    ["an empty datagram", Buffer.alloc(0)],
    ["a partial header", Buffer.from([0xde, 0xad, 0xbe])],
    ["random bytes that look like a response", Buffer.from("ffffffffffffffffffffffffffffffff", "hex")],
  ])("drops %s and goes on answering", async (_, datagram) => {
    // The first reply on the socket must be the real query's: the bad datagram got none, and the server lived.
    const reply = await udpExchange(server.port, datagram, query("example.com", "A", { id: 31337 }));
    expect(reply).toMatchObject({ id: 31337, rcode: "NOERROR" });
  });

  it("answers FORMERR when only the header is readable", async () => {
    const reply = await udpExchange(server.port, Buffer.from([0x42, 0x42, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0x3f]));
    expect(reply).toMatchObject({ id: 0x4242, rcode: "FORMERR", flag_rd: true, questions: [] });
  });
});

describe("startDnsServer", () => {
  it("listens on the same port for UDP and TCP, and close() drops open connections", async () => {
    const own = await startDnsServer({ port: 0, source: zoneSource() });
    const packet = query("example.com", "SOA");
    expect((await udpExchange(own.port, packet)).answers).toHaveLength(1);
    const client = connect({ port: own.port, host: "127.0.0.1" });
    client.write(frame(packet));
    await once(client, "data"); // the connection is up and idle now
    const closed = once(client, "close");
    await own.close();
    await closed;
    expect(client.destroyed).toBe(true);
  });

  it("fails with the address when the port is taken", async () => {
    const started = startDnsServer({ port: server.port, source: zoneSource() });
    await expect(started).rejects.toThrow(`simulator DNS server: cannot bind UDP 127.0.0.1:${server.port}`);
    await expect(started).rejects.toMatchObject({ cause: { code: "EADDRINUSE" } });
  });
});
