import { describe, expect, it } from "vitest";
import { panelZone } from "../../src/bench/sync-scenarios.js";
import { auditRecords } from "../../src/sync/audit.js";
import { recordStates } from "../../src/sync/record-states.js";

const ZONE = "example.test";

describe("recordStates", () => {
  it("tells in-sync, pending and not-accepted records apart, from local state only", () => {
    const audit = auditRecords(
      panelZone('www 300 IN A 192.0.2.1\nmail 300 IN A 192.0.2.2\nold 60 IN A 192.0.2.3\n@ 300 IN SPF "v=spf1 -all"'),
      ZONE,
    );
    const managed = [
      { rowId: "1", name: "www", type: "A", ttl: 300, rdata: "192.0.2.1", origin: "created" as const },
      { rowId: "2", name: "mail", type: "A", ttl: 600, rdata: "192.0.2.2", origin: "created" as const },
    ];
    const states = recordStates(audit, managed).map(
      (state) => `${state.name} ${state.type} ${state.state}${state.note === undefined ? "" : ` (${state.note})`}`,
    );
    expect(states).toEqual([
      "www A in-sync",
      "mail A pending",
      "old A pending (WEDOS accepts TTLs from 300 s; 60 s was raised to 300 s)",
      "@ SOA by-wedos (WEDOS writes the SOA record of every zone itself)",
      "@ NS by-wedos (the zone's own name servers are WEDOS's (ns.wedos.net, ns.wedos.cz, ns.wedos.eu, ns.wedos.com); set those at the registrar instead)",
      "@ NS by-wedos (the zone's own name servers are WEDOS's (ns.wedos.net, ns.wedos.cz, ns.wedos.eu, ns.wedos.com); set those at the registrar instead)",
      "@ SPF not-accepted (the SPF record type is obsolete and WEDOS does not accept it; publish the same text as a TXT record)",
    ]);
  });

  it("shows a record WEDOS does not take with its own TTL and value, so the customer can tell which one it is", () => {
    const audit = auditRecords(panelZone('@ 600 IN SPF "v=spf1 -all"'), ZONE);
    const refused = recordStates(audit, []).filter(
      (state) => state.state === "not-accepted" || state.state === "by-wedos",
    );
    expect(refused.map((state) => `${state.name} ${state.ttl} ${state.type} ${state.value}`)).toEqual([
      expect.stringMatching(/^@ \d+ SOA \S+ \S+ \d+ /),
      expect.stringMatching(/^@ \d+ NS \S+\.$/),
      expect.stringMatching(/^@ \d+ NS \S+\.$/),
      '@ 600 SPF "v=spf1 -all"',
    ]);
  });
});
