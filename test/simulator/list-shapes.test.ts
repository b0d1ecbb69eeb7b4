import { afterEach, describe, expect, it } from "vitest";
import { ListShaper } from "../../src/simulator/list-shapes.js";
import { expectCode, startHarness, type Harness } from "./wapi-test-client.js";

const A = { name: "a.test" };
const B = { name: "b.test" };

describe("ListShaper", () => {
  it("array mode always writes arrays", () => {
    const shaper = new ListShaper("array");
    expect(shaper.wrap("domain", [A, B])).toEqual({ domain: [A, B] });
    expect(shaper.wrap("domain", [A])).toEqual({ domain: [A] });
    expect(shaper.wrap("domain", [])).toEqual({ domain: [] });
  });

  it("keyed mode writes objects keyed by non-sequential numeric strings, in item order", () => {
    const shaper = new ListShaper("keyed");
    const data = shaper.wrap("domain", [A, B, A]) as { domain: Record<string, unknown> };
    const keys = Object.keys(data.domain);
    expect(keys.every((key) => /^\d+$/.test(key))).toBe(true);
    expect(keys).not.toEqual(["0", "1", "2"]);
    expect(Number(keys[1]) - Number(keys[0])).toBeGreaterThan(1);
    expect(Object.values(data.domain)).toEqual([A, B, A]);
    expect(shaper.wrap("domain", [])).toEqual({ domain: {} });
    expect(Array.isArray(JSON.parse(JSON.stringify(data)).domain)).toBe(false);
  });

  it("rotate mode cycles through every form deterministically", () => {
    const shaper = new ListShaper("rotate");
    expect(shaper.wrap("row", [A])).toEqual({ row: [A] });
    expect(shaper.wrap("row", [A])).toEqual({ row: { "11": A } });
    expect(shaper.wrap("row", [A])).toEqual({ row: A });
    expect(shaper.wrap("row", [A])).toEqual({ row: [A] });
    const empties = [1, 2, 3, 4, 5].map(() => shaper.wrap("row", []));
    expect(empties).toEqual([{}, { row: [] }, { row: {} }, undefined, {}]);
  });

  it("rotate mode never writes a bare object for a list of several items", () => {
    const shaper = new ListShaper("rotate");
    const shapes = [1, 2, 3, 4].map(() => shaper.wrap("row", [A, B]) as { row: unknown });
    expect(shapes.map((data) => (Array.isArray(data.row) ? "array" : "keyed"))).toEqual([
      "array",
      "keyed",
      "array",
      "keyed",
    ]);
  });

  it("keeps extra fields next to the list", () => {
    expect(new ListShaper("array").wrap("row", [], { total: "0" })).toEqual({ total: "0", row: [] });
  });
});

describe("list shapes over HTTP", () => {
  let harness: Harness;
  afterEach(() => harness.close());

  it("keyed mode answers dns-domains-list like the captured real output", async () => {
    harness = await startHarness({ listShape: "keyed" });
    await expectCode(harness.call("dns-domain-add", { name: "example.test" }), 1000);
    await expectCode(harness.call("dns-domain-add", { name: "example.cz" }), 1000);
    const answer = await harness.call("dns-domains-list");
    expect(answer.text).toMatch(
      /"data":\{"domain":\{"\d+":\{"name":"example.cz","type":"primary","status":"active"\},"\d+":/,
    );
  });

  it("rotate (the default) exercises absent data, empty array and empty object for an empty zone", async () => {
    harness = await startHarness({ listShape: "rotate" });
    await expectCode(harness.call("dns-domain-add", { name: "example.test" }), 1000);
    const data = [];
    for (let i = 0; i < 4; i += 1)
      data.push((await harness.call("dns-rows-list", { domain: "example.test" })).response["data"]);
    expect(data).toEqual([{}, { row: [] }, { row: {} }, undefined]);
  });
});
