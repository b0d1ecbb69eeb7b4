// `npm start`'s compile: runs `tsc -p tsconfig.build.json` only when build/lib is not what the sources compile to.
// A fingerprint of the inputs (every file under src/ and the compiler's settings: path, size and modification time
// to the millisecond) is written beside the output after a compile that succeeded; the next start compares, and
// skips tsc (about 16 s on two cores) when nothing changed. Any edit, new, deleted or renamed file changes it. Usage:
//   node build/compile-if-stale.mjs [--root DIR] [--check]
// DIR is the project (by default this file's parent's parent); --check only says whether build/lib is current
// (exit status 0) or not (1), and compiles nothing.
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Where the fingerprint of the last successful compile is kept (inside the output, so a clean build has none). */
export const STAMP = join("build", "lib", ".compiled-from");

/** The files outside src/ whose change changes what tsc writes. */
const SETTINGS = ["tsconfig.json", "tsconfig.build.json", "package-lock.json"];

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** The inputs' fingerprint: a hash over each input's path, size and modification time, in a fixed order. */
export function fingerprint(root) {
  const inputs = [...filesUnder(join(root, "src")), ...SETTINGS.map((name) => join(root, name))]
    .filter((path) => existsSync(path))
    .sort();
  const hash = createHash("sha256");
  for (const path of inputs) {
    const stat = statSync(path);
    hash.update(`${relative(root, path)}\0${stat.size}\0${Math.trunc(stat.mtimeMs)}\n`);
  }
  return hash.digest("hex");
}

/** Whether build/lib was compiled from the inputs as they are now. */
export function isCurrent(root) {
  const stamp = join(root, STAMP);
  return existsSync(stamp) && readFileSync(stamp, "utf8").trim() === fingerprint(root);
}

/** Compiles unless current; returns tsc's exit status (0 when skipped). */
export function compileIfStale(root, say = (line) => process.stdout.write(`${line}\n`)) {
  if (isCurrent(root)) {
    say("build/lib is up to date with src/: not compiling");
    return 0;
  }
  const before = fingerprint(root);
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  say("compiling src/ into build/lib …");
  const run = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], {
    cwd: root,
    stdio: "inherit",
  });
  const status = run.status ?? 1;
  // The fingerprint from before the compile: a file saved during it makes the next start compile again.
  if (status === 0) writeFileSync(join(root, STAMP), `${before}\n`);
  return status;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf("--root");
  const root = at > 0 ? resolve(process.argv[at + 1] ?? ".") : dirname(dirname(fileURLToPath(import.meta.url)));
  if (process.argv.includes("--check")) {
    const current = isCurrent(root);
    process.stdout.write(current ? "current\n" : "stale\n");
    process.exitCode = current ? 0 : 1;
  } else process.exitCode = compileIfStale(root);
}
