import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DnsRecord } from "../../src/dns/index.js";
import { policySchema } from "../../src/model/policy.js";
import { PolicyStore } from "../../src/store/policy-store.js";
import { newUser, startProvisioningHarness, type ProvisioningHarness } from "../support/provisioning-harness.js";

let h: ProvisioningHarness;
beforeEach(async () => {
  h = await startProvisioningHarness();
  new PolicyStore(h.services.db).save("withdrawing", policySchema.parse({ onSuspend: "withdraw" }), h.clock.now());
});
afterEach(async () => {
  await h.close();
});

const shop = (domain: string, address: string): DnsRecord => ({
  name: `shop.${domain}`,
  type: "A",
  ttl: 3600,
  data: { address },
});
const shopAt = (domain: string) =>
  h
    .published(domain)
    ?.filter((row) => row.name === "shop" && row.type === "A")
    .map((row) => row.rdata);

describe("records edited while the account is suspended are never lost", () => {
  it("keep: the zone stays in step while suspended, and after the account is unsuspended", async () => {
    await h.da.createUser(newUser("kate", "kate.test"));
    await h.settle();
    await h.da.suspendUser("kate");
    await h.settle();
    await h.da.addRecord("kate.test", shop("kate.test", "192.0.2.77"));
    await h.settle();
    expect(shopAt("kate.test")).toEqual(["192.0.2.77"]);
    await h.da.unsuspendUser("kate");
    await h.da.addRecord("kate.test", shop("kate.test", "192.0.2.78"));
    await h.settle();
    expect(shopAt("kate.test")?.sort()).toEqual(["192.0.2.77", "192.0.2.78"]);
  });

  it("withdraw: the latest records come back when the account is unsuspended", async () => {
    await h.da.createUser(newUser("will", "will.test", "withdrawing"));
    await h.settle();
    await h.da.suspendUser("will");
    await h.settle();
    expect(h.published("will.test")).toBeUndefined();
    await h.da.addRecord("will.test", shop("will.test", "192.0.2.80"));
    await h.settle();
    expect(h.published("will.test")).toBeUndefined();
    await h.da.unsuspendUser("will");
    await h.settle();
    expect(shopAt("will.test")).toEqual(["192.0.2.80"]);
    expect(h.services.tasks.inventory.domain("will.test")?.dnsStatus).toBe("active");
  });

  it("withdraw: an account unsuspended before its zone was withdrawn keeps the edits made meanwhile", async () => {
    await h.da.createUser(newUser("wes", "wes.test", "withdrawing"));
    await h.settle();
    await h.da.suspendUser("wes");
    await h.da.addRecord("wes.test", shop("wes.test", "192.0.2.81"));
    await h.da.unsuspendUser("wes");
    await h.settle();
    expect(shopAt("wes.test")).toEqual(["192.0.2.81"]);
  });
});
