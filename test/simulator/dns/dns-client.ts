/**
 * A raw DNS client for the server tests: builds queries with dns-packet and exchanges them over real UDP and TCP
 * on 127.0.0.1. Waits for replies or for the connection to close; never for a fixed time.
 */
import { createSocket } from "node:dgram";
import { connect } from "node:net";
import * as dnsPacket from "dns-packet";
import type { DecodedPacket, Packet, RecordType } from "dns-packet";

const HOST = "127.0.0.1";

export interface QueryOptions {
  id?: number;
  /** Adds an OPT record advertising this UDP payload size. */
  edns?: number;
  flags?: number;
}

/** A standard query (dns-packet encodes "ANY" but leaves it out of RecordType) for one name and type, RD set unless `flags` says otherwise. */
export function query(name: string, type: RecordType | "ANY", options: QueryOptions = {}): Packet {
  const { id = 4242, edns, flags = dnsPacket.RECURSION_DESIRED } = options;
  const additionals: Packet["additionals"] =
    edns === undefined
      ? []
      : [
          {
            type: "OPT",
            name: ".",
            udpPayloadSize: edns,
            extendedRcode: 0,
            ednsVersion: 0,
            flags: 0,
            flag_do: false,
            options: [],
          },
        ];
  return { type: "query", id, flags, questions: [{ type: type as RecordType, name, class: "IN" }], additionals };
}

/** The response code of a decoded packet (dns-packet decodes it but does not type it). */
export function rcodeOf(packet: DecodedPacket): string {
  return (packet as DecodedPacket & { rcode: string }).rcode;
}

/** Sends the datagrams in order from one socket and resolves with the first reply that arrives. */
export function udpExchange(port: number, ...datagrams: Array<Packet | Buffer>): Promise<DecodedPacket> {
  const socket = createSocket("udp4");
  return new Promise<DecodedPacket>((resolve, reject) => {
    socket.once("error", reject);
    socket.once("message", (message) => {
      try {
        resolve(dnsPacket.decode(message));
      } catch (error) {
        reject(error);
      }
    });
    for (const datagram of datagrams)
      socket.send(Buffer.isBuffer(datagram) ? datagram : dnsPacket.encode(datagram), port, HOST);
  }).finally(() => socket.close());
}

export interface TcpResult {
  replies: DecodedPacket[];
  /** True when the server closed the connection before `expected` replies came. */
  closedByServer: boolean;
}

/** Frames a packet for TCP: two-byte length, then the message. */
export function frame(message: Packet | Buffer): Buffer {
  const bytes = Buffer.isBuffer(message) ? message : dnsPacket.encode(message);
  const prefix = Buffer.alloc(2);
  prefix.writeUInt16BE(bytes.length);
  return Buffer.concat([prefix, bytes]);
}

/**
 * Connects, writes each chunk as its own write (Nagle off, so they tend to travel apart), and collects framed
 * replies until `expected` have arrived or the server closes the connection.
 */
export function tcpExchange(port: number, chunks: Buffer[], expected: number): Promise<TcpResult> {
  return new Promise<TcpResult>((resolve, reject) => {
    const replies: DecodedPacket[] = [];
    let pending = Buffer.alloc(0);
    const socket = connect({ port, host: HOST, noDelay: true }, () => {
      for (const chunk of chunks) socket.write(chunk);
    });
    socket.on("error", reject);
    socket.on("close", () => resolve({ replies, closedByServer: replies.length < expected }));
    socket.on("data", (data) => {
      pending = Buffer.concat([pending, data]);
      while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
        replies.push(dnsPacket.decode(pending.subarray(2, 2 + pending.readUInt16BE(0))));
        pending = pending.subarray(2 + pending.readUInt16BE(0));
      }
      if (replies.length >= expected) socket.destroy();
    });
  });
}

/** One query over TCP. */
export async function tcpQuery(port: number, packet: Packet): Promise<DecodedPacket> {
  const { replies } = await tcpExchange(port, [frame(packet)], 1);
  const reply = replies[0];
  if (reply === undefined) throw new Error("no TCP reply");
  return reply;
}
