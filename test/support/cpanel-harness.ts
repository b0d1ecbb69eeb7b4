import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import {
  EmulatedCpanel,
  cpanelFixtureTree,
  runCpanelPage,
  type CpanelPageRun,
  type CpanelPageVisit,
} from "../../src/emulators/cpanel/index.js";
import type { CpanelLayout } from "../../src/panel/cpanel/layout.js";
import { CpanelPanel } from "../../src/panel/cpanel/reader.js";
import { startWebServer, type WebServer } from "../../src/web/server.js";
import { COMPILED_ZONE_WORKER } from "./zone-worker.js";
import { startWedosCore, type HarnessOptions, type WedosCore } from "./provisioning-harness.js";
import { tempDir } from "./temp-dir.js";

/**
 * The whole path on a cPanel server: an emulated cPanel whose events run the real hook script with cPanel's
 * payloads, the spool it writes, the daemon's services (ingest + worker) in-process, and the WEDOS simulator on
 * 127.0.0.1 — all on one manual clock.
 */
export interface CpanelHarness extends WedosCore {
  cpanel: EmulatedCpanel;
  layout: CpanelLayout;
}

export async function startCpanelHarness(options: HarnessOptions = {}): Promise<CpanelHarness> {
  let layout: CpanelLayout | undefined;
  const core = await startWedosCore(options, (root) => {
    layout = cpanelFixtureTree(join(root, "cpanel"));
    // The test runs every entry as its own unix user: its passwd file names that uid (see startCpanelWebHarness).
    const pages = { proofDir: join(root, "run", "proof"), passwdFile: join(root, "passwd") };
    return {
      panel: new CpanelPanel(layout),
      config: {
        panel: "cpanel",
        cpanel: { varDir: layout.varDir, etcDir: layout.etcDir },
        pages,
        dns: { zoneDir: layout.zoneDir, propagationCheck: false },
      },
    };
  });
  const cpanel = new EmulatedCpanel({
    layout: layout as CpanelLayout,
    hookEnv: { WEDOS_PANEL_DATA_DIR: core.dataDir },
    clock: core.clock,
  });
  return { ...core, cpanel, layout: layout as CpanelLayout };
}

/** A uid no account has: as the WHM entry's uid, it leaves the test's own uid to be a cPanel account. */
const NOBODYS_UID = 4_294_967_294;

/**
 * The cPanel harness with the daemon's real web listeners and the package's real page entries, run as cpsrvd runs
 * them. The test runs as one unix user, so it has two listeners on the same services: on `cpanel` the test's uid is
 * the account `account` (a passwd file names it), on `whm` it is the WHM entry's uid (root on a server). Each has its
 * own configuration file for the entries (daemon.listen, the shared pages.proofDir).
 */
export interface CpanelWebHarness extends CpanelHarness {
  /** The account the test's uid is on the cPanel listener. */
  account: string;
  cpanelWeb: WebServer;
  whmWeb: WebServer;
  /** What the daemon logged. */
  logs: string[];
  /** Runs Jupiter's index.live.pl as `account`. */
  cpanelPage(visit?: Omit<CpanelPageVisit, "script" | "remoteUser">): Promise<CpanelPageRun>;
  /** Runs WHM's index.cgi for the WHM user `remoteUser` (default root). */
  whmPage(visit?: Omit<CpanelPageVisit, "script" | "remoteUser"> & { remoteUser?: string }): Promise<CpanelPageRun>;
}

export async function startCpanelWebHarness(
  options: HarnessOptions & { account?: string } = {},
): Promise<CpanelWebHarness> {
  const core = await startCpanelHarness(options);
  const account = options.account ?? "alice";
  const uid = process.getuid?.() ?? 0;
  const dir = tempDir("wedos-cpanel-web-");
  writeFileSync(core.services.config.pages.passwdFile, `${account}:x:${uid}:${uid}::/home/${account}:/bin/bash\n`);
  const logs: string[] = [];
  const listen = async (name: string, whmUid: number) => {
    const web = await startWebServer(core.services, {
      log: (line) => logs.push(line),
      listen: join(dir, `${name}.sock`),
      whmUid,
      zoneWorkerScript: COMPILED_ZONE_WORKER,
    });
    const config = join(dir, `${name}.json`);
    writeFileSync(
      config,
      JSON.stringify(
        { daemon: { listen: web.address }, pages: { proofDir: core.services.config.pages.proofDir } },
        null,
        2,
      ),
    );
    return { web, config };
  };
  const cpanel = await listen("cpanel", NOBODYS_UID);
  const whm = await listen("whm", uid);
  const entry = (file: string) => join(PACKAGE_ROOT, "cpanel", file);
  return {
    ...core,
    account,
    cpanelWeb: cpanel.web,
    whmWeb: whm.web,
    logs,
    cpanelPage: (visit = {}) =>
      runCpanelPage({
        ...visit,
        script: entry("plugin/index.live.pl"),
        remoteUser: account,
        env: { WEDOS_PANEL_CONFIG: cpanel.config, ...visit.env },
      }),
    whmPage: (visit = {}) =>
      runCpanelPage({
        remoteUser: "root",
        ...visit,
        script: entry("whm/index.cgi"),
        env: { WEDOS_PANEL_CONFIG: whm.config, ...visit.env },
      }),
    close: async () => {
      await cpanel.web.close();
      await whm.web.close();
      await core.close();
    },
  };
}
