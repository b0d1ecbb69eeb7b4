// What of the compiled code and the production dependencies a package ships: what runs on a server, and nothing
// that only develops or demonstrates it (docs/decisions/0009). test/packaging/contents.test.ts checks each tarball
// against its own allowlist, so a new development module cannot slip in unnoticed.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";

/** Compiled modules (paths in build/lib) for development only: the WEDOS simulator, the emulated panels, the demo, the benchmark and the commands that start them. */
const DEV_ONLY_LIB = [
  "simulator/",
  "demo/",
  "bench/",
  "emulators/",
  "cli/dev-commands.js",
  "cli/commands/demo.js",
  "cli/commands/wapi-sim.js",
];

/** Imports a shipped module may make of a module the package does not carry: it copes with its absence. */
const OPTIONAL_IMPORTS = new Set(["cli/dev-commands.js"]);

/** Production dependencies used only while npm installs them, never at run time: better-sqlite3's download of a prebuilt driver, and its addon finder (the driver is always named through nativeBinding). */
export const INSTALL_TIME_MODULES = new Set(["prebuild-install", "bindings"]);

/** Of a native package, what runs: better-sqlite3's JavaScript; its addon comes from native/ (build/native/). */
export const MODULE_RUNTIME_FILES = {
  "better-sqlite3": (path) => ["package.json", "LICENSE", "lib"].includes(path) || path.startsWith("lib/"),
};

/** Files of a dependency no server runs: TypeScript sources and declarations, source maps, documentation. */
export const DEVELOPMENT_FILE = /\.(?:d\.)?[cm]?ts$|\.map$|\.md$|\.markdown$/i;

/** Whether a path of build/lib ships. */
export function shippedLib(path) {
  return !DEV_ONLY_LIB.some((dev) => path === dev.replace(/\/$/, "") || path.startsWith(dev));
}

/**
 * Throws unless every relative import of every shipped module names a shipped module (an optional one aside):
 * the packaged CLI must run without the development code.
 * @param {string} lib the compiled code (build/stage/lib)
 */
export function checkShippedImports(lib) {
  const shipped = readdirSync(lib, { recursive: true })
    .map(String)
    .filter((path) => path.endsWith(".js") && shippedLib(path));
  const present = new Set(shipped);
  const broken = [];
  for (const path of shipped) {
    const text = readFileSync(join(lib, path), "utf8");
    for (const [, specifier] of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/g)) {
      const target = posix.normalize(posix.join(dirname(path), specifier));
      if (!present.has(target) && !OPTIONAL_IMPORTS.has(target)) broken.push(`${path} imports ${specifier}`);
    }
  }
  if (broken.length > 0)
    throw new Error(
      `shipped code imports development code the package does not carry:\n  ${broken.join("\n  ")}\nmove the import behind cli/dev-commands.ts or out of the shipped module`,
    );
}
