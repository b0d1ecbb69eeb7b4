import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { handleControl } from "../../src/simulator/control.js";
import { expectCode, seedZone, startHarness, type Harness } from "./wapi-test-client.js";

let harness: Harness;
let base: string;
beforeEach(async () => {
  harness = await startHarness();
  base = harness.running.url.replace("/wapi/json", "/_simulator");
});
afterEach(() => harness.close());

const postJson = (path: string, body: unknown) =>
  fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("control API under /_simulator/", () => {
  it("GET /state returns the dump", async () => {
    await seedZone(harness, "example.test", [{ name: "www", ttl: 3600, type: "A", rdata: "192.0.2.1" }]);
    const response = await fetch(`${base}/state`);
    expect(response.status).toBe(200);
    const state = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(state)).toEqual([
      "now",
      "login",
      "credit",
      "zones",
      "notifications",
      "wgpServices",
      "delegated",
      "access",
      "requestCounts",
      "requestLog",
      "faults",
    ]);
    expect(state).toMatchObject({
      now: "2026-01-15T10:30:00.000Z",
      credit: { amount: "5000.00", currency: "CZK" },
      zones: [{ name: "example.test", published: [{ name: "www", rdata: "192.0.2.1" }] }],
    });
  });

  it("POST /delegation marks a domain delegated, which activates an ns-mode service", async () => {
    await expectCode(harness.call("wgp-domain-create", { domain: "example.test", variant_id: 1, period_id: 1 }), 1001);
    harness.clock.advance(120_000);
    expect((await harness.call("poll-req")).response.code).toBe(1003);
    const response = await postJson("/delegation", { domain: "example.test", delegated: true });
    expect(response.status).toBe(200);
    expect((await harness.call("poll-req")).response.code).toBe(1000);
    expect(harness.running.simulator.dump().delegated).toEqual({ "example.test": "2026-01-15T10:32:00.000Z" });
    await postJson("/delegation", { domain: "example.test", delegated: false });
    expect(harness.running.simulator.dump().delegated).toEqual({});
  });

  it("POST /delegation rejects a bad body with a clear message", async () => {
    const response = await postJson("/delegation", { domain: "example.test", delegated: "yes" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "delegated: must be true or false" });
    const notJson = await fetch(`${base}/delegation`, { method: "POST", body: "{" });
    expect(await notJson.json()).toEqual({ error: "the body must be JSON" });
  });

  it("POST and DELETE /faults add and clear faults", async () => {
    const added = await postJson("/faults", [
      { command: "ping", kind: "http-503", count: 1 },
      { kind: "latency", latencyMs: 5 },
    ]);
    expect(await added.json()).toEqual({ ok: true, faults: 2 });
    expect((await harness.call("ping")).status).toBe(503);
    expect((await fetch(`${base}/faults`, { method: "DELETE" })).status).toBe(200);
    expect(harness.running.simulator.dump().faults).toEqual([]);
    const bad = await postJson("/faults", { kind: "http-500", rate: 2 });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: "0.rate: must be between 0 and 1" });
  });

  it("POST /reset empties the account and clears counters", async () => {
    await seedZone(harness, "example.test");
    expect((await fetch(`${base}/reset`, { method: "POST" })).status).toBe(200);
    const dump = harness.running.simulator.dump();
    expect(dump.zones).toEqual([]);
    expect(dump.requestLog).toEqual([]);
    expect(dump.requestCounts).toEqual({});
  });

  it("answers unknown control paths with 404", async () => {
    expect((await fetch(`${base}/nothing`)).status).toBe(404);
    expect((await fetch(`${base}/state`, { method: "DELETE" })).status).toBe(404);
  });
});

describe("control API access", () => {
  it("answers only loopback callers", () => {
    const request = { method: "GET", path: "/_simulator/state", body: Buffer.alloc(0) };
    expect(handleControl(harness.running.simulator, { ...request, ip: "192.0.2.1" })).toMatchObject({ status: 403 });
    expect(handleControl(harness.running.simulator, { ...request, ip: "::ffff:127.0.0.1" })).toMatchObject({
      status: 200,
    });
    expect(handleControl(harness.running.simulator, { ...request, ip: "::1" })).toMatchObject({ status: 200 });
  });
});
