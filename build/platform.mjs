// What a package's native part was built for, and the package.json a package ships. Shared by every package
// build/package.mjs makes: the installers read platform.conf (DirectAdmin's refuses another Node.js ABI).
import { createRequire } from "node:module";
import { join } from "node:path";

/**
 * The Node.js the installed better-sqlite3 was built for: this one, as long as it loads here.
 * @param {string} root the project directory
 */
export function nativePlatform(root) {
  try {
    new (createRequire(join(root, "package.json"))("better-sqlite3"))(":memory:").close();
  } catch (error) {
    throw new Error(`the installed better-sqlite3 does not load with this Node.js ${process.version} (${error.message}); run npm rebuild better-sqlite3, or build with the Node.js it was installed with`);
  }
  const glibc = process.report?.getReport().header.glibcVersionRuntime;
  return { node: process.version, nodeMajor: process.versions.node.split(".")[0], abi: process.versions.modules, platform: process.platform, arch: process.arch, libc: glibc === undefined ? "not glibc" : `glibc ${glibc}` };
}

/** "Node.js 20 (ABI 115) on linux-x64 (glibc 2.36)": what the build prints. */
export function describePlatform(p) {
  return `Node.js ${p.nodeMajor} (ABI ${p.abi}) on ${p.platform}-${p.arch} (${p.libc})`;
}

/** platform.conf: `key=value` lines the installers read. */
export function platformConf(p) {
  return [
    "# What this package's native part (better-sqlite3) was built for. The installer refuses a Node.js that cannot",
    "# load it; rebuild it for that Node.js: cd into the installed package, npm rebuild better-sqlite3.",
    `node_version=${p.node}`,
    `node_abi=${p.abi}`,
    `platform=${p.platform}`,
    `arch=${p.arch}`,
    `libc=${p.libc}`,
    "",
  ].join("\n");
}

/** What an installed package needs of package.json: the name and version (package-info.ts), ESM, dependencies. */
export function runtimeManifest(full) {
  const { name, version, description, license, type, engines, bin, dependencies } = full;
  return `${JSON.stringify({ name, version, description, license, private: true, type, engines, bin, dependencies }, null, 2)}\n`;
}
