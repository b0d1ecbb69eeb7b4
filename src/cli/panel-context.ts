import type { Config } from "../config/load.js";
import { cpanelLayout } from "../panel/cpanel/layout.js";
import { CpanelPanel } from "../panel/cpanel/reader.js";
import { directAdminLayout } from "../panel/directadmin/layout.js";
import { DirectAdminPanel } from "../panel/directadmin/reader.js";
import type { Panel } from "../panel/panel.js";
import { panelKindOf } from "../panel/panel-kind.js";
import { RemotePanel } from "../panel/remote/remote-panel.js";
import { resolveZoneDir } from "../sync/zone-dir.js";

/** Where a panel's files are: the daemon's configuration and the panel reader's settings both say it. */
export interface PanelSettings {
  panel: Config["panel"];
  directadmin: Pick<Config["directadmin"], "root" | "virtualDir">;
  cpanel: Pick<Config["cpanel"], "varDir" | "etcDir">;
  dns: Pick<Config["dns"], "zoneDir">;
}

/** The DirectAdmin panel the settings point at (fixture trees in tests, the real server in production). */
export function directAdminPanel(settings: PanelSettings): DirectAdminPanel {
  return new DirectAdminPanel(directAdminLayout({ root: settings.directadmin.root, virtualDir: settings.directadmin.virtualDir, zoneDir: resolveZoneDir(settings.dns.zoneDir) }));
}

/** The cPanel & WHM server the settings point at. */
export function cpanelPanel(settings: PanelSettings): CpanelPanel {
  return new CpanelPanel(cpanelLayout({ varDir: settings.cpanel.varDir, etcDir: settings.cpanel.etcDir, zoneDir: resolveZoneDir(settings.dns.zoneDir) }));
}

/** The panel read from its files by this process (the panel reader; everything, when not installed). */
export function localPanel(settings: PanelSettings): Panel {
  return panelKindOf(settings.panel) === "cpanel" ? cpanelPanel(settings) : directAdminPanel(settings);
}

/**
 * The panel this server runs. Installed (install.conf names `reader_socket`), every question goes to the panel
 * reader, the one process allowed to read the panel's files (docs/decisions/0011); otherwise (development, the
 * demo, tests) the files are read here.
 */
export function configuredPanel(config: Config): Panel {
  if (config.readerSocket !== undefined) return new RemotePanel(panelKindOf(config.panel), { socket: config.readerSocket });
  return localPanel(config);
}
