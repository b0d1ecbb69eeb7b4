import { existsSync, readFileSync } from "node:fs";
import { dirname } from "node:path";

/** Where CloudLinux keeps CageFS's tool and the list of directories it mounts into every account's cage. */
export interface CagefsPaths {
  cagefsctl: string;
  mountPoints: string;
}

export const CAGEFS_PATHS: CagefsPaths = { cagefsctl: "/usr/sbin/cagefsctl", mountPoints: "/etc/cagefs/cagefs.mp" };

/**
 * The directories account pages must reach: the daemon's socket's (to connect) and the proof directory (to create
 * their proof in it). By default both are /run/wedos-panel.
 */
export function pageDirectories(listen: string, proofDir: string): string[] {
  const dirs = listen.includes("/") ? [dirname(listen), proofDir] : [proofDir];
  return [...new Set(dirs.map(canonical))].filter(
    (dir, _index, all) => !all.some((other) => other !== dir && dir.startsWith(`${other}/`)),
  );
}

/**
 * Whether CageFS (CloudLinux) would hide those directories from account pages, and the fix. Account processes see
 * a virtual file system in which only the directories listed in cagefs.mp are the server's own: a plain line (or
 * one of its parents) shares a directory; `@` gives each account a private copy and `%` splits it by account —
 * neither shares the daemon's —, and `!` mounts it read-only, where no proof can be created.
 */
export function cagefsVerdict(
  dirs: readonly string[],
  paths: CagefsPaths = CAGEFS_PATHS,
): { status: "ok" | "warn" | "fail"; message: string } {
  const installed = existsSync(paths.cagefsctl) || existsSync(paths.mountPoints);
  if (!installed) return { status: "ok", message: "not installed (account pages see the server's own /run)" };
  const wanted = dirs.join(" and ");
  const fix = (missing: readonly string[]) =>
    `add the line ${missing.join(" and the line ")} to ${paths.mountPoints}, then run cagefsctl --remount-all`;
  let text: string;
  try {
    text = readFileSync(paths.mountPoints, "utf8");
  } catch {
    return {
      status: "warn",
      message: `CageFS is installed but ${paths.mountPoints} cannot be read; once account pages run caged, they reach ${wanted} only if you ${fix(dirs)}`,
    };
  }
  const shared = text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith("/"))
    .map((line) => canonical(line.replace(/\/+$/, "")));
  const hidden = dirs.filter((dir) => !shared.some((mount) => dir === mount || dir.startsWith(`${mount}/`)));
  if (hidden.length === 0)
    return {
      status: "ok",
      message: `${wanted} ${dirs.length === 1 ? "is" : "are"} mounted into every cage (${paths.mountPoints})`,
    };
  return {
    status: "fail",
    message: `CageFS hides ${hidden.join(" and ")} from account pages, so they show "temporarily unavailable"; ${fix(hidden)}`,
  };
}

/** /var/run is /run on every system CageFS runs on. */
function canonical(path: string): string {
  return path === "/var/run" || path.startsWith("/var/run/") ? path.slice("/var".length) : path;
}
