import type { Config } from "../config/load.js";
import type { PanelSettings } from "../panel/adapter.js";
import { panelKindOf, serverPanel } from "../panel/adapters.js";
import type { Panel } from "../panel/panel.js";
import { RemotePanel } from "../panel/remote/remote-panel.js";
import { resolveZoneDir } from "../sync/zone-dir.js";

/** The panel read from its files by this process (the panel reader; everything, when not installed). */
export function localPanel(settings: PanelSettings): Panel {
  return serverPanel(settings.panel).reader(settings, resolveZoneDir(settings.dns.zoneDir));
}

/**
 * The panel this server runs. Installed (install.conf names `reader_socket`), every question goes to the panel
 * reader, the one process allowed to read the panel's files (docs/decisions/0011); otherwise (development, the
 * demo, tests) the files are read here.
 */
export function configuredPanel(config: Config): Panel {
  if (config.readerSocket !== undefined) {
    return new RemotePanel(panelKindOf(config.panel), { socket: config.readerSocket });
  }
  return localPanel(config);
}
