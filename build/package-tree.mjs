// The contents of one package, entry by entry, and its archive. Every package build/package.mjs makes is one tree:
// files from the repository (symbolic links followed: a link becomes the file it names), generated files, the
// compiled code and the production dependencies, then one deterministic archive (tar.mjs).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import {
  checkShippedImports,
  DEVELOPMENT_FILE,
  INSTALL_TIME_MODULES,
  MODULE_RUNTIME_FILES,
  shippedLib,
} from "./package-contents.mjs";
import { productionModules } from "./production-modules.mjs";
import { tarGz } from "./tar.mjs";

export class PackageTree {
  /** @type {Map<string, { type: "dir" | "file", mode: number, data?: Buffer }>} */
  #entries = new Map();
  #prefix;

  /** @param {string} prefix the directory every entry is in ("" for the archive's top) */
  constructor(prefix = "") {
    this.#prefix = prefix === "" ? "" : `${prefix}/`;
  }

  /** A file; executable (0755) when its owner may execute it in the checkout, else 0644 — whatever the umask. */
  file(path, source) {
    const stat = statSync(source); // follows symbolic links
    this.#entries.set(this.#prefix + path, {
      type: "file",
      mode: stat.mode & 0o100 ? 0o755 : 0o644,
      data: readFileSync(source),
    });
  }

  /** A generated file, 0644. */
  data(path, text) {
    this.#entries.set(this.#prefix + path, { type: "file", mode: 0o644, data: Buffer.from(text) });
  }

  /** A directory and everything in it that `keep` keeps (paths relative to `source`). */
  tree(path, source, keep = () => true) {
    this.#entries.set(this.#prefix + path, { type: "dir", mode: 0o755 });
    /** Adds what `keep` keeps under relativeDir; a directory left empty is not added. Returns how many files. */
    const walk = (relativeDir) => {
      let files = 0;
      for (const name of readdirSync(join(source, relativeDir)).sort()) {
        const inner = relativeDir === "" ? name : `${relativeDir}/${name}`;
        if (!keep(inner)) continue;
        if (statSync(join(source, inner)).isDirectory()) {
          const within = walk(inner);
          if (within > 0) this.#entries.set(`${this.#prefix}${path}/${inner}`, { type: "dir", mode: 0o755 });
          files += within;
        } else {
          this.file(`${path}/${inner}`, join(source, inner));
          files++;
        }
      }
      return files;
    };
    walk("");
  }

  /** Makes a file executable (0755), e.g. generated code the panel runs as a program. */
  executable(path) {
    const entry = this.#entries.get(this.#prefix + path);
    if (entry?.type !== "file") throw new Error(`${path}: not in the package`);
    entry.mode = 0o755;
  }

  /** Throws unless each path is an executable file of the package: the panel runs them as programs. */
  requireExecutable(paths, why) {
    for (const path of paths)
      if (this.#entries.get(this.#prefix + path)?.mode !== 0o755)
        throw new Error(`${path}: missing or not executable; ${why}`);
  }

  /** The compiled code, without the development modules (package-contents.mjs), at build/lib. */
  lib(source) {
    checkShippedImports(source);
    this.tree("build/lib", source, shippedLib);
    this.executable("build/lib/cli.js"); // the `wedos-panel` command
  }

  /**
   * The production dependencies copied from the installed node_modules (production-modules.mjs: no network, no
   * development packages), without those only npm's install uses; of a native package only its JavaScript.
   */
  productionModules(root) {
    for (const module of productionModules(root, INSTALL_TIME_MODULES)) {
      const name = module.slice(module.lastIndexOf("node_modules/") + "node_modules/".length);
      const runtime = MODULE_RUNTIME_FILES[name] ?? (() => true);
      this.tree(module, join(root, module), (path) => {
        if (path === "node_modules" || path.endsWith("/node_modules")) return false; // nested packages come on their own
        return runtime(path) && !DEVELOPMENT_FILE.test(path);
      });
    }
  }

  /**
   * A list of every entry (directories end in "/"), itself included, at `path`: update.sh removes what an older
   * version left that this one no longer has. Added last.
   */
  manifest(path) {
    this.#entries.set(this.#prefix + path, { type: "file", mode: 0o644, data: Buffer.alloc(0) });
    const listed = [...this.#withParents().keys()]
      .map((entry) => entry.slice(this.#prefix.length))
      .filter((entry) => entry !== "");
    const lines = listed
      .sort()
      .map((entry) => (this.#withParents().get(this.#prefix + entry)?.type === "dir" ? `${entry}/` : entry));
    this.#entries.set(this.#prefix + path, { type: "file", mode: 0o644, data: Buffer.from(`${lines.join("\n")}\n`) });
  }

  /** The entries with every parent directory they need. */
  #withParents() {
    const entries = new Map(this.#entries);
    for (const path of [...entries.keys()]) {
      for (let cut = path.indexOf("/"); cut !== -1; cut = path.indexOf("/", cut + 1)) {
        if (!entries.has(path.slice(0, cut))) entries.set(path.slice(0, cut), { type: "dir", mode: 0o755 });
      }
    }
    return entries;
  }

  /** How many files the package holds. */
  get fileCount() {
    return [...this.#entries.values()].filter((entry) => entry.type === "file").length;
  }

  /** The gzip-compressed archive: every entry after its parent directory, depth first, each directory's entries by name. */
  archive(mtime) {
    const entries = this.#withParents();
    return tarGz(
      [...entries.entries()].sort(([a], [b]) => comparePaths(a, b)).map(([path, entry]) => ({ path, ...entry })),
      mtime,
    );
  }
}

/** Depth first, each directory's entries by name (the order of GNU tar --sort=name). */
function comparePaths(a, b) {
  const [x, y] = [a.split("/"), b.split("/")];
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return x.length - y.length;
}
