import { readdir, readFile, stat } from "node:fs/promises";
import { AppError } from "../errors.js";
import { SETTLED_MS, type PanelZoneFileVersion } from "./panel.js";

/**
 * Reading a panel's files, the same way for every adapter: a file or directory that is not there is "nothing"
 * (an account without domains, a server without an optional file); any other failure is an error with the given
 * code, naming the path.
 */

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "ENOTDIR";
}

/** The file's text, or undefined when it does not exist. */
export function readOptional(file: string, code: string): Promise<string | undefined> {
  return readIfPresent(file, code, (path) => readFile(path, "utf8"));
}

/** The file's bytes, or undefined when it does not exist. */
export function readOptionalBytes(file: string, code: string): Promise<Uint8Array | undefined> {
  return readIfPresent(file, code, (path) => readFile(path));
}

/**
 * The file's version (device, inode, size, nanosecond mtime and ctime), size, and whether it has been left alone for
 * {@link SETTLED_MS} by the system's clock (file times are the system's, whatever clock the caller runs on).
 */
export async function fileVersion(file: string, code: string): Promise<Omit<PanelZoneFileVersion, "path">> {
  const stats = await readIfPresent(file, code, (path) => stat(path, { bigint: true }));
  if (stats === undefined) return { version: undefined, size: 0, settled: true };
  // Settled by the content's time (mtime): a rename or chmod moves ctime without touching the records, and ctime in
  // the version still tells a write that restored an old mtime.
  return {
    version: [stats.dev, stats.ino, stats.size, stats.mtimeNs, stats.ctimeNs].join(":"),
    size: Number(stats.size),
    settled: Date.now() - Number(stats.mtimeMs) > SETTLED_MS,
  };
}

async function readIfPresent<T>(
  file: string,
  code: string,
  read: (path: string) => Promise<T>,
): Promise<T | undefined> {
  try {
    return await read(file);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw new AppError(code, `cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
}

async function entries(dir: string, code: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return [];
    throw new AppError(code, `cannot list ${dir}: ${(error as Error).message}`, { cause: error });
  }
}

/** The names of the directories in `dir` ([] when it does not exist). */
export async function directoryNames(dir: string, code: string): Promise<string[]> {
  return (await entries(dir, code)).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
}

/** The names of the regular files in `dir` ([] when it does not exist). */
export async function fileNames(dir: string, code: string): Promise<string[]> {
  return (await entries(dir, code)).filter((entry) => entry.isFile()).map((entry) => entry.name);
}

/** Package names from the files that hold them (`suffix` removed; hidden files skipped), sorted, each once. */
export function packageNames(files: readonly string[], suffix = ""): string[] {
  const names = files
    .filter((file) => file.endsWith(suffix) && !file.startsWith("."))
    .map((file) => file.slice(0, file.length - suffix.length))
    .filter((name) => name !== "");
  return [...new Set(names)].sort();
}

/** The trimmed value, or undefined when it is absent or blank. */
export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

/** Maps with at most `limit` calls in flight: enough to overlap disk waits, few enough to stay far from EMFILE. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
