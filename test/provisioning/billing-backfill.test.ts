import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BillingEvents } from "../../src/provisioning/billing-events.js";
import { BACKFILL_STATE_KEY, backfillLedger } from "../../src/provisioning/billing-backfill.js";
import { DaemonStateStore } from "../../src/store/daemon-state-store.js";
import { openDatabase } from "../../src/store/database.js";
import { DnsZoneStore } from "../../src/store/dns-zone-store.js";
import { InventoryStore } from "../../src/store/inventory-store.js";
import { PriceBookStore } from "../../src/store/price-book-store.js";
import { ProtectionStore } from "../../src/store/protection-store.js";
import { UsageLedgerStore } from "../../src/store/usage-ledger-store.js";
import { tempDir } from "../support/temp-dir.js";

/** An installation upgraded to a version with the usage ledger: what already runs is started once, that day. */
function upgradedInstallation() {
  const db = openDatabase(join(tempDir(), "db.sqlite"));
  const inventory = new InventoryStore(db);
  const zones = new DnsZoneStore(db);
  const protections = new ProtectionStore(db);
  const ledger = new UsageLedgerStore(db);
  const billing = new BillingEvents({
    db,
    ledger,
    priceBook: new PriceBookStore(db),
    inventory,
    timeZone: "Europe/Prague",
  });
  const domain = (name: string, username: string | undefined, zone: boolean) => {
    inventory.upsertDomain({ domain: name, username, kind: "domain" }, 0);
    if (zone) zones.rememberZone(name, "primary", true, 0);
  };
  inventory.upsertAccount({ username: "amy", package: "p", creator: "res" }, 0);
  inventory.upsertAccount({ username: "ben", package: "p", creator: "admin" }, 0);
  inventory.setAccountSuspended("ben", true, 0);
  domain("amy.cz", "amy", true);
  domain("amy-pending.cz", "amy", false);
  domain("gone.cz", "amy", true);
  inventory.setDomainState("gone.cz", "deleted", null, 0);
  domain("ben.cz", "ben", true);
  inventory.upsertClusterZone("elsewhere.cz", 0);
  zones.rememberZone("elsewhere.cz", "primary", true, 0);
  for (const [name, state] of [
    ["amy.cz", "active"],
    ["amy-pending.cz", "pending"],
    ["ben.cz", "cancel-failed"],
  ] as const) {
    protections.recordOrdering({ domain: name, variant: "start", period: "yearly", mode: "ns", upstreamIps: [] }, 0);
    protections.update(name, { state, orderNum: `ORD-${name}` }, 0);
  }
  const state = new DaemonStateStore(db);
  const run = (iso: string) => backfillLedger({ inventory, zones, protections, state, billing, now: Date.parse(iso) });
  return { ledger, billing, state, run };
}

describe("the ledger's backfill on upgrade", () => {
  it("starts every running zone and protection once, dated the upgrade day, suspended accounts' suspended", () => {
    const { ledger, run, state } = upgradedInstallation();
    // 23:10 UTC on 30 November is 1 December in Prague.
    expect(run("2026-11-30T23:10:00Z")).toEqual({ day: "2026-12-01", zones: 2, protections: 2 });
    const lines = ledger
      .upTo("2026-12-31")
      .map((entry) => `${entry.day} ${entry.event} ${entry.domain} ${entry.product} ${entry.reference ?? "-"}`);
    expect(lines).toEqual([
      "2026-12-01 start amy.cz zone -",
      "2026-12-01 start amy.cz protection/start/yearly ORD-amy.cz",
      "2026-12-01 start ben.cz zone -",
      "2026-12-01 suspend ben.cz zone -",
      "2026-12-01 start ben.cz protection/start/yearly ORD-ben.cz",
      "2026-12-01 suspend ben.cz protection/start/yearly -",
    ]);
    expect(ledger.upTo("2026-12-31").every((entry) => entry.actor === "upgrade" || entry.event === "suspend")).toBe(
      true,
    );
    expect(state.get(BACKFILL_STATE_KEY)?.value).toEqual({ day: "2026-12-01", zones: 2, protections: 2 });
  });

  it("runs once: a later start of the daemon adds nothing, not even for a service stopped meanwhile", () => {
    const { ledger, billing, run } = upgradedInstallation();
    run("2026-12-01T10:00:00Z");
    billing.stopped("amy.cz", "zone", Date.parse("2026-12-05T10:00:00Z"), "daemon", "removed");
    const before = ledger.upTo("2027-01-31");
    expect(run("2027-01-02T10:00:00Z")).toBeUndefined();
    expect(ledger.upTo("2027-01-31")).toEqual(before);
  });
});
