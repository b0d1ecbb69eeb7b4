import { systemClock, type Clock } from "../clock.js";
import type { Config } from "../config/load.js";
import { AppError } from "../errors.js";
import type { WapiStatusView } from "../model/wapi-status.js";
import type { Database } from "../store/database.js";
import { WapiBudgetStore } from "../store/wapi-budget-store.js";
import { WapiCallStore } from "../store/wapi-call-store.js";
import { WapiCircuitStore } from "../store/wapi-circuit-store.js";
import { WapiFuseStore } from "../store/wapi-fuse-store.js";
import { WapiShareStore } from "../store/wapi-share-store.js";
import { WapiBudget } from "./budget.js";
import { WapiCircuit } from "./circuit.js";
import { WapiClient } from "./client.js";
import { WapiCredentials } from "./credentials.js";
import { RejectionFuse } from "./fuse.js";
import { AccountCommands } from "./commands/account.js";
import { DnsCommands } from "./commands/dns.js";
import { WgpCommands } from "./commands/wgp.js";
import { wapiStatusView } from "./status-view.js";
import { WapiTransport } from "./transport.js";

/** Everything that talks to WEDOS, grouped by command family, plus the shared budget and circuit. */
export interface Wapi {
  client: WapiClient;
  /** The URL, login and password in use; the settings page replaces them without a restart. */
  credentials: WapiCredentials;
  dns: DnsCommands;
  wgp: WgpCommands;
  account: AccountCommands;
  budget: WapiBudget;
  circuit: WapiCircuit;
  /** The rejected-request fuse: how many requests WEDOS rejected this hour, and how many tests remain. */
  fuse: RejectionFuse;
  calls: WapiCallStore;
  /** Budget, pause and fuse, read-only: what the pages may see of the above. */
  status: WapiStatusView;
  close(): Promise<void>;
}

/**
 * Builds the WAPI client from the configuration; fails with what to set when credentials are missing. `stopping`
 * ends the budget's waits when the daemon stops. `timeouts` is the time the HTTP timeouts run on (the real one but in tests).
 */
export function createWapi(
  config: Config,
  db: Database,
  clock: Clock,
  stopping?: AbortSignal,
  timeouts: Clock = systemClock,
): Wapi {
  const { login, password } = config.wapi;
  if (login === undefined || password === undefined) {
    const missing = [
      login === undefined ? "the login (wapi.login or WEDOS_WAPI_LOGIN)" : undefined,
      password === undefined
        ? "the WAPI password (wapi.password, wapi.passwordFile, WEDOS_WAPI_PASSWORD or WEDOS_WAPI_PASSWORD_FILE)"
        : undefined,
    ].filter(Boolean);
    throw new AppError(
      "config_missing_credentials",
      `WEDOS credentials are not configured: set ${missing.join(" and ")}`,
    );
  }
  const { hourlyLimit, interactiveReserve, lifecycleReserve, accountShare, resellerShare } = config.wapi;
  const budget = new WapiBudget(
    new WapiBudgetStore(db),
    { hourlyLimit, interactiveReserve, lifecycleReserve, accountShare, resellerShare },
    clock,
    new WapiShareStore(db),
    stopping,
  );
  const credentials = new WapiCredentials({
    url: config.wapi.url,
    login,
    password,
    passwordSource: config.wapi.passwordSource,
  });
  const circuit = new WapiCircuit(new WapiCircuitStore(db), clock, () => credentials.fingerprint());
  const calls = new WapiCallStore(db);
  const transport = new WapiTransport({
    timeoutMs: config.wapi.timeoutSeconds * 1000,
    ipFamily: config.wapi.ipFamily,
    clock: timeouts,
  });
  const fuse = new RejectionFuse(new WapiFuseStore(db), clock, config.wapi.rejectedFuse);
  const client = new WapiClient({ credentials, clock, transport, budget, circuit, calls, fuse });
  return {
    client,
    credentials,
    dns: new DnsCommands(client),
    wgp: new WgpCommands(client),
    account: new AccountCommands(client),
    budget,
    circuit,
    fuse,
    calls,
    status: wapiStatusView(budget, circuit, fuse),
    close: () => client.close(),
  };
}
