import { join } from "node:path";
import { EmulatedCpanel, cpanelFixtureTree } from "../../src/panel/cpanel/emulator/index.js";
import type { CpanelLayout } from "../../src/panel/cpanel/layout.js";
import { CpanelPanel } from "../../src/panel/cpanel/reader.js";
import { startWedosCore, type HarnessOptions, type WedosCore } from "./provisioning-harness.js";

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
    return { panel: new CpanelPanel(layout), config: { panel: "cpanel", cpanel: { varDir: layout.varDir, etcDir: layout.etcDir }, dns: { zoneDir: layout.zoneDir, propagationCheck: false } } };
  });
  const cpanel = new EmulatedCpanel({ layout: layout as CpanelLayout, hookEnv: { WEDOS_PANEL_DATA_DIR: core.dataDir }, clock: core.clock });
  return { ...core, cpanel, layout: layout as CpanelLayout };
}
