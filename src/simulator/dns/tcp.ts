/**
 * DNS over TCP (RFC 7766): each message carries a two-byte length prefix, and a client may send several queries
 * on one connection, in one segment or split across many. Input without a readable header closes the connection,
 * since after it nothing the client sends can be trusted to be framed right.
 */
import { createServer, type Server, type Socket } from "node:net";

/** A listening TCP server answering with `answer`. */
export interface TcpEndpoint {
  readonly port: number;
  close(): Promise<void>;
}

/** RFC 7766 §6.2.3 asks servers to drop idle clients; a few seconds suits a local simulator. */
const IDLE_TIMEOUT_MS = 10_000;
const LENGTH_BYTES = 2;

/** Listens on `host:port` (0 = any free port) and answers each framed message with `answer(message)`. */
export async function listenTcp(
  host: string,
  port: number,
  answer: (message: Buffer) => Buffer | undefined,
  onError: (error: unknown) => void,
): Promise<TcpEndpoint> {
  const connections = new Set<Socket>();
  const server = createServer((socket) => {
    connections.add(socket);
    socket.on("close", () => connections.delete(socket));
    serveConnection(socket, answer);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", onError);
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("DNS TCP server has no port after listen");
  return { port: address.port, close: () => closeServer(server, connections) };
}

function serveConnection(socket: Socket, answer: (message: Buffer) => Buffer | undefined): void {
  let pending = Buffer.alloc(0);
  socket.setTimeout(IDLE_TIMEOUT_MS, () => socket.destroy());
  // A reset or broken pipe is the client's business, not a server fault: the connection is simply gone.
  socket.on("error", () => socket.destroy());
  socket.on("data", (chunk) => {
    if (!socket.writable) return; // already closing after unreadable input: whatever follows is not buffered
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    while (pending.length >= LENGTH_BYTES && socket.writable) {
      const length = pending.readUInt16BE(0);
      if (pending.length < LENGTH_BYTES + length) return;
      const message = pending.subarray(LENGTH_BYTES, LENGTH_BYTES + length);
      pending = pending.subarray(LENGTH_BYTES + length);
      const reply = answer(message);
      if (reply === undefined) {
        // end(), not destroy(): answers already written for earlier queries still reach the client.
        socket.end();
        return;
      }
      const prefix = Buffer.alloc(LENGTH_BYTES);
      prefix.writeUInt16BE(reply.length);
      socket.write(Buffer.concat([prefix, reply]));
    }
  });
}

function closeServer(server: Server, connections: Set<Socket>): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    for (const socket of connections) socket.destroy();
  });
}
