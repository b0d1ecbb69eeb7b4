import type { Clock } from "../clock.js";
import type { DnsRecord, WedosRow } from "../dns/index.js";
import { AppError } from "../errors.js";
import type { DnsZoneStore, ManagedRow, ZoneMode } from "../store/dns-zone-store.js";
import { WapiResultError } from "../wapi/errors.js";
import { isGone, isRecordExisting, isRowGone, isZoneExisting } from "../wapi/codes.js";
import type { Wapi } from "../wapi/index.js";
import type { WapiLane } from "../wapi/lanes.js";
import type { WapiRow } from "../wapi/schemas.js";
import { applyResult, type ApplyResult } from "./apply-result.js";
import { auditRecords } from "./audit.js";
import { AddedRows, claimAddedRows } from "./claim-added-rows.js";
import { orderedChanges, planHasWork, type ZonePlan } from "./plan.js";
import { planZone } from "./plan-zone.js";
import { checkPlanSafety } from "./safety.js";

/** A full zone listing is trusted for this long; zones made at WEDOS by hand meanwhile surface as 3303 conflicts. */
const ZONE_LISTING_MAX_AGE_MS = 24 * 3_600_000;

export interface PlanOptions {
  /** Take over rows at WEDOS the plugin did not create. */
  adopt?: boolean;
  lane?: WapiLane;
}

export interface ApplyOptions {
  /** Apply even when the plan changes more than the safety threshold allows. */
  force?: boolean;
  lane?: WapiLane;
  /** Secondary mode: the panel server's IPv4 address WEDOS transfers the zone from. */
  primaryIp?: string;
}

export type { ApplyResult } from "./apply-result.js";

/**
 * Plans and applies one zone: the panel's records (audited) against the rows at WEDOS, touching only rows the
 * plugin owns, deletes before updates before adds, exactly one commit, and a re-plan that must come out empty.
 * Rows an apply adds are claimed by the zone's next listing (docs/decisions/0016). See docs/reference/dns-sync.md.
 */
export class ZoneSync {
  constructor(private readonly deps: { wapi: Wapi; zones: DnsZoneStore; clock: Clock }) {}

  /**
   * Reads WEDOS (at most `dns-domains-list` once for an unknown zone, and `dns-rows-list`) and plans. The listing
   * also claims the rows earlier applies added (their IDs are learnt here, never by an extra listing).
   */
  async plan(
    zone: string,
    records: readonly DnsRecord[],
    mode: ZoneMode,
    options: PlanOptions = {},
  ): Promise<ZonePlan> {
    const lane = options.lane ?? "records";
    const { rows: desired, findings } = auditRecords(records, zone);
    const atWedos = await this.findZone(zone, lane);
    if (mode === "secondary" || atWedos?.type === "secondary") {
      return this.secondaryPlan(zone, mode, atWedos, findings);
    }
    const listed = atWedos === undefined ? [] : await this.listKnownZone(zone, lane);
    return this.planFromRows(zone, desired, findings, listed ?? [], {
      createZone: atWedos === undefined || listed === undefined,
      adopt: options.adopt === true,
    });
  }

  /**
   * Executes a plan as it stands; refuses an unsafe plan unless forced. Sends exactly the plan's writes and one
   * commit: no listing, unless WEDOS answered that a change was already made (confirmed by one listing).
   */
  async apply(plan: ZonePlan, options: ApplyOptions = {}): Promise<ApplyResult> {
    const { wapi, zones, clock } = this.deps;
    const lane = options.lane ?? "records";
    if (!plan.safety.safe && options.force !== true) {
      throw new AppError(
        "sync_too_much_change",
        `sync ${plan.zone}: refusing to apply: ${plan.safety.message ?? "the plan changes too much"}`,
      );
    }
    if (!planHasWork(plan)) return applyResult([], false, true, undefined);
    if (plan.mode === "secondary") return this.applySecondary(plan, options.primaryIp, lane);
    const sent: string[] = [];
    if (plan.createZone) {
      sent.push("dns-domain-add");
      await this.createZone(plan.zone, { name: plan.zone }, lane);
    } else {
      zones.rememberZone(plan.zone, plan.mode, zones.zone(plan.zone)?.createdByUs ?? false, clock.now());
    }
    zones.markUncommitted(plan.zone, clock.now());

    const adopted = new Set(plan.changes.filter((change) => change.kind === "adopt").map((change) => change.row.id));
    const added = new AddedRows(zones, plan, clock.now());
    let tolerated = 0;
    try {
      for (const change of orderedChanges(plan)) {
        if (change.kind === "adopt") continue;
        if (change.kind === "add") added.sending(change.row);
        sent.push(`dns-row-${change.kind}`);
        if (await this.execute(plan.zone, change, lane)) {
          if (change.kind === "add") added.accepted(change.row, clock.now());
          continue;
        }
        tolerated += 1;
        if (change.kind === "add") added.alreadyThere(change.row, clock.now());
      }
    } catch (error) {
      added.stopped(clock.now());
      throw new AppError(
        "sync_apply_failed",
        `sync ${plan.zone}: apply stopped at a failed change and will be re-planned: ${(error as Error).message}`,
        { cause: error, retryable: (error as { retryable?: boolean }).retryable ?? false },
      );
    }

    // "Already gone/there" counts as success only once a listing confirms it; otherwise the state is derived.
    if (tolerated > 0) sent.push("dns-rows-list");
    const state =
      tolerated > 0
        ? { rows: await this.listAndRecord(plan.zone, adopted, lane), provisional: new Set<string>() }
        : this.recordDerivedState(plan, adopted);
    sent.push("dns-domain-commit");
    await wapi.dns.domainCommit(plan.zone, { lane });
    zones.recordApply(plan.zone, { at: clock.now(), committed: true, converged: false });
    const after = this.planFromRows(plan.zone, plan.desired, plan.findings, state.rows, {
      createZone: false,
      adopt: false,
      provisional: state.provisional,
    });
    const converged = after.changes.length === 0;
    zones.recordApply(plan.zone, { at: clock.now(), committed: true, converged });
    return applyResult(sent, true, converged, after);
  }

  /** Secondary zones cost one request: created once, then re-transferred after each panel change. */
  private async applySecondary(plan: ZonePlan, primaryIp: string | undefined, lane: WapiLane): Promise<ApplyResult> {
    const { wapi, zones, clock } = this.deps;
    if (plan.createZone) {
      if (primaryIp === undefined) {
        throw new AppError(
          "sync_no_primary_ip",
          `sync ${plan.zone}: secondary mode needs the panel server's IPv4 address; set dns.primaryIp in the configuration`,
        );
      }
      await this.createZone(plan.zone, { name: plan.zone, type: "secondary", primaryIp }, lane);
    } else {
      await wapi.dns.domainAxfrRun(plan.zone, { lane });
    }
    zones.recordApply(plan.zone, { at: clock.now(), committed: true, converged: true });
    return applyResult([plan.createZone ? "dns-domain-add" : "dns-domain-axfr-run"], true, true, undefined);
  }

  /** `provisional`: IDs standing in for rows just added, whose real IDs the next listing claims. */
  private planFromRows(
    zone: string,
    desired: readonly WedosRow[],
    findings: ZonePlan["findings"],
    listed: readonly WapiRow[],
    how: { createZone: boolean; adopt: boolean; provisional?: ReadonlySet<string> },
  ): ZonePlan {
    const owned = new Set([...this.deps.zones.managedRows(zone).map((row) => row.rowId), ...(how.provisional ?? [])]);
    const commitPending = !how.createZone && (this.deps.zones.zone(zone)?.uncommittedSince ?? null) !== null;
    return planZone({
      zone,
      desired,
      findings,
      listed,
      owned,
      createZone: how.createZone,
      commitPending,
      adopt: how.adopt,
    });
  }

  /**
   * Creates the zone at WEDOS, noting it as ours *before* the request: if the process dies after WEDOS created it,
   * the zone is still recognised as the plugin's. A zone that exists already (3303) is someone else's.
   */
  private async createZone(
    zone: string,
    input: Parameters<Wapi["dns"]["domainAdd"]>[0],
    lane: WapiLane,
  ): Promise<void> {
    const { zones, clock, wapi } = this.deps;
    const mode: ZoneMode = input.type === "secondary" ? "secondary" : "primary";
    zones.noteCreating(zone, mode, clock.now());
    try {
      await wapi.dns.domainAdd(input, { lane });
      zones.confirmZone(zone);
    } catch (error) {
      if (error instanceof WapiResultError) {
        zones.forgetZone(zone);
        if (isZoneExisting(error)) zones.rememberZone(zone, mode, false, clock.now());
      }
      throw error;
    }
  }

  /**
   * Lists a zone the database believes exists, claiming the rows applies added; undefined when WEDOS says it does
   * not exist (3222), e.g. after a crash.
   */
  private async listKnownZone(zone: string, lane: WapiLane): Promise<WapiRow[] | undefined> {
    try {
      return await this.listZone(zone, lane);
    } catch (error) {
      if (!isGone(error)) throw error;
      this.deps.zones.forgetZone(zone);
      return undefined;
    }
  }

  /** Returns false when a delete/update found the row already gone, or an add found it already there. */
  private async execute(
    zone: string,
    change: Exclude<ZonePlan["changes"][number], { kind: "adopt" }>,
    lane: WapiLane,
  ): Promise<boolean> {
    const { dns } = this.deps.wapi;
    try {
      if (change.kind === "delete") await dns.rowDelete({ domain: zone, rowId: change.row.id }, { lane });
      else if (change.kind === "update")
        await dns.rowUpdate(
          { domain: zone, rowId: change.row.id, ttl: change.to.ttl, rdata: change.to.rdata },
          { lane },
        );
      else
        await dns.rowAdd(
          { domain: zone, name: change.row.name, ttl: change.row.ttl, type: change.row.type, rdata: change.row.rdata },
          { lane },
        );
      return true;
    } catch (error) {
      // "Already gone" / "already there" are success only if the listing after the apply confirms it (the
      // re-plan then comes out empty); otherwise the zone is reported as not converged.
      if ((isRowGone(error) && change.kind !== "add") || (isRecordExisting(error) && change.kind === "add"))
        return false;
      throw error;
    }
  }

  /** Every listing of a zone's rows goes through here, so that each one claims the rows applies added. */
  private async listZone(zone: string, lane: WapiLane): Promise<WapiRow[]> {
    const listedAt = this.deps.clock.now();
    const listed = await this.deps.wapi.dns.rowsList(zone, { lane });
    claimAddedRows(this.deps.zones, zone, listed, listedAt);
    return listed;
  }

  /** Lists the zone once and records which of its rows the plugin owns now (kept, updated, claimed, adopted). */
  private async listAndRecord(zone: string, adopted: ReadonlySet<string>, lane: WapiLane): Promise<WapiRow[]> {
    const listed = await this.listZone(zone, lane);
    this.recordOwned(zone, listed, adopted);
    return listed;
  }

  /**
   * The zone's rows after the plan, derived without asking WEDOS again: the listed rows less the deleted ones, the
   * updated ones changed, and the added ones under provisional IDs (they stay noted until the next listing).
   */
  private recordDerivedState(
    plan: ZonePlan,
    adopted: ReadonlySet<string>,
  ): { rows: WapiRow[]; provisional: Set<string> } {
    const deleted = new Set(plan.changes.filter((change) => change.kind === "delete").map((change) => change.row.id));
    const updated = new Map(
      plan.changes.flatMap((change) => (change.kind === "update" ? [[change.row.id, change.to] as const] : [])),
    );
    const kept: WapiRow[] = plan.existing
      .filter((row) => !deleted.has(row.id))
      .map((row) => {
        const to = updated.get(row.id);
        return {
          id: row.id,
          name: row.name,
          type: row.type,
          ttl: to?.ttl ?? row.ttl,
          rdata: to?.rdata ?? row.rdata,
          changedDate: "",
          comment: "",
        };
      });
    this.recordOwned(plan.zone, kept, adopted);
    const added: WapiRow[] = plan.changes.flatMap((change, index) =>
      change.kind === "add"
        ? [
            {
              id: `added-${index}`,
              name: change.row.name,
              type: change.row.type,
              ttl: change.row.ttl,
              rdata: change.row.rdata,
              changedDate: "",
              comment: "",
            },
          ]
        : [],
    );
    return { rows: [...kept, ...added], provisional: new Set(added.map((row) => row.id)) };
  }

  /** Records the rows the plugin owns among `rows` (by the IDs it knows, and those just adopted). */
  private recordOwned(zone: string, rows: readonly WapiRow[], adopted: ReadonlySet<string>): void {
    const origins = new Map(this.deps.zones.managedRows(zone).map((row) => [row.rowId, row.origin]));
    const owned: ManagedRow[] = rows.flatMap((row) => {
      const origin = adopted.has(row.id) ? "adopted" : origins.get(row.id);
      return origin === undefined
        ? []
        : [{ rowId: row.id, name: row.name, type: row.type, ttl: row.ttl, rdata: row.rdata, origin }];
    });
    this.deps.zones.replaceManagedRows(zone, owned, this.deps.clock.now());
  }

  /**
   * Whether the zone exists at WEDOS. The database knows every zone the plugin created and every zone a recent
   * full listing showed, so one `dns-domains-list` a day serves any number of new zones (an import of 10,000
   * domains does not list 10,000 times). A zone whose creation was cut short is looked up in a fresh listing, never
   * opened: opening a zone that is not there is a rejected request, and rejected requests lead to the IP block.
   */
  private async findZone(zone: string, lane: WapiLane): Promise<{ type: string } | undefined> {
    const { zones, clock } = this.deps;
    const known = zones.zone(zone);
    if (known !== undefined && known.creatingSince === null) return { type: known.mode };
    if (known === undefined) {
      const listedAt = zones.listedAt();
      if (listedAt !== undefined && clock.now() - listedAt < ZONE_LISTING_MAX_AGE_MS) return undefined;
    }
    const listing = await this.deps.wapi.dns.domainsList({ lane });
    zones.rememberListing(
      listing.map((found) => ({ name: found.name, mode: found.type === "secondary" ? "secondary" : "primary" })),
      clock.now(),
    );
    const found = listing.find((candidate) => candidate.name === zone);
    // A creation cut short: ours if WEDOS made it (noted before the request), else as if never asked.
    if (known !== undefined && found !== undefined) zones.confirmZone(zone);
    if (known !== undefined && found === undefined) zones.forgetZone(zone);
    return found;
  }

  private secondaryPlan(
    zone: string,
    mode: ZoneMode,
    atWedos: { type: string } | undefined,
    findings: ZonePlan["findings"],
  ): ZonePlan {
    const empty = checkPlanSafety([], 0);
    const base = {
      zone,
      mode: "secondary" as const,
      desired: [],
      commitPending: false,
      changes: [],
      findings,
      conflicts: [],
      foreign: [],
      safety: empty,
      existing: [],
    };
    if (atWedos === undefined) return { ...base, createZone: true, scheduleTransfer: false };
    if (atWedos.type !== "secondary" || mode !== "secondary") {
      throw new AppError(
        "sync_mode_mismatch",
        `sync ${zone}: the zone is ${atWedos.type} at WEDOS but ${mode} was asked for; delete it at WEDOS first or sync it in ${atWedos.type} mode`,
      );
    }
    return { ...base, createZone: false, scheduleTransfer: true };
  }
}
