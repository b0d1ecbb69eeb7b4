import { existsSync } from "node:fs";
import { z } from "zod";
import { AppError } from "../../errors.js";
import type { PanelAdapter } from "../adapter.js";
import { CPANEL_USER, eventsFromHookPayload } from "./hook-events.js";
import { CPANEL_DEFAULTS, cpanelLayout } from "./layout.js";
import { noMessageSystem } from "../panel-messages.js";
import { CpanelPanel } from "./reader.js";
import { oneLine } from "../../util/one-line.js";

/** cPanel's own binary: its presence is how `"panel": "auto"` recognises a cPanel & WHM server. */
const CPANEL_BINARY = "/usr/local/cpanel/cpanel";

/** What names a cPanel hook in its payload (the rest is read by eventsFromHookPayload). */
const HOOK_CONTEXT = z.object({ context: z.object({ category: z.string(), event: z.string() }) });

export const cpanelAdapter: PanelAdapter = {
  kind: "cpanel",
  name: "cPanel",
  detect: () => existsSync(CPANEL_BINARY),
  reader: (settings, zoneDir) => new CpanelPanel(cpanelLayout({ ...settings.cpanel, zoneDir })),
  // cPanel keeps no inbox for its accounts, and WHM's notifications (iContact) are sent by cPanel's own root code
  // (docs/reference/cpanel.md#messages): nothing the daemon's account may call.
  messages: () => noMessageSystem("cPanel & WHM have no message inbox the plugin can write to"),
  readerPaths: (config) => [
    {
      key: "cpanel.varDir",
      variable: "WEDOS_PANEL_CPANEL_VAR_DIR",
      changed: config.cpanel.varDir !== CPANEL_DEFAULTS.varDir,
    },
    {
      key: "cpanel.etcDir",
      variable: "WEDOS_PANEL_CPANEL_ETC_DIR",
      changed: config.cpanel.etcDir !== CPANEL_DEFAULTS.etcDir,
    },
  ],
  hooks: {
    // The hook script (cpanel/hooks/wedos-panel-hook) spools `<sequence>-<pid>.cpanel.json`: the Standardized Hooks
    // payload as cPanel passed it on stdin, secrets nulled.
    spoolSuffix: ".cpanel.json",
    hookOfFileName: () => "cpanel",
    read(body) {
      let payload: unknown;
      try {
        payload = JSON.parse(body.toString("utf8"));
      } catch (error) {
        const problem = `cPanel hook: the payload is not JSON (${oneLine((error as Error).message)})`;
        throw new AppError("cpanel_hook_invalid", `${problem}; the event was kept in the spool's rejected/ folder`);
      }
      const described = HOOK_CONTEXT.safeParse(payload);
      const context = described.success ? described.data.context : undefined;
      const hook = context === undefined ? "cpanel" : oneLine(`${context.category}::${context.event}`, 100);
      return { hook, recorded: payload, events: () => eventsFromHookPayload(payload) };
    },
  },
  pages: {
    // cPanel runs a Jupiter page as the account, so the uid proves it; cPanel has no session check to add.
    proof: () => "uid",
    // The WHM entry runs as root for whichever WHM user cpsrvd names in REMOTE_USER.
    rootEntryLogin: CPANEL_USER,
  },
  doctor: {
    uidProof: "the unix account that runs each page; for WHM, the WHM user's ACLs",
    ownersFix: () => "rebuild it with /usr/local/cpanel/scripts/updateuserdomains",
  },
  packaging: { builder: "build/cpanel-package.mjs", installer: "cpanel/install.sh" },
};
