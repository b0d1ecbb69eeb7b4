import { describe, expect, it } from "vitest";
import { elementsOf, parseHtml, textOf, type HtmlElement } from "../support/html.js";
import { protectionCharged, seedFebruaryLedger, zoneStarted } from "../support/billing-ledger.js";
import { CreatorLevelStore } from "../../src/store/creator-level-store.js";
import { seedTenants, useSeededHarness } from "./support.js";

const harness = useSeededHarness(async (h) => {
  await seedTenants(h);
  seedFebruaryLedger(h.services.db);
});

type Level = "user" | "reseller" | "admin";

interface BillingPage {
  status: number;
  html: string;
  root: HtmlElement;
  text: string;
  /** The rows of the page's tables, each as the texts of its cells. */
  rows(tableClass: string): string[][];
  /** The totals list: term → amount. */
  totals: Map<string, string>;
}

async function billingPage(username: string, level: Level, path = "/billing", query = ""): Promise<BillingPage> {
  const h = harness();
  const run = await h.visit({
    level,
    file: "index.raw",
    session: h.da.login(username),
    query: `p=${path}${query === "" ? "" : `&${query}`}`,
  });
  const status = Number(/^HTTP\/1\.1 (\d+)/.exec(run.stdout)?.[1] ?? 0);
  const { root } = parseHtml(run.stdout);
  const main = elementsOf(root, "main")[0] ?? root;
  const tables = elementsOf(main, "table");
  const totalsList = elementsOf(main, "dl").find((dl) => (dl.attributes.get("class") ?? "").includes("totals"));
  const terms = totalsList === undefined ? [] : elementsOf(totalsList, "dt").map(textOf);
  const values = totalsList === undefined ? [] : elementsOf(totalsList, "dd").map(textOf);
  return {
    status,
    html: run.stdout,
    root,
    text: textOf(main),
    rows: (tableClass) =>
      tables
        .filter((table) => (table.attributes.get("class") ?? "").split(" ").includes(tableClass))
        .flatMap((table) => elementsOf(table, "tbody").flatMap((body) => elementsOf(body, "tr")))
        .map((row) =>
          elementsOf(row)
            .filter((cell) => cell.name === "th" || cell.name === "td")
            .map(textOf),
        ),
    totals: new Map(terms.map((term, index) => [term, values[index] ?? ""])),
  };
}

describe("the customer's billing page", () => {
  it("shows what they pay in the month per domain and per line, with VAT, and never what WEDOS charges", async () => {
    const page = await billingPage("alice", "user", "/billing", "month=2026-02");
    expect(page.status).toBe(200);
    // 30.00 for the zone's 28 of 28 days and the 490.00 period; 21 % VAT on the 520.00.
    expect(Object.fromEntries(page.totals)).toEqual({
      "Without VAT": "CZK 520.00",
      "VAT 21 %": "CZK 109.20",
      Total: "CZK 629.20",
    });
    expect(page.rows("wedos-billing-domains")).toEqual([["alice.test", "CZK 520.00"]]);
    expect(page.rows("wedos-billing-lines")).toEqual([
      ["alice.test", "DNS zone (per month)", "1 Feb 2026 – 28 Feb 2026", "28 of 28 days", "CZK 30.00"],
      ["alice.test", "Protection Start, monthly", "5 Feb 2026 – 4 Mar 2026", "paid period", "CZK 490.00"],
    ]);
    expect(page.text).not.toContain("390.00");
    expect(page.text).not.toContain("Charged by WEDOS");
    expect(page.text).not.toContain("bob.test");
  });

  it("draws the last twelve months as an accessible SVG chart with the same months as a table", async () => {
    const page = await billingPage("alice", "user", "/billing", "month=2026-02");
    const svg = elementsOf(page.root, "svg")[0] as HtmlElement;
    expect(svg.attributes.get("role")).toBe("img");
    expect(textOf(elementsOf(svg, "title")[0] as HtmlElement)).toBe("What you paid, the last 12 months");
    expect(textOf(elementsOf(svg, "desc")[0] as HtmlElement)).toBe(
      "Bars per month from Mar 2025 to Feb 2026: Total with VAT. The highest: CZK 629.20 (Total with VAT) in Feb 2026.",
    );
    const table = page.rows("wedos-billing-by-month");
    expect(table).toHaveLength(12);
    // January: the zone from 1 January, 31 of 31 days, 30.00 + 21 % VAT.
    expect(table.slice(-2)).toEqual([
      ["Jan 2026", "CZK 36.30"],
      ["Feb 2026", "CZK 629.20"],
    ]);
    // Only the months with an amount have a bar taller than the axis.
    const bars = elementsOf(svg, "rect").filter((rect) => Number(rect.attributes.get("height")) > 0);
    expect(bars).toHaveLength(2);
  });

  it("speaks Czech with Czech money and dates", async () => {
    harness().da.setLanguage("alice", "cs");
    const page = await billingPage("alice", "user", "/billing", "month=2026-02");
    expect(page.totals.get("Celkem")).toBe("629,20 Kč");
    expect(page.totals.get("DPH 21 %")).toBe("109,20 Kč");
    expect(page.rows("wedos-billing-lines")[1]).toEqual([
      "alice.test",
      "Ochrana Start, měsíčně",
      "5. 2. 2026 – 4. 3. 2026",
      "zaplacené období",
      "490,00 Kč",
    ]);
    expect(page.text).toContain("únor 2026");
  });

  it("says when nothing is billed, and reads a malformed or future month as the current one, saying so", async () => {
    expect((await billingPage("bob", "user", "/billing", "month=2026-01")).text).toContain(
      "Nothing is billed to you in January 2026.",
    );
    const malformed = await billingPage("alice", "user", "/billing", "month=2026-13");
    expect(malformed.text).toContain(
      "“2026-13” is not a month (write it as YYYY-MM, e.g. 2026-11); showing March 2026.",
    );
    const future = await billingPage("alice", "user", "/billing", "month=2027-01");
    expect(future.text).toContain("That month has not begun");
    expect(future.text).toContain("showing March 2026");
  });

  it("has no statement page of its own: a customer's statement is their hub", async () => {
    const page = await billingPage("alice", "user", "/billing/statement", "customer=bob");
    expect(page.status).toBe(404);
    expect(page.text).not.toContain("bob.test");
  });
});

describe("the reseller's billing page", () => {
  it("lists only their customers with the month's amounts, wholesale and margin", async () => {
    const page = await billingPage("res1", "reseller", "/billing", "month=2026-02");
    expect(page.rows("wedos-billing-customers")).toEqual([
      ["alice", "1", "CZK 520.00", "CZK 390.00", "CZK 130.00"],
      ["bob", "1", "CZK 15.00", "CZK 0.00", "CZK 15.00"],
    ]);
    expect(page.totals.get("Without VAT")).toBe("CZK 535.00");
    expect(page.totals.get("Charged by WEDOS")).toBe("CZK 390.00");
    expect(page.totals.get("Margin")).toBe("CZK 145.00");
    expect(page.text).not.toContain("carol");
  });

  it("ignores a reseller named in the address: a customer and a reseller see only their own scope", async () => {
    const reseller = await billingPage("res1", "reseller", "/billing", "month=2026-02&reseller=res2");
    expect(reseller.rows("wedos-billing-customers").map((row) => row[0])).toEqual(["alice", "bob"]);
    const customer = await billingPage("alice", "user", "/billing", "month=2026-02&reseller=res1&customer=bob");
    expect(customer.rows("wedos-billing-domains")).toEqual([["alice.test", "CZK 520.00"]]);
    expect(customer.text).not.toContain("bob");
  });

  it("opens a customer's statement with wholesale and margin, and answers another reseller's like nobody's", async () => {
    const alice = await billingPage("res1", "reseller", "/billing/statement", "customer=alice&month=2026-02");
    expect(alice.status).toBe(200);
    expect(alice.rows("wedos-billing-lines")[1]).toEqual([
      "alice.test",
      "Protection Start, monthly",
      "5 Feb 2026 – 4 Mar 2026",
      "paid period",
      "CZK 490.00",
      "CZK 390.00",
      "CZK 100.00",
    ]);
    const carol = await billingPage("res1", "reseller", "/billing/statement", "customer=carol&month=2026-02");
    const nobody = await billingPage("res1", "reseller", "/billing/statement", "customer=zed&month=2026-02");
    expect(carol.status).toBe(404);
    expect(nobody.status).toBe(404);
    expect(carol.text).not.toContain("carol.test");
    expect(carol.text).not.toContain("45.00");
    expect(carol.text.replace(/carol/g, "X")).toBe(nobody.text.replace(/zed/g, "X"));
  });

  it("shows an entry written after a view at once: a month is rated again when the ledger grows", async () => {
    const before = await billingPage("res1", "reseller", "/billing", "month=2026-02");
    expect(before.totals.get("Without VAT")).toBe("CZK 535.00");
    zoneStarted(harness().services.db, {
      username: "dan",
      reseller: "res1",
      domain: "dan.test",
      day: "2026-02-01",
      monthly: "28.00",
    });
    const after = await billingPage("res1", "reseller", "/billing", "month=2026-02");
    expect(after.totals.get("Without VAT")).toBe("CZK 563.00");
    expect(after.rows("wedos-billing-customers").map((row) => row[0])).toEqual(["alice", "bob", "dan"]);
  });

  it("refuses a malformed customer name with what to write instead", async () => {
    const page = await billingPage("res1", "reseller", "/billing/statement", "customer=%3Cscript%3E");
    expect(page.status).toBe(400);
    expect(page.html).not.toContain("<script>");
  });

  it("pages 50 customers at a time and finds customers by name, keeping the month", async () => {
    const { db } = harness().services;
    for (let n = 1; n <= 60; n++) {
      const username = `cust${String(n).padStart(3, "0")}`;
      zoneStarted(db, { username, reseller: "res1", domain: `${username}.test`, day: "2026-02-01", monthly: "10.00" });
    }
    const first = await billingPage("res1", "reseller", "/billing", "month=2026-02");
    expect(first.text).toContain("Customers 1–50 of 62");
    const next = elementsOf(first.root, "a").find(
      (a) => a.attributes.get("rel") === "next" && textOf(a) === "Next page",
    );
    const params = new URLSearchParams((next?.attributes.get("href") ?? "").split("?")[1]);
    expect(params.get("page")).toBe("2");
    expect(params.get("month")).toBe("2026-02");
    const second = await billingPage("res1", "reseller", "/billing", "month=2026-02&page=2");
    expect(second.rows("wedos-billing-customers").map((row) => row[0])).toEqual(
      Array.from({ length: 12 }, (_, i) => `cust${String(49 + i).padStart(3, "0")}`),
    );
    const found = await billingPage("res1", "reseller", "/billing", "month=2026-02&q=CUST05");
    expect(found.rows("wedos-billing-customers").map((row) => row[0])).toEqual(
      Array.from({ length: 10 }, (_, i) => `cust05${i}`),
    );
    const none = await billingPage("res1", "reseller", "/billing", "month=2026-02&q=carol");
    expect(none.text).toContain("No customer billed in this month has “carol” in their name.");
  });
});

describe("the admin's billing page", () => {
  it("shows the month in total and per reseller, with links to each reseller's customers and the other pages", async () => {
    const page = await billingPage("admin", "admin", "/billing", "month=2026-02");
    expect(page.totals.get("Without VAT")).toBe("CZK 580.00");
    expect(page.totals.get("Margin")).toBe("CZK 190.00");
    expect(page.rows("wedos-billing-resellers")).toEqual([
      ["res1", "2", "CZK 535.00", "CZK 390.00", "CZK 145.00"],
      ["res2", "1", "CZK 45.00", "CZK 0.00", "CZK 45.00"],
    ]);
    const links = elementsOf(page.root, "a").map(textOf);
    for (const label of ["Price book", "Offers", "WEDOS credit", "Reconciliation", "Spending limits", "Export tokens"])
      expect(links).toContain(label);
    const svg = elementsOf(page.root, "svg")[0] as HtmlElement;
    expect(textOf(elementsOf(svg, "desc")[0] as HtmlElement)).toContain(
      "Revenue without VAT, Charged by WEDOS, Margin. The highest: CZK 580.00 (Revenue without VAT) in Feb 2026.",
    );
    const res2 = await billingPage("admin", "admin", "/billing", "month=2026-02&reseller=res2");
    expect(res2.rows("wedos-billing-customers")).toEqual([["carol", "1", "CZK 45.00", "CZK 0.00", "CZK 45.00"]]);
    const carol = await billingPage("admin", "admin", "/billing/statement", "customer=carol&month=2026-02");
    expect(carol.rows("wedos-billing-lines")).toEqual([
      [
        "carol.test",
        "DNS zone (per month)",
        "1 Feb 2026 – 28 Feb 2026",
        "28 of 28 days",
        "CZK 45.00",
        "CZK 0.00",
        "CZK 45.00",
      ],
    ]);
  });

  it("shows an admin's own accounts as its own customers once the panel says their creator is an admin", async () => {
    const db = harness().services.db;
    zoneStarted(db, { username: "dave", reseller: "admin", domain: "dave.test", day: "2025-12-01", monthly: "31.00" });
    const before = await billingPage("admin", "admin", "/billing", "month=2025-12");
    // Until the panel has said so, a creator is taken for a reseller, by its name.
    expect(before.rows("wedos-billing-resellers").map((row) => row[0])).toEqual(["admin"]);
    new CreatorLevelStore(db).remember("admin", "admin", 0);
    const page = await billingPage("admin", "admin", "/billing", "month=2025-12");
    expect(page.rows("wedos-billing-resellers")).toEqual([
      ["Your own customers (created by the admin admin)", "1", "CZK 31.00", "CZK 0.00", "CZK 31.00"],
    ]);
    const own = await billingPage("admin", "admin", "/billing", "month=2025-12&reseller=admin");
    expect(own.text).toContain("Your own customers created by the admin admin in December 2025");
    expect(own.rows("wedos-billing-customers")).toEqual([["dave", "1", "CZK 31.00", "CZK 0.00", "CZK 31.00"]]);
  });

  it("names the ledger entry a month cannot be rated for to the admin, and only plain words to a customer", async () => {
    protectionCharged(harness().services.db, {
      username: "alice",
      reseller: "res1",
      domain: "alice.test",
      day: "2026-02-20",
      coversTo: "2026-03-19",
      retail: "20.00",
      wholesale: "390.00",
      currency: "EUR",
      order: "ORD-EUR",
    });
    const admin = await billingPage("admin", "admin", "/billing", "month=2026-02");
    expect(admin.text).toContain("This month cannot be rated: ledger entry");
    expect(admin.text).toContain("is in EUR but bills are in CZK");
    const customer = await billingPage("alice", "user", "/billing", "month=2026-02");
    expect(customer.status).toBe(200);
    expect(customer.text).toContain("The bill for this month cannot be shown right now.");
    expect(customer.text).not.toContain("EUR");
    expect(harness().logs.join("\n")).toContain("billing page: the month cannot be rated for alice");
  });
});

describe("the Billing menu entry", () => {
  it("is on every level and marks the billing pages as current", async () => {
    for (const [username, level] of [
      ["alice", "user"],
      ["res1", "reseller"],
      ["admin", "admin"],
    ] as const) {
      for (const [path, current] of [
        ["/", "Domains"],
        ["/billing", "Billing"],
      ] as const) {
        const page = await billingPage(username, level, path);
        const nav = elementsOf(page.root, "nav").find((each) => each.attributes.get("class") === "wedos-nav");
        const links = elementsOf(nav as HtmlElement, "a");
        expect(links.map(textOf)).toContain("Billing");
        expect(
          links.filter((a) => a.attributes.get("aria-current") === "page").map(textOf),
          `${level} ${path}`,
        ).toEqual([current]);
      }
    }
  });
});
