import { resetDemo } from "../../demo/lock.js";
import { demoPaths } from "../../demo/paths.js";
import { integerOption, stringOption, type CliCommand } from "../command.js";
import { stopRequested } from "../stop-signal.js";

export const demoCommand: CliCommand = {
  name: "demo",
  summary: "Run the demo on this machine: WEDOS simulated, DirectAdmin emulated, the plugin's daemon (npm start)",
  help: `Usage: wedos-panel demo [--port 2222] [--wapi-port 8090] [--dns-port 8053] [--data DIR]
       wedos-panel demo --reset [--data DIR]

Starts, with nothing to configure: the WEDOS simulator (WAPI on 127.0.0.1:--wapi-port, DNS answers on
127.0.0.1:--dns-port), an emulated DirectAdmin at http://localhost:--port (admin and reseller logins are
printed) whose actions run the plugin's real hooks, and the plugin's daemon with a generated configuration.
State lives in DIR (default ./.data) and is kept across restarts. Ctrl-C stops everything.

  --port PORT       the emulated DirectAdmin's port (default 2222)
  --wapi-port PORT  the simulator's WAPI port (default 8090)
  --dns-port PORT   the simulator's DNS port, UDP and TCP (default 8053)
  --data DIR        where the demo keeps its state (default .data)
  --reset           delete DIR and start over next time (refused while the demo runs)`,
  options: {
    port: { type: "string" },
    "wapi-port": { type: "string" },
    "dns-port": { type: "string" },
    data: { type: "string" },
    reset: { type: "boolean" },
  },
  async run(args, io) {
    const paths = demoPaths(stringOption(args, "data") ?? ".data");
    if (args.values.reset === true) {
      io.stdout(
        resetDemo(paths)
          ? `Deleted ${paths.root}; the next npm start begins afresh.\n`
          : `${paths.root} does not exist; nothing to reset.\n`,
      );
      return 0;
    }
    const port = (name: string, fallback: number) => integerOption(args, name, { min: 1, max: 65535 }) ?? fallback;
    const ports = { front: port("port", 2222), wapi: port("wapi-port", 8090), dns: port("dns-port", 8053) };
    // Loaded here, not at the top: the demo brings express and the simulator, which other commands never need.
    const { runDemo } = await import("../../demo/run.js");
    const stopped = stopRequested((line) => io.stdout(`${line}\n`));
    await runDemo({ paths, ports, clock: io.clock, stdout: io.stdout, stderr: io.stderr, stopped });
    return 0;
  },
};
