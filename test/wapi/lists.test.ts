import { describe, expect, it } from "vitest";
import { normaliseList } from "../../src/wapi/lists.js";

const a = { name: "a.test", type: "primary", status: "active" };
const b = { name: "b.test", type: "primary", status: "active" };

// docs/reference/wapi.md#list-shapes: every list may come in any of these shapes.
describe("normaliseList", () => {
  it.each([
    ["a JSON array", [a, b], [a, b]],
    ["an object keyed by numeric strings, in key order", { "24": b, "11": a }, [a, b]],
    ["the KB's placeholder keys", { domain1: a, domain2: b }, [a, b]],
    ["a single item object", a, [a]],
    ["an empty array", [], []],
    ["an empty object", {}, []],
    ["a missing key", undefined, []],
    ["null", null, []],
  ])("accepts %s", (_shape, input, expected) => {
    expect(normaliseList(input)).toEqual(expected);
  });

  it("keeps a single row whose own keys are not numeric", () => {
    const row = { ID: "911", name: "", ttl: "1800", rdtype: "A", rdata: "192.0.2.1" };
    expect(normaliseList(row)).toEqual([row]);
  });
});
