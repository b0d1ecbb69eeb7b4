#!/usr/bin/env node
// The portable better-sqlite3 drivers the packages ship (docs/decisions/0009): compiled in a Debian 11 root (glibc
// 2.31, GCC 10) for each Node.js in targets.mjs against that Node.js's own headers, with libm's newer symbols
// pinned back (pin-glibc.h) and libstdc++/libgcc linked in statically, so each needs at most GLIBC_2.28 and no
// GLIBCXX. Each is loaded once in that root with its Node.js before it counts. Cached (cache.mjs) under a key of
// better-sqlite3's version, the Node.js versions, node-gyp's version and this builder's own files.
//
// Needs root and debootstrap (requirements.mjs). Usage: node build/native/build-drivers.mjs  (prints the directory)
import { execFileSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cached, filesKey, keyOf } from "./cache.mjs";
import { RootOverlay } from "./chroot.mjs";
import { debianRoot } from "./debian-root.mjs";
import { aboveCeilings, highestSymbolVersions } from "./glibc-symbols.mjs";
import { nodeDistribution } from "./node-dist.mjs";
import { requireRootTools } from "./requirements.mjs";
import { NODE_VERSIONS, PLATFORM } from "./targets.mjs";

const HERE = import.meta.dirname;
const BUILDER_FILES = [
  "build-drivers.mjs",
  "pin-glibc.h",
  "targets.mjs",
  "chroot.mjs",
  "debian-root.mjs",
  "node-dist.mjs",
  "glibc-symbols.mjs",
].map((name) => join(HERE, name));
/** What node-gyp needs of better-sqlite3's package to compile it. */
const SOURCES = ["binding.gyp", "src", "deps", "package.json"];

/**
 * The directory holding <platform>/node-abi<ABI>/better_sqlite3.node for every Node.js of targets.mjs.
 * @param {string} root the project directory (its node_modules has better-sqlite3 and node-gyp)
 */
export function portableDrivers(root, log = (line) => process.stderr.write(`${line}\n`)) {
  requireRootTools("the portable build of the database driver");
  const modules = join(root, "node_modules");
  const version = (name) => JSON.parse(readFileSync(join(modules, name, "package.json"), "utf8")).version;
  const key = keyOf(version("better-sqlite3"), version("node-gyp"), NODE_VERSIONS, filesKey(BUILDER_FILES));
  return cached("drivers", key, (out) => {
    const debian = debianRoot(log);
    for (const nodeVersion of NODE_VERSIONS) {
      const started = Date.now();
      const nodeDir = nodeDistribution(nodeVersion, log);
      const abi = execFileSync(join(nodeDir, "bin", "node"), ["-p", "process.versions.modules"], {
        encoding: "utf8",
      }).trim();
      const target = join(out, PLATFORM, `node-abi${abi}`, "better_sqlite3.node");
      log(
        `building better-sqlite3 ${version("better-sqlite3")} for Node.js ${nodeVersion} (ABI ${abi}) in Debian ${debian}`,
      );
      buildOne({ debian, modules, nodeDir, target });
      const problems = aboveCeilings(highestSymbolVersions(target));
      if (problems.length > 0) throw new Error(`${target} needs ${problems.join(", ")}: it would not load on EL 8`);
      log(`  done in ${Math.round((Date.now() - started) / 1000)} s`);
    }
  });
}

function buildOne({ debian, modules, nodeDir, target }) {
  const work = mkdtempSync(join(tmpdir(), "wedos-panel-driver-"));
  const overlay = new RootOverlay(debian, join(work, "root"));
  try {
    const source = overlay.path("/build/better-sqlite3");
    for (const part of SOURCES) cpSync(join(modules, "better-sqlite3", part), join(source, part), { recursive: true });
    copyFileSync(join(HERE, "pin-glibc.h"), overlay.path("/build/pin-glibc.h"));
    mkdirSync(overlay.path("/build/home"));
    overlay.bind(nodeDir, "/opt/node");
    overlay.bind(modules, "/opt/tools/node_modules");
    const flags = "-include /build/pin-glibc.h";
    const env = [
      "PATH=/opt/node/bin:/usr/bin:/bin",
      "HOME=/build/home",
      `CFLAGS=${flags}`,
      `CXXFLAGS=${flags}`,
      "LDFLAGS=-static-libstdc++ -static-libgcc",
    ];
    // node first on PATH: node-gyp's actions run `node`; --nodedir: the headers of exactly this Node.js, no download.
    const built = overlay.run([
      "/usr/bin/env",
      "-i",
      ...env,
      "sh",
      "-c",
      "cd /build/better-sqlite3 && node /opt/tools/node_modules/node-gyp/bin/node-gyp.js rebuild --release --nodedir=/opt/node -j 2",
    ]);
    if (built.status !== 0)
      throw new Error(
        `node-gyp failed (exit ${built.status}):\n${`${built.stdout}${built.stderr}`.split("\n").slice(-30).join("\n")}`,
      );
    const loads = overlay.run([
      "/opt/node/bin/node",
      "-e",
      'new (require("/opt/tools/node_modules/better-sqlite3"))(":memory:", { nativeBinding: process.argv[1] }).close()',
      "/build/better-sqlite3/build/Release/better_sqlite3.node",
    ]);
    if (loads.status !== 0)
      throw new Error(`the driver built for ${nodeDir} does not load in the Debian root: ${loads.stderr}`);
    mkdirSync(join(target, ".."), { recursive: true });
    copyFileSync(join(source, "build", "Release", "better_sqlite3.node"), target);
  } finally {
    overlay.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** The drivers in a directory, as paths relative to it: linux-x64/node-abi115/better_sqlite3.node, … */
export function driverFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((path) => String(path).endsWith(".node"))
    .map(String)
    .sort();
}

if (process.argv[1] === import.meta.filename) {
  process.stdout.write(`${portableDrivers(join(HERE, "..", ".."))}\n`);
}
