import { afterEach, describe, expect, it } from "vitest";
import { readMovements } from "../../src/wapi/commands/account-movements.js";
import { startWedosHarness, type WedosHarness } from "../support/wedos-harness.js";

let h: WedosHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("account-list against the simulator", () => {
  it.each(["array", "keyed", "rotate"] as const)("reads orders and top-ups in the %s list shape", async (listShape) => {
    h = await startWedosHarness({ simulator: { wgpActivationDelaySeconds: 60, listShape } });
    await h.wapi.wgp.domainCreate({ domain: "a.example.test", variant: "advanced", period: "monthly", mode: "cname" });
    h.sim.simulator.topUpCredit(25_000, "Bank transfer");
    const range = { from: "2026-03-01", to: "2026-03-31", currency: "CZK" };
    const movements = await h.wapi.account.accountList(range);
    expect(movements.map(({ fields: _fields, ...movement }) => movement)).toEqual([
      {
        at: "2026-03-10 14:20:00",
        day: "2026-03-10",
        amount: { minor: -49_000, currency: "CZK" },
        description: "WEDOS Global Advanced – order – a.example.test",
        orderNum: expect.stringMatching(/^\d{10}$/),
      },
      {
        at: expect.any(String),
        day: expect.any(String),
        amount: { minor: 25_000, currency: "CZK" },
        description: "Bank transfer",
        orderNum: null,
      },
    ]);
    // A month with nothing in it is an empty list, whatever shape the emptiness takes.
    expect(await h.wapi.account.accountList({ ...range, from: "2025-12-01", to: "2025-12-31" })).toEqual([]);
    expect(await h.wapi.account.accountList({ ...range, from: "2025-12-01", to: "2025-12-31" })).toEqual([]);
  });
});

describe("reading movements of unknown shape", () => {
  it("takes other field names, Czech dates, numbers and a missing currency", () => {
    const movements = readMovements(
      {
        total: "2",
        items: {
          "7": { datetime: "3. 11. 2026 14:22", price: -990, text: "Protection", order_id: 123 },
          "9": { created: "2026-11-30", sum: "1 000,5", currency: "eur", note: "Payment" },
        },
      },
      "CZK",
    );
    expect(movements.map(({ fields: _fields, ...movement }) => movement)).toEqual([
      {
        at: "3. 11. 2026 14:22",
        day: "2026-11-03",
        amount: { minor: -99_000, currency: "CZK" },
        description: "Protection",
        orderNum: "123",
      },
      {
        at: "2026-11-30",
        day: "2026-11-30",
        amount: { minor: 100_050, currency: "EUR" },
        description: "Payment",
        orderNum: null,
      },
    ]);
  });

  it("keeps an item whose amount or date cannot be read, with nulls, instead of failing the month", () => {
    const [movement] = readMovements({ item: [{ date: "yesterday", amount: "a lot" }] }, "CZK");
    expect(movement).toMatchObject({ at: "yesterday", day: null, amount: null, description: "", orderNum: null });
  });
});
