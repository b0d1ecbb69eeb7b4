import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** A systemd unit file as an installer wrote it: its `Key=value` lines (comments and sections left out). */
export interface Unit {
  text: string;
  /** Every value of `key`, in order (systemd keys may repeat). */
  values(key: string): string[];
  /** The single value of `key`; throws when it is absent or repeated. */
  value(key: string): string;
}

export function readUnit(file: string): Unit {
  const text = readFileSync(file, "utf8");
  const entries = text
    .split("\n")
    .filter((line) => /^[A-Za-z]+=/.test(line))
    .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)] as const);
  const values = (key: string) => entries.filter(([name]) => name === key).map(([, value]) => value);
  return {
    text,
    values,
    value: (key) => {
      const found = values(key);
      if (found.length !== 1) throw new Error(`${file}: expected one ${key}=, found ${found.length}`);
      return found[0] as string;
    },
  };
}

/** `Environment=NAME=value` lines as an environment. */
export function unitEnvironment(unit: Unit): Record<string, string> {
  return Object.fromEntries(
    unit
      .values("Environment")
      .map((entry) => [entry.slice(0, entry.indexOf("=")), entry.slice(entry.indexOf("=") + 1)]),
  );
}

/**
 * The panel reader as its two units start it, without systemd: systemd-socket-activate listens on the socket unit's
 * ListenStream= and starts the service's ExecStart= with its Environment= on the first connection (LISTEN_FDS, fd 3).
 * Resolves once the socket exists; `log` collects what it prints.
 */
export async function startReaderUnits(
  unitDir: string,
): Promise<{ child: ChildProcess; socket: string; log: () => string }> {
  const socketUnit = readUnit(join(unitDir, "wedos-panel-reader.socket"));
  const socket = socketUnit.value("ListenStream");
  const service = readUnit(join(unitDir, "wedos-panel-reader.service"));
  const [command = "", ...args] = service.value("ExecStart").split(" ");
  mkdirSync(dirname(socket), { recursive: true, mode: 0o755 }); // systemd makes it (DirectoryMode=)
  const setenv = Object.entries(unitEnvironment(service)).map(([name, value]) => `--setenv=${name}=${value}`);
  const child = spawn("systemd-socket-activate", [`--listen=${socket}`, ...setenv, command, ...args], {
    env: { PATH: process.env.PATH ?? "" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  for (let tries = 0; !existsSync(socket); tries++) {
    if (tries > 600 || child.exitCode !== null)
      throw new Error(`the reader's socket ${socket} never appeared:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // As systemd gives it (SocketUser=, SocketGroup=, SocketMode=), where the sandbox's account is a number.
  const owner = socketUnit.value("SocketUser");
  if (/^\d+$/.test(owner)) chownSync(socket, Number(owner), Number(socketUnit.value("SocketGroup")));
  chmodSync(socket, Number.parseInt(socketUnit.value("SocketMode"), 8));
  return { child, socket, log: () => log };
}
