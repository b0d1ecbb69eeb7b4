import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** Creates a directory (and parents) with exactly `mode`, whatever the umask. */
export function makeDir(path: string, mode: number): void {
  mkdirSync(path, { recursive: true, mode });
  chmodSync(path, mode);
}

/**
 * Writes a file whole: temporary name, then rename, so a reader running beside the emulator (the daemon under
 * test) never sees half a file.
 */
export function writeAtomic(file: string, content: string, mode: number): void {
  const temporary = join(dirname(file), `.${process.pid}.tmp`);
  writeFileSync(temporary, content, { mode });
  chmodSync(temporary, mode);
  renameSync(temporary, file);
}

/** A file's text, or undefined when there is no such file. */
export function readText(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}
