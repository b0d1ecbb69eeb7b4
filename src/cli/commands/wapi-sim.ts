import { startSimulator } from "../../simulator/index.js";
import { startDnsServer } from "../../simulator/dns/index.js";
import { integerOption, listOption, stringOption, UsageError, type CliCommand } from "../command.js";

export const wapiSimCommand: CliCommand = {
  name: "wapi-sim",
  summary: "Run the local WEDOS simulator (WAPI over HTTP, optionally DNS answers)",
  help: `Usage: wedos-panel wapi-sim --login LOGIN --password PASSWORD [options]

  --port PORT          HTTP port (default 8090; 0 picks a free one)
  --host HOST          address to listen on (default 127.0.0.1)
  --login LOGIN        the simulated WEDOS account login
  --password PASSWORD  its WAPI password
  --allow-ip IP        an allowed client address or prefix like "192.0.2." (repeatable; default: loopback)
  --state FILE         keep the simulator's state in FILE across restarts
  --dns-port PORT      also answer DNS queries (UDP and TCP) for committed zones on this port
  --rate-limit N       requests per hour before 2006 (default 1000)

WAPI endpoint: http://HOST:PORT/wapi/json. Control endpoints for tests and demos (loopback only):
  GET    /_simulator/state       the whole state as JSON (zones, rows, notifications, request counts)
  POST   /_simulator/delegation  {"domain": "example.com", "delegated": true}
  POST   /_simulator/faults      a fault to inject; DELETE /_simulator/faults clears them`,
  options: {
    port: { type: "string" },
    host: { type: "string" },
    login: { type: "string" },
    password: { type: "string" },
    "allow-ip": { type: "string", multiple: true },
    state: { type: "string" },
    "dns-port": { type: "string" },
    "rate-limit": { type: "string" },
  },
  async run(args, io) {
    const login = stringOption(args, "login");
    const password = stringOption(args, "password");
    if (login === undefined || password === undefined) throw new UsageError("--login and --password are required");
    const host = stringOption(args, "host") ?? "127.0.0.1";
    const rateLimit = integerOption(args, "rate-limit", { min: 1, max: 1_000_000 });
    const stateFile = stringOption(args, "state");
    const running = await startSimulator({
      login,
      password,
      host,
      clock: io.clock,
      port: integerOption(args, "port", { min: 0, max: 65535 }) ?? 8090,
      allowIps: listOption(args, "allow-ip"),
      ...(stateFile === undefined ? {} : { stateFile }),
      ...(rateLimit === undefined ? {} : { rateLimit }),
    });
    const dnsPort = integerOption(args, "dns-port", { min: 0, max: 65535 });
    const dns =
      dnsPort === undefined ? undefined : await startDnsServer({ host, port: dnsPort, source: running.simulator });

    io.stdout(`WEDOS simulator: WAPI at ${running.url} for ${login}\n`);
    if (dns !== undefined) io.stdout(`WEDOS simulator: DNS answers on ${host}:${dns.port} (UDP and TCP)\n`);
    io.stdout(
      [
        "Try it:",
        `  export WEDOS_WAPI_URL=${running.url} WEDOS_WAPI_LOGIN=${login} WEDOS_WAPI_PASSWORD=...`,
        `  wedos-panel wapi dns-domain-add --data '{"name":"example.test"}'`,
        "  wedos-panel wapi dns-domains-list",
        "  wedos-panel doctor",
        "Press Ctrl-C to stop.",
        "",
      ].join("\n"),
    );
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    await dns?.close();
    await running.close();
    return 0;
  },
};
