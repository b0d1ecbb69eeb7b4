import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectCode, rowsOf, seedZone, startHarness, type Harness } from "./wapi-test-client.js";

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness({ credit: 500 });
  await seedZone(harness, "example.test", [{ name: "www", ttl: 3600, type: "A", rdata: "192.0.2.1" }]);
});
afterEach(() => harness.close());

const snapshot = () => {
  const { zones, notifications, wgpServices, credit } = harness.running.simulator.dump();
  return { zones, notifications, wgpServices, credit };
};

describe('test mode (test: 1 | "1" | true)', () => {
  it.each([1, "1", true])("validates and answers as if executed, changing nothing (test=%j)", async (test) => {
    const before = snapshot();
    const add = await harness.call(
      "dns-row-add",
      { domain: "example.test", name: "new", ttl: 3600, type: "A", rdata: "192.0.2.2" },
      { test },
    );
    expect(add.response.code).toBe(1000);
    const id = rowsOf(await harness.call("dns-rows-list", { domain: "example.test" }))[0]?.["ID"];
    await expectCode(harness.call("dns-row-delete", { domain: "example.test", row_id: id }, { test }), 1000);
    await expectCode(harness.call("dns-domain-add", { name: "other.test" }, { test }), 1000);
    await expectCode(harness.call("dns-domain-delete", { name: "example.test" }, { test }), 1000);
    await expectCode(
      harness.call("wgp-domain-create", { domain: "example.test", variant_id: 1, period_id: 1 }, { test }),
      1001,
    );
    expect(snapshot()).toEqual(before);
  });

  it("still reports the errors a real run would", async () => {
    const duplicate = { domain: "example.test", name: "www", ttl: 3600, type: "A", rdata: "192.0.2.1" };
    expect((await harness.call("dns-row-add", duplicate, { test: 1 })).response.code).toBe(2316);
    expect((await harness.call("dns-domain-info", { name: "missing.test" }, { test: 1 })).response.code).toBe(3222);
    const expensive = { domain: "example.test", variant_id: 3, period_id: 1 };
    expect((await harness.call("wgp-domain-create", expensive, { test: 1 })).response.code).toBe(2283);
  });

  it("treats test: 0 and other values as a real request", async () => {
    await expectCode(harness.call("dns-domain-add", { name: "real.test" }, { test: 0 }), 1000);
    await expectCode(harness.call("dns-domain-add", { name: "real2.test" }, { test: "yes" }), 1000);
    expect(snapshot().zones.map((zone) => zone.name)).toEqual(["example.test", "real.test", "real2.test"]);
  });
});
