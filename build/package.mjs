#!/usr/bin/env node
// `npm run build`: the DirectAdmin package build/dist/<id>.tar.gz (directadmin.md §A4.1) — the plugin directory's
// contents with plugin.conf at the top: plugin.conf, hooks/, the six page entry files, images/, views/, scripts/
// (install, update, uninstall), the compiled code in build/lib/, package.json and the production dependencies
// copied from the installed node_modules, including better-sqlite3's native build for this machine's Node.js,
// which platform.conf records (install.sh refuses another Node.js ABI).
//
// Plain Node ESM rather than TypeScript: this script compiles the TypeScript itself, so it has to run before any
// compile step, and the tsconfig files cover src/ and test/ only.
//
// Usage: node build/package.mjs [--out DIR] [--stage DIR]   (defaults build/dist and build/stage)
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { productionModules } from "./production-modules.mjs";
import { tarGz } from "./tar.mjs";

const ROOT = join(import.meta.dirname, "..");
const { values: options } = parseArgs({ options: { out: { type: "string" }, stage: { type: "string" } } });
const outDir = options.out ?? join(ROOT, "build", "dist");
const stageDir = options.stage ?? join(ROOT, "build", "stage");

/** Plugin parts taken from the repository as they are; symbolic links (five of the six entry files) become files. */
const PLUGIN_TREES = ["hooks", "admin", "reseller", "user", "images", "views", "scripts"];
const ENTRY_FILES = ["admin", "reseller", "user"].flatMap((level) => [`${level}/index.html`, `${level}/index.raw`]);
/** What a native package needs at run time from its build/ (the rest is compiler output). */
const NATIVE_BUILDS = { "better-sqlite3": ["build/Release/better_sqlite3.node"] };

const id = /^id=(.+)$/m.exec(readFileSync(join(ROOT, "plugin.conf"), "utf8"))?.[1]?.trim();
if (id === undefined) throw new Error("plugin.conf has no id= line; DirectAdmin needs it");
const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));

// A fresh compile: no JavaScript left over from deleted sources, no source maps pointing at src/ (not shipped).
rmSync(stageDir, { recursive: true, force: true });
execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(ROOT, "tsconfig.build.json"), "--outDir", join(stageDir, "lib"), "--sourceMap", "false"], { stdio: "inherit" });

const platform = nativePlatform();
/** @type {Map<string, { type: "dir" | "file", mode: number, data?: Buffer }>} */
const entries = new Map();
addFile("plugin.conf", join(ROOT, "plugin.conf"));
for (const tree of PLUGIN_TREES) addTree(tree, join(ROOT, tree));
for (const file of ENTRY_FILES) if (entries.get(file)?.mode !== 0o755) throw new Error(`${file}: missing or not executable; DirectAdmin runs it as a program`);
addData("package.json", `${JSON.stringify(runtimeManifest(manifest), null, 2)}\n`);
addData("platform.conf", platformConf(platform));
addTree("build/lib", join(stageDir, "lib"));
entries.get("build/lib/cli.js").mode = 0o755; // the `wedos-panel` command install.sh links onto the PATH
for (const module of productionModules(ROOT)) {
  const name = module.slice(module.lastIndexOf("node_modules/") + "node_modules/".length);
  const keepBuild = NATIVE_BUILDS[name];
  addTree(module, join(ROOT, module), (path) => {
    if (path === "node_modules" || path.endsWith("/node_modules")) return false; // nested packages come on their own
    if (keepBuild === undefined || !(path === "build" || path.startsWith("build/"))) return true;
    return keepBuild.some((kept) => kept === path || kept.startsWith(`${path}/`));
  });
}

const archive = tarGz(withParents(entries), Number(process.env.SOURCE_DATE_EPOCH ?? 0));
mkdirSync(outDir, { recursive: true });
const target = join(outDir, `${id}.tar.gz`);
writeFileSync(target, archive);
const files = [...entries.values()].filter((entry) => entry.type === "file").length;
process.stdout.write(
  `${relative(process.cwd(), target).startsWith("..") ? target : relative(process.cwd(), target)}: ${id} ${manifest.version}, ${files} files, ${(archive.length / 1e6).toFixed(1)} MB\n` +
    `built for Node.js ${platform.nodeMajor} (ABI ${platform.abi}) on ${platform.platform}-${platform.arch} (${platform.libc}); ` +
    `another Node.js major needs \`npm rebuild better-sqlite3\` in the plugin directory (install.sh says so)\n` +
    `upload it as ${id}.tar.gz (DirectAdmin names the plugin directory after the file)\n`,
);

function addFile(path, source) {
  const stat = statSync(source); // follows symbolic links: the entry files are shipped as files
  entries.set(path, { type: "file", mode: stat.mode & 0o100 ? 0o755 : 0o644, data: readFileSync(source) });
}

function addData(path, text) {
  entries.set(path, { type: "file", mode: 0o644, data: Buffer.from(text) });
}

function addTree(path, source, keep = () => true) {
  entries.set(path, { type: "dir", mode: 0o755 });
  const walk = (relativeDir) => {
    for (const name of readdirSync(join(source, relativeDir)).sort()) {
      const inner = relativeDir === "" ? name : `${relativeDir}/${name}`;
      if (!keep(inner)) continue;
      if (statSync(join(source, inner)).isDirectory()) {
        entries.set(`${path}/${inner}`, { type: "dir", mode: 0o755 });
        walk(inner);
      } else {
        addFile(`${path}/${inner}`, join(source, inner));
      }
    }
  };
  walk("");
}

/** Every entry after its parent directory (created 0755 when not listed), in a fixed order. */
function withParents(map) {
  for (const path of [...map.keys()]) {
    for (let cut = path.indexOf("/"); cut !== -1; cut = path.indexOf("/", cut + 1)) {
      if (!map.has(path.slice(0, cut))) map.set(path.slice(0, cut), { type: "dir", mode: 0o755 });
    }
  }
  return [...map.entries()].sort(([a], [b]) => comparePaths(a, b)).map(([path, entry]) => ({ path, ...entry }));
}

/** Depth first, each directory's entries by name (the order of GNU tar --sort=name). */
function comparePaths(a, b) {
  const [x, y] = [a.split("/"), b.split("/")];
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return x.length - y.length;
}

/** What the plugin directory needs of package.json: the name and version (package-info.ts), ESM, dependencies. */
function runtimeManifest(full) {
  const { name, version, description, license, type, engines, bin, dependencies } = full;
  return { name, version, description, license, private: true, type, engines, bin, dependencies };
}

/** The Node.js the installed better-sqlite3 was built for: this one, as long as it loads here. */
function nativePlatform() {
  try {
    new (createRequire(join(ROOT, "package.json"))("better-sqlite3"))(":memory:").close();
  } catch (error) {
    throw new Error(`the installed better-sqlite3 does not load with this Node.js ${process.version} (${error.message}); run npm rebuild better-sqlite3, or build with the Node.js it was installed with`);
  }
  const glibc = process.report?.getReport().header.glibcVersionRuntime;
  return { node: process.version, nodeMajor: process.versions.node.split(".")[0], abi: process.versions.modules, platform: process.platform, arch: process.arch, libc: glibc === undefined ? "not glibc" : `glibc ${glibc}` };
}

function platformConf(p) {
  return [
    "# What this package's native part (better-sqlite3) was built for. scripts/install.sh refuses a Node.js with",
    "# another ABI unless better-sqlite3 was rebuilt for it: cd into the plugin directory, npm rebuild better-sqlite3.",
    `node_version=${p.node}`,
    `node_abi=${p.abi}`,
    `platform=${p.platform}`,
    `arch=${p.arch}`,
    `libc=${p.libc}`,
    "",
  ].join("\n");
}
