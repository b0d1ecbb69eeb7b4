import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { planZone } from "../../src/sync/plan-zone.js";
import type { WapiRow } from "../../src/wapi/schemas.js";
import { startWedosHarness, type WedosHarness } from "../support/wedos-harness.js";
import { commandsSince, panelZone, ZONE, zoneSyncFor } from "./support.js";

/** Records of types BIND knows and WEDOS does not take, beside records WEDOS does take. */
const MIXED = [
  '@ 300 IN NAPTR 100 10 "U" "E2U+sip" "!^.*$!sip:info@example.test!" .',
  'www 300 IN HINFO "PC" "Linux"',
  "old 300 IN DNAME new.example.net.",
  "@ 300 IN LOC 52 22 23 N 4 53 32 E -2m",
  "@ 300 IN DNSKEY 257 3 13 mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==",
  "opaque 300 IN TYPE65280 \\# 2 abcd",
  "www 300 IN A 192.0.2.1",
  '@ 300 IN TXT "v=spf1 -all"',
].join("\n");

let h: WedosHarness;
beforeEach(async () => {
  h = await startWedosHarness();
});
afterEach(async () => {
  await h.close();
});

describe("a zone holding types WEDOS does not take", () => {
  it("syncs the records WEDOS takes, lists the others with their reasons, and then plans nothing (no drift)", async () => {
    const { sync } = zoneSyncFor(h);
    const plan = await sync.plan(ZONE, panelZone(MIXED), "primary");
    expect(plan.changes.map((c) => c.message)).toEqual([
      "add www A 192.0.2.1 (TTL 300)",
      "add @ TXT v=spf1 -all (TTL 300)",
    ]);
    expect(plan.findings.filter((f) => f.outcome === "skipped").map((f) => `${f.rule} ${f.name} ${f.type}`)).toEqual([
      "soa @ SOA",
      "apex-ns @ NS",
      "apex-ns @ NS",
      "unsupported-type @ NAPTR",
      "unsupported-type www HINFO",
      "dname old DNAME",
      "unsupported-type @ LOC",
      "dnssec @ DNSKEY",
      "generic-type opaque TYPE65280",
    ]);
    const result = await sync.apply(plan);
    expect(result.converged).toBe(true);
    expect((await h.wapi.dns.rowsList(ZONE)).map((row) => `${row.name} ${row.type}`).sort()).toEqual([" TXT", "www A"]);

    const from = h.sim.simulator.dump().requestLog.length;
    const again = await sync.plan(ZONE, panelZone(MIXED), "primary");
    expect(again.changes).toEqual([]);
    expect(commandsSince(h, from)).toEqual(["dns-rows-list"]);
  });
});

describe("rows of such types at WEDOS (made there by hand) are never the plugin's", () => {
  const listed: WapiRow[] = [
    {
      id: "1",
      name: "",
      type: "NAPTR",
      ttl: 300,
      rdata: '100 10 "U" "E2U+sip" "!^.*$!sip:info@example.test!" .',
      changedDate: "",
      comment: "",
    },
    { id: "2", name: "www", type: "A", ttl: 300, rdata: "192.0.2.9", changedDate: "", comment: "" },
  ];
  const plan = (owned: string[], adopt: boolean) =>
    planZone({
      zone: ZONE,
      desired: [],
      findings: [],
      listed,
      owned: new Set(owned),
      createZone: false,
      commitPending: false,
      adopt,
    });

  it("neither adopts nor deletes them, even with --adopt or when the database claims them", () => {
    expect(plan(["1", "2"], false).changes.map((c) => c.message)).toEqual(["delete www A 192.0.2.9 (TTL 300)"]);
    expect(plan([], true).changes.map((c) => c.message)).toEqual([
      "adopt www A 192.0.2.9 (TTL 300) (created outside the plugin)",
      "delete www A 192.0.2.9 (TTL 300)",
    ]);
    expect(
      plan(["1"], true)
        .changes.map((c) => c.message)
        .join("\n"),
    ).not.toContain("NAPTR");
    expect(plan(["1"], false).changes).toEqual([]);
    expect(plan(["1"], false).foreign.map((row) => row.type)).toEqual(["NAPTR", "A"]);
  });
});
