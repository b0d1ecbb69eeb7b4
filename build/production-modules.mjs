// The production dependency closure, taken from the installed node_modules (no network): every package reachable
// from package.json's "dependencies" through "dependencies" and installed "optionalDependencies", found the way
// Node's resolver finds it (the nearest node_modules upwards). Development packages are never reached.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

/**
 * The installed directories of the production dependencies, relative to `root`, sorted.
 * @param {string} root the project directory (holding package.json and node_modules)
 * @param {ReadonlySet<string>} skip packages left out, with what only they need
 * @returns {string[]}
 */
export function productionModules(root, skip = new Set()) {
  const found = new Set();
  const visit = (dir) => {
    const manifest = readManifest(dir);
    const optional = manifest.optionalDependencies ?? {};
    for (const name of Object.keys({ ...manifest.dependencies, ...optional }).sort()) {
      if (skip.has(name)) continue;
      const installed = resolvePackage(root, dir, name);
      if (installed === undefined) {
        if (name in optional) continue;
        throw new Error(
          `${name} (needed by ${relative(root, dir) || "wedos-panel"}) is not installed; run npm install first`,
        );
      }
      const path = relative(root, installed);
      if (found.has(path)) continue;
      found.add(path);
      visit(installed);
    }
  };
  visit(root);
  return [...found].sort();
}

function resolvePackage(root, from, name) {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dir === root || dirname(dir) === dir) return undefined;
  }
}

function readManifest(dir) {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
}
