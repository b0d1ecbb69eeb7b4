import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startWedosHarness, type WedosHarness } from "../support/wedos-harness.js";
import { commandsSince, panelZone, ZONE, zoneSyncFor } from "./support.js";

let h: WedosHarness;
beforeEach(async () => {
  h = await startWedosHarness();
});
afterEach(async () => {
  await h.close();
});

/** A zone that already exists at WEDOS with rows someone else made (the customer in the WEDOS administration). */
async function foreignZone(rows: Array<{ name: string; type: string; ttl: number; rdata: string }>): Promise<void> {
  await h.wapi.dns.domainAdd({ name: ZONE });
  for (const row of rows) await h.wapi.dns.rowAdd({ domain: ZONE, ...row });
}

describe("ownership", () => {
  it("leaves rows it did not create alone and reports them", async () => {
    await foreignZone([{ name: "legacy", type: "A", ttl: 300, rdata: "198.51.100.1" }]);
    const { sync } = zoneSyncFor(h);
    const plan = await sync.plan(ZONE, panelZone("www 300 IN A 192.0.2.1"), "primary");
    expect(plan.changes.map((c) => c.message)).toEqual(["add www A 192.0.2.1 (TTL 300)"]);
    expect(plan.foreign.map((row) => row.name)).toEqual(["legacy"]);
    await sync.apply(plan);
    const rows = await h.wapi.dns.rowsList(ZONE);
    expect(rows.map((row) => row.name).sort()).toEqual(["legacy", "www"]);
    // Emptying the panel's zone deletes only what the plugin made.
    const empty = await sync.plan(ZONE, panelZone(""), "primary");
    expect(empty.changes.map((c) => c.message)).toEqual(["delete www A 192.0.2.1 (TTL 300)"]);
  });

  it("reports a desired record that exists as someone else's row as a conflict, and --adopt takes it over", async () => {
    await foreignZone([
      { name: "www", type: "A", ttl: 300, rdata: "192.0.2.1" },
      { name: "old", type: "A", ttl: 300, rdata: "192.0.2.9" },
    ]);
    const { sync, zones } = zoneSyncFor(h);
    const plan = await sync.plan(ZONE, panelZone("www 300 IN A 192.0.2.1"), "primary");
    expect(plan.changes).toEqual([]);
    expect(plan.conflicts.map((c) => c.reason)).toEqual([
      "www A 192.0.2.1 (TTL 300) already exists at WEDOS but was not created by the plugin; sync with --adopt to take it over",
    ]);

    const adopting = await sync.plan(ZONE, panelZone("www 300 IN A 192.0.2.1"), "primary", { adopt: true });
    expect(adopting.changes.map((c) => c.message).sort()).toEqual([
      "adopt old A 192.0.2.9 (TTL 300) (created outside the plugin)",
      "adopt www A 192.0.2.1 (TTL 300) (created outside the plugin)",
      "delete old A 192.0.2.9 (TTL 300)",
    ]);
    const result = await sync.apply(adopting);
    expect(result.converged).toBe(true);
    expect(zones.managedRows(ZONE).map((row) => [row.name, row.origin])).toEqual([["www", "adopted"]]);
  });

  it("does not put an A record beside someone else's CNAME", async () => {
    await foreignZone([{ name: "www", type: "CNAME", ttl: 300, rdata: "elsewhere.example.org" }]);
    const { sync } = zoneSyncFor(h);
    const plan = await sync.plan(ZONE, panelZone("www 300 IN A 192.0.2.1"), "primary");
    expect(plan.changes).toEqual([]);
    expect(plan.conflicts[0]?.reason).toBe(
      "a CNAME at www not created by the plugin leaves no room for A records; delete it at WEDOS or sync with --adopt",
    );
  });

  it("puts back a managed row someone changed at WEDOS (drift)", async () => {
    const { sync } = zoneSyncFor(h);
    await sync.apply(await sync.plan(ZONE, panelZone("www 300 IN A 192.0.2.1"), "primary"));
    const [row] = await h.wapi.dns.rowsList(ZONE);
    await h.wapi.dns.rowUpdate({ domain: ZONE, rowId: row?.id ?? "", ttl: 300, rdata: "203.0.113.66" });
    const plan = await sync.plan(ZONE, panelZone("www 300 IN A 192.0.2.1"), "primary");
    expect(plan.changes.map((c) => c.message)).toEqual(["update www A 203.0.113.66 (TTL 300) → 192.0.2.1"]);
  });
});

describe("safety and idempotency", () => {
  const twelve = Array.from({ length: 12 }, (_, i) => `h${i} 300 IN A 192.0.2.${i + 1}`);

  it("refuses to delete more than 30 % of a zone of 10+ rows without --force", async () => {
    const { sync } = zoneSyncFor(h);
    await sync.apply(await sync.plan(ZONE, panelZone(twelve.join("\n")), "primary"));
    const plan = await sync.plan(ZONE, panelZone(twelve.slice(0, 7).join("\n")), "primary");
    expect(plan.safety.safe).toBe(false);
    await expect(sync.apply(plan)).rejects.toThrow(
      "sync example.test: refusing to apply: the plan updates 0 of 12 existing rows (0 %) and deletes 5 (42 %); more than 30 % needs --force — check the panel's zone first",
    );
    expect((await sync.apply(plan, { force: true })).converged).toBe(true);
  });

  it("allows up to 30 % without --force", async () => {
    const { sync } = zoneSyncFor(h);
    await sync.apply(await sync.plan(ZONE, panelZone(twelve.join("\n")), "primary"));
    const plan = await sync.plan(ZONE, panelZone(twelve.slice(0, 9).join("\n")), "primary");
    expect(plan.safety.safe).toBe(true);
  });

  it("a replayed event (the same zone again) changes nothing and sends only the read", async () => {
    const { sync } = zoneSyncFor(h);
    const records = panelZone("www 300 IN A 192.0.2.1\nmail 300 IN A 192.0.2.2");
    await sync.apply(await sync.plan(ZONE, records, "primary"));
    const before = h.sim.simulator.dump().requestLog.length;
    const again = await sync.plan(ZONE, records, "primary");
    expect(again.changes).toEqual([]);
    expect((await sync.apply(again)).writes).toBe(0);
    expect(commandsSince(h, before)).toEqual(["dns-rows-list"]);
  });

  it("applying the same plan twice is harmless: 'already gone' and 'already there' are confirmed by a re-list", async () => {
    const { sync } = zoneSyncFor(h);
    await sync.apply(await sync.plan(ZONE, panelZone("a 300 IN A 192.0.2.1"), "primary"));
    const plan = await sync.plan(ZONE, panelZone("b 300 IN A 192.0.2.2"), "primary");
    await sync.apply(plan);
    const second = await sync.apply(plan);
    expect(second.converged).toBe(true);
    expect((await h.wapi.dns.rowsList(ZONE)).map((row) => row.name)).toEqual(["b"]);
  });

  it("reports the records WEDOS cannot take, with reasons, and syncs the rest", async () => {
    const { sync } = zoneSyncFor(h);
    const plan = await sync.plan(
      ZONE,
      panelZone('www 60 IN A 192.0.2.1\n@ 300 IN SPF "v=spf1 -all"\n1 300 IN PTR host.example.test.'),
      "primary",
    );
    expect(plan.findings.map((f) => `${f.name} ${f.type} ${f.outcome}: ${f.reason}`)).toEqual([
      "@ SOA skipped: WEDOS writes the SOA record of every zone itself",
      "@ NS skipped: the zone's own name servers are WEDOS's (ns.wedos.net, ns.wedos.cz, ns.wedos.eu, ns.wedos.com); set those at the registrar instead",
      "@ NS skipped: the zone's own name servers are WEDOS's (ns.wedos.net, ns.wedos.cz, ns.wedos.eu, ns.wedos.com); set those at the registrar instead",
      "www A adjusted: WEDOS accepts TTLs from 300 s; 60 s was raised to 300 s",
      "@ SPF skipped: the SPF record type is obsolete and WEDOS does not accept it; publish the same text as a TXT record",
      "1 PTR skipped: WEDOS DNS does not take PTR records; the zone's other records are synced without them",
    ]);
    expect(plan.changes.map((c) => c.message)).toEqual(["add www A 192.0.2.1 (TTL 300)"]);
  });
});

describe("secondary mode", () => {
  it("creates a secondary zone with one request, and a change costs one dns-domain-axfr-run", async () => {
    const { sync } = zoneSyncFor(h);
    let before = h.sim.simulator.dump().requestLog.length;
    const plan = await sync.plan(ZONE, panelZone("www 300 IN A 192.0.2.1"), "secondary");
    expect(plan.createZone).toBe(true);
    await sync.apply(plan, { primaryIp: "192.0.2.53" });
    expect(commandsSince(h, before)).toEqual(["dns-domains-list", "dns-domain-add"]);
    expect(await h.wapi.dns.domainsList()).toEqual([{ name: ZONE, type: "secondary", status: "active" }]);

    before = h.sim.simulator.dump().requestLog.length;
    await sync.apply(await sync.plan(ZONE, panelZone("www 300 IN A 192.0.2.2"), "secondary"));
    expect(commandsSince(h, before)).toEqual(["dns-domain-axfr-run"]);
  });

  it("needs the panel server's address to create a secondary zone", async () => {
    const { sync } = zoneSyncFor(h);
    const plan = await sync.plan(ZONE, panelZone(""), "secondary");
    await expect(sync.apply(plan)).rejects.toThrow(
      "sync example.test: secondary mode needs the panel server's IPv4 address; set dns.primaryIp in the configuration",
    );
  });
});

describe("an apply cut short", () => {
  it("still owns the rows it added before the cut (no conflict, no second add) and the zone it created", async () => {
    const { sync, zones } = zoneSyncFor(h);
    const records = panelZone("www 300 IN A 192.0.2.1\nmail 300 IN A 192.0.2.2");
    // The adds reach WEDOS, then the process dies: no commit, and no listing has shown the new rows' IDs.
    h.sim.simulator.addFault({ command: "dns-domain-commit", kind: "drop", count: 1 });
    await expect(sync.apply(await sync.plan(ZONE, records, "primary"))).rejects.toThrow(/no answer/);
    expect(zones.zone(ZONE)?.createdByUs).toBe(true);
    const restarted = zoneSyncFor(h);
    const before = h.sim.simulator.dump().requestLog.length;
    const again = await restarted.sync.plan(ZONE, records, "primary");
    expect([again.conflicts, again.changes, again.commitPending]).toEqual([[], [], true]);
    expect(commandsSince(h, before)).toEqual(["dns-rows-list"]);
    const atWedos = h.sim.simulator.dump().zones.find((zone) => zone.name === ZONE)?.rows ?? [];
    expect(restarted.zones.managedRows(ZONE).map((row) => [row.rowId, row.name, row.origin])).toEqual(
      atWedos.map((row) => [row.id, row.name, "created"]).sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    );
  });

  it("looks a creation cut short before WEDOS got it up in the listing: nothing WEDOS would reject is sent", async () => {
    const { sync, zones } = zoneSyncFor(h);
    // The process died between noting the zone as its own and sending dns-domain-add.
    zones.noteCreating(ZONE, "primary", Date.now());
    const before = h.sim.simulator.dump().requestLog.length;
    const plan = await sync.plan(ZONE, panelZone("www 300 IN A 192.0.2.1"), "primary");
    expect(commandsSince(h, before)).toEqual(["dns-domains-list"]);
    expect(plan.createZone).toBe(true);
    expect((await sync.apply(plan)).converged).toBe(true);
    expect(h.sim.simulator.dump().requestLog.filter((entry) => (entry.code ?? 0) >= 2000)).toEqual([]);
    expect(zones.zone(ZONE)).toMatchObject({ createdByUs: true, creatingSince: null });
  });

  it("recognises a zone WEDOS created before the process died as its own, without a conflict", async () => {
    const { sync, zones } = zoneSyncFor(h);
    zones.noteCreating(ZONE, "primary", Date.now());
    await h.wapi.dns.domainAdd({ name: ZONE }); // the request went out; its answer never arrived
    const before = h.sim.simulator.dump().requestLog.length;
    const plan = await sync.plan(ZONE, panelZone("www 300 IN A 192.0.2.1"), "primary");
    expect(commandsSince(h, before)).toEqual(["dns-domains-list", "dns-rows-list"]);
    expect([plan.createZone, plan.conflicts, plan.changes.map((c) => c.message)]).toEqual([
      false,
      [],
      ["add www A 192.0.2.1 (TTL 300)"],
    ]);
    expect(zones.zone(ZONE)).toMatchObject({ createdByUs: true, creatingSince: null });
  });

  it("creates the zone again when WEDOS no longer has a zone the database remembers", async () => {
    const { sync } = zoneSyncFor(h);
    await sync.apply(await sync.plan(ZONE, panelZone("www 300 IN A 192.0.2.1"), "primary"));
    await h.wapi.dns.domainDelete(ZONE);
    const plan = await sync.plan(ZONE, panelZone("www 300 IN A 192.0.2.1"), "primary");
    expect(plan.createZone).toBe(true);
    expect((await sync.apply(plan)).converged).toBe(true);
  });
});

describe("an apply cut short before its commit", () => {
  it("is committed by the next sync even though nothing else changed", async () => {
    const { sync } = zoneSyncFor(h);
    const records = panelZone("www 300 IN A 192.0.2.1");
    h.sim.simulator.addFault({ command: "dns-domain-commit", kind: "drop", count: 1 });
    await expect(sync.apply(await sync.plan(ZONE, records, "primary"))).rejects.toThrow(/no answer/);
    const published = () => [...h.sim.simulator.publishedZones()].find((zone) => zone.name === ZONE)?.rows ?? [];
    expect(published()).toEqual([]);
    const again = await sync.plan(ZONE, records, "primary");
    expect(again.changes).toEqual([]);
    expect(again.commitPending).toBe(true);
    const before = h.sim.simulator.dump().requestLog.length;
    await sync.apply(again);
    expect(commandsSince(h, before)).toEqual(["dns-domain-commit"]);
    expect(published().map((row) => row.name)).toEqual(["www"]);
    expect((await sync.plan(ZONE, records, "primary")).commitPending).toBe(false);
  });
});
