import type { Config } from "../config/load.js";
import { loadConfig } from "../config/load.js";
import { createServices, type Services } from "../main.js";
import { cpanelLayout } from "../panel/cpanel/layout.js";
import { CpanelPanel } from "../panel/cpanel/reader.js";
import { directAdminLayout } from "../panel/directadmin/layout.js";
import { DirectAdminPanel } from "../panel/directadmin/reader.js";
import { panelKindOf } from "../panel/kind.js";
import type { Panel } from "../panel/panel.js";
import { resolveZoneDir } from "../sync/zone-dir.js";
import type { CliIo } from "./command.js";

/** The DirectAdmin panel the configuration points at (fixture trees in tests, the real server in production). */
export function directAdminPanel(config: Config): DirectAdminPanel {
  return new DirectAdminPanel(directAdminLayout({ root: config.directadmin.root, virtualDir: config.directadmin.virtualDir, zoneDir: resolveZoneDir(config.dns.zoneDir) }));
}

/** The cPanel & WHM server the configuration points at. */
export function cpanelPanel(config: Config): CpanelPanel {
  return new CpanelPanel(cpanelLayout({ varDir: config.cpanel.varDir, etcDir: config.cpanel.etcDir, zoneDir: resolveZoneDir(config.dns.zoneDir) }));
}

/** The panel this server runs (the `panel` setting; "auto" looks for cPanel, else DirectAdmin). */
export function configuredPanel(config: Config): Panel {
  return panelKindOf(config.panel) === "cpanel" ? cpanelPanel(config) : directAdminPanel(config);
}

/** All services, for the commands that provision (serve, import). */
export function openServices(io: CliIo): Services {
  const config = loadConfig(io.env);
  return createServices(config, io.clock, configuredPanel(config));
}
