import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/database.js";
import { InventoryStore, type DnsStatus } from "../../src/store/inventory-store.js";

const STATUSES: DnsStatus[] = ["pending", "active", "error", "off", "withdrawn", "removed", "conflict"];

/** 120 domains of 4 accounts with states and statuses spread by a fixed pseudo-random sequence, and cluster zones. */
function seeded(): InventoryStore {
  const inventory = new InventoryStore(openDatabase(":memory:"));
  let seed = 11;
  // The high bits: the low bits of this generator repeat with a short period.
  const next = () => Math.floor((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 65536);
  for (let a = 0; a < 4; a++) {
    inventory.upsertAccount({ username: `user${a}` }, 0);
    for (let d = 0; d < 30; d++) {
      const domain = `d${String(next() % 100000).padStart(5, "0")}-${a}-${d}.test`;
      inventory.upsertDomain({ domain, username: `user${a}`, kind: "domain" }, 0);
      inventory.setDnsStatus(domain, STATUSES[next() % STATUSES.length] as DnsStatus, null, next() % 1000, true);
      if (next() % 4 === 0) inventory.setDomainState(domain, next() % 2 === 0 ? "suspended" : "deleted", null, 0);
    }
  }
  inventory.upsertClusterZone("a-cluster.test", 0);
  inventory.upsertClusterZone("z-cluster.test", 0);
  return inventory;
}

describe("the inventory's lean reads for a pass over every domain", () => {
  it("lists the live local domains page by page, the same as every row filtered", () => {
    const inventory = seeded();
    const expected = inventory
      .allDomains()
      .filter((row) => row.state !== "deleted" && row.origin !== "cluster")
      .map((row) => ({ domain: row.domain, username: row.username }));
    expect(expected.length).toBeGreaterThan(50);
    // Pages that end exactly at the last row, and pages that do not.
    for (const pageSize of [1, 7, expected.length, expected.length + 1])
      expect([...inventory.liveLocalDomains(pageSize)]).toEqual(expected);
  });

  it("lists the active domains with an active zone and when each was synced", () => {
    const inventory = seeded();
    const expected = inventory
      .allDomains()
      .filter((row) => row.state === "active" && row.dnsStatus === "active")
      .map((row) => ({ domain: row.domain, dnsSyncedAt: row.dnsSyncedAt }));
    expect(expected.length).toBeGreaterThan(5);
    expect(inventory.activeZoneSyncTimes()).toEqual(expected);
  });
});
