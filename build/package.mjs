#!/usr/bin/env node
// `npm run build`: the packages, from one fresh compile — build/dist/wedos.tar.gz for DirectAdmin
// (directadmin-package.mjs) and build/dist/wedos-panel-cpanel.tar.gz for cPanel & WHM (cpanel-package.mjs). Both
// carry the production dependencies copied from the installed node_modules and the portable database drivers
// (native/, build/native/: needs root and debootstrap), and the build prints the C library symbol versions each
// driver needs. Each archive is deterministic (tar.mjs): entries sorted, explicit modes, owner root, one
// modification time (SOURCE_DATE_EPOCH, default 0).
//
// Plain Node ESM rather than TypeScript: this script compiles the TypeScript itself, so it has to run before any
// compile step, and the tsconfig files cover src/ and test/ only.
//
// Usage: node build/package.mjs [--out DIR] [--stage DIR] [--only directadmin|cpanel] [--unportable-native]
//        (defaults build/dist, build/stage, both packages; --unportable-native ships node_modules' driver for this
//        Node.js only, for fast tests of the packaging, and says loudly that the package is not portable)
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { compileFresh } from "./compile.mjs";
import { cpanelPackage } from "./cpanel-package.mjs";
import { directAdminPackage } from "./directadmin-package.mjs";
import { describeDrivers, nativeDrivers } from "./platform.mjs";

const PACKAGES = { directadmin: directAdminPackage, cpanel: cpanelPackage };

const ROOT = join(import.meta.dirname, "..");
const { values: options } = parseArgs({
  options: {
    out: { type: "string" },
    stage: { type: "string" },
    only: { type: "string" },
    "unportable-native": { type: "boolean" },
  },
});
if (options.only !== undefined && !(options.only in PACKAGES))
  throw new Error(`--only ${options.only}: say directadmin or cpanel`);
const outDir = options.out ?? join(ROOT, "build", "dist");
const stageDir = options.stage ?? join(ROOT, "build", "stage");

rmSync(stageDir, { recursive: true, force: true });
const drivers = nativeDrivers(ROOT, stageDir, { unportable: options["unportable-native"] === true });
const build = {
  root: ROOT,
  lib: compileFresh(ROOT, join(stageDir, "lib")),
  manifest: JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")),
  drivers,
};
const mtime = Number(process.env.SOURCE_DATE_EPOCH ?? 0);
mkdirSync(outDir, { recursive: true });
for (const [panel, make] of Object.entries(PACKAGES)) {
  if (options.only !== undefined && options.only !== panel) continue;
  const made = make(build);
  const archive = made.tree.archive(mtime);
  const target = join(outDir, made.file);
  writeFileSync(target, archive);
  const shown = relative(process.cwd(), target).startsWith("..") ? target : relative(process.cwd(), target);
  process.stdout.write(
    `${shown}: ${panel} package ${build.manifest.version}, ${made.tree.fileCount} files, ${(archive.length / 1e6).toFixed(1)} MB; ${made.next}\n`,
  );
}
process.stdout.write(`${describeDrivers(drivers)}\n`);
