import { execFileSync } from "node:child_process";
import { join } from "node:path";

/**
 * Some tests run the real `wedos-panel` command as a separate process (the daemon killed with SIGKILL, the
 * install test): compile it before the run unless build/lib is already what src/ compiles to (the same check
 * `npm start` makes, build/compile-if-stale.mjs), so they never test stale JavaScript.
 */
export default function compileOnce(): void {
  const root = join(import.meta.dirname, "..");
  execFileSync(process.execPath, [join(root, "build", "compile-if-stale.mjs"), "--root", root], { stdio: "inherit" });
}
