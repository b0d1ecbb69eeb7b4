import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WapiResultError } from "../../src/wapi/errors.js";
import { startWedosHarness, type WedosHarness } from "../support/wedos-harness.js";

let h: WedosHarness;
beforeEach(async () => {
  h = await startWedosHarness({ simulator: { wgpActivationDelaySeconds: 60 } });
});
afterEach(async () => {
  await h.close();
});

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e as WapiResultError,
  );

describe("account commands against the simulator", () => {
  it("ping answers 1000", async () => {
    await expect(h.wapi.account.ping()).resolves.toBeUndefined();
  });

  it("credit-info reads the balance and passes every field through", async () => {
    const credit = await h.wapi.account.creditInfo();
    expect(credit).toMatchObject({ amount: 5000, currency: "CZK" });
    expect(credit.fields).toMatchObject({ amount: "5000.00", currency: "CZK" });
  });

  it("poll-req says nothing is queued with 1003", async () => {
    expect(await h.wapi.account.pollReq()).toBeUndefined();
  });

  it("poll-ack of an unknown notification is refused (2151)", async () => {
    expect((await rejection(h.wapi.account.pollAck("1")))?.wapiCode).toBe(2151);
  });
});

describe("WEDOS Global commands against the simulator", () => {
  it("wgp-domain-create answers 1001 and the outcome arrives through poll-req/poll-ack", async () => {
    const created = await h.wapi.wgp.domainCreate({
      domain: "shop.example.test",
      variant: "advanced",
      period: "monthly",
      upstreamIps: ["192.0.2.10"],
      mode: "cname",
    });
    expect(created).toMatchObject({ code: 1001, pending: true });
    expect(await h.wapi.account.pollReq()).toBeUndefined();

    h.clock.advance(60_000);
    const notification = await h.wapi.account.pollReq();
    expect(notification).toMatchObject({ code: 1000, command: "wgp-domain-create" });
    expect(notification?.data).toMatchObject({ domain: "shop.example.test", currency: "CZK" });
    expect(Number(notification?.data?.amount)).toBeGreaterThan(0);
    await h.wapi.account.pollAck(notification?.id ?? "");
    expect(await h.wapi.account.pollReq()).toBeUndefined();

    const info = await h.wapi.wgp.domainInfo("shop.example.test");
    expect(info.data.domain).toMatchObject({ domain: "shop.example.test", status: "active" });
  });

  it("ns-mode protection activates only once the domain is delegated to WEDOS", async () => {
    await h.wapi.wgp.domainCreate({ domain: "example.test", variant: "start", period: "yearly", mode: "ns" });
    h.clock.advance(3_600_000);
    expect(await h.wapi.account.pollReq()).toBeUndefined();
    h.sim.simulator.setDelegated("example.test", true);
    expect(await h.wapi.account.pollReq()).toMatchObject({ command: "wgp-domain-create" });
  });

  it("refuses a second order for the same domain (2291) with the code's meaning", async () => {
    await h.wapi.wgp.domainCreate({ domain: "example.test", variant: "start", period: "monthly", mode: "cname" });
    const error = await rejection(
      h.wapi.wgp.domainCreate({ domain: "example.test", variant: "start", period: "monthly", mode: "cname" }),
    );
    expect(error).toBeInstanceOf(WapiResultError);
    expect(error?.wapiCode).toBe(2291);
    expect(error?.failureClass).toBe("permanent");
  });

  it("lists, purges and deletes services (assumed commands)", async () => {
    await h.wapi.wgp.domainCreate({ domain: "example.test", variant: "expert", period: "monthly", mode: "cname" });
    h.clock.advance(60_000);
    const list = await h.wapi.wgp.servicesList();
    expect(JSON.stringify(list.data)).toContain("example.test");
    await expect(h.wapi.wgp.domainCachePurge("example.test")).resolves.toMatchObject({ code: 1000 });
    await expect(h.wapi.wgp.domainDelete("example.test")).resolves.toMatchObject({ code: 1000 });
    expect((await rejection(h.wapi.wgp.domainInfo("example.test")))?.wapiCode).toBe(3222);
  });
});
