import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A throw-away PostgreSQL cluster for the fleet's tests and benchmark: `initdb` in a temporary directory, the
 * server on 127.0.0.1 at a free port, trust authentication, gone on close. It uses Debian's `postgresql` package
 * (.ci/run installs it). PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` account
 * (the package creates it), else to `nobody`.
 */
export interface PostgresCluster {
  /** postgres://wedos@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  dataDir: string;
  /** Stops the server (fast shutdown: sessions are cut), keeping its data. */
  stop(): void;
  /** Starts it again on the same port and data. */
  start(): void;
  close(): void;
}

/** The directory of PostgreSQL's server programs: Debian keeps them out of PATH, under /usr/lib/postgresql/<n>/bin. */
export function postgresBinDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(join(root, name, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (newest !== undefined) return join(root, newest, "bin");
  const onPath = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" }).stdout.trim();
  if (onPath !== "") return onPath.replace(/\/initdb$/, "");
  throw new Error(
    "PostgreSQL's server programs (initdb, pg_ctl) are not installed: apt-get install postgresql (.ci/run does)",
  );
}

function accountIds(name: string): { uid: number; gid: number } | undefined {
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((entry) => entry.startsWith(`${name}:`));
  if (line === undefined) return undefined;
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address !== null ? address.port : 0));
    });
  });
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  const root = mkdtempSync(join(tmpdir(), "wedos-panel-pg-"));
  const dataDir = join(root, "data");
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? (accountIds("postgres") ?? accountIds("nobody")) : undefined;
  if (asRoot && owner === undefined) throw new Error("no postgres or nobody account to run PostgreSQL as");
  if (owner !== undefined) chownSync(root, owner.uid, owner.gid);
  const run = (program: string, args: string[]) => {
    const command = owner === undefined ? program : "setpriv";
    const argv =
      owner === undefined
        ? args
        : [`--reuid=${owner.uid}`, `--regid=${owner.gid}`, "--clear-groups", "--", program, ...args];
    execFileSync(command, argv, { stdio: "pipe", cwd: root, env: { ...process.env, LC_ALL: "C" } });
  };
  run(join(bin, "initdb"), ["-D", dataDir, "-U", "wedos", "-A", "trust", "-E", "UTF8", "--no-sync"]);
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${root} -c fsync=off -c max_connections=60`;
  const start = () =>
    run(join(bin, "pg_ctl"), ["-D", dataDir, "-o", options, "-l", join(root, "server.log"), "-w", "-t", "30", "start"]);
  const stop = () => run(join(bin, "pg_ctl"), ["-D", dataDir, "-m", "fast", "-w", "stop"]);
  start();
  let closed = false;
  return {
    url: `postgres://wedos@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    stop,
    start,
    close: () => {
      if (closed) return;
      closed = true;
      try {
        stop();
      } catch {
        // Already stopped.
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
