import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectCode, startHarness, type Harness } from "./wapi-test-client.js";

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness({ credit: 1000, wgpActivationDelaySeconds: 60 });
});
afterEach(() => harness.close());

const info = async (domain: string) =>
  ((await harness.call("wgp-domain-info", { domain })).response["data"] as { domain: Record<string, string> }).domain;

/** An active Start monthly service (cname mode activates after the delay alone). */
async function activeService(domain: string): Promise<void> {
  await expectCode(harness.call("wgp-domain-create", { domain, variant_id: 1, period_id: 1 }), 1001);
  harness.clock.advance(60_000);
  await harness.call("wgp-services-list"); // any command lets due services activate
}

describe("assumed renewals and subscription changes", () => {
  it("renews for the period asked, with an order number of its own and the new expiry", async () => {
    await harness.close();
    harness = await startHarness({ credit: 5000, wgpActivationDelaySeconds: 60 });
    await activeService("a.example.test");
    expect((await info("a.example.test")).expiration_date).toBe("2026-02-15 11:31:00");

    const yearly = await harness.call("wgp-domain-renew", { domain: "a.example.test", period_id: 4 });
    expect(yearly.response["data"]).toMatchObject({
      order_num: expect.stringMatching(/^2026\d{6}$/),
      amount: "990.00",
      currency: "CZK",
      acc_amount_before: "4901.00",
      acc_amount_current: "3911.00",
    });
    expect(yearly.response["data"]).toMatchObject({ expiration_date: "2027-02-15 11:31:00" });
    expect(await info("a.example.test")).toMatchObject({ period_id: "4" });
  });

  it("refuses a renewal the credit cannot pay (2283) and changes nothing", async () => {
    await activeService("b.example.test");
    const refused = await harness.call("wgp-domain-renew", { domain: "b.example.test", period_id: 4 });
    expect(refused.response.code).toBe(2283);
    expect((await info("b.example.test")).expiration_date).toBe("2026-02-15 11:31:00");
  });

  it("changes plan and period at once without charging, and the next renewal costs the new price", async () => {
    await activeService("c.example.test");
    await expectCode(
      harness.call("wgp-domain-update-subscription", { domain: "c.example.test", variant_id: 2, period_id: 1 }),
      1000,
    );
    expect(await info("c.example.test")).toMatchObject({ variant_id: "2", period_id: "1" });
    const credit = await harness.call("credit-info");
    expect((credit.response["data"] as { amount: string }).amount).toBe("901.00");
    const renewal = await harness.call("wgp-domain-renew", { domain: "c.example.test" });
    expect(renewal.response["data"]).toMatchObject({ amount: "490.00", acc_amount_current: "411.00" });
  });
});
