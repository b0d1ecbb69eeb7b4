import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { policySchema } from "../../src/model/policy.js";
import { requestMonthFetch } from "../../src/provisioning/tasks/credit-tasks.js";
import { CreditStore, reconcileStoredMonth } from "../../src/store/credit-store.js";
import { PolicyStore } from "../../src/store/policy-store.js";
import { UsageLedgerStore } from "../../src/store/usage-ledger-store.js";
import { ledgerCharge } from "../support/ledger-charge.js";
import { newUser, startProvisioningHarness, type ProvisioningHarness } from "../support/provisioning-harness.js";

/** The credit tasks against the simulator: balance reads on their schedule and after orders, and the month's fetch. */
let h: ProvisioningHarness;
beforeEach(async () => {
  h = await startProvisioningHarness(); // 10 March 2026, 5000.00 CZK of credit
});
afterEach(async () => {
  await h.close();
});

const HOUR = 3_600_000;
const sent = (command: string) => h.commands().filter((c) => c.command === command).length;
const credit = () => new CreditStore(h.services.db);
const protectedPackage = () =>
  new PolicyStore(h.services.db).save(
    "pkg",
    policySchema.parse({ protection: "advanced", protectionMode: "cname" }),
    h.clock.now(),
  );
const customer = async (username: string) => {
  await h.da.createUser(newUser(username, `${username}.test`, "pkg"));
  await h.settleAll();
};
const charge = (domain: string, minor: number, reference: string) =>
  ledgerCharge("2026-03-10", reference, {
    username: domain.split(".")[0] ?? domain,
    domain,
    product: "protection/advanced/monthly",
    wholesale: { minor, currency: "CZK" },
  });

describe("the credit balance", () => {
  it("is read when the reconciler runs, at most every 6 hours, and kept exact with its time", async () => {
    await h.reconcile();
    expect(sent("credit-info")).toBe(1);
    expect(credit().latestBalance()).toEqual({
      at: h.clock.now(),
      balance: { minor: 500_000, currency: "CZK" },
      trigger: "schedule",
    });
    h.clock.advance(5 * HOUR);
    await h.reconcile();
    expect(sent("credit-info")).toBe(1);
    h.clock.advance(HOUR);
    await h.reconcile();
    expect(sent("credit-info")).toBe(2);
  });

  it("is read again shortly after a paid order, with what the order took", async () => {
    protectedPackage();
    await customer("mia");
    expect(h.services.tasks.protections.get("mia.test")?.state).toBe("active");
    expect(credit().latestBalance()).toMatchObject({ balance: { minor: 451_000 }, trigger: "order" });
  });
});

describe("the month's movements", () => {
  it("of the month before are fetched once, from the month's second day, with one request", async () => {
    await h.reconcile();
    await h.reconcile();
    expect(sent("account-list")).toBe(1);
    expect(credit().fetchOf("2026-02")).toMatchObject({
      requestedBy: "daemon",
      fetchedAt: h.clock.now(),
      movements: 0,
    });
    expect(credit().fetchOf("2026-03")).toBeUndefined();
  });

  it("show every planted difference with its cause, and what agrees as matched", async () => {
    protectedPackage();
    await customer("mia");
    await customer("leo");
    // The activation wrote each order's charge (with WEDOS's price) to the ledger.
    const ledger = new UsageLedgerStore(h.services.db);
    const charged = (domain: string) => ledger.history({ domain }).find((entry) => entry.event === "charge");
    expect(charged("mia.test")?.wholesale?.minor).toBe(49_000);
    // A correction took 40.00 off leo's charge in the ledger, but WEDOS took 490.00.
    const leo = charged("leo.test");
    ledger.append(
      {
        ...charge("leo.test", -4_000, leo?.reference ?? ""),
        event: "correction",
        eventKey: "fix:leo",
        corrects: leo?.id ?? null,
      },
      h.clock.now(),
    );
    // An order the ledger has but WEDOS never charged (it failed, or was refunded).
    ledger.append(charge("ghost.test", 49_000, "2026999999"), h.clock.now());
    // Ordered with the same WEDOS account but not through the plugin.
    await h.services.tasks.wapi.wgp.domainCreate({
      domain: "outside.test",
      variant: "start",
      period: "yearly",
      mode: "cname",
    });
    h.sim.simulator.topUpCredit(100_000, "Bank transfer");

    requestMonthFetch({ db: h.services.db, queue: h.services.queue, now: h.clock.now() }, "2026-03", "admin alice");
    expect(reconcileStoredMonth(h.services.db, "2026-03").result).toBeUndefined(); // asked, not fetched yet
    await h.settleAll();
    const { result, fetch } = reconcileStoredMonth(h.services.db, "2026-03");
    expect(fetch).toMatchObject({ requestedBy: "admin alice", movements: 4 });
    expect(result?.matched.map((m) => m.charge.domain)).toEqual(["mia.test", "leo.test"]);
    expect(
      result?.differences.map((d) => [d.kind, d.charge?.domain ?? d.movement?.description, d.movement?.amount?.minor]),
    ).toEqual([
      ["not-in-ledger", "WEDOS Global Start – order – outside.test", -99_000],
      ["not-at-wedos", "ghost.test", undefined],
      ["amount-differs", "leo.test", -49_000],
      ["top-up", "Bank transfer", 100_000],
    ]);
  });
});
