import type { Clock } from "../../clock.js";
import type { Panel } from "../../panel/panel.js";
import type { DnsZoneStore } from "../../store/dns-zone-store.js";
import { EVENT_LOOP_PACING, runInSlices, type Pacing } from "../../util/slices.js";
import type { PagePriority } from "./page-priority.js";
import type { RecordList } from "./record-list.js";
import { recordSteps } from "./record-steps.js";
import type { ZoneWorkers } from "./zone-workers.js";

/** What a domain page can show of the zone: its records with their state at WEDOS, or why not. */
export type ZoneRecords =
  | { kind: "records"; records: RecordList }
  | { kind: "no-file" }
  /** Larger than `pages.zoneMaxBytes`: not read for a page (the sync still reads it). */
  | { kind: "too-big"; path: string; size: number; limit: number };

export interface ZoneRecordsLimits {
  /** `pages.zoneMaxBytes`: the largest zone file a page reads. */
  maxZoneBytes: number;
  /** `pages.zoneCacheBytes`: the zone files' bytes whose records are kept, least recently viewed dropped first. */
  cacheBytes: number;
  /** A zone not viewed for this long is dropped (default 10 minutes). */
  idleMs?: number;
}

export interface ZoneRecordsOptions {
  /** How a parse on the main thread shares the event loop (default: 4 ms slices). */
  pacing?: Pacing;
  /** Lets other requests go first while a view waits for a parse (page-priority.ts). */
  priority?: Pick<PagePriority, "aside">;
  /** Where zones of at least `workerFromBytes` are worked out; without it every zone is parsed on the main thread. */
  workers?: Pick<ZoneWorkers, "records">;
  /** Default {@link WORKER_FROM_BYTES}. */
  workerFromBytes?: number;
}

/**
 * Zone files from this size on are worked out in a worker (docs/decisions/0025). Below it a parse in slices on the
 * main thread costs less than starting a worker (about 25 ms): 64 KiB is about 1,500 records, parsed in about 15 ms.
 */
export const WORKER_FROM_BYTES = 64 * 1024;

interface Cached {
  /** The file's version and the managed rows' version the records were worked out from. */
  key: string;
  records: RecordList;
  bytes: number;
  usedAt: number;
}

/**
 * The records of the zones the domain pages show, worked out once per version of the zone file and of the rows the
 * plugin holds at WEDOS (docs/decisions/0018). A view asks the panel only for the file's version (a stat through the
 * reader); it reads and parses the file when that version is new — a big zone in a worker thread, a small one in
 * slices that let other requests through — and views of a zone that arrive meanwhile wait for that one parse
 * instead of starting their own.
 */
export class ZoneRecordsCache {
  private readonly cached = new Map<string, Cached>();
  private readonly inFlight = new Map<string, { key: string; done: Promise<ZoneRecords> }>();
  /** How many times a zone was read and parsed, and how many views were answered from what was kept. */
  readonly counts = { parses: 0, hits: 0 };

  constructor(
    private readonly panel: Panel,
    private readonly zones: Pick<DnsZoneStore, "rowsAtWedos" | "rowsAtWedosVersion">,
    private readonly limits: ZoneRecordsLimits,
    private readonly clock: Clock,
    private readonly options: ZoneRecordsOptions = {},
  ) {}

  /** The domain's records, or why there are none to show. Throws the panel's errors and a broken zone's ZoneFileError. */
  async records(domain: string): Promise<ZoneRecords> {
    this.dropIdle();
    const file = await this.panel.zoneFileVersion(domain);
    if (file.version === undefined) return { kind: "no-file" };
    if (file.size > this.limits.maxZoneBytes) return this.tooBig(file.path, file.size);
    const key = `${file.version}|${this.zones.rowsAtWedosVersion(domain)}`;
    const keep = file.settled;
    const kept = this.cached.get(domain);
    if (kept?.key === key) {
      this.counts.hits += 1;
      kept.usedAt = this.clock.now();
      // Map order is the order of use: the first entry is the one to drop.
      this.cached.delete(domain);
      this.cached.set(domain, kept);
      return { kind: "records", records: kept.records };
    }
    const running = this.inFlight.get(domain);
    if (running?.key === key) return this.waitFor(running.done);
    const done = this.parse(domain, key, keep).finally(() => {
      if (this.inFlight.get(domain)?.done === done) this.inFlight.delete(domain);
    });
    this.inFlight.set(domain, { key, done });
    return this.waitFor(done);
  }

  private waitFor(parse: Promise<ZoneRecords>): Promise<ZoneRecords> {
    return this.options.priority === undefined ? parse : this.options.priority.aside(parse);
  }

  /** Reads and parses the zone; keeps the records only when the file's version can be trusted (`settled`). */
  private async parse(domain: string, key: string, keep: boolean): Promise<ZoneRecords> {
    const zone = await this.panel.zoneFile(domain);
    if (zone.content === undefined) return { kind: "no-file" };
    // The file may have grown since its version was read: the limit holds for what was read.
    if (zone.content.length > this.limits.maxZoneBytes) return this.tooBig(zone.path, zone.content.length);
    this.counts.parses += 1;
    const bytes = zone.content.length;
    const input = { domain, content: zone.content, managed: this.zones.rowsAtWedos(domain) };
    const { workers, pacing = EVENT_LOOP_PACING, workerFromBytes = WORKER_FROM_BYTES } = this.options;
    const records =
      workers !== undefined && bytes >= workerFromBytes
        ? await workers.records(input)
        : await runInSlices(recordSteps(input), pacing);
    if (keep) this.keep(domain, { key, records, bytes, usedAt: this.clock.now() });
    return { kind: "records", records };
  }

  private tooBig(path: string, size: number): ZoneRecords {
    return { kind: "too-big", path, size, limit: this.limits.maxZoneBytes };
  }

  private keep(domain: string, entry: Cached): void {
    this.cached.delete(domain);
    if (entry.bytes > this.limits.cacheBytes) return;
    this.cached.set(domain, entry);
    let total = 0;
    for (const each of this.cached.values()) total += each.bytes;
    for (const [name, each] of this.cached) {
      if (total <= this.limits.cacheBytes) break;
      this.cached.delete(name);
      total -= each.bytes;
    }
  }

  private dropIdle(): void {
    const oldest = this.clock.now() - (this.limits.idleMs ?? 600_000);
    for (const [name, each] of this.cached) if (each.usedAt < oldest) this.cached.delete(name);
  }

  /** How many zones' records are kept (for tests and the bench). */
  get size(): number {
    return this.cached.size;
  }
}
