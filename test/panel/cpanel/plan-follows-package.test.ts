import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { policySchema } from "../../../src/model/policy.js";
import { PolicyStore } from "../../../src/store/policy-store.js";
import { UsageLedgerStore } from "../../../src/store/usage-ledger-store.js";
import { startCpanelHarness, type CpanelHarness } from "../../support/cpanel-harness.js";
import { payload } from "./support.js";

let h: CpanelHarness;
beforeEach(async () => {
  h = await startCpanelHarness({ panelReader: true });
});
afterEach(async () => {
  await h.close();
});

const policy = (pkg: string, settings: Record<string, unknown>) =>
  new PolicyStore(h.services.db).save(pkg, policySchema.parse({ protectionMode: "cname", ...settings }), h.clock.now());

describe("cPanel's Accounts::change_package", () => {
  it("moves the running protection to the new package's plan and period, and the ledger records the change", async () => {
    policy("default", { protection: "start" });
    policy("reseller1_Gold Plan", { protection: "expert", protectionPeriod: "yearly" });
    await h.cpanel.perform(payload("whostmgr-accounts-create"));
    await h.settleAll(10 * 60_000);
    expect(h.services.tasks.protections.get("alice.test")).toMatchObject({ state: "active", variant: "start" });

    await h.cpanel.perform(payload("whostmgr-accounts-change-package"));
    await h.settleAll(60_000);
    const atWedos = h.sim.simulator.dump().wgpServices.find((service) => service.domain === "alice.test");
    expect(atWedos).toMatchObject({ variant_id: "3", period_id: "4" });
    expect(h.services.tasks.protections.get("alice.test")).toMatchObject({ variant: "expert", period: "yearly" });
    expect(h.commands().filter((c) => c.command === "wgp-domain-create")).toHaveLength(1);
    const changes = new UsageLedgerStore(h.services.db).upTo("2099-12-31").filter((entry) => entry.event === "change");
    expect(changes).toMatchObject([
      { username: "alice", domain: "alice.test", product: "protection/expert/yearly", actor: "panel" },
    ]);
  });
});
