import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { passableTempDir, requireRootAndFreeServiceUid, systemStub } from "../support/service-account.js";

// cPanel's root-only tools, stubbed under WEDOS_PANEL_PREFIX: each logs its arguments and umask; manage_hooks keeps a
// registry the way cPanel does, asking the script for its events (--describe) on "add script".
const STUBS: Record<string, string> = {
  "usr/local/cpanel/bin/manage_hooks": `
case "$1 $2" in
  "add script") "$3" --describe >> "$WEDOS_PANEL_PREFIX/hooks.registry" ;;
  "delete script") [ -f "$WEDOS_PANEL_PREFIX/hooks.registry" ] && grep -v -F "\\"hook\\":\\"$3\\"" "$WEDOS_PANEL_PREFIX/hooks.registry" > "$WEDOS_PANEL_PREFIX/r.tmp"; mv "$WEDOS_PANEL_PREFIX/r.tmp" "$WEDOS_PANEL_PREFIX/hooks.registry" 2>/dev/null ;;
esac`,
  "usr/local/cpanel/scripts/install_plugin": `
mkdir -p "$WEDOS_PANEL_PREFIX/usr/local/cpanel/base/frontend/jupiter/dynamicui"
cp "$1/install.json" "$WEDOS_PANEL_PREFIX/usr/local/cpanel/base/frontend/jupiter/dynamicui/dynamicui_wedos_panel.conf"`,
  "usr/local/cpanel/scripts/uninstall_plugin": `rm -f "$WEDOS_PANEL_PREFIX/usr/local/cpanel/base/frontend/jupiter/dynamicui/dynamicui_wedos_panel.conf"`,
  "usr/local/cpanel/bin/sprite_generator": "",
  "usr/local/cpanel/bin/register_appconfig": `grep '^name=' "$1" | cut -d= -f2 >> "$WEDOS_PANEL_PREFIX/apps.registry"`,
  "usr/local/cpanel/bin/unregister_appconfig": `: > "$WEDOS_PANEL_PREFIX/apps.registry"`,
  "usr/local/cpanel/bin/whmapi1": `cat "$WEDOS_PANEL_PREFIX/apps.registry" 2>/dev/null`,
  // cPanel's own perl, which runs the page entries: a wrapper that notes its use and runs the system's.
  "usr/local/cpanel/3rdparty/bin/perl": 'exec /usr/bin/perl "$@"',
};

/**
 * A cPanel & WHM server for cpanel/install.sh and uninstall.sh of the unpacked package (`unpacked`, its wedos-panel/
 * directory): every path under a prefix (WEDOS_PANEL_PREFIX), cPanel's tools stubbed there, the system commands
 * recorded by the tests' stand-in (WEDOS_PANEL_INSTALL_EXEC: the service account is a free uid, for real), this
 * process's node as the server's.
 */
export function cpanelServer(unpacked: string) {
  requireRootAndFreeServiceUid();
  const prefix = passableTempDir("wedos-panel-cpanel-root-");
  for (const [path, body] of Object.entries(STUBS)) {
    const file = join(prefix, path);
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(
      file,
      `#!/bin/sh\necho "${path.split("/").at(-1)} $* (umask $(umask))" >> "$WEDOS_PANEL_PREFIX/calls.log"\n${body}\nexit 0\n`,
    );
    chmodSync(file, 0o755);
  }
  writeFileSync(
    join(prefix, "system"),
    systemStub(join(prefix, "calls.log"), join(prefix, "account"), " (umask $(umask))"),
    { mode: 0o755 },
  );
  const env = {
    PATH: "/usr/bin:/bin",
    WEDOS_PANEL_PREFIX: prefix,
    WEDOS_PANEL_NODE: process.execPath,
    WEDOS_PANEL_INSTALL_EXEC: join(prefix, "system"),
  };
  const run = (script: "install.sh" | "uninstall.sh", extra: Record<string, string> = {}) =>
    spawnSync("sh", [join(unpacked, "cpanel", script)], { env: { ...env, ...extra }, encoding: "utf8" });
  const read = (path: string) => readFileSync(join(prefix, path), "utf8");
  const registered = () =>
    read("hooks.registry")
      .split("\n")
      .filter((line) => line.includes('"category"'))
      .map((line) => JSON.parse(line.replace(/^[[,]\s*/, "").replace(/[,\s\]]*$/, "")) as unknown);
  const mode = (path: string) => statSync(join(prefix, path)).mode & 0o7777;
  return { prefix, run, read, registered, mode, calls: () => read("calls.log").trim().split("\n") };
}
