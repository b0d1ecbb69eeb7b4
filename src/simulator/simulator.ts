import type { Clock } from "../clock.js";
import { AllowList, InvalidRequestTracker } from "./access.js";
import { isAuthentic } from "./auth.js";
import { findCommand, isReadOnly } from "./commands/index.js";
import { insertPastCharges, topUpCredit, type PastCharge } from "./credit.js";
import { buildDump, type SimulatorDump } from "./dump.js";
import { readEnvelope, type EnvelopeResult, type RawWapiRequest } from "./envelope.js";
import { faultReply } from "./fault-replies.js";
import { FaultInjector, type FaultSpecInput } from "./faults.js";
import { canonicalIp } from "./ip-address.js";
import { ListShaper } from "./list-shapes.js";
import type { ResolvedSimulatorOptions } from "./options.js";
import { loadState, saveState } from "./persistence.js";
import type { PublishedRow, PublishedZone, PublishedZoneSource } from "./published-zone.js";
import { RequestLog } from "./request-log.js";
import { HourlyRequestCounter } from "./request-limits.js";
import { FIRST_ERROR_CODE, resultText } from "./result-codes.js";
import { jsonReply, SvTridGenerator, type HttpReply } from "./response.js";
import { settleAccount } from "./settle.js";
import { newAccount, type AccountState, type PersistedState } from "./state.js";
import { WapiFailure } from "./wapi-failure.js";
import { markChanged, publish, publishedView } from "./zones.js";
import { AppError } from "../errors.js";

/** How one request ended, before it is written as an answer. */
interface Outcome {
  code: number;
  result?: string;
  data?: Record<string, unknown> | undefined;
  command: string | undefined;
  clTRID: string | undefined;
  detail: string | null;
  test: boolean;
  /** The account data changed and must be saved. */
  changed: boolean;
}

/**
 * The simulated WEDOS WAPI, in process: answers requests (`handleWapi`, called by the HTTP server), exposes
 * control methods for tests and the demo, and serves the committed zones to the simulator's DNS server.
 */
export class WapiSimulator implements PublishedZoneSource {
  private state: PersistedState;
  private readonly clock: Clock;
  private readonly allowList: AllowList;
  private readonly access: InvalidRequestTracker;
  private readonly hourly: HourlyRequestCounter;
  private readonly lists: ListShaper;
  private readonly faults: FaultInjector;
  private readonly svTrids = new SvTridGenerator();
  private readonly log = new RequestLog();

  constructor(private readonly options: ResolvedSimulatorOptions) {
    this.clock = options.clock;
    this.allowList = new AllowList(options.allowIps);
    this.access = new InvalidRequestTracker(options.invalidBlock);
    this.hourly = new HourlyRequestCounter(options.rateLimit);
    this.lists = new ListShaper(options.listShape);
    this.faults = new FaultInjector(options.faults, options.faultSeed);
    this.state = (options.stateFile === undefined ? undefined : loadState(options.stateFile)) ?? {
      version: 1,
      accounts: {},
    };
    if (this.state.accounts[options.login] === undefined) {
      this.state.accounts[options.login] = newAccount(options.credit);
      this.persist();
    }
  }

  /** Answers one request to `/wapi/json` from the caller at `ip`. */
  async handleWapi(ip: string, raw: RawWapiRequest): Promise<HttpReply> {
    const callerIp = canonicalIp(ip);
    const parsed = await readEnvelope(raw, this.options);
    const command = parsed.ok ? parsed.envelope.command : parsed.command;
    const clTRID = parsed.ok ? parsed.envelope.clTRID : parsed.clTRID;
    const decision = this.faults.decide(command);
    if (decision.latencyMs > 0) await this.clock.sleep(decision.latencyMs);
    const now = this.clock.now();
    const svTRID = this.svTrids.next(now);
    if (decision.terminal !== null && decision.terminal !== "latency") {
      const kind = decision.terminal;
      this.log.add({ ...this.logBase(now, callerIp, command, clTRID), code: decision.code, fault: kind });
      return faultReply(kind, { timestamp: Math.floor(now / 1000), clTRID, svTRID, command, code: decision.code });
    }

    const outcome = this.evaluate(callerIp, parsed, now, svTRID);
    if (outcome.code >= FIRST_ERROR_CODE) this.access.recordInvalid(callerIp, now);
    if (outcome.changed) this.persist();
    this.log.add({
      ...this.logBase(now, callerIp, outcome.command, outcome.clTRID),
      code: outcome.code,
      test: outcome.test,
      detail: outcome.detail,
    });
    return jsonReply({ ...outcome, timestamp: Math.floor(now / 1000), svTRID });
  }

  /** The checks in WEDOS's order: block, allow-list, envelope, auth, hourly limit, then the command. */
  private evaluate(ip: string, parsed: EnvelopeResult, now: number, svTRID: string): Outcome {
    const command = parsed.ok ? parsed.envelope.command : parsed.command;
    const clTRID = parsed.ok ? parsed.envelope.clTRID : parsed.clTRID;
    const base = { command, clTRID, test: false, changed: false };
    const fail = (code: number, detail: string, result?: string): Outcome => ({ ...base, code, detail, result });
    if (this.access.isBlocked(ip, now)) return fail(2052, `${ip} is blocked`);
    if (!this.allowList.allows(ip)) return fail(2051, `${ip} is not allowed`, resultText(2051, ip));
    if (!parsed.ok) return fail(parsed.code, parsed.detail);
    const envelope = parsed.envelope;
    if (!isAuthentic(this.options, envelope.user, envelope.auth, now)) {
      return fail(2050, "wrong user, or auth not valid for the current Prague hour");
    }
    if (!this.hourly.admit(envelope.user, now)) return fail(2006, `over ${this.options.rateLimit} requests this hour`);

    const account = this.account();
    const settled = settleAccount(account, now, this.options);
    const handler = findCommand(envelope.command);
    if (handler === undefined) return { ...fail(2010, `unknown command ${envelope.command}`), changed: settled };
    const outcome: Outcome = { ...base, test: envelope.test, code: 1000, detail: null, changed: settled };
    try {
      const data = commandData(envelope.data);
      const target = envelope.test ? structuredClone(account) : account;
      const result = handler({ account: target, data, now, clTRID, svTRID, options: this.options, lists: this.lists });
      outcome.code = result.code ?? 1000;
      outcome.data = result.data;
      outcome.changed ||= !envelope.test && !isReadOnly(envelope.command);
    } catch (error) {
      outcome.code = error instanceof WapiFailure ? error.code : 4000;
      outcome.detail = error instanceof Error ? error.message : String(error);
    }
    return outcome;
  }

  private logBase(now: number, ip: string, command: string | undefined, clTRID: string | undefined) {
    return {
      time: new Date(now).toISOString(),
      ip,
      command: command ?? null,
      clTRID: clTRID ?? null,
      code: null,
      test: false,
      fault: null,
      detail: null,
    };
  }

  private account(): AccountState {
    const account = this.state.accounts[this.options.login];
    if (account === undefined) throw new AppError("simulator-state", "the simulator lost its account");
    return account;
  }

  /** Applies time-driven changes (autocommit, activation) and saves them. */
  private settle(): AccountState {
    const account = this.account();
    if (settleAccount(account, this.clock.now(), this.options)) this.persist();
    return account;
  }

  private persist(): void {
    if (this.options.stateFile !== undefined) saveState(this.options.stateFile, this.state);
  }

  /** Every zone as last committed, with autocommits that fell due applied first. */
  publishedZones(): PublishedZone[] {
    return Object.values(this.settle().zones)
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map(publishedView);
  }

  /** Marks a domain as delegated (or not) to WEDOS's name servers; ns-mode WEDOS Global waits for this. */
  setDelegated(domain: string, delegated: boolean): void {
    const name = domain.toLowerCase().replace(/\.$/, "");
    const account = this.account();
    if (delegated) account.delegated[name] ??= this.clock.now();
    else delete account.delegated[name];
    this.persist();
    this.settle();
  }

  /** Adds credit, as a payment to WEDOS would (simulator only): tests and the demo refill the account. */
  topUpCredit(amountCents: number, description = "Top-up"): void {
    if (!Number.isSafeInteger(amountCents) || amountCents <= 0) {
      throw new AppError("simulator-control", `topUpCredit: ${amountCents} is not a positive number of hellers`);
    }
    topUpCredit(this.account(), amountCents, this.clock.now(), description);
    this.persist();
  }

  /** Writes charges paid before the account's history here began (simulator only; see credit.ts). */
  recordPastCharges(charges: readonly PastCharge[]): void {
    for (const charge of charges) {
      if (!Number.isSafeInteger(charge.amountCents) || charge.amountCents <= 0 || charge.at > this.clock.now()) {
        throw new AppError(
          "simulator-control",
          `recordPastCharges: ${charge.orderNum} needs a positive number of hellers and a time before now`,
        );
      }
    }
    insertPastCharges(this.account(), charges);
    this.persist();
  }

  /** Sets what a secondary zone serves, as if an AXFR from its primary had just completed. */
  setSecondaryContent(domain: string, rows: readonly PublishedRow[]): void {
    const zone = this.account().zones[domain.toLowerCase().replace(/\.$/, "")];
    if (zone?.type !== "secondary") {
      throw new AppError(
        "simulator-control",
        `setSecondaryContent: ${domain} is not a secondary zone of the simulator`,
      );
    }
    const now = this.clock.now();
    zone.rows = rows.map((row, index) => ({
      id: `axfr-${index + 1}`,
      name: row.name.toLowerCase(),
      type: row.type.toUpperCase(),
      ttl: row.ttl,
      rdata: row.rdata,
      comment: "",
      changedAt: now,
    }));
    markChanged(zone, now);
    publish(zone, now);
    this.persist();
  }

  /** Adds a fault (see faults.ts); throws a ZodError naming the bad field. */
  addFault(spec: FaultSpecInput): void {
    this.faults.add(spec);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** How many requests it has answered since it started (cheap, for counting in a loop). */
  requestsAnswered(): number {
    return this.log.total();
  }

  /** A JSON-safe snapshot of everything the simulator knows. */
  dump(): SimulatorDump {
    const now = this.clock.now();
    return buildDump({
      now,
      login: this.options.login,
      account: this.settle(),
      access: this.access.snapshot(now),
      requestCounts: this.hourly.snapshot(),
      requestLog: this.log.snapshot(),
      faults: this.faults.snapshot(),
    });
  }

  /** Back to a fresh account with the starting credit; counters, blocks, log and faults cleared. */
  reset(): void {
    this.state = { version: 1, accounts: { [this.options.login]: newAccount(this.options.credit) } };
    this.access.clear();
    this.hourly.clear();
    this.lists.reset();
    this.faults.clear();
    this.log.clear();
    this.persist();
  }
}

/**
 * The command's `data` as an object: absent, null and `[]` mean no parameters
 * (docs/reference/wapi.md#request-envelope); other non-objects are 2101.
 */
function commandData(value: unknown): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (Array.isArray(value)) {
    if (value.length === 0) return {};
    throw new WapiFailure(2101, "`data` must be an object");
  }
  if (typeof value !== "object") throw new WapiFailure(2101, "`data` must be an object");
  return value as Record<string, unknown>;
}
