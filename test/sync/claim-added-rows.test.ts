import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditRecords } from "../../src/sync/audit.js";
import { recordStates } from "../../src/sync/record-states.js";
import { startWedosHarness, type WedosHarness } from "../support/wedos-harness.js";
import { commandsSince, panelZone, ZONE, zoneSyncFor } from "./support.js";

/** Rows an apply adds are claimed at the zone's next listing, never by an extra listing (docs/decisions/0016). */
let h: WedosHarness;
beforeEach(async () => {
  h = await startWedosHarness();
});
afterEach(async () => {
  await h.close();
});

const WWW = "www 300 IN A 192.0.2.1";
const rowsAtWedos = () => h.sim.simulator.dump().zones.find((zone) => zone.name === ZONE)?.rows ?? [];
const idOf = (name: string, rdata: string) =>
  rowsAtWedos().find((row) => row.name === name && row.rdata === rdata)?.id ?? "";

describe("rows an apply added", () => {
  it("cost list, add, commit: three requests, and the next listing claims the row by its ID", async () => {
    const { sync, zones } = zoneSyncFor(h);
    await sync.apply(await sync.plan(ZONE, panelZone("mail 300 IN A 192.0.2.9"), "primary"));
    const before = h.sim.simulator.dump().requestLog.length;
    const result = await sync.apply(await sync.plan(ZONE, panelZone(`mail 300 IN A 192.0.2.9\n${WWW}`), "primary"));
    expect(commandsSince(h, before)).toEqual(["dns-rows-list", "dns-row-add", "dns-domain-commit"]);
    expect([result.sent, result.converged]).toEqual([["dns-row-add", "dns-domain-commit"], true]);
    expect(zones.managedRows(ZONE).map((row) => row.name)).toEqual(["mail"]);

    const next = await sync.plan(ZONE, panelZone(`mail 300 IN A 192.0.2.9\n${WWW}`), "primary");
    expect([next.changes, next.conflicts]).toEqual([[], []]);
    expect(zones.managedRows(ZONE).map((row) => [row.name, row.rowId])).toEqual([
      ["mail", idOf("mail", "192.0.2.9")],
      ["www", idOf("www", "192.0.2.1")],
    ]);
    expect(zones.pendingAdds(ZONE)).toEqual([]);
  });

  it("show as in sync on the domain page before any listing has claimed them", async () => {
    const { sync, zones } = zoneSyncFor(h);
    const records = panelZone(WWW);
    await sync.apply(await sync.plan(ZONE, records, "primary"));
    expect(zones.managedRows(ZONE)).toEqual([]);
    expect(
      recordStates(auditRecords(records, ZONE), zones.rowsAtWedos(ZONE)).map((state) => [state.name, state.state]),
    ).toContainEqual(["www", "in-sync"]);
  });

  it("are still ours when the add reached WEDOS but its answer never came back", async () => {
    const { sync, zones } = zoneSyncFor(h);
    await sync.apply(await sync.plan(ZONE, panelZone(""), "primary"));
    const records = panelZone(`${WWW}\nmail 300 IN A 192.0.2.2`);
    h.sim.simulator.addFault({ command: "dns-row-add", kind: "drop", count: 1 });
    await expect(sync.apply(await sync.plan(ZONE, records, "primary"))).rejects.toThrow(
      /apply stopped at a failed change/,
    );
    // The first add (www) had in fact reached WEDOS (made here by hand, as WEDOS would have); mail was never sent.
    expect(commandsSince(h, 0).filter((command) => command === "dns-row-add")).toHaveLength(1);
    expect(zones.pendingAdds(ZONE).map((entry) => entry.row?.name)).toEqual(["www"]);
    await h.wapi.dns.rowAdd({ domain: ZONE, name: "www", type: "A", ttl: 300, rdata: "192.0.2.1" });
    const again = await zoneSyncFor(h).sync.plan(ZONE, records, "primary");
    expect([again.conflicts, again.changes.map((change) => change.message)]).toEqual([
      [],
      ["add mail A 192.0.2.2 (TTL 300)"],
    ]);
    expect(zones.managedRows(ZONE).map((row) => row.name)).toEqual(["www"]);
    expect(zones.pendingAdds(ZONE)).toEqual([]);
  });
});

describe("a row someone else made is never claimed", () => {
  it("when it was there before our add (WEDOS answers 2316): it stays someone else's and is reported", async () => {
    const { sync, zones } = zoneSyncFor(h);
    await sync.apply(await sync.plan(ZONE, panelZone(""), "primary"));
    const plan = await sync.plan(ZONE, panelZone(WWW), "primary");
    await h.wapi.dns.rowAdd({ domain: ZONE, name: "www", type: "A", ttl: 300, rdata: "192.0.2.1" }); // by hand, meanwhile
    const result = await sync.apply(plan);
    expect(result.sent).toEqual(["dns-row-add", "dns-rows-list", "dns-domain-commit"]);
    expect(zones.managedRows(ZONE)).toEqual([]);
    const next = await sync.plan(ZONE, panelZone(WWW), "primary");
    expect(next.conflicts.map((conflict) => conflict.reason)).toEqual([
      "www A 192.0.2.1 (TTL 300) already exists at WEDOS but was not created by the plugin; sync with --adopt to take it over",
    ]);
  });

  it("when our row was deleted at WEDOS before the listing and an identical one is added later", async () => {
    const { sync, zones } = zoneSyncFor(h);
    await sync.apply(await sync.plan(ZONE, panelZone(WWW), "primary"));
    await h.wapi.dns.rowDelete({ domain: ZONE, rowId: idOf("www", "192.0.2.1") });
    expect((await sync.plan(ZONE, panelZone(WWW), "primary")).changes.map((change) => change.message)).toEqual([
      "add www A 192.0.2.1 (TTL 300)",
    ]);
    expect(zones.pendingAdds(ZONE)).toEqual([]);
    await h.wapi.dns.rowAdd({ domain: ZONE, name: "www", type: "A", ttl: 300, rdata: "192.0.2.1" });
    expect((await sync.plan(ZONE, panelZone(WWW), "primary")).conflicts).toHaveLength(1);
    expect(zones.managedRows(ZONE)).toEqual([]);
  });

  it("when our row was changed at WEDOS and someone added another at the same name: ambiguous, neither is claimed", async () => {
    const { sync, zones } = zoneSyncFor(h);
    await sync.apply(await sync.plan(ZONE, panelZone(WWW), "primary"));
    await h.wapi.dns.rowUpdate({ domain: ZONE, rowId: idOf("www", "192.0.2.1"), ttl: 300, rdata: "203.0.113.66" });
    await h.wapi.dns.rowAdd({ domain: ZONE, name: "www", type: "A", ttl: 300, rdata: "203.0.113.77" });
    const plan = await sync.plan(ZONE, panelZone(WWW), "primary");
    expect(plan.foreign.map((row) => row.rdata).sort()).toEqual(["203.0.113.66", "203.0.113.77"]);
    expect(zones.managedRows(ZONE)).toEqual([]);
  });
});
