import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where the package is installed and which version it is. The code runs from `src/` under vitest and from
 * `build/lib/` when compiled, so the root is found by walking up to our own package.json.
 */
function findPackageRoot(start: string): string {
  let dir = start;
  for (;;) {
    const candidate = join(dir, "package.json");
    if (existsSync(candidate)) {
      const name = (JSON.parse(readFileSync(candidate, "utf8")) as { name?: string }).name;
      if (name === "wedos-panel") return dir;
    }
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`cannot find the wedos-panel package.json above ${start}; reinstall the plugin`);
    dir = parent;
  }
}

export const PACKAGE_ROOT: string = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

export const PRODUCT_VERSION: string = (
  JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }
).version;

/** Sent with every WAPI request: WEDOS's front end is suspected to block missing or generic User-Agents. */
export const USER_AGENT = `wedos-panel/${PRODUCT_VERSION} (hosting-panel plugin; DirectAdmin/cPanel)`;
