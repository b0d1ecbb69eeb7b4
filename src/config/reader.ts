import { z } from "zod";
import { PANEL_KINDS, type PanelKind } from "../model/panel-kind.js";
import { ConfigError } from "./load.js";
import { cpanelConfigSchema, directAdminConfigSchema, dnsConfigSchema } from "./schema.js";

type Env = Readonly<Record<string, string | undefined>>;

/**
 * What the panel reader (`wedos-panel panel-reader`) reads and where it listens. It never reads config.json: that
 * file belongs to the service account, and the reader, which may read any file, must not be pointed elsewhere by
 * whoever can change it. Its settings come from its environment, which its root-owned systemd unit sets
 * (the installers write every path there; an administrator changes them with `systemctl edit wedos-panel-reader`):
 *
 * - `WEDOS_PANEL_KIND`: `directadmin`, `cpanel` or `auto` (default)
 * - `WEDOS_PANEL_DA_ROOT`, `WEDOS_PANEL_DA_VIRTUAL_DIR`: DirectAdmin's directory and the one holding `domainowners`
 * - `WEDOS_PANEL_CPANEL_VAR_DIR`, `WEDOS_PANEL_CPANEL_ETC_DIR`: cPanel's `/var/cpanel` and the `userdomains` directory
 * - `WEDOS_PANEL_ZONE_DIR`: BIND's zone directory (default: /var/named or /etc/bind, whichever exists)
 * - `LISTEN_FDS`, `LISTEN_PID`: systemd's socket activation (the socket is fd 3)
 *
 * Defaults are a real server's, as in config.json.
 */
export interface ReaderSettings {
  panel: "auto" | PanelKind;
  directadmin: { root: string; virtualDir: string };
  cpanel: { varDir: string; etcDir: string };
  dns: { zoneDir: string | undefined };
  /** The socket systemd handed over (fd 3), when started by socket activation. */
  activatedFd: number | undefined;
}

const readerSettingsSchema = z.object({
  panel: z.enum(["auto", ...PANEL_KINDS]).default("auto"),
  directadmin: directAdminConfigSchema.pick({ root: true, virtualDir: true }),
  cpanel: cpanelConfigSchema.pick({ varDir: true, etcDir: true }),
  dns: dnsConfigSchema.pick({ zoneDir: true }),
});

/** The reader's settings from its environment; every bad value is reported at once, naming its variable. */
export function loadReaderSettings(env: Env, pid: number = process.pid): ReaderSettings {
  const value = (name: string) => (env[name]?.trim() ? env[name]?.trim() : undefined);
  const parsed = readerSettingsSchema.safeParse({
    panel: value("WEDOS_PANEL_KIND"),
    directadmin: { root: value("WEDOS_PANEL_DA_ROOT"), virtualDir: value("WEDOS_PANEL_DA_VIRTUAL_DIR") },
    cpanel: { varDir: value("WEDOS_PANEL_CPANEL_VAR_DIR"), etcDir: value("WEDOS_PANEL_CPANEL_ETC_DIR") },
    dns: { zoneDir: value("WEDOS_PANEL_ZONE_DIR") },
  });
  if (!parsed.success) {
    throw new ConfigError(
      "the panel reader's environment",
      parsed.error.issues.map(
        (issue) => `${VARIABLES[issue.path.join(".")] ?? issue.path.join(".")}: ${issue.message}`,
      ),
    );
  }
  // systemd sets LISTEN_PID to the process it started; a LISTEN_FDS inherited by some other process is not ours.
  const activated = value("LISTEN_FDS") === "1" && value("LISTEN_PID") === String(pid);
  return { ...parsed.data, dns: { zoneDir: parsed.data.dns.zoneDir }, activatedFd: activated ? 3 : undefined };
}

const VARIABLES: Record<string, string> = {
  panel: "WEDOS_PANEL_KIND",
  "directadmin.root": "WEDOS_PANEL_DA_ROOT",
  "directadmin.virtualDir": "WEDOS_PANEL_DA_VIRTUAL_DIR",
  "cpanel.varDir": "WEDOS_PANEL_CPANEL_VAR_DIR",
  "cpanel.etcDir": "WEDOS_PANEL_CPANEL_ETC_DIR",
  "dns.zoneDir": "WEDOS_PANEL_ZONE_DIR",
};
