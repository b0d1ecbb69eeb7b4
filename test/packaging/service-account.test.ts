import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpanelServer } from "./cpanel-sandbox.js";
import { buildPackage, createSandbox, type BuiltPackage } from "./sandbox.js";

// The units run node as the service account, with /root and /home hidden: both installers (scripts/service.sh) check
// by running the node as that account, and say what to do when it cannot. Real accounts: the test runs as root.
let built: BuiltPackage;
beforeAll(() => {
  built = buildPackage("directadmin");
}, 60_000);
afterAll(() => built.remove());

const FIX =
  "Install Node.js system-wide (from your distribution, or NodeSource: https://github.com/nodesource/distributions) or point WEDOS_PANEL_NODE at a node outside /root and /home that every account may run, then install again.";
describe("the node the units run", () => {
  it("is refused when it lies in a home directory (nvm in /root), with what to do instead", () => {
    const box = createSandbox(built);
    // nvm's node in root's home (a small program running the real one), reached through a link on the PATH: the
    // link is followed to where the file lives.
    const nvm = join(box.root, "root", ".nvm", "versions", "node", "v22.0.0", "bin");
    mkdirSync(nvm, { recursive: true });
    writeFileSync(join(nvm, "node"), `#!/bin/sh\nexec ${process.execPath} "$@"\n`, { mode: 0o755 });
    const bin = join(box.root, "usr", "local", "bin");
    mkdirSync(bin, { recursive: true });
    symlinkSync(join(nvm, "node"), join(bin, "node"));
    const run = box.run("install.sh", { env: { WEDOS_PANEL_NODE: join(bin, "node") } });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `wedos-panel: Node.js ${join(bin, "node")} is in a home directory (${join(nvm, "node")}), which the daemon's service account wedos-panel cannot reach. ${FIX}`,
    );
    expect(existsSync(join(box.root, "etc", "systemd", "system", "wedos-panel.service"))).toBe(false);
  });

  it("is refused when the service account cannot run it, naming the account and the fix", () => {
    const box = createSandbox(built); // the service account is a free uid, for real: it may reach the plugin's code
    // A node only root can reach: a link in a directory closed to everyone else.
    const closed = join(box.root, "opt", "private-node");
    mkdirSync(closed, { recursive: true });
    chmodSync(closed, 0o700);
    symlinkSync(process.execPath, join(closed, "node"));
    const run = box.run("install.sh", { env: { WEDOS_PANEL_NODE: join(closed, "node") } });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(
        `wedos-panel: the service account wedos-panel cannot run Node\\.js ${join(closed, "node")} with the plugin's code \\(.*Permission denied.*\\)\\. `,
      ),
    );
    expect(run.stdout).toContain(FIX);
    expect(box.calls().filter((call) => call.startsWith("systemctl "))).toEqual([]);
  });

  it("is accepted when the account can run it: the units start it", () => {
    const box = createSandbox(built);
    const run = box.run("install.sh", { env: { WEDOS_PANEL_NODE: process.execPath } });
    expect(run.status, run.stdout).toBe(0);
    expect(box.calls()).toContain(
      `setpriv --reuid=wedos-panel --regid=wedos-panel --clear-groups -- env ${process.execPath} ${box.pluginDir}/build/lib/cli.js --version`,
    );
  });
});

describe("cpanel/install.sh over a daemon that ran as root", () => {
  it("hands the old root-owned data directory to the service account once", async () => {
    const { buildPackage: build } = await import("./sandbox.js");
    const cpanel = build("cpanel");
    try {
      const server = cpanelServer(join(cpanel.unpacked, "wedos-panel"));
      const data = join(server.prefix, "var", "lib", "wedos-panel");
      mkdirSync(join(data, "spool", "new"), { recursive: true });
      writeFileSync(join(data, "wedos-panel.sqlite"), "");
      const run = server.run("install.sh");
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain(
        `wedos-panel install: handed ${data} (the daemon's data from when it ran as root) to wedos-panel`,
      );
      expect(server.calls()).toContain(`chown -R wedos-panel:wedos-panel ${data} (umask 0022)`);
    } finally {
      cpanel.remove();
    }
  }, 90_000);
});
