import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { money } from "../../src/billing/money.js";
import type { TermsLookup } from "../../src/billing/terms.js";
import { policySchema } from "../../src/model/policy.js";
import { applyPanelEvent } from "../../src/provisioning/lifecycle.js";
import { syncZone } from "../../src/provisioning/tasks/zone-tasks.js";
import { customerStatements } from "../../src/store/billing-statements.js";
import { PolicyStore } from "../../src/store/policy-store.js";
import { PriceBookStore } from "../../src/store/price-book-store.js";
import { UsageLedgerStore } from "../../src/store/usage-ledger-store.js";
import { billWithTerms } from "../support/harness-billing.js";
import { newUser, startProvisioningHarness, type ProvisioningHarness } from "../support/provisioning-harness.js";

/**
 * The usage ledger as the tasks and panel events write it, end to end: DirectAdmin's hooks, the daemon's jobs and
 * the WEDOS simulator. Each event writes exactly one entry; replaying it (a job run again, a notification delivered
 * twice, a hook read twice) writes none more.
 */
let h: ProvisioningHarness;
let ledger: UsageLedgerStore;
beforeEach(async () => {
  h = await startProvisioningHarness();
  ledger = new UsageLedgerStore(h.services.db);
});
afterEach(async () => {
  await h.close();
});

const entries = (domain: string) =>
  ledger.history({ domain }).map((entry) => `${entry.day} ${entry.event} ${entry.product} ${entry.actor}`);

/** Sells zones at 30 CZK a month (not billed while suspended) and protection at the offer's period price. */
const terms: TermsLookup = ({ package: pkg, product }) => ({
  offerId: pkg === "gold" ? 7 : null,
  retail: pkg !== "gold" ? null : product === "zone" ? money(3000, "CZK") : money(59_000, "CZK"),
  wholesale: null,
  billedWhileSuspended: false,
  renewal: "renew",
});

const withTerms = () => void billWithTerms(h, terms);

const protectedPackage = () =>
  new PolicyStore(h.services.db).save(
    "gold",
    policySchema.parse({ protection: "advanced", protectionMode: "cname" }),
    h.clock.now(),
  );

describe("the ledger written where things happen", () => {
  it("a zone created at WEDOS starts once, with account, reseller and day; a second sync adds nothing", async () => {
    await h.da.createUser(newUser("ada", "ada.test"));
    await h.settleAll();
    const [start, ...rest] = ledger.history({ domain: "ada.test" });
    expect(rest).toEqual([]);
    expect(start).toMatchObject({
      event: "start",
      day: "2026-03-10",
      username: "ada",
      reseller: "admin",
      product: "zone",
      eventKey: "zone:start:ada.test:1",
      actor: "daemon",
      retail: null,
      offerId: null,
    });

    h.services.queue.enqueue(syncZone, { domain: "ada.test" });
    await h.settleAll();
    expect(ledger.history({ domain: "ada.test" })).toEqual([start]);
  });

  it("protection activated: zone, protection and WEDOS's charge, its price in the price book", async () => {
    withTerms();
    protectedPackage();
    await h.da.createUser(newUser("bea", "bea.test", "gold"));
    await h.settleAll();
    expect(entries("bea.test")).toEqual([
      "2026-03-10 start zone daemon",
      "2026-03-10 start protection/advanced/monthly daemon",
      "2026-03-10 charge protection/advanced/monthly daemon",
    ]);
    const [zone, , charge] = ledger.history({ domain: "bea.test" });
    expect(zone).toMatchObject({ retail: money(3000, "CZK"), billedWhileSuspended: false, offerId: 7 });
    expect(charge).toMatchObject({
      wholesale: money(49_000, "CZK"),
      retail: money(59_000, "CZK"),
      coversFrom: "2026-03-10",
      coversTo: "2026-04-09",
      offerId: 7,
    });
    // The simulator numbers orders <year><6 digits>, as WEDOS's order_num looks.
    expect(charge).toMatchObject({ reference: "2026000001", eventKey: "protection:charge:bea.test:2026000001" });
    expect(new PriceBookStore(h.services.db).history("protection/advanced/monthly")).toMatchObject([
      { price: money(49_000, "CZK"), source: "wedos-order", reference: charge?.reference },
    ]);
  });

  it("a notification delivered again after a crash before its acknowledgement charges nothing more", async () => {
    protectedPackage();
    h.sim.simulator.addFault({ command: "poll-ack", kind: "drop", count: 1 });
    await h.da.createUser(newUser("cid", "cid.test", "gold"));
    await h.settleAll();
    const acks = h.commands().filter((command) => command.command === "poll-ack");
    expect(acks.length).toBeGreaterThanOrEqual(2);
    expect(entries("cid.test")).toEqual([
      "2026-03-10 start zone daemon",
      "2026-03-10 start protection/advanced/monthly daemon",
      "2026-03-10 charge protection/advanced/monthly daemon",
    ]);
    expect(new PriceBookStore(h.services.db).history("protection/advanced/monthly")).toHaveLength(1);
  });

  it("suspension and unsuspension write one entry per running service, and a replayed hook none", async () => {
    withTerms();
    protectedPackage();
    await h.da.createUser(newUser("dan", "dan.test", "gold"));
    await h.settleAll();
    h.clock.set(Date.parse("2026-03-20T10:00:00Z"));
    await h.da.suspendUser("dan");
    await h.settleAll();
    applyPanelEvent({ kind: "user-suspended", username: "dan" }, h.services.lifecycle);
    h.clock.set(Date.parse("2026-03-25T10:00:00Z"));
    await h.da.unsuspendUser("dan");
    await h.settleAll();
    applyPanelEvent({ kind: "user-activated", username: "dan" }, h.services.lifecycle);
    expect(entries("dan.test").slice(3)).toEqual([
      "2026-03-20 suspend zone panel",
      "2026-03-20 suspend protection/advanced/monthly panel",
      "2026-03-25 resume zone panel",
      "2026-03-25 resume protection/advanced/monthly panel",
    ]);
    // Rated: the zone's 17 days of March at 30 CZK a month (its 5 suspended days are not billed), and the charge.
    const [statement] = customerStatements(h.services.db, h.services.config.billing, "2026-03", { username: "dan" });
    expect(statement?.lines.map((line) => [line.kind, line.from, line.to, line.days, line.suspendedDays])).toEqual([
      ["charge", "2026-03-10", "2026-04-09", null, 0],
      ["days", "2026-03-10", "2026-03-31", 17, 5],
    ]);
    expect(statement?.totals.retail).toEqual(money(1645 + 59_000, "CZK"));
    expect(statement?.reseller).toBe("admin");
  });

  it("a deleted domain's services stop the day it is deleted; the removal after its grace adds nothing", async () => {
    protectedPackage();
    await h.da.createUser(newUser("eve", "eve.test", "gold"));
    await h.settleAll();
    h.clock.set(Date.parse("2026-03-12T08:00:00Z"));
    await h.da.destroyUser("eve");
    await h.settleAll();
    expect(h.published("eve.test")).toBeUndefined();
    expect(entries("eve.test")).toEqual([
      "2026-03-10 start zone daemon",
      "2026-03-10 start protection/advanced/monthly daemon",
      "2026-03-10 charge protection/advanced/monthly daemon",
      "2026-03-12 stop zone panel",
      "2026-03-12 stop protection/advanced/monthly panel",
    ]);
  });

  it("a domain deleted under termination 'keep' stops being billed the day it is deleted", async () => {
    new PolicyStore(h.services.db).save("kept", policySchema.parse({ termination: "keep" }), h.clock.now());
    await h.da.createUser(newUser("fay", "fay.test", "kept"));
    await h.settleAll();
    h.clock.set(Date.parse("2026-03-12T08:00:00Z"));
    await h.da.destroyUser("fay");
    await h.settleAll();
    expect(entries("fay.test")).toEqual(["2026-03-10 start zone daemon", "2026-03-12 stop zone panel"]);
  });

  it("protection switched off on the domain's page stops, with who switched it off", async () => {
    new PolicyStore(h.services.db).save(
      "choice",
      policySchema.parse({ protection: "start", protectionMode: "cname", protectionChoice: "opt-out" }),
      h.clock.now(),
    );
    await h.da.createUser(newUser("gus", "gus.test", "choice"));
    await h.settleAll();
    h.services.tasks.protections.choose("gus.test", false, "reseller1", h.clock.now());
    const { unprotectDomain } = await import("../../src/provisioning/tasks/protection-tasks.js");
    h.services.queue.enqueue(unprotectDomain, { domain: "gus.test" }, { lane: "interactive" });
    await h.settleAll();
    expect(entries("gus.test")).toEqual([
      "2026-03-10 start zone daemon",
      "2026-03-10 start protection/start/monthly daemon",
      "2026-03-10 charge protection/start/monthly daemon",
      "2026-03-10 stop protection/start/monthly reseller1",
    ]);
  });

  it("a renewal is charged once per period it renews, whatever WEDOS answered, and priced once", async () => {
    withTerms();
    protectedPackage();
    await h.da.createUser(newUser("hal", "hal.test", "gold"));
    await h.settleAll();
    const renewal = {
      domain: "hal.test",
      product: "protection/advanced/monthly",
      source: "wedos-renew",
      coversFrom: "2026-04-10",
      actor: "daemon",
    } as const;
    const at = Date.parse("2026-04-07T10:00:00Z");
    const billing = h.services.tasks.billing;
    billing.protectionCharged({ ...renewal, at, orderNum: "2026000099", amount: "490.00", currency: "CZK" });
    // The same period again: the job run after a crash, or WEDOS's answer lost and the extension found instead.
    billing.protectionCharged({ ...renewal, at: at + 3_600_000, orderNum: null, amount: null, currency: null });
    billing.protectionCharged({ ...renewal, at, orderNum: "2026000099", amount: "490.00", currency: "CZK" });
    const renewals = ledger.history({ domain: "hal.test" }).filter((entry) => entry.day === "2026-04-07");
    expect(renewals).toMatchObject([
      {
        event: "charge",
        eventKey: "protection:renewal:hal.test:2026-04-10",
        reference: "2026000099",
        wholesale: money(49_000, "CZK"),
        retail: money(59_000, "CZK"),
        coversFrom: "2026-04-10",
        coversTo: "2026-05-09",
      },
    ]);
    const prices = new PriceBookStore(h.services.db).history("protection/advanced/monthly");
    expect(prices.map((price) => price.source)).toEqual(["wedos-renew", "wedos-order"]); // newest first

    // The next period is a new renewal.
    const may = Date.parse("2026-05-07T10:00:00Z");
    const next = { ...renewal, coversFrom: "2026-05-10", at: may, orderNum: "2026000123" };
    billing.protectionCharged({ ...next, amount: "490.00", currency: "CZK" });
    expect(ledger.history({ domain: "hal.test" }).filter((entry) => entry.event === "charge")).toHaveLength(3);
  });

  it("a lapse stops protection once, on its paid-until day even when the daemon gets to it later", async () => {
    protectedPackage();
    await h.da.createUser(newUser("ida", "ida.test", "gold"));
    await h.settleAll();
    const late = Date.parse("2026-04-12T10:00:00Z");
    h.services.tasks.billing.lapsed("ida.test", "2026-04-10", late);
    h.services.tasks.billing.lapsed("ida.test", "2026-04-10", late + 3_600_000);
    expect(entries("ida.test").slice(3)).toEqual(["2026-04-10 stop protection/advanced/monthly daemon"]);
  });
});
