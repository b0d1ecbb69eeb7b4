import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadState } from "../../src/simulator/persistence.js";
import { newAccount } from "../../src/simulator/state.js";
import { expectCode, startHarness, type Harness } from "./wapi-test-client.js";

let harness: Harness;
let control: string;
beforeEach(async () => {
  harness = await startHarness({ credit: 1000, wgpActivationDelaySeconds: 60, listShape: "array" });
  control = harness.running.url.replace("/wapi/json", "/_simulator");
});
afterEach(() => harness.close());

const topUp = (body: unknown) =>
  fetch(`${control}/credit`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const credit = async () => ((await harness.call("credit-info")).response["data"] as { amount: string }).amount;
const movements = async (from: string, to: string) => {
  const answer = await harness.call("account-list", { date_from: from, date_to: to });
  expect(answer.response.code).toBe(1000);
  return ((answer.response["data"] as { item?: Array<Record<string, string>> } | undefined)?.item ?? []).map(
    ({ id: _id, ...rest }) => rest,
  );
};

describe("the credit account", () => {
  it("records an order, a renewal and a top-up as movements with dates, amounts and order numbers", async () => {
    await expectCode(
      harness.call("wgp-domain-create", { domain: "a.example.test", variant_id: 1, period_id: 1, mode: "cname" }),
      1001,
    );
    harness.clock.advance(60_000);
    await expectCode(harness.call("poll-req"), 1000); // the service is active: it can be renewed
    harness.clock.advance(24 * 3_600_000);
    const renewal = await harness.call("wgp-domain-renew", { domain: "a.example.test" });
    expect(renewal.response.code).toBe(1000);
    expect(renewal.response["data"]).toMatchObject({ amount: "99.00", acc_amount_current: "802.00" });
    const response = await topUp({ amount: "500.50", description: "Bank transfer 42" });
    expect(response.status).toBe(200);
    expect(await credit()).toBe("1302.50");

    expect(await movements("2026-01-15", "2026-01-16")).toEqual([
      {
        date: "2026-01-15 11:30:00",
        amount: "-99.00",
        currency: "CZK",
        balance: "901.00",
        description: "WEDOS Global Start – order – a.example.test",
        order_num: "2026000001",
      },
      {
        date: "2026-01-16 11:31:00",
        amount: "-99.00",
        currency: "CZK",
        balance: "802.00",
        description: "WEDOS Global Start – renewal – a.example.test",
        order_num: (renewal.response["data"] as { order_num: string }).order_num,
      },
      {
        date: "2026-01-16 11:31:00",
        amount: "500.50",
        currency: "CZK",
        balance: "1302.50",
        description: "Bank transfer 42",
        order_num: "",
      },
    ]);
    expect((renewal.response["data"] as { order_num: string }).order_num).toBe("2026000002");
    // Only the days asked for, counted on the Prague calendar.
    expect((await movements("2026-01-16", "2026-01-16")).map((m) => m.amount)).toEqual(["-99.00", "500.50"]);
    expect(await movements("2026-01-17", "2026-01-31")).toEqual([]);
  });

  it("refuses an order the credit cannot pay with 2283 and records no movement", async () => {
    await expectCode(
      harness.call("wgp-domain-create", { domain: "big.example.test", variant_id: 3, period_id: 4, mode: "cname" }),
      2283,
    );
    expect(await credit()).toBe("1000.00");
    expect(await movements("2026-01-01", "2026-01-31")).toEqual([]);
    expect((await harness.call("wgp-services-list")).response["data"]).not.toMatchObject({
      domain: [{ domain: "big.example.test" }],
    });
  });

  it("counts a movement just after Prague midnight on the new day", async () => {
    harness.clock.set(Date.parse("2026-01-15T23:00:30Z")); // 00:00:30 on 16 January in Prague
    await topUp({ amount: "1" });
    expect(await movements("2026-01-15", "2026-01-15")).toEqual([]);
    expect((await movements("2026-01-16", "2026-01-16"))[0]).toMatchObject({ date: "2026-01-16 00:00:30" });
  });

  it("answers a missing or malformed date with 2100 / 2101 and a top-up that is not an amount with 400", async () => {
    await expectCode(harness.call("account-list", { date_from: "2026-01-01" }), 2100);
    await expectCode(harness.call("account-list", { date_from: "1.1.2026", date_to: "2026-01-31" }), 2101);
    await expectCode(harness.call("account-list", { date_from: "2026-02-01", date_to: "2026-01-31" }), 2101);
    const bad = await topUp({ amount: "-5" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/amount: must be a positive amount/);
    expect((await topUp({ amount: "0.00" })).status).toBe(400);
    expect(await credit()).toBe("1000.00");
  });
});

describe("state files written before the credit had movements", () => {
  it("load with an empty list of movements", () => {
    const directory = mkdtempSync(join(tmpdir(), "sim-credit-"));
    try {
      const { movements: _dropped, ...older } = newAccount(300);
      const file = join(directory, "state.json");
      writeFileSync(file, JSON.stringify({ version: 1, accounts: { owner: older } }));
      expect(loadState(file)?.accounts["owner"]?.movements).toEqual([]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it("takes charges paid before its history began, keeping the balance and the movements in order", async () => {
    await topUp({ amount: "100.00" });
    const day = 86_400_000;
    const now = harness.clock.now();
    const past = (at: number, orderNum: string) => ({
      at,
      amountCents: 9900,
      description: `order ${orderNum}`,
      orderNum,
    });
    harness.running.simulator.recordPastCharges([past(now - 2 * day, "p-2"), past(now - 5 * day, "p-5")]);
    expect(await credit()).toBe("1100.00");
    expect(await movements("2026-01-01", "2026-01-31")).toEqual([
      expect.objectContaining({ amount: "-99.00", balance: "1099.00", order_num: "p-5" }),
      expect.objectContaining({ amount: "-99.00", balance: "1000.00", order_num: "p-2" }),
      expect.objectContaining({ amount: "100.00", balance: "1100.00", order_num: "" }),
    ]);
    expect(() => harness.running.simulator.recordPastCharges([past(now + day, "future")])).toThrow(
      "recordPastCharges: future needs a positive number of hellers and a time before now",
    );
  });
});
