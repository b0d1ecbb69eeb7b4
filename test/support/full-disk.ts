import { execFileSync } from "node:child_process";
import { mkdirSync, openSync, closeSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { Database } from "../../src/store/database.js";
import { isDiskFull } from "../../src/util/disk-full.js";

/**
 * Fills the database as a full disk would: SQLite may grow the file by no page more (max_page_count), and a table
 * of filler rows takes every page there is. Freeing the space drops the table and lifts the limit.
 */
export function fillDatabase(db: Database): { free(): void } {
  db.exec("CREATE TABLE disk_filler (bytes BLOB)");
  const insert = db.prepare("INSERT INTO disk_filler (bytes) VALUES (randomblob(?))");
  db.pragma(`max_page_count = ${Number(db.pragma("page_count")) + 16}`);
  for (const size of [4000, 500, 50, 1]) {
    for (;;) {
      try {
        insert.run(size);
      } catch (error) {
        if (!isDiskFull(error)) throw error;
        break;
      }
    }
  }
  return {
    free: () => {
      db.exec("DROP TABLE disk_filler");
      db.pragma("max_page_count = 1073741823");
    },
  };
}

/**
 * A real filesystem of `kilobytes` mounted on `dir` (tmpfs; mounting needs root, as the tests run here and in CI),
 * filled to the last byte by one file. `free()` removes that file; `unmount()` ends it.
 */
export function fullTmpfs(dir: string, kilobytes: number): { free(): void; unmount(): void } {
  if (process.getuid?.() !== 0)
    throw new Error(
      "this test mounts a small filesystem to fill it, which needs root (as the tests run here and in CI)",
    );
  mkdirSync(dir, { recursive: true });
  execFileSync("mount", ["-t", "tmpfs", "-o", `size=${kilobytes}k,mode=0700`, "tmpfs", dir]);
  const filler = join(dir, ".filler");
  const fd = openSync(filler, "w");
  const chunk = Buffer.alloc(4096, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if (!isDiskFull(error)) throw error;
  } finally {
    closeSync(fd);
  }
  return {
    free: () => execFileSync("rm", ["-f", filler]),
    unmount: () => execFileSync("umount", ["-l", dir]),
  };
}
