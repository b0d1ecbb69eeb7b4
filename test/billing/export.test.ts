import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { exportCsv, CSV_COLUMNS } from "../../src/billing/export-csv.js";
import { exportDocument, type ExportDocument } from "../../src/billing/export-document.js";
import { money } from "../../src/billing/money.js";
import { rateMonth, resellerStatements } from "../../src/billing/rating.js";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import { ledgerEntry } from "../support/ledger-entry.js";

const VAT = { rateBp: 2100, pricesIncludeVat: false };
const CZK = (minor: number) => money(minor, "CZK");

const entry = ledgerEntry;

/** Bob (reseller res): half a month of a zone and a protection period; Ann (the admin's): a credit. */
const ENTRIES = [
  entry(1, "start", "2026-11-16", { retail: CZK(3100), billedWhileSuspended: true }),
  entry(2, "charge", "2026-11-20", {
    product: "protection/start/monthly",
    wholesale: CZK(9900),
    retail: CZK(12_900),
    coversFrom: "2026-11-20",
    coversTo: "2026-12-19",
    reference: "ORD-7",
  }),
  entry(3, "correction", "2026-11-05", { username: "ann", reseller: null, domain: "example.org", retail: CZK(-500) }),
];

function november(entries = ENTRIES, admins: ReadonlySet<string> = new Set()): ExportDocument {
  const customers = rateMonth({ month: "2026-11", entries, currency: "CZK", vat: VAT });
  return exportDocument({
    month: "2026-11",
    currency: "CZK",
    vat: VAT,
    scope: { kind: "all" },
    generatedAt: Date.parse("2026-12-01T06:00:00Z"),
    resellers: resellerStatements(customers, VAT, admins),
  });
}

const czk = (amount: string) => ({ amount, currency: "CZK" });
const totals = (retail: string, wholesale: string | null, margin: string, vat: string, gross: string) => ({
  retail: czk(retail),
  wholesale: wholesale === null ? null : czk(wholesale),
  margin: czk(margin),
  net: czk(retail),
  vat: czk(vat),
  gross: czk(gross),
});

const schema = JSON.parse(readFileSync(join(PACKAGE_ROOT, "docs", "billing-export.schema.json"), "utf8")) as object;
const validate = new Ajv({ allErrors: true }).compile(schema);

describe("the export document", () => {
  it("writes money as decimal text with its currency and days as the provider's dates, exactly", () => {
    expect(november()).toEqual({
      format: "wedos-panel.billing-statements",
      version: 1,
      month: "2026-11",
      from: "2026-11-01",
      to: "2026-11-30",
      monthDays: 30,
      generatedAt: "2026-12-01T06:00:00.000Z",
      currency: "CZK",
      vat: { rateBasisPoints: 2100, pricesIncludeVat: false },
      scope: { kind: "all" },
      totals: totals("139.50", "99.00", "40.50", "29.30", "168.80"),
      resellers: [
        {
          reseller: null,
          direct: true,
          totals: totals("-5.00", "0.00", "-5.00", "-1.05", "-6.05"),
          customers: [
            {
              customer: "ann",
              reseller: null,
              direct: true,
              totals: totals("-5.00", "0.00", "-5.00", "-1.05", "-6.05"),
              lines: [
                {
                  domain: "example.org",
                  product: "zone",
                  kind: "correction",
                  from: "2026-11-05",
                  to: "2026-11-05",
                  days: null,
                  suspendedDays: 0,
                  retail: czk("-5.00"),
                  wholesale: null,
                  margin: czk("-5.00"),
                  reference: null,
                  ledgerEntries: [3],
                },
              ],
            },
          ],
        },
        {
          reseller: "res",
          direct: false,
          totals: totals("144.50", "99.00", "45.50", "30.35", "174.85"),
          customers: [
            {
              customer: "bob",
              reseller: "res",
              direct: false,
              totals: totals("144.50", "99.00", "45.50", "30.35", "174.85"),
              lines: [
                {
                  domain: "example.cz",
                  product: "zone",
                  kind: "days",
                  from: "2026-11-16",
                  to: "2026-11-30",
                  days: 15,
                  suspendedDays: 0,
                  retail: czk("15.50"),
                  wholesale: null,
                  margin: czk("15.50"),
                  reference: null,
                  ledgerEntries: [1],
                },
                {
                  domain: "example.cz",
                  product: "protection/start/monthly",
                  kind: "charge",
                  from: "2026-11-20",
                  to: "2026-12-19",
                  days: null,
                  suspendedDays: 0,
                  retail: czk("129.00"),
                  wholesale: czk("99.00"),
                  margin: czk("30.00"),
                  reference: "ORD-7",
                  ledgerEntries: [2],
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it("is valid against the published JSON Schema, which refuses a float, a missing field or an unknown one", () => {
    const document = november();
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    const empty = exportDocument({ ...emptyInput(), resellers: [] });
    expect(validate(empty), JSON.stringify(validate.errors)).toBe(true);

    const withFloat = structuredClone(document) as unknown as { totals: { retail: { amount: unknown } } };
    withFloat.totals.retail.amount = 139.5;
    expect(validate(withFloat)).toBe(false);
    const { month: _month, ...withoutMonth } = document;
    expect(validate(withoutMonth)).toBe(false);
    expect(validate({ ...document, extra: 1 })).toBe(false);
    const threeDecimals = structuredClone(document);
    (threeDecimals.resellers[1]?.customers[0]?.lines[0] as { retail: { amount: string } }).retail.amount = "15.500";
    expect(validate(threeDecimals)).toBe(false);
    const withoutDirect = structuredClone(document) as { resellers: Array<{ direct?: boolean }> };
    delete withoutDirect.resellers[0]?.direct;
    expect(validate(withoutDirect)).toBe(false);
  });

  it("keeps an admin creator's name as its accounts' reseller, and marks them the admin's own customers", () => {
    const byAdmin = ENTRIES.map((each) => (each.reseller === "res" ? { ...each, reseller: "admin" } : each));
    const asReseller = november(byAdmin);
    expect(asReseller.resellers.map((group) => [group.reseller, group.direct])).toEqual([
      [null, true],
      ["admin", false],
    ]);
    const known = november(byAdmin, new Set(["admin"]));
    expect(known.resellers.map((group) => [group.reseller, group.direct])).toEqual([
      [null, true],
      ["admin", true],
    ]);
    expect(known.resellers[1]?.customers.map((customer) => [customer.customer, customer.direct])).toEqual([
      ["bob", true],
    ]);
    // The admin's own customers are counted once, in the same totals: nothing moves between groups.
    expect(known.totals).toEqual(asReseller.totals);
    expect(validate(known), JSON.stringify(validate.errors)).toBe(true);
  });
});

function emptyInput() {
  return {
    month: "2026-02",
    currency: "EUR",
    vat: { rateBp: 0, pricesIncludeVat: true },
    scope: { kind: "customer", customer: "nobody" } as const,
    generatedAt: 0,
  };
}

describe("the CSV export", () => {
  it("has one row per line and per total, with fixed columns, CRLF and decimal amounts", () => {
    expect(exportCsv(november()).split("\r\n")).toEqual([
      CSV_COLUMNS.join(","),
      "1,2026-11,line,,ann,example.org,zone,correction,2026-11-05,2026-11-05,,0,CZK,-5.00,,,-5.00,,,,,3",
      "1,2026-11,customer,,ann,,,,,,,,CZK,-5.00,0.00,CZK,-5.00,-5.00,-1.05,-6.05,,",
      "1,2026-11,reseller,,,,,,,,,,CZK,-5.00,0.00,CZK,-5.00,-5.00,-1.05,-6.05,,",
      "1,2026-11,line,res,bob,example.cz,zone,days,2026-11-16,2026-11-30,15,0,CZK,15.50,,,15.50,,,,,1",
      "1,2026-11,line,res,bob,example.cz,protection/start/monthly,charge,2026-11-20,2026-12-19,,0,CZK,129.00,99.00,CZK,30.00,,,,ORD-7,2",
      "1,2026-11,customer,res,bob,,,,,,,,CZK,144.50,99.00,CZK,45.50,144.50,30.35,174.85,,",
      "1,2026-11,reseller,res,,,,,,,,,CZK,144.50,99.00,CZK,45.50,144.50,30.35,174.85,,",
      "1,2026-11,total,,,,,,,,,,CZK,139.50,99.00,CZK,40.50,139.50,29.30,168.80,,",
      "",
    ]);
  });

  it("quotes what needs quoting and never lets a spreadsheet run a name as a formula", () => {
    const csv = exportCsv(
      november([
        entry(1, "charge", "2026-11-02", {
          product: "protection/start/monthly",
          retail: CZK(100),
          reference: '=HYPERLINK("http://x","y"),z',
        }),
        entry(2, "charge", "2026-11-03", { username: "+ann", product: "protection/start/monthly", retail: CZK(100) }),
      ]),
    );
    expect(csv).toContain(',"\'=HYPERLINK(""http://x"",""y""),z",1\r\n');
    expect(csv).toContain(",res,'+ann,example.cz,");
    expect(csv).not.toMatch(/,[=+@]/);
  });
});
