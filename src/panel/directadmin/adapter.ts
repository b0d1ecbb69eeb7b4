import { existsSync } from "node:fs";
import type { PanelAdapter } from "../adapter.js";
import { eventFromHookEnv, HOOK_NAME_MAX } from "./hook-events.js";
import { DIRECTADMIN_DEFAULTS, directAdminLayout } from "./layout.js";
import { directAdminMessages } from "./messages.js";
import { DirectAdminPanel } from "./reader.js";
import { oneLine } from "../../util/one-line.js";

/** DirectAdmin's own binary: its presence is how `"panel": "auto"` recognises a DirectAdmin server. */
const DIRECTADMIN_BINARY = "/usr/local/directadmin/directadmin";

/**
 * A DirectAdmin hook's spool file (hooks/spool-file.sh): `<sequence>-<pid>-<hook>.env`, the variables the plugin
 * reads as `NAME=value` entries each ended by a NUL byte. Pre hooks' warnings use the same entries.
 */
export const DIRECTADMIN_SPOOL_SUFFIX = ".env";

/** The `NAME=value` entries of a DirectAdmin spool file (each ended by a NUL byte). */
export function hookVariablesOf(body: Buffer): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of body.toString("utf8").split("\0")) {
    const equals = entry.indexOf("=");
    if (equals > 0) env[entry.slice(0, equals)] = entry.slice(equals + 1);
  }
  return env;
}

export const directAdminAdapter: PanelAdapter = {
  kind: "directadmin",
  name: "DirectAdmin",
  detect: () => existsSync(DIRECTADMIN_BINARY),
  reader: (settings, zoneDir) => new DirectAdminPanel(directAdminLayout({ ...settings.directadmin, zoneDir })),
  messages: (settings) => directAdminMessages(directAdminLayout(settings.directadmin)),
  readerPaths: (config) => [
    {
      key: "directadmin.root",
      variable: "WEDOS_PANEL_DA_ROOT",
      changed: config.directadmin.root !== DIRECTADMIN_DEFAULTS.root,
    },
    {
      key: "directadmin.virtualDir",
      variable: "WEDOS_PANEL_DA_VIRTUAL_DIR",
      changed: config.directadmin.virtualDir !== DIRECTADMIN_DEFAULTS.virtualDir,
    },
  ],
  hooks: {
    spoolSuffix: DIRECTADMIN_SPOOL_SUFFIX,
    hookOfFileName: (file) => /^\d+-\d+-(.+?)\.env$/.exec(file)?.[1] ?? "unknown",
    read(body) {
      const env = hookVariablesOf(body);
      const hook = env.WEDOS_PANEL_HOOK ?? "";
      // The hook's name is kept and shown; eventFromHookEnv still refuses any name it does not know.
      return { hook: oneLine(hook, HOOK_NAME_MAX), recorded: env, events: () => [eventFromHookEnv(hook, env)] };
    },
  },
  pages: {
    // DirectAdmin runs each page as the visitor's own unix account; the session replay is the admin's choice.
    proof: (config) => config.directadmin.identity,
    rootEntryLogin: undefined,
  },
  doctor: {
    uidProof: "the unix account that runs each page, its level from user.conf (directadmin.identity: uid)",
    ownersFix: (domain) => `correct ${domain}'s line in DirectAdmin's domainowners file`,
  },
  packaging: { builder: "build/directadmin-package.mjs", installer: "scripts/install.sh" },
};
