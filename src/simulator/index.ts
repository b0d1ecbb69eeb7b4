import type { AddressInfo } from "node:net";
import { AppError } from "../errors.js";
import { createSimulatorServer } from "./http-server.js";
import { parseSimulatorOptions, type SimulatorOptions } from "./options.js";
import { WapiSimulator } from "./simulator.js";

/**
 * The WEDOS WAPI simulator: a local, stateful stand-in for https://api.wedos.com/wapi/json that follows the
 * conformance list of docs/reference/wapi.md#simulator-conformance and is strict where WEDOS's behaviour is unknown.
 *
 * Endpoints on the simulator's port:
 *
 * - `POST /wapi/json` — WAPI. The `request` form field (urlencoded or multipart) carries the JSON envelope;
 *   answers are always HTTP 200 with `{"response":{...}}`. Other paths answer 404.
 *
 * Control API (loopback callers only; others get 403):
 *
 * - `GET /_simulator/state` — the `dump()` snapshot as JSON: zones with working and published rows,
 *   notifications, WEDOS Global services, credit, per-IP invalid counts and blocks, per-hour request counts,
 *   the request log and the active faults.
 * - `POST /_simulator/delegation` with `{"domain":"example.com","delegated":true}` — mark a domain as delegated
 *   to (or, with false, away from) the WEDOS name servers; ns-mode WEDOS Global services activate only then.
 * - `POST /_simulator/faults` with one fault or an array, e.g.
 *   `{"command":"dns-rows-list","kind":"http-503","count":2}` or `{"kind":"latency","latencyMs":5000,"rate":0.1}`;
 *   kinds: latency, drop, http-500, http-503, rate-limit-text, protection-page, code-4000, and wapi-code with its
 *   `code` (e.g. `{"command":"dns-domain-add","kind":"wapi-code","code":2322}`: a refusal retrying cannot help).
 * - `DELETE /_simulator/faults` — remove every fault.
 * - `POST /_simulator/reset` — back to an empty account with the starting credit.
 */

export interface RunningSimulator {
  /** The WAPI endpoint, e.g. http://127.0.0.1:40123/wapi/json. */
  url: string;
  port: number;
  /** The in-process simulator: control methods, and the `PublishedZoneSource` for the DNS server. */
  simulator: WapiSimulator;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/** Validates the options, loads any state file, and starts serving. */
export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const resolved = parseSimulatorOptions(options);
  const simulator = new WapiSimulator(resolved);
  const server = createSimulatorServer(simulator, resolved.maxRequestBytes);
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error) =>
      reject(
        new AppError(
          "simulator-listen",
          `simulator cannot listen on ${resolved.host}:${resolved.port}: ${error.message}`,
          {
            cause: error,
          },
        ),
      ),
    );
    server.listen(resolved.port, resolved.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = resolved.host.includes(":") ? `[${resolved.host}]` : resolved.host;
  return {
    url: `http://${host}:${port}/wapi/json`,
    port,
    simulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}

export { WapiSimulator } from "./simulator.js";
export {
  parseSimulatorOptions,
  simulatorOptionsSchema,
  type ResolvedSimulatorOptions,
  type SimulatorOptions,
} from "./options.js";
export { FAULT_KINDS, faultSpecSchema, type FaultKind, type FaultSpecInput } from "./faults.js";
export type { SimulatorDump } from "./dump.js";
export type { PublishedRow, PublishedZone, PublishedZoneSource } from "./published-zone.js";
