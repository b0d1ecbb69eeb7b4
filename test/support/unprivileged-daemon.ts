import { execFileSync, spawn } from "node:child_process";
import { chmodSync, chownSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../../src/package-info.js";

/** A unix account by number only: the tests make no real accounts, they name uids in a passwd file of their own. */
export interface UnixAccount {
  name: string;
  uid: number;
}

/** Runs a test that switches to other uids only as root (here and in CI); anywhere else it says why it cannot. */
export function requireRoot(): void {
  if (process.getuid?.() !== 0)
    throw new Error(
      "this test runs processes under other unix accounts, which needs root (as the tests run here and in CI)",
    );
}

/** A passwd file naming these accounts (each its own group), as /etc/passwd would. */
export function writePasswd(file: string, accounts: readonly UnixAccount[]): void {
  writeFileSync(file, accounts.map(({ name, uid }) => `${name}:x:${uid}:${uid}::/home/${name}:/bin/sh\n`).join(""), {
    mode: 0o644,
  });
}

/** Gives a tree to an account, as the installer gives the data directory to the service account. */
export function giveTo(path: string, uid: number): void {
  execFileSync("chown", ["-R", `${uid}:${uid}`, path]);
}

/** `wedos-panel serve` running in a process of its own. */
export interface DaemonProcess {
  /** Everything it logged so far, a line each. */
  logs: string[];
  /**
   * Resolves once a logged line contains `text`. The daemon writes its log on stderr, which can reach this process
   * after the answer to the request that caused it, so a test waits for the line instead of reading `logs` at once.
   */
  logged(text: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the compiled `wedos-panel serve` (test/global-setup.ts compiles it) as `uid`, with no capability, the way
 * the service account runs it: only what that account may open is open to it. Resolves once the pages' listener
 * is up; `runDir` (the daemon's runtime directory, as systemd makes it) is created and given to the account.
 */
export async function startDaemonAs(
  uid: number,
  options: { configFile: string; runDir: string; env?: Record<string, string> },
): Promise<DaemonProcess> {
  mkdirSync(options.runDir, { recursive: true });
  chmodSync(options.runDir, 0o755);
  chownSync(options.runDir, uid, uid);
  const child = spawn(process.execPath, [join(PACKAGE_ROOT, "build", "lib", "cli.js"), "serve"], {
    uid,
    gid: uid,
    env: {
      PATH: "/usr/bin:/bin",
      WEDOS_PANEL_CONFIG: options.configFile,
      WEDOS_WAPI_URL: "http://127.0.0.1:9/wapi/json",
      WEDOS_WAPI_LOGIN: "uid@example.test",
      WEDOS_WAPI_PASSWORD: "uid-test-pass-1",
      ...options.env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const logs: string[] = [];
  const waiting = new Set<{ text: string; found: () => void }>();
  let pending = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the daemon did not start within 20 s:\n${logs.join("\n")}`)),
      20_000,
    );
    child.stderr.on("data", (chunk: Buffer) => {
      pending += chunk.toString("utf8");
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      logs.push(...lines);
      for (const waiter of waiting) if (lines.some((line) => line.includes(waiter.text))) waiter.found();
      if (lines.some((line) => line.includes("web: pages served on"))) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the daemon exited:\n${[...logs, pending].join("\n")}`));
    });
  });
  const logged = (text: string): Promise<void> => {
    if (logs.some((line) => line.includes(text))) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter = {
        text,
        found: () => {
          clearTimeout(timer);
          waiting.delete(waiter);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        waiting.delete(waiter);
        reject(new Error(`the daemon did not log "${text}" within 10 s; it logged:\n${logs.join("\n")}`));
      }, 10_000);
      waiting.add(waiter);
    });
  };
  return {
    logs,
    logged,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
