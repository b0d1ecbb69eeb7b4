// The matrix cache (/var/cache/wedos-panel-matrix, or WEDOS_PANEL_MATRIX_CACHE): the Debian root, Node.js
// distributions and built drivers. Every entry's directory name carries a hash of everything that decides its
// contents, and an entry counts only once its .complete file, written last and holding that same key, is there:
// a changed input gives another directory, and a build that died half-way is thrown away and made again.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const CACHE_DIR = process.env.WEDOS_PANEL_MATRIX_CACHE || "/var/cache/wedos-panel-matrix";

/** A short hash of the inputs (strings, buffers, or values turned into JSON). */
export function keyOf(...inputs) {
  const hash = createHash("sha256");
  for (const input of inputs)
    hash.update(typeof input === "string" || Buffer.isBuffer(input) ? input : JSON.stringify(input)).update("\0");
  return hash.digest("hex").slice(0, 16);
}

/** The content of files, for a key: a builder's own source is among its inputs. */
export function filesKey(paths) {
  return keyOf(...paths.map((path) => readFileSync(path)));
}

/**
 * The cached directory `<kind>-<key>`, made by `make(directory)` when it is not complete yet.
 * @param {string} kind
 * @param {string} key
 * @param {(dir: string) => void} make fills the (empty) directory it is given
 */
export function cached(kind, key, make) {
  const dir = join(CACHE_DIR, `${kind}-${key}`);
  const marker = join(dir, ".complete");
  if (existsSync(marker) && readFileSync(marker, "utf8") === key) return dir;
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  make(partial);
  writeFileSync(join(partial, ".complete"), key);
  renameSync(partial, dir);
  return dir;
}
