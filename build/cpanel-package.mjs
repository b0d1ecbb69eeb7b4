// The cPanel & WHM package, wedos-panel-cpanel.tar.gz: one directory, wedos-panel/, holding the compiled daemon and
// CLI (build/lib, no development modules), the pages' views and images, package.json, platform.conf, the database
// drivers in native/, the production dependencies (the same as the DirectAdmin package's), cpanel/ — installer,
// hook, Jupiter plugin, WHM page — with its symbolic links as files, and scripts/service.sh and installation.sh
// (the service account, its data, the installation record and the systemd units, shared with the DirectAdmin
// installer). Unpack it anywhere and run: sh wedos-panel/cpanel/install.sh (which replaces an installed copy whole, so no file of an older version stays).
import { join } from "node:path";
import { DEVELOPMENT_FILE } from "./package-contents.mjs";
import { PackageTree } from "./package-tree.mjs";
import { platformConf, runtimeManifest } from "./platform.mjs";

/** What cPanel runs as programs (the installer copies them with mode 0755, but a package says what it means). */
const PROGRAMS = [
  "cpanel/hooks/wedos-panel-hook",
  "cpanel/plugin/index.live.pl",
  "cpanel/whm/index.cgi",
  "build/lib/cli.js",
];

/**
 * @param {{ root: string, lib: string, manifest: Record<string, unknown>, drivers: { dir: string, portable: boolean } }} build
 */
export function cpanelPackage({ root, lib, manifest, drivers }) {
  const tree = new PackageTree("wedos-panel");
  tree.data("package.json", runtimeManifest(manifest));
  tree.data("platform.conf", platformConf(drivers));
  for (const part of ["cpanel", "images", "views"])
    tree.tree(part, join(root, part), (path) => !DEVELOPMENT_FILE.test(path));
  // The service account, its data, the installation record and the units: shared with DirectAdmin's installer.
  for (const script of ["service.sh", "installation.sh"]) tree.file(`scripts/${script}`, join(root, "scripts", script));
  tree.tree("native", drivers.dir);
  tree.lib(lib);
  tree.requireExecutable(PROGRAMS, "cPanel runs it as a program");
  tree.productionModules(root);
  return {
    file: "wedos-panel-cpanel.tar.gz",
    tree,
    next: "on the server: tar -xzf wedos-panel-cpanel.tar.gz && sh wedos-panel/cpanel/install.sh",
  };
}
