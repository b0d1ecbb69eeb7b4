// A throw-away copy of a cached root: an overlay mount (the cached root stays as it was) with /proc, /dev and the
// directories a job needs bound in, and commands run in it with chroot. Mounts live in the host's namespace, so
// close() undoes them (and a later open() undoes any left by a run that was killed) before a single file is removed.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export class RootOverlay {
  /** @type {string[]} mount points, in the order they were mounted */
  #mounts = [];

  /**
   * @param {string} lower the cached root (read only through the overlay)
   * @param {string} work an empty directory (or one a killed run left) for the overlay's layers
   */
  constructor(lower, work) {
    this.work = work;
    this.root = join(work, "merged");
    unmountUnder(work);
    removeTree(work);
    for (const dir of ["upper", "layer-work", "merged"]) mkdirSync(join(work, dir), { recursive: true });
    this.#mount(this.root, [
      "-t",
      "overlay",
      "overlay",
      "-o",
      `lowerdir=${lower},upperdir=${join(work, "upper")},workdir=${join(work, "layer-work")}`,
      this.root,
    ]);
    this.#mount(join(this.root, "proc"), ["-t", "proc", "proc", join(this.root, "proc")]);
    this.#mount(join(this.root, "dev"), ["--bind", "/dev", join(this.root, "dev")]);
  }

  /** Binds a host directory at `inside` (an absolute path in the root), read-only unless `writable`. */
  bind(hostDir, inside, { writable = false } = {}) {
    const target = this.path(inside);
    mkdirSync(target, { recursive: true });
    this.#mount(target, ["--bind", hostDir, target]);
    if (!writable) execFileSync("mount", ["-o", "remount,bind,ro", target]);
  }

  /** The host path of a path inside the root. */
  path(inside) {
    return join(this.root, inside);
  }

  /** Runs a command in the root and waits; returns spawnSync's result (status, stdout, stderr). */
  run(argv, options = {}) {
    return spawnSync("chroot", [this.root, ...argv], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, ...options });
  }

  /** Starts a command in the root without waiting (a daemon); the caller stops it before close(). */
  start(argv, options = {}) {
    return spawn("chroot", [this.root, ...argv], options);
  }

  /** Undoes every mount, then removes the layers. */
  close() {
    unmountUnder(this.work);
    removeTree(this.work);
  }

  #mount(point, args) {
    execFileSync("mount", args);
    this.#mounts.push(point);
  }
}

/** Unmounts everything mounted under `dir`, deepest first; throws if something stays mounted. */
function unmountUnder(dir) {
  const under = () =>
    mountPoints()
      .filter((point) => point === dir || point.startsWith(`${dir}/`))
      .sort((a, b) => b.length - a.length);
  for (const point of under()) spawnSync("umount", ["-l", point]);
  const left = under();
  if (left.length > 0) throw new Error(`still mounted, refusing to remove ${dir}: ${left.join(", ")}`);
}

function mountPoints() {
  return readFileSync("/proc/mounts", "utf8")
    .split("\n")
    .map((line) => line.split(" ")[1])
    .filter((point) => point !== undefined)
    .map((point) => point.replace(/\\040/g, " "));
}

/** rm -rf that never crosses into another file system (a bind mount that is somehow still there). */
function removeTree(dir) {
  execFileSync("rm", ["-rf", "--one-file-system", dir]);
}
