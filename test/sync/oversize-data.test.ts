import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseDnsWriteEnv } from "../../src/panel/directadmin/dns-write-env.js";
import { startWedosHarness, type WedosHarness } from "../support/wedos-harness.js";
import { commandsSince, panelZone, ZONE, zoneSyncFor } from "./support.js";

let h: WedosHarness;
beforeEach(async () => {
  h = await startWedosHarness();
});
afterEach(async () => {
  await h.close();
});

/** A TXT pair as dns_write_post hands it over: the value in zone-file syntax, percent-encoded. */
const txtPair = (name: string, strings: number, length: number) =>
  `${name}=${encodeURIComponent(Array.from({ length: strings }, () => `"${"x".repeat(length)}"`).join(" "))}`;

describe("records WEDOS is known to refuse are listed with their reason, never sent", () => {
  it("TXT data over what a DNS record holds, from dns_write_post (no zone file to refuse it), stays home", async () => {
    // 257 strings of 255 bytes (65,792 bytes) and, beside it, a short TXT value that is synced.
    const env = parseDnsWriteEnv({ DOMAIN: ZONE, TXT: `${txtPair("big", 257, 255)}&${txtPair("ok", 1, 20)}` }, 300);
    expect(env.problems).toEqual([]);
    const records = [...panelZone("www 300 IN A 192.0.2.1"), ...env.records];
    const { sync } = zoneSyncFor(h);
    const plan = await sync.plan(ZONE, records, "primary");
    expect(plan.changes.map((change) => `${change.kind} ${change.row.name} ${change.row.type}`)).toEqual([
      "add www A",
      "add ok TXT",
    ]);
    expect(plan.findings.filter((finding) => finding.rule === "unconvertible")).toMatchObject([
      {
        name: "big",
        type: "TXT",
        outcome: "skipped",
        reason:
          "the TXT data is 65,792 bytes, more than the 65,510 one DNS record can hold, " +
          "so no name server, WEDOS's included, can serve it",
      },
    ]);

    const from = h.sim.simulator.dump().requestLog.length;
    expect((await sync.apply(plan)).converged).toBe(true);
    expect(commandsSince(h, from).filter((command) => command === "dns-row-add")).toHaveLength(2);
    // Nothing WEDOS refused: no request counted toward the IP block.
    expect(h.sim.simulator.dump().requestLog.filter((entry) => (entry.code ?? 0) >= 2000)).toEqual([]);
    expect(h.sim.simulator.dump().zones[0]?.rows.map((row) => `${row.name} ${row.type}`)).toEqual(["ok TXT", "www A"]);
  });
});
