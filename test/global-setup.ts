import { execFileSync } from "node:child_process";
import { join } from "node:path";

/**
 * Some tests run the real `wedos-panel` command as a separate process (the daemon killed with SIGKILL, the
 * install test): compile it once before the run, so they never test stale JavaScript.
 */
export default function compileOnce(): void {
  const root = join(import.meta.dirname, "..");
  execFileSync(
    process.execPath,
    [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", join(root, "tsconfig.build.json")],
    { stdio: "inherit" },
  );
}
