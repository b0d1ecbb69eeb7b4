import type { Config } from "../config/load.js";
import { loadConfig } from "../config/load.js";
import { createServices, type Services } from "../main.js";
import { directAdminLayout } from "../panel/directadmin/layout.js";
import { DirectAdminPanel } from "../panel/directadmin/reader.js";
import { resolveZoneDir } from "../sync/zone-dir.js";
import type { CliIo } from "./command.js";

/** The DirectAdmin panel the configuration points at (fixture trees in tests, the real server in production). */
export function directAdminPanel(config: Config): DirectAdminPanel {
  return new DirectAdminPanel(directAdminLayout({ root: config.directadmin.root, virtualDir: config.directadmin.virtualDir, zoneDir: resolveZoneDir(config.dns.zoneDir) }));
}

/** All services, for the commands that provision (serve, import). */
export function openServices(io: CliIo): Services {
  const config = loadConfig(io.env);
  return createServices(config, io.clock, directAdminPanel(config));
}
