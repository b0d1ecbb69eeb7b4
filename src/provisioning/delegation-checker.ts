import type { Clock } from "../clock.js";
import type { DelegationRow, DelegationStore } from "../store/delegation-store.js";
import type { InventoryStore } from "../store/inventory-store.js";
import { lookupDelegation } from "../sync/delegation.js";

/**
 * How often a domain's delegation is looked at again: a day once it is seen; while it is not, after 15 minutes,
 * doubling with every check that still does not see it, up to 6 hours (a customer who just changed the name
 * servers sees the result soon; a domain that stays elsewhere costs a few queries a day).
 */
export const DELEGATION_CADENCE = {
  seenMs: 24 * 3_600_000,
  firstMissMs: 15 * 60_000,
  maxMissMs: 6 * 3_600_000,
} as const;
/** Lookups per run, and how many at once (the daemon runs the checker every minute). */
const DEFAULT_BATCH = 50;
const PARALLEL = 4;

export interface DelegationCheckerDeps {
  inventory: InventoryStore;
  store: DelegationStore;
  clock: Clock;
  /** `dns.delegationResolver`: undefined asks the system's resolvers. */
  resolver: string | undefined;
  /** `dns.delegationNameServers`: the names the domain should be delegated to. */
  nameServers: readonly string[];
}

/**
 * The background delegation check: for every active domain whose DNS the plugin keeps at WEDOS, asks DNS which
 * name servers it uses and stores whether they are WEDOS's, with the time. It sends DNS queries only — no WAPI
 * request, no share of the budget — and runs beside the worker, so a slow resolver never holds up the queue.
 */
export class DelegationChecker {
  private running: Promise<number> | undefined;

  constructor(private readonly deps: DelegationCheckerDeps) {}

  /** Checks the domains that are due, at most `batch`; a run still going is joined, not doubled. */
  runDue(batch = DEFAULT_BATCH): Promise<number> {
    this.running ??= this.checkDue(batch).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Checks one domain now and stores the outcome. */
  async check(domain: string): Promise<DelegationRow> {
    const found = await lookupDelegation(domain, this.deps.resolver, this.deps.nameServers);
    const now = this.deps.clock.now();
    const previous = this.deps.store.get(domain);
    const seen = found.status === "seen";
    const misses = seen ? 0 : (previous?.misses ?? 0) + 1;
    const interval = seen
      ? DELEGATION_CADENCE.seenMs
      : Math.min(DELEGATION_CADENCE.firstMissMs * 2 ** (misses - 1), DELEGATION_CADENCE.maxMissMs);
    const row: DelegationRow = {
      domain,
      status: found.status,
      nameservers: found.nameservers,
      detail: found.detail ?? null,
      checkedAt: now,
      seenAt: seen ? (previous?.seenAt ?? now) : null,
      misses,
      nextCheckAt: now + interval,
    };
    this.deps.store.save(row);
    return row;
  }

  /** The domains due now: never checked first, then the longest overdue. */
  due(): string[] {
    const now = this.deps.clock.now();
    const stored = this.deps.store.all();
    return this.deps.inventory
      .allDomains()
      .filter(
        (row) =>
          row.state === "active" &&
          row.dnsStatus !== "off" &&
          row.dnsStatus !== "removed" &&
          row.dnsStatus !== "withdrawn",
      )
      .map((row) => ({ domain: row.domain, at: stored.get(row.domain)?.nextCheckAt ?? Number.NEGATIVE_INFINITY }))
      .filter((candidate) => candidate.at <= now)
      .sort((a, b) => a.at - b.at || a.domain.localeCompare(b.domain))
      .map((candidate) => candidate.domain);
  }

  private async checkDue(batch: number): Promise<number> {
    const queue = this.due().slice(0, batch);
    let checked = 0;
    const worker = async () => {
      for (let domain = queue.shift(); domain !== undefined; domain = queue.shift()) {
        // DNS failures are answers (unanswered); anything thrown here is the database's and ends the run.
        await this.check(domain);
        checked += 1;
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    return checked;
  }
}
