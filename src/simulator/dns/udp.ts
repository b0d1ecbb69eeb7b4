/**
 * DNS over UDP: one datagram in, at most one out. Input without a readable header gets no reply at all, which is
 * what a client expects from a server that could not parse it.
 */
import { createSocket, type Socket } from "node:dgram";
import { isIPv6 } from "node:net";

/** A bound UDP socket answering with `answer`. */
export interface UdpEndpoint {
  readonly port: number;
  close(): Promise<void>;
}

/** Binds `host:port` (0 = any free port) and replies to each datagram with `answer(datagram)` when it gives one. */
export async function bindUdp(
  host: string,
  port: number,
  answer: (message: Buffer) => Buffer | undefined,
  onError: (error: unknown) => void,
): Promise<UdpEndpoint> {
  const socket = createSocket({ type: isIPv6(host) ? "udp6" : "udp4" });
  await new Promise<void>((resolve, reject) => {
    socket.once("error", reject);
    socket.bind(port, host, () => {
      socket.off("error", reject);
      resolve();
    });
  });
  // Once bound, a socket error (say, an ICMP-driven send failure) is reported, not allowed to crash the process.
  socket.on("error", onError);
  socket.on("message", (message, peer) => {
    const reply = answer(message);
    if (reply === undefined) return;
    socket.send(reply, peer.port, peer.address, (error) => {
      if (error) onError(error);
    });
  });
  return { port: socket.address().port, close: () => closeSocket(socket) };
}

function closeSocket(socket: Socket): Promise<void> {
  return new Promise((resolve) => socket.close(() => resolve()));
}
