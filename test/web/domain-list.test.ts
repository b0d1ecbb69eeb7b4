import { describe, expect, it } from "vitest";
import { reason } from "../../src/model/reason.js";
import { policySchema } from "../../src/model/policy.js";
import { elementsOf, parseHtml, textOf, type HtmlElement } from "../support/html.js";
import { seedTenants, useSeededHarness } from "./support.js";

const harness = useSeededHarness(seedTenants);

/** `count` more domains of `username` (alice-001.test …), into the inventory as the ingest would put them. */
function addDomains(username: string, count: number, prefix = username): void {
  const h = harness();
  for (let n = 1; n <= count; n++)
    h.inventory.upsertDomain(
      { domain: `${prefix}-${String(n).padStart(3, "0")}.test`, username, kind: "domain" },
      h.clock.now(),
    );
}

interface ListPage {
  html: string;
  root: HtmlElement;
  /** The domains of the rows, in order. */
  domains: string[];
  /** Each pill's label and count, e.g. "problems 2". */
  pills: string[];
  /** The query of each pill and pager link, by its text. */
  links: Map<string, URLSearchParams>;
  summary: string;
}

async function list(username: string, level: "user" | "reseller" | "admin", query = ""): Promise<ListPage> {
  const h = harness();
  const { stdout } = await h.visit({ level, file: "index.html", session: h.da.login(username), query });
  const { root } = parseHtml(stdout);
  const rows = elementsOf(root, "tbody").flatMap((body) => elementsOf(body, "tr"));
  const navs = elementsOf(root, "nav").filter((nav) => /wedos-(filters|pager)/.test(nav.attributes.get("class") ?? ""));
  const links = new Map(
    navs
      .flatMap((nav) => elementsOf(nav, "a"))
      .map((a) => [textOf(a), new URLSearchParams((a.attributes.get("href") ?? "").split("?")[1] ?? "")] as const),
  );
  const summary = elementsOf(root, "p").find((p) => p.attributes.get("class") === "wedos-list-summary");
  return {
    html: stdout,
    root,
    domains: rows.map((row) => textOf(elementsOf(row, "th")[0] as HtmlElement)),
    pills: elementsOf(navs[0] as HtmlElement, "a").map(textOf),
    links,
    summary: summary === undefined ? "" : textOf(summary),
  };
}

describe("the domain list pages, searches and filters on the server", () => {
  it("shows 50 domains a page with links to the pages around it, keeping the filter and search", async () => {
    addDomains("alice", 120);
    const first = await list("alice", "user");
    expect(first.domains).toHaveLength(50);
    expect(first.domains[0]).toBe("alice-001.test");
    expect(first.summary).toBe("Domains 1–50 of 121");
    expect(first.links.get("Next page")?.get("page")).toBe("2");
    expect(first.links.has("Previous page")).toBe(false);

    const third = await list("alice", "user", "page=3");
    expect(third.domains).toEqual([
      ...Array.from({ length: 20 }, (_, i) => `alice-${String(101 + i).padStart(3, "0")}.test`),
      "alice.test",
    ]);
    expect(third.summary).toBe("Domains 101–121 of 121");
    expect(third.links.get("Previous page")?.get("page")).toBe("2");
    expect(third.links.has("Next page")).toBe(false);

    // Past the end shows the last page; nonsense shows the first.
    expect((await list("alice", "user", "page=99")).summary).toBe("Domains 101–121 of 121");
    expect((await list("alice", "user", "page=-3")).summary).toBe("Domains 1–50 of 121");

    const searched = await list("alice", "user", "q=alice-0&page=2");
    expect(searched.summary).toBe("Domains 51–99 of 99");
    expect(searched.links.get("Previous page")?.get("q")).toBe("alice-0");
  });

  it("counts each filter's domains, within the search, and keeps the search in the pills' links", async () => {
    const h = harness();
    addDomains("alice", 30);
    const now = h.clock.now();
    h.inventory.setDnsStatus("alice-010.test", "error", reason("wedos-refused", "WEDOS refused the zone"), now);
    h.inventory.setDnsStatus(
      "alice-002.test",
      "conflict",
      reason("zone-conflict", "a zone already exists at WEDOS"),
      now,
    );
    h.inventory.setDnsStatus("alice-011.test", "active", null, now, true);
    h.inventory.setDnsStatus("alice-012.test", "active", null, now, true);
    h.inventory.setDnsStatus("alice-013.test", "active", null, now, true);
    const all = await list("alice", "user");
    expect(all.pills).toEqual(["all 31", "problems 2", "waiting 26", "active 3", "suspended 0"]);
    // Problems come first.
    expect(all.domains.slice(0, 3)).toEqual(["alice-002.test", "alice-010.test", "alice-001.test"]);

    const searched = await list("alice", "user", "q=alice-01");
    expect(searched.pills).toEqual(["all 10", "problems 1", "waiting 6", "active 3", "suspended 0"]);
    expect(searched.links.get("active 3")?.get("q")).toBe("alice-01");
    expect(searched.links.get("active 3")?.get("status")).toBe("active");

    const active = await list("alice", "user", "q=alice-01&status=active");
    expect(active.domains).toEqual(["alice-011.test", "alice-012.test", "alice-013.test"]);
    // The search form keeps the filter, and shows the search it ran.
    const search = elementsOf(active.root, "form").find((each) => each.attributes.get("role") === "search");
    const fields = elementsOf(search as HtmlElement, "input").map((input) => [
      input.attributes.get("name"),
      input.attributes.get("value"),
    ]);
    expect(fields).toEqual([
      ["status", "active"],
      ["q", "alice-01"],
    ]);
  });

  it("says when a search matches nothing (escaped), takes LIKE's wildcards literally, offers to clear it", async () => {
    addDomains("alice", 3);
    const none = await list("alice", "user", `q=${encodeURIComponent('<b>"x%_')}`);
    expect(none.domains).toEqual([]);
    expect(none.html).toContain("No domain or account contains “&lt;b&gt;&#34;x%_”.");
    expect(none.html).not.toContain("<b>");
    expect(none.pills).toEqual(["all 0", "problems 0", "waiting 0", "active 0", "suspended 0"]);
    expect(textOf(elementsOf(none.root, "a").find((a) => textOf(a) === "Clear the search") as HtmlElement)).toBe(
      "Clear the search",
    );
    expect((await list("alice", "user", "q=%25")).domains).toEqual([]);
    expect((await list("alice", "user", "q=_")).domains).toEqual([]);
    expect((await list("alice", "user", "q=ALICE-00")).domains).toHaveLength(3);
  });

  it("searches and counts only within the visitor's tenants, by domain or account", async () => {
    addDomains("carol", 5);
    const reseller = await list("res1", "reseller", "q=carol");
    expect(reseller.domains).toEqual([]);
    expect(reseller.pills[0]).toBe("all 0");
    const byAccount = await list("res1", "reseller", "q=bob");
    expect(byAccount.domains).toEqual(["bob.test"]);
    expect((await list("res1", "reseller")).pills[0]).toBe("all 2");
    expect((await list("res2", "reseller")).pills[0]).toBe("all 6");
    expect((await list("alice", "user", "q=carol")).domains).toEqual([]);
    const admin = await list("admin", "admin", "q=carol");
    expect(admin.domains).toHaveLength(6);
    expect(admin.pills[0]).toBe("all 6");
  });
});

describe("each row has one primary action", () => {
  function actionsOf(page: ListPage, domain: string): string[] {
    const row = elementsOf(page.root, "tr").find((tr) => textOf(elementsOf(tr, "th")[0] as HtmlElement) === domain);
    const cell = elementsOf(row as HtmlElement, "td").find((td) => td.attributes.get("class") === "wedos-row-action");
    return [...elementsOf(cell as HtmlElement, "button"), ...elementsOf(cell as HtmlElement, "a")].map(textOf);
  }

  it("Sync now where the zone can be sent, else the way to the domain's page named for what is there", async () => {
    const h = harness();
    const now = h.clock.now();
    addDomains("alice", 2);
    h.inventory.setDnsStatus("alice.test", "active", null, now, true);
    h.inventory.setDnsStatus("alice-001.test", "error", reason("wedos-refused", "WEDOS refused the zone"), now);
    const page = await list("alice", "user");
    expect(actionsOf(page, "alice.test")).toEqual(["Sync now alice.test"]);
    expect(actionsOf(page, "alice-001.test")).toEqual(["See what is wrong alice-001.test"]);
    // Waiting: an interactive sync goes ahead of the background work.
    expect(actionsOf(page, "alice-002.test")).toEqual(["Sync now alice-002.test"]);
  });

  it("a suspended row says what suspension holds back and what can still be done, for each reader", async () => {
    const h = harness();
    h.inventory.setDnsStatus("bob.test", "active", null, h.clock.now(), true);
    await h.da.suspendUser("bob");
    h.services.ingest();
    await h.services.worker.runUntilIdle();
    expect(h.inventory.domain("bob.test")?.state).toBe("suspended");

    const staff = await list("res1", "reseller", "status=suspended");
    expect(staff.domains).toEqual(["bob.test"]);
    expect(staff.pills).toContain("suspended 1");
    expect(actionsOf(staff, "bob.test")).toEqual(["What you can do bob.test"]);
    // The package keeps DNS on suspension (the harness's default), so the zone stays and edits are still sent.
    expect(staff.html).toContain(
      "its package keeps the DNS at WEDOS, so the zone keeps working and changes are still sent",
    );
    expect(staff.html).not.toMatch(/<button[^>]*>Sync now<span class="wedos-sr-only"> bob\.test/);

    const czech = await h.visit({
      level: "reseller",
      session: h.da.login("res1"),
      env: { LANGUAGE: "cs" },
      query: "status=suspended",
    });
    expect(czech.stdout).toContain("Účet je v panelu pozastaven");
    expect(czech.stdout).toContain("Co můžete dělat");
  });

  it("a suspended row under a package that withdraws zones says the zone leaves WEDOS until unsuspension", async () => {
    const h = harness();
    const pkg = h.inventory.account("bob")?.package ?? "default";
    h.services.tasks.policies.save(pkg, policySchema.parse({ onSuspend: "withdraw" }), h.clock.now());
    await h.da.suspendUser("bob");
    h.services.ingest();
    const staff = await list("res1", "reseller", "status=suspended");
    expect(staff.html).toContain("its package withdraws the zone from WEDOS until it is unsuspended");
    expect(staff.html).not.toContain("its package keeps the DNS at WEDOS");
    const customer = await list("bob", "user", "status=suspended");
    expect(customer.html).toContain("this domain&#39;s zone is taken off WEDOS until it is unsuspended");
  });
});
