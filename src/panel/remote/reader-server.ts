import { chmodSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { AppError, toError } from "../../errors.js";
import type { Panel } from "../panel.js";
import { answerQuestion } from "./answer.js";
import { LineError, MAX_QUESTION_BYTES, PROTOCOL_VERSION, readLine } from "./protocol.js";

/**
 * Where the reader listens: a socket systemd made and handed over (socket activation: `LISTEN_FDS`, fd 3, owned by
 * the service account, mode 0600 — the production case), or a path it binds itself (development and tests: mode
 * 0600, so only its own account and root can connect).
 */
export type ReaderListen = { fd: number } | { path: string };

export interface PanelReaderServer {
  /** "fd 3" or the socket path. */
  readonly address: string;
  /** Stops taking questions; resolves once the answers under way are sent. */
  close(): Promise<void>;
}

/** An asker gets this long to send its question. */
const QUESTION_TIMEOUT_MS = 10_000;
/** The daemon is the only asker; this bounds what a flood of connections can cost. */
const MAX_CONNECTIONS = 64;

/**
 * The panel reader (`wedos-panel panel-reader`): answers the {@link Panel} questions of the daemon from the panel's
 * own files, and nothing else (docs/decisions/0011). It never writes and, under its unit, has no network.
 */
export async function startPanelReader(
  panel: Panel,
  listen: ReaderListen,
  log: (line: string) => void,
): Promise<PanelReaderServer> {
  const server = createServer((socket) => void serveOne(panel, socket, log));
  server.maxConnections = MAX_CONNECTIONS;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => reject(listenError(listen, error)));
    server.listen("fd" in listen ? { fd: listen.fd } : { path: listen.path }, () => resolve());
  });
  if ("path" in listen) chmodSync(listen.path, 0o600);
  return { address: "fd" in listen ? `fd ${listen.fd}` : listen.path, close: () => closeServer(server) };
}

async function serveOne(panel: Panel, socket: Socket, log: (line: string) => void): Promise<void> {
  socket.setTimeout(QUESTION_TIMEOUT_MS, () => socket.destroy());
  socket.on("error", () => undefined); // an asker that went away: nothing to answer
  let text: string;
  try {
    text = await readLine(socket, MAX_QUESTION_BYTES);
  } catch (error) {
    if (error instanceof LineError && error.reason === "too-long") {
      log(`refused: a question longer than ${MAX_QUESTION_BYTES} bytes`);
      const refusal = {
        v: PROTOCOL_VERSION,
        panel: panel.kind,
        error: {
          code: "panel_reader_refused",
          message: `the panel reader refused the question: it is longer than ${MAX_QUESTION_BYTES} bytes`,
          retryable: false,
        },
      };
      socket.end(`${JSON.stringify(refusal)}\n`);
    } else {
      socket.destroy();
    }
    return;
  }
  const answered = await answerQuestion(panel, text);
  if (answered.log !== undefined) log(answered.log);
  if (!socket.destroyed) socket.end(`${JSON.stringify(answered.line)}\n`);
}

function listenError(listen: ReaderListen, error: NodeJS.ErrnoException): AppError {
  const where = "fd" in listen ? `the socket systemd handed over (fd ${listen.fd})` : listen.path;
  const fix =
    error.code === "EADDRINUSE"
      ? "; another reader runs there, or a stale socket is left: stop it or remove the file"
      : "";
  return new AppError(
    "panel_reader_listen",
    `the panel reader cannot listen on ${where}: ${toError(error).message}${fix}`,
    { cause: error },
  );
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
