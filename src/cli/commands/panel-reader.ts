import { loadReaderSettings } from "../../config/reader.js";
import { startPanelReader, type ReaderListen } from "../../panel/remote/reader-server.js";
import { stringOption, UsageError, type CliCommand } from "../command.js";
import { panelKindOf } from "../../panel/adapters.js";
import { localPanel } from "../panel-context.js";
import { lineLog } from "../../util/log-line.js";

export const panelReaderCommand: CliCommand = {
  name: "panel-reader",
  summary:
    "Answer the daemon's questions about the panel's accounts, domains and zone files (run by wedos-panel-reader.service)",
  help: `Usage: wedos-panel panel-reader [--listen SOCKET]

The only process of the plugin that reads the panel's own files (DirectAdmin's user.conf, domains.list,
domainowners; cPanel's users/, userdomains; the zone files). It answers the daemon's questions — the Panel
interface and nothing else — over a Unix socket, and writes nothing. Its systemd unit gives it the right to read
those files and no network; the daemon has neither (docs/decisions/0011).

It never reads config.json: where the panel keeps its files comes from its environment, which the unit sets
(WEDOS_PANEL_KIND, WEDOS_PANEL_DA_ROOT, WEDOS_PANEL_DA_VIRTUAL_DIR, WEDOS_PANEL_CPANEL_VAR_DIR,
WEDOS_PANEL_CPANEL_ETC_DIR, WEDOS_PANEL_ZONE_DIR; change them with: systemctl edit wedos-panel-reader).

  --listen SOCKET  bind this socket path (mode 0600) instead of the one systemd hands over (wedos-panel-reader.socket)`,
  options: { listen: { type: "string" } },
  async run(args, io) {
    const settings = loadReaderSettings(io.env);
    const path = stringOption(args, "listen");
    const listen: ReaderListen | undefined =
      path !== undefined ? { path } : settings.activatedFd !== undefined ? { fd: settings.activatedFd } : undefined;
    if (listen === undefined)
      throw new UsageError(
        "no socket to answer on: start it through wedos-panel-reader.socket (systemd), or give --listen SOCKET",
      );
    const log = lineLog(io.stderr, io.clock, "panel-reader: ");
    const panel = localPanel(settings);
    const reader = await startPanelReader(panel, listen, log);
    log(`answering for ${panelKindOf(settings.panel)} on ${reader.address}`);
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    await reader.close();
    return 0;
  },
};
