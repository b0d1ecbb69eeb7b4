import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { billingConfigSchema } from "../../src/config/schema.js";
import { checkLedgerPrices } from "../../src/doctor/ledger-check.js";
import { BillingEvents } from "../../src/provisioning/billing-events.js";
import { openDatabase } from "../../src/store/database.js";
import { InventoryStore } from "../../src/store/inventory-store.js";
import { PriceBookStore } from "../../src/store/price-book-store.js";
import { UsageLedgerStore } from "../../src/store/usage-ledger-store.js";
import { tempDir } from "../support/temp-dir.js";

describe("wedos-panel doctor: billing prices", () => {
  it("warns when WEDOS's notification carried no price for a charge, naming it and where to compare", () => {
    const db = openDatabase(join(tempDir(), "db.sqlite"));
    const inventory = new InventoryStore(db);
    inventory.upsertAccount({ username: "ann", package: "p", creator: "admin" }, 0);
    inventory.upsertDomain({ domain: "ann.cz", username: "ann", kind: "domain" }, 0);
    inventory.upsertDomain({ domain: "ann.eu", username: "ann", kind: "domain" }, 0);
    const ledger = new UsageLedgerStore(db);
    const billing = new BillingEvents({ db, ledger, priceBook: new PriceBookStore(db), inventory, timeZone: "UTC" });
    const config = { billing: billingConfigSchema.parse({ timeZone: "UTC" }) };
    const now = Date.parse("2026-06-30T12:00:00Z");
    const charge = {
      product: "protection/start/monthly",
      at: Date.parse("2026-06-01T10:00:00Z"),
      currency: "CZK",
      source: "wedos-order",
      actor: "daemon",
    } as const;
    billing.protectionCharged({ ...charge, domain: "ann.cz", orderNum: "2026000001", amount: "99.00" });
    expect(checkLedgerPrices(db, config, now)).toMatchObject({ status: "ok" });

    billing.protectionCharged({ ...charge, domain: "ann.eu", orderNum: "2026000002", amount: null });
    const result = checkLedgerPrices(db, config, now);
    expect(result.status).toBe("warn");
    expect(result.message).toContain("1 protection charge(s) of the last 90 days have no price from WEDOS");
    expect(result.message).toContain("ann.eu on 2026-06-01, order 2026000002: WEDOS reported no amount");
    expect(result.message).toContain("/admin/billing/reconciliation");
    expect(checkLedgerPrices(db, config, Date.parse("2026-10-01T12:00:00Z"))).toMatchObject({ status: "ok" });
  });
});
