// The DirectAdmin package, <id>.tar.gz (directadmin.md §A4.1): the plugin directory's contents with plugin.conf at
// the top — plugin.conf, hooks/, the six page entry files, images/, views/, scripts/ (install, update, uninstall),
// the compiled code in build/lib/, package.json, platform.conf and the production dependencies, including
// better-sqlite3's native build (scripts/install.sh refuses another Node.js ABI).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PackageTree } from "./package-tree.mjs";
import { platformConf, runtimeManifest } from "./platform.mjs";

/** Plugin parts taken from the repository as they are; symbolic links (five of the six entry files) become files. */
const PLUGIN_TREES = ["hooks", "admin", "reseller", "user", "images", "views", "scripts"];
const ENTRY_FILES = ["admin", "reseller", "user"].flatMap((level) => [`${level}/index.html`, `${level}/index.raw`]);

/**
 * @param {{ root: string, lib: string, manifest: Record<string, unknown>, platform: ReturnType<typeof import("./platform.mjs").nativePlatform> }} build
 */
export function directAdminPackage({ root, lib, manifest, platform }) {
  const id = /^id=(.+)$/m.exec(readFileSync(join(root, "plugin.conf"), "utf8"))?.[1]?.trim();
  if (id === undefined) throw new Error("plugin.conf has no id= line; DirectAdmin needs it");
  const tree = new PackageTree();
  tree.file("plugin.conf", join(root, "plugin.conf"));
  for (const part of PLUGIN_TREES) tree.tree(part, join(root, part));
  tree.requireExecutable(ENTRY_FILES, "DirectAdmin runs it as a program");
  tree.data("package.json", runtimeManifest(manifest));
  tree.data("platform.conf", platformConf(platform));
  tree.tree("build/lib", lib);
  tree.executable("build/lib/cli.js"); // the `wedos-panel` command install.sh links onto the PATH
  tree.productionModules(root);
  return { file: `${id}.tar.gz`, tree, next: `upload it as ${id}.tar.gz (DirectAdmin names the plugin directory after the file)` };
}
