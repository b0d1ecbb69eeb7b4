// A fresh compile of src/ for a package: no JavaScript left over from deleted sources, no source maps pointing at
// src/ (which is not shipped). Shared by every package build/package.mjs makes.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";

/**
 * Compiles the project (tsconfig.build.json) into `outDir`, emptied first.
 * @param {string} root the project directory
 * @param {string} outDir where the JavaScript goes
 * @returns {string} outDir
 */
export function compileFresh(root, outDir) {
  rmSync(outDir, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [
      join(root, "node_modules", "typescript", "bin", "tsc"),
      "-p",
      join(root, "tsconfig.build.json"),
      "--outDir",
      outDir,
      "--sourceMap",
      "false",
    ],
    { stdio: "inherit" },
  );
  return outDir;
}
