import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BenchPanel } from "./page-daemon.js";

/** The Node.js options the installed service starts `serve` with (scripts/service.sh, ExecStart=). */
const SERVICE_NODE_OPTIONS = ["--max-semi-space-size=1", "--heap-growing-percent=10", "--expose-gc"];
/** The malloc settings of the installed service's environment (scripts/service.sh, Environment=). */
const SERVICE_MALLOC = { MALLOC_ARENA_MAX: "1", MALLOC_TRIM_THRESHOLD_: "131072", MALLOC_MMAP_THRESHOLD_: "131072" };

/**
 * `wedos-panel serve` (the compiled build) in a process of its own over a bench panel, started as the installed
 * service starts it, for figures of its memory.
 */
export interface ServeProcess {
  /** The process's resident memory now, in MB (VmRSS). */
  rssMb(): number;
  /**
   * The same split in MB: anonymous (the JS heap, malloc, thread stacks) and file-backed (mostly pages of the node
   * binary itself, shared with every other Node.js process on the server), to tell what a change can reach.
   */
  rssSplitMb(): { anon: number; file: number };
  stop(): Promise<void>;
}

export async function startServeProcess(panel: BenchPanel): Promise<ServeProcess> {
  // The inventory is filled before the daemon opens the database, as an import would have left it.
  await panel.openServices().close();
  const child = spawn(
    process.execPath,
    [...SERVICE_NODE_OPTIONS, fileURLToPath(new URL("../cli.js", import.meta.url)), "serve"],
    {
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", ...SERVICE_MALLOC, ...panel.env },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let log = "";
  await new Promise<void>((resolve, reject) => {
    child.stderr.on("data", (chunk: Buffer) => {
      log += chunk.toString("utf8");
      if (log.includes("web: pages served on")) resolve();
    });
    void exited.then(() => reject(new Error(`wedos-panel serve exited:\n${log}`)));
  });
  return {
    rssMb: () => statusMb(child.pid, "VmRSS"),
    rssSplitMb: () => ({ anon: statusMb(child.pid, "RssAnon"), file: statusMb(child.pid, "RssFile") }),
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** One memory line of /proc/PID/status (kB there), in MB. */
function statusMb(pid: number | undefined, field: string): number {
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB$`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kb) / 1024;
}
