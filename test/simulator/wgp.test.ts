import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectCode, startHarness, type Harness } from "./wapi-test-client.js";

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness({ credit: 1000, wgpActivationDelaySeconds: 60 });
});
afterEach(() => harness.close());

const create = (data: Record<string, unknown>, clTRID?: string) =>
  harness.call("wgp-domain-create", { variant_id: 1, period_id: 1, ...data }, clTRID === undefined ? {} : { clTRID });
const pollReq = () => harness.call("poll-req");
const credit = async () => ((await harness.call("credit-info")).response["data"] as { amount: string }).amount;

describe("wgp-domain-create", () => {
  it("answers 1001, charges the credit, and notifies when a cname-mode service activates", async () => {
    const answer = await create({ domain: "shop.example.test", upstream_ips: ["192.0.2.10"] }, "order-1");
    expect(answer.response).toMatchObject({ code: 1001, result: "Request pending", clTRID: "order-1" });
    expect(answer.response["data"]).toBeUndefined();
    expect(await credit()).toBe("901.00");
    expect((await pollReq()).response).toMatchObject({ code: 1003, result: "Empty notifications queue" });

    harness.clock.advance(60_000);
    const poll = await pollReq();
    expect(poll.response.code).toBe(1000);
    const notify = (poll.response["data"] as { notify: Record<string, unknown> }).notify;
    expect(Object.keys(notify)).toEqual(["code", "result", "timestamp", "clTRID", "svTRID", "command", "id", "data"]);
    expect(notify).toMatchObject({
      code: 1000,
      result: "OK",
      timestamp: Date.parse("2026-01-15T10:31:00Z") / 1000,
      clTRID: "order-1",
      svTRID: answer.response["svTRID"],
      command: "wgp-domain-create",
      data: {
        WGP_ID: expect.stringMatching(/^\d+$/),
        domain: "shop.example.test",
        order_num: expect.stringMatching(/^\d+$/),
        currency: "CZK",
        amount: "99.00",
        acc_amount_before: "1000.00",
        acc_amount_current: "901.00",
      },
    });

    // The notification stays until acknowledged.
    expect((await pollReq()).response["data"]).toEqual(poll.response["data"]);
    expect((await harness.call("poll-ack", { id: notify["id"] })).response).toMatchObject({
      code: 1002,
      result: "Notification aquired",
    });
    expect((await pollReq()).response.code).toBe(1003);
    expect((await harness.call("poll-ack", { id: notify["id"] })).response.code).toBe(2151);
  });

  it("activates an ns-mode service only after delegation and the delay", async () => {
    await expectCode(create({ domain: "example.test", mode: "ns" }), 1001);
    harness.clock.advance(10 * 60_000);
    expect((await pollReq()).response.code).toBe(1003);
    harness.running.simulator.setDelegated("example.test", true);
    const poll = await pollReq();
    expect(poll.response.code).toBe(1000);
    expect((poll.response["data"] as { notify: { timestamp: number } }).notify.timestamp).toBe(
      Date.parse("2026-01-15T10:40:00Z") / 1000,
    );
    const info = await harness.call("wgp-domain-info", { domain: "example.test" });
    expect(info.response["data"]).toMatchObject({ domain: { status: "active", mode: "ns" } });
  });

  it("waits for the delay when the domain was delegated beforehand", async () => {
    harness.running.simulator.setDelegated("example.test", true);
    await expectCode(create({ domain: "example.test" }), 1001); // ns is the default for second-level domains
    harness.clock.advance(59_000);
    expect((await pollReq()).response.code).toBe(1003);
    harness.clock.advance(1000);
    expect((await pollReq()).response.code).toBe(1000);
  });

  it("forces cname mode for third-level domains and accepts the older `name` key", async () => {
    await expectCode(create({ name: "www2.example.test", mode: "ns" }), 1001);
    const info = await harness.call("wgp-domain-info", { domain: "www2.example.test" });
    expect(info.response["data"]).toMatchObject({ domain: { mode: "cname", status: "pending" } });
    harness.clock.advance(60_000);
    expect((await pollReq()).response.code).toBe(1000);
  });

  const errors: Array<[string, Record<string, unknown>, number]> = [
    ["a www. prefix", { domain: "www.example.test" }, 2277],
    ["variant 4", { domain: "example.test", variant_id: 4 }, 2273],
    ["variant as text", { domain: "example.test", variant_id: "start" }, 2273],
    ["period 2", { domain: "example.test", period_id: 2 }, 2203],
    ["an invalid upstream IP", { domain: "example.test", upstream_ips: ["192.0.2.300"] }, 2272],
    ["upstream_ips not a list", { domain: "example.test", upstream_ips: 5 }, 2272],
    ["an unknown mode", { domain: "example.test", mode: "proxy" }, 2101],
    ["a malformed domain", { domain: "exa mple.test" }, 2202],
    ["no domain", {}, 2100],
    ["insufficient credit", { domain: "example.test", variant_id: 3, period_id: 4 }, 2283],
  ];

  it.each(errors)("%s → %i", async (_label, data, code) => {
    expect((await create(data)).response.code).toBe(code);
    expect(await credit()).toBe("1000.00");
  });

  it("accepts variant and period as strings", async () => {
    expect((await create({ domain: "example.test", variant_id: "2", period_id: "1" })).response.code).toBe(1001);
    expect(await credit()).toBe("510.00");
  });

  it("answers 2291 for a domain that already has a service", async () => {
    await expectCode(create({ domain: "example.test" }), 1001);
    expect((await create({ domain: "example.test" })).response.code).toBe(2291);
    expect(await credit()).toBe("901.00");
  });
});

describe("assumed wgp commands", () => {
  it("lists, renews, updates, purges and deletes a service", async () => {
    await expectCode(create({ domain: "a.example.test", upstream_ips: ["192.0.2.1"] }), 1001);
    expect((await harness.call("wgp-domain-renew", { domain: "a.example.test" })).response.code).toBe(3305);
    harness.clock.advance(60_000);
    const list = await harness.call("wgp-services-list");
    expect(list.response["data"]).toMatchObject({
      domain: [
        { domain: "a.example.test", status: "active", variant_id: "1", period_id: "1", upstream_ips: ["192.0.2.1"] },
      ],
    });
    const renew = await harness.call("wgp-domain-renew", { domain: "a.example.test" });
    expect(renew.response["data"]).toMatchObject({
      amount: "99.00",
      acc_amount_before: "901.00",
      acc_amount_current: "802.00",
    });
    await expectCode(harness.call("wgp-domain-update-subscription", { domain: "a.example.test", variant_id: 2 }), 1000);
    expect(
      (await harness.call("wgp-domain-update-subscription", { domain: "a.example.test", period_id: 3 })).response.code,
    ).toBe(2203);
    await expectCode(harness.call("wgp-domain-cache-purge", { domain: "a.example.test" }), 1000);
    await expectCode(harness.call("wgp-domain-retry", { domain: "a.example.test" }), 1000);
    const templates = await harness.call("wgp-domain-templates-list");
    const templateId = (templates.response["data"] as { template: Array<{ template_domain_id: string }> }).template[0]
      ?.template_domain_id;
    await expectCode(create({ domain: "b.example.test" }), 1001);
    await expectCode(
      harness.call("wgp-domain-template-replicate", { domain: "b.example.test", template_domain_id: templateId }),
      1000,
    );
    const info = await harness.call("wgp-domain-info", { domain: "b.example.test" });
    expect(info.response["data"]).toMatchObject({
      domain: { upstream_ips: ["192.0.2.1"], template_domain_id: templateId },
    });
    await expectCode(harness.call("wgp-domain-delete", { domain: "a.example.test" }), 1000);
    expect((await harness.call("wgp-domain-info", { domain: "a.example.test" })).response.code).toBe(3222);
  });
});
