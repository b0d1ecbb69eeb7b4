import { afterEach, describe, expect, it } from "vitest";
import { startWedosHarness, type WedosHarness } from "../support/wedos-harness.js";

let h: WedosHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

// The simulator answers lists as arrays, as objects keyed by numbers, as single objects, or not at all
// (docs/reference/wapi.md#list-shapes); the client must read every one the same way.
describe.each(["array", "keyed", "rotate"] as const)("lists answered as %s", (listShape) => {
  it("reads zones and rows the same whatever the shape, including one item and none", async () => {
    h = await startWedosHarness({ simulator: { listShape } });
    for (let round = 0; round < 4; round++) expect(await h.wapi.dns.domainsList()).toEqual([]);
    await h.wapi.dns.domainAdd({ name: "example.test" });
    for (let round = 0; round < 4; round++) {
      expect(await h.wapi.dns.domainsList()).toEqual([{ name: "example.test", type: "primary", status: "active" }]);
      expect(await h.wapi.dns.rowsList("example.test")).toEqual([]);
    }
    await h.wapi.dns.rowAdd({ domain: "example.test", name: "a", ttl: 300, type: "A", rdata: "192.0.2.1" });
    for (let round = 0; round < 4; round++)
      expect((await h.wapi.dns.rowsList("example.test")).map((row) => row.name)).toEqual(["a"]);
    await h.wapi.dns.rowAdd({ domain: "example.test", name: "b", ttl: 300, type: "A", rdata: "192.0.2.2" });
    await h.wapi.dns.rowAdd({ domain: "example.test", name: "c", ttl: 300, type: "A", rdata: "192.0.2.3" });
    for (let round = 0; round < 4; round++) {
      expect((await h.wapi.dns.rowsList("example.test")).map((row) => row.name).sort()).toEqual(["a", "b", "c"]);
    }
  });
});
