import { startServing } from "../../serving.js";
import { lineLog } from "../../util/log-line.js";
import type { CliCommand } from "../command.js";
import { openServices } from "../services-context.js";
import { stopRequested } from "../stop-signal.js";

export const serveCommand: CliCommand = {
  name: "serve",
  summary:
    "Run the daemon: read the hooks' events, run the job queue, schedule polling and reconciling, serve the pages",
  help: `Usage: wedos-panel serve

Reads the events the panel's hooks spooled (including any written while the daemon was down), works
through the job queue within the WAPI budget, schedules the reconciler, and answers the plugin's pages
(the panel's entry scripts connect to daemon.listen). Stops within 5 s on SIGTERM/SIGINT, whatever
the queue holds: the job in hand goes back to the queue. A second signal ends it at once; a job cut
off by a kill is taken up again on the next start.`,
  options: {},
  async run(_args, io) {
    const services = openServices(io);
    const log = lineLog(io.stderr, io.clock);
    // Listened for before anything starts: a signal while starting stops in order too.
    const stop = stopRequested(log);
    const serving = await startServing(services, log);
    log(`wedos-panel daemon started (data ${services.config.dataDir})`);
    await stop;
    log("stopping");
    await serving.stop();
    await services.close();
    return 0;
  },
};
