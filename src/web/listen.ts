import { chmodSync, lstatSync, mkdirSync, rmSync, statSync } from "node:fs";
import { connect } from "node:net";
import { dirname } from "node:path";
import { AppError } from "../errors.js";

/** Where the daemon listens for the entry scripts: a Unix socket path (contains a slash) or host:port. */
export type ListenAddress = { kind: "socket"; path: string } | { kind: "tcp"; host: string; port: number };

/**
 * Mode of the socket. Page scripts run as the visitor's own unix account
 * (docs/reference/directadmin.md#which-account-runs-a-page) — every customer is a different account, with no group in
 * common — so every local account must be able to connect, and connecting to a Unix socket needs write permission on
 * it: 0666. That is safe because the socket is not where trust comes from: every request is proven by replaying its
 * DirectAdmin session, its level is bounded by DirectAdmin's usertype and writes need a CSRF token. A local process
 * without a live session gets 401 and nothing else.
 */
export const SOCKET_MODE = 0o666;

/** Reads `daemon.listen` (port 0 takes any free port: for tests, which then tell the entry scripts the real one). */
export function parseListen(listen: string): ListenAddress {
  if (listen.includes("/")) return { kind: "socket", path: listen };
  const match = /^(?:\[([0-9a-f:]+)\]|([a-z0-9.-]+)):(\d{1,5})$/i.exec(listen.trim());
  const port = Number(match?.[3]);
  if (match === null || port > 65535) {
    throw new AppError(
      "config_invalid",
      `daemon.listen "${listen}" is neither a socket path (with a slash) nor host:port like 127.0.0.1:8091`,
    );
  }
  return { kind: "tcp", host: match[1] ?? (match[2] as string), port };
}

/**
 * Makes way for a Unix socket: its directory (0755, so customers can reach the socket; an existing directory is
 * left as the administrator made it), and a stale socket from a daemon that was killed is removed — but a socket
 * someone still answers on is another daemon, and a path that is not a socket is never touched.
 */
export async function prepareSocketPath(path: string, warn: (line: string) => void): Promise<void> {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  if ((statSync(dir).mode & 0o001) === 0)
    warn(
      `web: ${dir} is not searchable by other accounts (mode ${(statSync(dir).mode & 0o777).toString(8)}); customers' pages cannot reach the socket: chmod 755 ${dir}`,
    );
  let isSocket: boolean;
  try {
    isSocket = lstatSync(path).isSocket();
  } catch {
    return;
  }
  if (!isSocket)
    throw new AppError("web_listen", `${path} exists and is not a socket; remove it or set daemon.listen elsewhere`);
  if (await answers({ kind: "socket", path }))
    throw new AppError(
      "web_listen",
      `another process is listening on ${path} (a second wedos-panel serve?); stop it first`,
    );
  rmSync(path, { force: true });
}

/** Sets the socket's mode once it exists (listen() creates it with the umask's mode). */
export function openSocket(path: string): void {
  chmodSync(path, SOCKET_MODE);
}

/** Whether a process accepts connections at the address (the daemon, when it is daemon.listen). */
export function answers(address: ListenAddress): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = address.kind === "socket" ? connect(address.path) : connect(address.port, address.host);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
