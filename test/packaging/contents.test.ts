import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackages, createSandbox, listing, type BuiltPackage } from "./sandbox.js";

// A package holds what runs on a server, and an update removes what the new version no longer has.
// Each rule below is an allowlist: a file the rules do not name fails the test, so development code (the WEDOS
// simulator, the emulated panels, the demo, the benchmark, tests) cannot slip into a package unnoticed.
let built: Record<"directadmin" | "cpanel", BuiltPackage>;
beforeAll(() => {
  built = buildPackages(["directadmin", "cpanel"]);
}, 120_000);
afterAll(() => built.directadmin.remove());

/** The compiled code a server runs: these top-level modules and directories of build/lib, nothing else. */
const LIB =
  /^build\/lib\/(?:(?:cli|main|errors|clock|package-info|serving)\.js|(?:billing|cli|config|dns|doctor|model|panel|provisioning|store|sync|util|wapi|web)\/[a-z0-9/-]+\.js)$/;
/** Development modules that must never ship, even inside an allowed directory. */
const DEV_CODE = /\/(?:emulators|simulator|demo|bench)\/|\/dev-commands\.js$|\/commands\/(?:demo|wapi-sim)\.js$/;

/** Production dependencies as package-lock.json records them, less those only npm's install step uses. */
function productionClosure(): Set<string> {
  const lock = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "package-lock.json"), "utf8")) as {
    packages: Record<string, { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> }>;
  };
  const found = new Set<string>();
  const visit = (name: string) => {
    if (found.has(name) || ["prebuild-install", "bindings"].includes(name)) return;
    const entry = lock.packages[`node_modules/${name}`];
    if (entry === undefined) return; // an optional dependency for another platform
    found.add(name);
    for (const dependency of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) visit(dependency);
  };
  for (const dependency of Object.keys(lock.packages[""]?.dependencies ?? {})) visit(dependency);
  return found;
}

/** Why a path of a package is there, or undefined when no rule allows it. */
function allowed(path: string, rules: Array<[RegExp, string]>, modules: Set<string>): string | undefined {
  if (DEV_CODE.test(path)) return undefined;
  if (/\.(?:[cm]?ts|map|md|gyp|c|cc|cpp|h)$/.test(path)) return undefined;
  const module = /^node_modules\/((?:@[^/]+\/)?[^/]+)\/(.+)$/.exec(path);
  if (module !== null) {
    const [, name = "", inner = ""] = module;
    if (!modules.has(name) || inner.endsWith(".node")) return undefined;
    if (name === "better-sqlite3" && !/^(?:package\.json|LICENSE|lib\/[a-z/-]+\.js)$/.test(inner)) return undefined; // its driver comes from native/
    return "a production dependency";
  }
  if (/^native\/linux-x64\/node-abi\d+\/better_sqlite3\.node$/.test(path)) return "a database driver";
  if (LIB.test(path)) return "compiled code";
  return rules.find(([rule]) => rule.test(path))?.[1];
}

function unexpected(tarball: string, prefix: string, rules: Array<[RegExp, string]>): string[] {
  const modules = productionClosure();
  return listing(tarball)
    .map((entry) => entry.path)
    .filter((path) => !path.endsWith("/"))
    .map((path) => path.slice(prefix.length))
    .filter((path) => allowed(path, rules, modules) === undefined);
}

describe("what the packages hold", () => {
  it("wedos.tar.gz: only what DirectAdmin runs", () => {
    const rules: Array<[RegExp, string]> = [
      [/^(?:plugin\.conf|package\.json|platform\.conf|package-files\.txt)$/, "the plugin's description and file list"],
      [/^hooks\/[a-z_-]+\.(?:sh|html)$/, "a hook or a menu entry"],
      [/^(?:admin|reseller|user)\/index\.(?:html|raw)$/, "a page entry"],
      [/^images\/[a-z-]+\.(?:css|js|svg)$/, "a page asset"],
      [/^views\/(?:[a-z-]+\/)*[a-z-]+\.ejs$/, "a page template"],
      [/^scripts\/(?:install|update|uninstall|common|service|installation)\.sh$/, "an installer"],
    ];
    expect(unexpected(built.directadmin.tarball, "", rules)).toEqual([]);
  });

  it("wedos-panel-cpanel.tar.gz: only what cPanel & WHM run", () => {
    const rules: Array<[RegExp, string]> = [
      [/^(?:package\.json|platform\.conf)$/, "the package's description"],
      [/^cpanel\/(?:install|uninstall|paths)\.sh$/, "an installer"],
      [
        /^scripts\/(?:service|installation)\.sh$/,
        "the service account and units, shared with the DirectAdmin installer",
      ],
      [
        /^cpanel\/(?:hooks\/(?:wedos-panel-hook|spool-file\.sh|config-json\.sh)|plugin\/(?:index\.live\.pl|install\.json|wedos\.svg)|whm\/(?:index\.cgi|wedos-panel\.conf|wedos-panel\.svg))$/,
        "what cPanel runs or registers",
      ],
      [/^images\/[a-z-]+\.(?:css|js|svg)$/, "a page asset"],
      [/^views\/(?:[a-z-]+\/)*[a-z-]+\.ejs$/, "a page template"],
    ];
    expect(unexpected(built.cpanel.tarball, "wedos-panel/", rules)).toEqual([]);
  });

  it("the packaged command runs without the development commands, and lists none of them", () => {
    const cli = join(built.directadmin.unpacked, "build", "lib", "cli.js");
    const help = spawn(cli, ["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("  driver ");
    expect(help.stdout).not.toMatch(/\n {2}(?:demo|wapi-sim) /);
    expect(spawn(cli, ["demo"])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('unknown command "demo"'),
    });
    expect(spawn(cli, ["driver"]).status).toBe(0);
  });
});

function spawn(cli: string, args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", env: { PATH: process.env.PATH } });
}

describe("update.sh removes what the new version no longer has", () => {
  it("removes files, links and directories the package does not list, keeping plugin.conf, install.conf and everything outside", () => {
    const box = createSandbox(built.directadmin);
    expect(box.run("install.sh").status).toBe(0);
    // What an older version left: a module, a hook, a directory, and a link to a file outside the plugin.
    const outside = join(box.root, "etc", "kept-outside.txt");
    writeFileSync(outside, "not the plugin's\n");
    mkdirSync(join(box.pluginDir, "build", "lib", "simulator"), { recursive: true });
    writeFileSync(join(box.pluginDir, "build", "lib", "simulator", "old.js"), "export {};\n");
    writeFileSync(join(box.pluginDir, "hooks", "domain_old_post.sh"), "#!/bin/sh\n", { mode: 0o755 });
    symlinkSync(outside, join(box.pluginDir, "views", "old-link.ejs"));
    box.unpack();

    const run = box.run("update.sh");

    expect(run.status, run.stdout).toBe(0);
    expect(run.stdout).toContain("- removed 3 file(s) of the previous version that this one no longer has");
    expect(existsSync(join(box.pluginDir, "build", "lib", "simulator"))).toBe(false);
    expect(existsSync(join(box.pluginDir, "hooks", "domain_old_post.sh"))).toBe(false);
    expect(() => lstatSync(join(box.pluginDir, "views", "old-link.ejs"))).toThrow(/ENOENT/);
    expect(readFileSync(outside, "utf8")).toBe("not the plugin's\n");
    expect(readFileSync(join(box.pluginDir, "install.conf"), "utf8")).toMatch(/^service_user=wedos-panel$/m); // the installation record, not in the package
    expect(readFileSync(join(box.pluginDir, "plugin.conf"), "utf8")).toMatch(/^installed=yes$/m);
    const listed = readFileSync(join(box.pluginDir, "package-files.txt"), "utf8").trim().split("\n");
    expect(listed.filter((path) => !existsSync(join(box.pluginDir, path)))).toEqual([]);
    expect(box.run("update.sh").stdout).not.toContain("removed"); // nothing more to remove
  });
});
