// The cPanel & WHM package, wedos-panel-cpanel.tar.gz: one directory, wedos-panel/, holding the compiled daemon and
// CLI (build/lib), the pages' views and images, package.json, platform.conf, the production dependencies (the same
// as the DirectAdmin package's, better-sqlite3's native build and sources included, so the installer's
// `npm rebuild better-sqlite3` hint works for another Node.js), cpanel/ — installer, hook, Jupiter plugin, WHM
// page — with its symbolic links as files, and scripts/service.sh (the service account and the systemd units, shared
// with the DirectAdmin installer). Unpack it anywhere and run: sh wedos-panel/cpanel/install.sh
import { join } from "node:path";
import { PackageTree } from "./package-tree.mjs";
import { platformConf, runtimeManifest } from "./platform.mjs";

/** What cPanel runs as programs (the installer copies them with mode 0755, but a package says what it means). */
const PROGRAMS = ["cpanel/hooks/wedos-panel-hook", "cpanel/plugin/index.live.pl", "cpanel/whm/index.cgi", "build/lib/cli.js"];

/**
 * @param {{ root: string, lib: string, manifest: Record<string, unknown>, platform: ReturnType<typeof import("./platform.mjs").nativePlatform> }} build
 */
export function cpanelPackage({ root, lib, manifest, platform }) {
  const tree = new PackageTree("wedos-panel");
  tree.data("package.json", runtimeManifest(manifest));
  tree.data("platform.conf", platformConf(platform));
  for (const part of ["cpanel", "images", "views"]) tree.tree(part, join(root, part));
  tree.file("scripts/service.sh", join(root, "scripts", "service.sh")); // the account and units, shared with DirectAdmin's installer
  tree.tree("build/lib", lib);
  tree.executable("build/lib/cli.js");
  tree.requireExecutable(PROGRAMS, "cPanel runs it as a program");
  tree.productionModules(root);
  return { file: "wedos-panel-cpanel.tar.gz", tree, next: "on the server: tar -xzf wedos-panel-cpanel.tar.gz && sh wedos-panel/cpanel/install.sh" };
}
