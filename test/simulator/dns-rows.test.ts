import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectCode, rowsOf, seedZone, startHarness, type Harness } from "./wapi-test-client.js";

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
  await seedZone(harness, "example.test", [
    { name: "", ttl: 1800, type: "A", rdata: "1.2.3.4" },
    { name: "*", ttl: 1800, type: "A", rdata: "1.2.3.4" },
    { name: "", ttl: 1800, type: "MX", rdata: "1 mail1.wedos.net", auth_comment: "primary mx" },
    { name: "", ttl: 1800, type: "MX", rdata: "10 mailbackup.wedos.net" },
  ]);
});
afterEach(() => harness.close());

const list = async () => rowsOf(await harness.call("dns-rows-list", { domain: "example.test" }));
const idOf = async (name: string, type: string) =>
  (await list()).find((r) => r.name === name && r.rdtype === type)?.["ID"];

describe("dns-rows-list", () => {
  it("returns every value as a string, sorted by name then type, in the KB's field order", async () => {
    const rows = await list();
    expect(rows.map((r) => [r.name, r.rdtype, r.rdata])).toEqual([
      ["", "A", "1.2.3.4"],
      ["", "MX", "1 mail1.wedos.net"],
      ["", "MX", "10 mailbackup.wedos.net"],
      ["*", "A", "1.2.3.4"],
    ]);
    expect(Object.keys(rows[0] ?? {})).toEqual([
      "ID",
      "name",
      "ttl",
      "rdtype",
      "rdata",
      "changed_date",
      "author_comment",
    ]);
    for (const r of rows) for (const value of Object.values(r)) expect(typeof value).toBe("string");
    expect(rows[0]).toMatchObject({ ttl: "1800", changed_date: "2026-01-15 11:30:00" });
    expect(rows[1]?.["author_comment"]).toBe("primary mx");
  });

  it("answers 3222 for a zone not in the account and 2202 for a malformed name", async () => {
    expect((await harness.call("dns-rows-list", { domain: "other.test" })).response.code).toBe(3222);
    expect((await harness.call("dns-rows-list", { domain: "example.test." })).response.code).toBe(2202);
    expect((await harness.call("dns-rows-list", {})).response.code).toBe(2100);
  });
});

describe("dns-row-add", () => {
  it("returns no data and gives IDs that are strings and never reused", async () => {
    const add = await harness.call("dns-row-add", {
      domain: "example.test",
      name: "a",
      ttl: "3600",
      type: "A",
      rdata: "192.0.2.1",
    });
    expect(add.response["data"]).toBeUndefined();
    const firstId = await idOf("a", "A");
    await expectCode(harness.call("dns-row-delete", { domain: "example.test", row_id: firstId }), 1000);
    await expectCode(
      harness.call("dns-row-add", { domain: "example.test", name: "a", ttl: 3600, type: "A", rdata: "192.0.2.1" }),
      1000,
    );
    const secondId = await idOf("a", "A");
    expect(secondId).toMatch(/^\d+$/);
    expect(Number(secondId)).toBeGreaterThan(Number(firstId));
  });

  it("accepts extra unknown fields", async () => {
    const answer = await harness.call("dns-row-add", {
      domain: "example.test",
      name: "x",
      ttl: 3600,
      type: "TXT",
      rdata: "t",
      comment: "ignored",
      foo: [1],
    });
    expect(answer.response.code).toBe(1000);
  });
});

describe("dns-row-detail", () => {
  it("accepts the zone as `domain` or `name` and row_id as string or number", async () => {
    const id = await idOf("*", "A");
    const byDomain = await harness.call("dns-row-detail", { domain: "example.test", row_id: id });
    const byName = await harness.call("dns-row-detail", { name: "example.test", row_id: Number(id) });
    expect(byDomain.response["data"]).toEqual({ row: expect.objectContaining({ ID: id, name: "*", rdtype: "A" }) });
    expect(byName.response["data"]).toEqual(byDomain.response["data"]);
  });

  it("answers 3309 for an unknown row", async () => {
    expect((await harness.call("dns-row-detail", { domain: "example.test", row_id: "999999" })).response.code).toBe(
      3309,
    );
  });
});

describe("dns-row-update", () => {
  it("changes ttl and rdata only, ignoring name and type in the request", async () => {
    const id = await idOf("*", "A");
    const answer = await harness.call("dns-row-update", {
      domain: "example.test",
      row_id: id,
      ttl: 1800,
      rdata: "192.0.2.77",
      name: "renamed",
      type: "AAAA",
      rdata_extra: "",
    });
    expect(answer.response.code).toBe(1000);
    expect(answer.response["data"]).toBeUndefined();
    const updated = (await list()).find((r) => r.ID === id);
    expect(updated).toMatchObject({ name: "*", rdtype: "A", rdata: "192.0.2.77", ttl: "1800" });
  });

  // Rows: "" MX 1 mail1.wedos.net and "" MX 10 mailbackup.wedos.net (TTL 1800); the first is updated.
  const cases: Array<[string, (mxId: string) => Record<string, unknown>, number]> = [
    ["an unknown row", () => ({ row_id: "424242", ttl: 1800, rdata: "5 mx.example.test" }), 3309],
    ["no row_id", () => ({ ttl: 1800, rdata: "5 mx.example.test" }), 2100],
    ["no ttl", (id) => ({ row_id: id, rdata: "5 mx.example.test" }), 2100],
    ["no rdata", (id) => ({ row_id: id, ttl: 1800 }), 2100],
    ["rdata invalid for the row's type", (id) => ({ row_id: id, ttl: 1800, rdata: "192.0.2.1" }), 2314],
    ["a non-numeric TTL", (id) => ({ row_id: id, ttl: "abc", rdata: "5 mx.example.test" }), 2315],
    ["a TTL out of range", (id) => ({ row_id: id, ttl: 60, rdata: "5 mx.example.test" }), 2317],
    ["a TTL that splits the RRset", (id) => ({ row_id: id, ttl: 3600, rdata: "5 mx.example.test" }), 2317],
    ["rdata identical to another row", (id) => ({ row_id: id, ttl: 1800, rdata: "10 mailbackup.wedos.net" }), 2316],
    ["a valid change", (id) => ({ row_id: id, ttl: "1800", rdata: "5 mx.example.test" }), 1000],
  ];

  it.each(cases)("%s → %i", async (_label, build, code) => {
    const mxId = (await list()).find((r) => r.rdata === "1 mail1.wedos.net")?.["ID"] ?? "";
    const answer = await harness.call("dns-row-update", { domain: "example.test", ...build(mxId) });
    expect(answer.response.code).toBe(code);
  });

  it("allows an update that leaves the row unchanged", async () => {
    const id = await idOf("", "A");
    expect(
      (await harness.call("dns-row-update", { domain: "example.test", row_id: id, ttl: 1800, rdata: "1.2.3.4" }))
        .response.code,
    ).toBe(1000);
  });
});

describe("dns-row-delete", () => {
  it("removes the row; a second delete is 3309", async () => {
    const id = await idOf("", "A");
    expect(
      (await harness.call("dns-row-delete", { domain: "example.test", row_id: id, rdata: "" })).response.code,
    ).toBe(1000);
    expect((await list()).some((r) => r.ID === id)).toBe(false);
    expect((await harness.call("dns-row-delete", { domain: "example.test", row_id: id })).response.code).toBe(3309);
  });
});

describe("secondary zones", () => {
  it.each([
    ["dns-rows-list", {}],
    ["dns-row-add", { name: "x", ttl: 3600, type: "A", rdata: "192.0.2.1" }],
    ["dns-row-detail", { row_id: "1" }],
    ["dns-row-update", { row_id: "1", ttl: 3600, rdata: "192.0.2.1" }],
    ["dns-row-delete", { row_id: "1" }],
  ])("%s on a secondary zone → 2318", async (command, data) => {
    await expectCode(
      harness.call("dns-domain-add", { name: "second.test", type: "secondary", primary_ip: "192.0.2.53" }),
      1000,
    );
    expect((await harness.call(command, { domain: "second.test", ...data })).response.code).toBe(2318);
  });
});
