import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/database.js";
import { ATTENTION, DOMAIN_GROUPS, type DomainScope } from "../../src/store/domain-listing.js";
import { InventoryStore, type DnsStatus, type DomainRow } from "../../src/store/inventory-store.js";
import { MIGRATIONS } from "../../src/store/migrations.js";

const STATUSES: DnsStatus[] = ["pending", "active", "error", "off", "withdrawn", "removed", "conflict"];

/** 600 domains of 12 accounts of 3 resellers, with states and statuses spread by a fixed pseudo-random sequence. */
function seeded(): InventoryStore {
  const inventory = new InventoryStore(openDatabase(":memory:"));
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let a = 0; a < 12; a++) {
    inventory.upsertAccount({ username: `user${a}`, creator: `res${a % 3}` }, 0);
    for (let d = 0; d < 50; d++) {
      const domain = `d${String(next() % 100000).padStart(5, "0")}-${a}-${d}.test`;
      inventory.upsertDomain({ domain, username: `user${a}`, kind: "domain" }, 0);
      inventory.setDnsStatus(domain, STATUSES[next() % STATUSES.length] as DnsStatus, null, 0);
      if (next() % 5 === 0) inventory.setDomainState(domain, next() % 2 === 0 ? "suspended" : "deleted", null, 0);
    }
  }
  inventory.upsertClusterZone("cluster.test", 0);
  return inventory;
}

/** The same lists computed the plain way, from every row: what the SQL must agree with. */
const REFERENCE = {
  inScope(scope: DomainScope, row: DomainRow, creators: Map<string, string>): boolean {
    if (scope.kind === "all") return true;
    if (row.username === scope.username) return true;
    return scope.kind === "reseller" && row.username !== null && creators.get(row.username) === scope.username;
  },
  inGroup(group: (typeof DOMAIN_GROUPS)[number], row: DomainRow): boolean {
    if (group === "problems") return row.dnsStatus === "error" || row.dnsStatus === "conflict";
    if (group === "pending") return row.dnsStatus === "pending";
    if (group === "active") return row.dnsStatus === "active" && row.state === "active";
    if (group === "suspended") return row.state === "suspended";
    return true;
  },
  rank: (row: DomainRow) =>
    row.dnsStatus === "error" || row.dnsStatus === "conflict" ? 0 : row.dnsStatus === "pending" ? 1 : 2,
};

describe("the domain listing", () => {
  it("pages and counts exactly what filtering every row would, for every scope, group and search", () => {
    const inventory = seeded();
    const creators = new Map(Array.from({ length: 12 }, (_, a) => [`user${a}`, `res${a % 3}`]));
    const scopes: DomainScope[] = [
      { kind: "all" },
      { kind: "account", username: "user4" },
      { kind: "reseller", username: "res1" },
    ];
    for (const scope of scopes)
      for (const search of ["", "-3-", "user1", "D0", "%", "nothing"]) {
        const visible = inventory
          .allDomains()
          .filter((row) => REFERENCE.inScope(scope, row, creators))
          .filter(
            (row) =>
              search === "" ||
              row.domain.includes(search.toLowerCase()) ||
              (row.username ?? "").includes(search.toLowerCase()),
          );
        const counts = inventory.listing.counts(scope, search);
        for (const group of DOMAIN_GROUPS) {
          const expected = visible
            .filter((row) => REFERENCE.inGroup(group, row))
            .sort((a, b) => REFERENCE.rank(a) - REFERENCE.rank(b) || (a.domain < b.domain ? -1 : 1))
            .map((row) => row.domain);
          const label = `${JSON.stringify(scope)} ${group} "${search}"`;
          expect(counts[group], label).toBe(expected.length);
          const pages = [0, 1, 2, 3].map((page) =>
            inventory.listing.page({ scope, group, search, offset: page * 40, limit: 40 }).map((row) => row.domain),
          );
          expect(pages.flat(), label).toEqual(expected.slice(0, 160));
        }
      }
  });

  it("reads a page in the order of the attention index instead of sorting the whole list", () => {
    const migration = MIGRATIONS.find((each) => each.version === 19)?.sql.replace(/\s+/g, " ") ?? "";
    expect(migration).toContain(`(${ATTENTION}), domain)`);
    const db = openDatabase(":memory:");
    const plan = db
      .prepare<[], { detail: string }>(
        `EXPLAIN QUERY PLAN SELECT domain FROM domains WHERE dns_status = 'pending' ORDER BY ${ATTENTION}, domain
         LIMIT 50 OFFSET 5000`,
      )
      .all()
      .map((step) => step.detail);
    expect(plan.join("\n")).toContain("USING INDEX domains_by_attention");
    expect(plan.join("\n")).not.toContain("TEMP B-TREE");
  });
});
