import { connect, createServer, type Server, type Socket } from "node:net";
import { join } from "node:path";
import { afterEach } from "vitest";
import type { Panel } from "../../../src/panel/panel.js";
import { startPanelReader, type PanelReaderServer } from "../../../src/panel/remote/reader-server.js";
import { RemotePanel, type RemotePanelOptions } from "../../../src/panel/remote/remote-panel.js";
import { tempDir } from "../../support/temp-dir.js";

const running: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
});

/** The real panel reader over `panel`, on a socket in a fresh directory, and a RemotePanel asking it. */
export async function readerFor(
  panel: Panel,
  options: Omit<RemotePanelOptions, "socket"> = {},
): Promise<{ reader: PanelReaderServer; remote: RemotePanel; socket: string; logs: string[] }> {
  const socket = join(tempDir("wedos-panel-reader-"), "reader.sock");
  const logs: string[] = [];
  const reader = await startPanelReader(panel, { path: socket }, (line) => logs.push(line));
  running.push(reader);
  return { reader, remote: new RemotePanel(panel.kind, { socket, ...options }), socket, logs };
}

/** Writes `text` to the socket as it is (then closes its side, with `end`) and reads all until the other side closes. */
export function rawExchange(socket: string, text: string | Buffer, options: { end?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const client = connect(socket);
    let answer = "";
    client.on("data", (chunk: Buffer) => (answer += chunk.toString()));
    client.on("end", () => resolve(answer));
    client.on("error", reject);
    client.on("connect", () => (options.end === true ? client.end(text) : client.write(text)));
  });
}

/** A stand-in reader answering every connection with `reply` (it gets the question line); for hostile answers. */
export async function fakeReader(reply: (connection: Socket, question: string) => void): Promise<string> {
  const socket = join(tempDir("wedos-panel-fake-reader-"), "reader.sock");
  const connections = new Set<Socket>();
  const server: Server = createServer((connection) => {
    connections.add(connection);
    connection.on("close", () => connections.delete(connection));
    connection.on("error", () => undefined);
    let question = "";
    connection.on("data", (chunk: Buffer) => {
      question += chunk.toString();
      if (question.includes("\n")) reply(connection, question.trimEnd());
    });
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  running.push({
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const connection of connections) connection.destroy();
      }),
  });
  return socket;
}
