#!/usr/bin/env node
// Builds the cPanel & WHM package: build/dist/wedos-panel-cpanel.tar.gz (or the file after --out), one directory
// wedos-panel/ holding the compiled daemon and CLI (build/lib), the pages' views and images, the production
// dependencies from package-lock.json (better-sqlite3 with its compiled addon and its sources, so the installer can
// rebuild it for another Node.js), and cpanel/ (installer, hook, Jupiter plugin, WHM page) with links resolved.
// Unpack it anywhere and run: sh wedos-panel/cpanel/install.sh  (`npm run build:cpanel` compiles first).
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

const root = join(import.meta.dirname, "..");
const outIndex = process.argv.indexOf("--out");
const out = outIndex > 0 ? resolve(process.argv[outIndex + 1]) : join(root, "build", "dist", "wedos-panel-cpanel.tar.gz");
if (!existsSync(join(root, "build", "lib", "cli.js"))) {
  console.error("build/lib is missing: run npm run compile first (npm run build:cpanel does)");
  process.exit(1);
}

// Compiler leftovers of native addons: rebuilt from the shipped sources when needed, never loaded.
const LEFTOVERS = /\/build\/Release\/(?:obj|obj\.target|\.deps)(?:\/|$)|\/build\/Release\/[^/]+\.a$|\/test_extension\.node$/;

const stage = mkdtempSync(join(tmpdir(), "wedos-panel-cpanel-"));
try {
  const target = join(stage, "wedos-panel");
  mkdirSync(target);
  for (const item of ["package.json", "package-lock.json", "build/lib", "views", "images", "cpanel"]) {
    cpSync(join(root, item), join(target, item), { recursive: true, dereference: true });
  }
  // Top-level production packages; their nested node_modules come with them.
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
  const production = Object.entries(lock.packages)
    .filter(([path, entry]) => path.startsWith("node_modules/") && path.lastIndexOf("node_modules/") === 0 && entry.dev !== true)
    .map(([path]) => path);
  for (const path of production) {
    if (!existsSync(join(root, path))) continue; // an optional package not installed on this platform
    cpSync(join(root, path), join(target, path), { recursive: true, dereference: true, filter: (source) => !LEFTOVERS.test(source) });
  }
  mkdirSync(dirname(out), { recursive: true });
  rmSync(out, { force: true });
  execFileSync("tar", ["-czf", out, "--owner=0", "--group=0", "-C", stage, "wedos-panel"], { stdio: "inherit" });
  console.log(`${out}: ${production.length} production packages`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
