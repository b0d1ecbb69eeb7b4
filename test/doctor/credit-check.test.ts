import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { checkCredit } from "../../src/doctor/credit-check.js";
import { CreditStore } from "../../src/store/credit-store.js";
import { openDatabase, type Database } from "../../src/store/database.js";

const HOUR = 3_600_000;
const now = Date.parse("2026-12-05T10:00:00Z");
const config = loadConfig({ WEDOS_PANEL_DATA_DIR: "/nonexistent-for-config-only" });
let db: Database;
beforeEach(() => {
  db = openDatabase(":memory:");
});
afterEach(() => db.close());

describe("doctor's WEDOS credit checks", () => {
  it("says the balance with its age, and warns once it is older than twice the interval", () => {
    expect(checkCredit(db, config, now)).toEqual([
      expect.objectContaining({
        check: "WEDOS credit",
        status: "ok",
        message: expect.stringContaining("not been read"),
      }),
    ]);
    const store = new CreditStore(db);
    store.recordBalance({ at: now - 12 * HOUR, balance: { minor: 123_450, currency: "CZK" }, trigger: "schedule" });
    expect(checkCredit(db, config, now)).toEqual([
      { check: "WEDOS credit", status: "ok", message: "1234.50 CZK, read 12 h ago" },
    ]);
    expect(checkCredit(db, config, now + HOUR)[0]).toMatchObject({
      status: "warn",
      message: expect.stringMatching(/last read 13 h ago although it is read every 6 h: start the daemon/),
    });
  });

  it("warns when account-list answered with movements it could not read, naming the month and what to do", () => {
    new CreditStore(db).saveMonth(
      "2026-11",
      [
        { at: "soon", day: null, amount: null, description: "", orderNum: null, fields: { odd: "1" } },
        {
          at: "2026-11-02",
          day: "2026-11-02",
          amount: { minor: 1, currency: "CZK" },
          description: "",
          orderNum: null,
          fields: {},
        },
      ],
      now,
    );
    expect(checkCredit(db, config, now)[1]).toEqual({
      check: "credit movements",
      status: "warn",
      message: expect.stringContaining(
        "1 movement(s) WEDOS listed for 2026-11 (account-list) have no amount or date the plugin can read",
      ),
    });
  });
});
