import { join } from "node:path";
import { reason } from "../../src/model/reason.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { DELEGATION_CADENCE, DelegationChecker } from "../../src/provisioning/delegation-checker.js";
import { openDatabase, type Database } from "../../src/store/database.js";
import { DelegationStore } from "../../src/store/delegation-store.js";
import { InventoryStore } from "../../src/store/inventory-store.js";
import { startTestDns, type TestDns } from "../support/dns-server.js";
import { tempDir } from "../support/temp-dir.js";

const WEDOS = ["ns.wedos.net", "ns.wedos.cz", "ns.wedos.eu", "ns.wedos.com"];
const MINUTE = 60_000;
let dns: TestDns;
let db: Database;
let clock: ManualClock;
let inventory: InventoryStore;
let store: DelegationStore;
let checker: DelegationChecker;

beforeEach(async () => {
  dns = await startTestDns(["test"]);
  db = openDatabase(join(tempDir(), "db.sqlite"));
  clock = new ManualClock("2026-03-10T09:00:00Z");
  inventory = new InventoryStore(db);
  store = new DelegationStore(db);
  checker = new DelegationChecker({
    inventory,
    store,
    clock,
    resolver: dns.address,
    nameServers: ["ns.wedos.net", "ns.wedos.cz", "ns.wedos.eu", "ns.wedos.com"],
  });
  for (const domain of ["a.test", "b.test", "off.test", "gone.test"])
    inventory.upsertDomain({ domain, username: "u", kind: "domain" }, clock.now());
  inventory.setDnsStatus("off.test", "off", reason("package-without-dns", "the package has no WEDOS DNS"), clock.now());
  inventory.setDomainState("gone.test", "deleted", null, clock.now());
  dns.delegate("a.test", ["ns1.other.example"]);
  dns.delegate("b.test", WEDOS);
});
afterEach(async () => {
  db.close();
  await dns.close();
});

describe("the delegation checker", () => {
  it("checks the active domains whose DNS is at WEDOS, and stores what DNS said and when", async () => {
    expect(await checker.runDue()).toBe(2);
    expect(store.get("a.test")).toMatchObject({
      status: "elsewhere",
      nameservers: ["ns1.other.example"],
      checkedAt: clock.now(),
      seenAt: null,
      misses: 1,
      nextCheckAt: clock.now() + 15 * MINUTE,
    });
    expect(store.get("b.test")).toMatchObject({
      status: "seen",
      seenAt: clock.now(),
      misses: 0,
      nextCheckAt: clock.now() + DELEGATION_CADENCE.seenMs,
    });
    expect(store.get("off.test")).toBeUndefined();
    expect(store.get("gone.test")).toBeUndefined();
    expect(await checker.runDue()).toBe(0);
  });

  it("looks again sooner while the delegation is not seen: 15 minutes, doubling up to 6 hours", async () => {
    const gaps: number[] = [];
    for (let run = 0; run < 7; run++) {
      await checker.runDue();
      const row = store.get("a.test");
      gaps.push(((row?.nextCheckAt ?? 0) - clock.now()) / MINUTE);
      clock.set(row?.nextCheckAt ?? 0);
    }
    expect(gaps).toEqual([15, 30, 60, 120, 240, 360, 360]);
  });

  it("notices the registrar's change at the next check and keeps when it was first seen", async () => {
    await checker.runDue();
    dns.delegate("a.test", WEDOS);
    clock.advance(15 * MINUTE);
    await checker.runDue();
    const seenAt = clock.now();
    expect(store.get("a.test")).toMatchObject({ status: "seen", seenAt, misses: 0 });
    clock.advance(DELEGATION_CADENCE.seenMs);
    await checker.runDue();
    expect(store.get("a.test")?.seenAt).toBe(seenAt);
  });

  it("checks the domains never checked before the overdue ones", async () => {
    await checker.runDue();
    clock.advance(DELEGATION_CADENCE.seenMs);
    inventory.upsertDomain({ domain: "new.test", username: "u", kind: "domain" }, clock.now());
    expect(checker.due()).toEqual(["new.test", "a.test", "b.test"]);
  });
});
