import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { money } from "../../src/billing/money.js";
import type { TermsLookup } from "../../src/billing/terms.js";
import { policySchema } from "../../src/model/policy.js";
import type { BillingEvents } from "../../src/provisioning/billing-events.js";
import { cancelRemoval } from "../../src/provisioning/removal.js";
import { customerStatements } from "../../src/store/billing-statements.js";
import { PolicyStore } from "../../src/store/policy-store.js";
import { UsageLedgerStore } from "../../src/store/usage-ledger-store.js";
import { billWithTerms } from "../support/harness-billing.js";
import { newUser, startProvisioningHarness, type ProvisioningHarness } from "../support/provisioning-harness.js";

/**
 * A deleted domain's billing ends the day it is deleted, and an admin's "Cancel removal" (or the domain created
 * again in the panel during its grace period) bills what still runs at WEDOS again from that day: DirectAdmin's
 * hooks, the daemon's jobs and the WEDOS simulator, rated as the statements rate it.
 */
let h: ProvisioningHarness;
let ledger: UsageLedgerStore;
let billing: BillingEvents;
beforeEach(async () => {
  h = await startProvisioningHarness();
  ledger = new UsageLedgerStore(h.services.db);
  billing = billWithTerms(h, terms);
  new PolicyStore(h.services.db).save(
    "gold",
    policySchema.parse({ protection: "advanced", protectionMode: "cname", graceDays: 30 }),
    h.clock.now(),
  );
});
afterEach(async () => {
  await h.close();
});

/** Zones at 31 CZK a month, so a day of March (31 days) is exactly 1 CZK. */
const terms: TermsLookup = ({ product }) => ({
  offerId: 7,
  retail: product === "zone" ? money(3100, "CZK") : money(59_000, "CZK"),
  wholesale: null,
  billedWhileSuspended: false,
  renewal: "renew",
});

const day = (n: number) => Date.parse(`2026-03-${String(n).padStart(2, "0")}T09:00:00Z`);
const entries = (domain: string) =>
  ledger.history({ domain }).map((entry) => `${entry.day} ${entry.event} ${entry.product} ${entry.actor}`);
const zoneDays = () =>
  customerStatements(h.services.db, h.services.config.billing, "2026-03", { username: "ida" })[0]
    ?.lines.filter((line) => line.kind === "days")
    .map((line) => `${line.from}..${line.to} ${line.days}`);
const cancel = () =>
  cancelRemoval(
    {
      inventory: h.services.stores.inventory,
      zones: h.services.stores.zones,
      protections: h.services.tasks.protections,
      queue: h.services.queue,
      clock: h.clock,
      billing,
    },
    "ida.test",
    "admin",
  );

/** ida.test with protection from 1 March, deleted in the panel on `deletedOn` (the removal waits 30 days). */
async function deletedOn(deletedOn: number): Promise<void> {
  h.clock.set(day(1));
  await h.da.createUser(newUser("ida", "ida.test", "gold"));
  await h.settleAll(86_400_000);
  h.clock.set(day(deletedOn));
  await h.da.destroyDomain("ida", "ida.test");
  await h.settle();
}

describe("billing of a deleted domain and its cancelled removal", () => {
  it("removal begun on the 10th, cancelled on the 12th: March bills days 1–9 and 12–31", async () => {
    await deletedOn(10);
    expect(entries("ida.test").slice(3)).toEqual([
      "2026-03-10 stop zone panel",
      "2026-03-10 stop protection/advanced/monthly panel",
    ]);
    h.clock.set(day(12));
    expect(cancel()).toBe(true);
    expect(entries("ida.test").slice(5)).toEqual([
      "2026-03-12 start zone admin",
      "2026-03-12 start protection/advanced/monthly admin",
    ]);
    // A stop counts up to the day before; the new start counts from its own day (the 10th and 11th are not billed).
    expect(zoneDays()).toEqual(["2026-03-01..2026-03-09 9", "2026-03-12..2026-03-31 20"]);
    const keys = ledger.history({ domain: "ida.test" }).map((entry) => entry.eventKey);
    expect(keys.slice(5)).toEqual(["zone:start:ida.test:2", "protection:start:ida.test:2"]);
    // The removal is no longer queued: a second cancel is refused and writes nothing.
    expect(cancel()).toBe(false);
    expect(ledger.history({ domain: "ida.test" })).toHaveLength(7);
    // Past the grace period nothing is removed and nothing stops.
    await h.settleAll();
    expect(h.published("ida.test")).toBeDefined();
    expect(ledger.history({ domain: "ida.test" })).toHaveLength(7);
  });

  it("a cancel the day the domain was deleted leaves no day unbilled", async () => {
    await deletedOn(10);
    h.clock.set(day(10) + 3_600_000);
    expect(cancel()).toBe(true);
    // The stop and the new start on the same day join into one unbroken run of the whole month.
    expect(zoneDays()).toEqual(["2026-03-01..2026-03-31 31"]);
    expect(entries("ida.test").slice(5)).toEqual([
      "2026-03-10 start zone admin",
      "2026-03-10 start protection/advanced/monthly admin",
    ]);
  });

  it("a replayed restart writes nothing: the service already runs again", async () => {
    await deletedOn(10);
    h.clock.set(day(12));
    expect(cancel()).toBe(true);
    expect(billing.restarted("ida.test", ["zone", "protection"], day(13), "admin", "again")).toEqual([]);
    expect(ledger.history({ domain: "ida.test" })).toHaveLength(7);
  });

  it("a protection that is not active is not billed again, the zone still is", async () => {
    await deletedOn(10);
    h.services.tasks.protections.update("ida.test", { state: "error", reason: "test" }, day(11));
    h.clock.set(day(12));
    expect(cancel()).toBe(true);
    expect(entries("ida.test").slice(5)).toEqual(["2026-03-12 start zone admin"]);
  });

  it("the domain created again during its grace period is billed again from that day, protection too", async () => {
    await deletedOn(10);
    h.clock.set(day(15));
    await h.da.createDomain("ida", "ida.test");
    await h.settle();
    expect(entries("ida.test").slice(5)).toEqual([
      "2026-03-15 start zone daemon",
      "2026-03-15 start protection/advanced/monthly daemon",
    ]);
    // The removal that was queued finds the domain live and leaves it, and its billing, alone.
    await h.settleAll(40 * 86_400_000);
    expect(h.published("ida.test")).toBeDefined();
    expect(ledger.history({ domain: "ida.test" })).toHaveLength(7);
  });

  it("the domain created again after its removal starts anew: a new zone start, protection ordered and charged", async () => {
    await deletedOn(10);
    await h.settleAll(31 * 86_400_000);
    expect(h.published("ida.test")).toBeUndefined();
    expect(ledger.history({ domain: "ida.test" })).toHaveLength(5);
    await h.da.createDomain("ida", "ida.test");
    await h.settleAll(86_400_000);
    const restored = ledger.history({ domain: "ida.test" }).slice(5);
    expect(restored.map((entry) => `${entry.event} ${entry.product}`)).toEqual([
      "start zone",
      "start protection/advanced/monthly",
      "charge protection/advanced/monthly",
    ]);
    expect(restored.map((entry) => entry.eventKey).slice(0, 2)).toEqual([
      "zone:start:ida.test:2",
      "protection:start:ida.test:2",
    ]);
  });
});
