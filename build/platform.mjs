// The database drivers a package ships in native/ (docs/decisions/0009), what the build prints about each, and the
// files that describe them: platform.conf and the shipped package.json.
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { driverFiles, portableDrivers } from "./native/build-drivers.mjs";
import { describeVersions, highestSymbolVersions } from "./native/glibc-symbols.mjs";
import { CEILINGS, PLATFORM } from "./native/targets.mjs";

/**
 * The directory to ship as native/: the portable drivers (build/native/build-drivers.mjs; root and debootstrap),
 * or, with `unportable`, better-sqlite3's build in node_modules for this Node.js only — for tests of the packaging
 * that must stay fast; such a package loads on this machine's C library and this Node.js ABI, nowhere else sure.
 */
export function nativeDrivers(root, stageDir, { unportable }) {
  if (!unportable) return { dir: portableDrivers(root), portable: true };
  const dir = join(stageDir, "native-unportable");
  const target = join(dir, `${process.platform}-${process.arch}`, `node-abi${process.versions.modules}`);
  mkdirSync(target, { recursive: true });
  copyFileSync(
    join(root, "node_modules", "better-sqlite3", "build", "Release", "better_sqlite3.node"),
    join(target, "better_sqlite3.node"),
  );
  return { dir, portable: false };
}

/** One line per shipped driver: its path in the package and the highest C library symbol versions it needs. */
export function describeDrivers(drivers) {
  const lines = driverFiles(drivers.dir).map(
    (path) => `native/${path}: needs ${describeVersions(highestSymbolVersions(join(drivers.dir, path)))}`,
  );
  const label = drivers.portable
    ? `portable drivers (at most GLIBC_${CEILINGS.GLIBC} and GLIBCXX_${CEILINGS.GLIBCXX}; elsewhere Node.js 24+ uses node:sqlite)`
    : `NOT PORTABLE: a development build for Node.js ${process.versions.node.split(".")[0]} (ABI ${process.versions.modules}) on this machine only (--unportable-native); do not ship this package`;
  return [`database drivers, ${label}:`, ...lines.map((line) => `  ${line}`)].join("\n");
}

/** platform.conf: `key=value` lines saying what the package's drivers are for. */
export function platformConf(drivers) {
  return [
    "# The database drivers this package carries in native/ (better-sqlite3 for one Node.js ABI each). Where none",
    "# loads, Node.js 24 and newer use their built-in node:sqlite; `wedos-panel driver` says which one runs.",
    `drivers=${driverFiles(drivers.dir)
      .map((path) => path.replace(/\/better_sqlite3\.node$/, ""))
      .join(" ")}`,
    `portable=${drivers.portable ? "yes" : "no"}`,
    `platform=${drivers.portable ? PLATFORM : `${process.platform}-${process.arch}`}`,
    `glibc_at_most=${drivers.portable ? CEILINGS.GLIBC : "this build machine's"}`,
    "",
  ].join("\n");
}

/** What an installed package needs of package.json: the name and version (package-info.ts), ESM, dependencies. */
export function runtimeManifest(full) {
  const { name, version, description, license, type, engines, bin, dependencies } = full;
  return `${JSON.stringify({ name, version, description, license, private: true, type, engines, bin, dependencies }, null, 2)}\n`;
}
