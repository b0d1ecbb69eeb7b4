// The DirectAdmin package, <id>.tar.gz (docs/reference/directadmin.md#the-package): the plugin directory's contents
// with plugin.conf at the top — plugin.conf, hooks/, the six page entry files, images/, views/, scripts/ (install,
// update, uninstall), the compiled code in build/lib/ (no development modules), package.json, platform.conf, the
// database drivers in native/, the production dependencies, and package-files.txt, the list update.sh removes older
// files by.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEVELOPMENT_FILE } from "./package-contents.mjs";
import { PackageTree } from "./package-tree.mjs";
import { platformConf, runtimeManifest } from "./platform.mjs";

/** Plugin parts taken from the repository as they are; symbolic links (five of the six entry files) become files. */
const PLUGIN_TREES = ["hooks", "admin", "reseller", "user", "images", "views", "scripts"];
const ENTRY_FILES = ["admin", "reseller", "user"].flatMap((level) => [`${level}/index.html`, `${level}/index.raw`]);

/**
 * @param {{ root: string, lib: string, manifest: Record<string, unknown>, drivers: { dir: string, portable: boolean } }} build
 */
export function directAdminPackage({ root, lib, manifest, drivers }) {
  const id = /^id=(.+)$/m.exec(readFileSync(join(root, "plugin.conf"), "utf8"))?.[1]?.trim();
  if (id === undefined) throw new Error("plugin.conf has no id= line; DirectAdmin needs it");
  const tree = new PackageTree();
  tree.file("plugin.conf", join(root, "plugin.conf"));
  for (const part of PLUGIN_TREES) tree.tree(part, join(root, part), (path) => !DEVELOPMENT_FILE.test(path));
  tree.requireExecutable(ENTRY_FILES, "DirectAdmin runs it as a program");
  tree.data("package.json", runtimeManifest(manifest));
  tree.data("platform.conf", platformConf(drivers));
  tree.tree("native", drivers.dir);
  tree.lib(lib);
  tree.productionModules(root);
  tree.manifest("package-files.txt");
  return {
    file: `${id}.tar.gz`,
    tree,
    next: `upload it as ${id}.tar.gz (DirectAdmin names the plugin directory after the file)`,
  };
}
