import { afterEach, describe, expect, it } from "vitest";
import { FaultInjector, faultSpecSchema } from "../../src/simulator/faults.js";
import { startHarness, type Harness } from "./wapi-test-client.js";

let harness: Harness | undefined;
const start = async (overrides: Parameters<typeof startHarness>[0] = {}) => (harness = await startHarness(overrides));
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe("fault replies", () => {
  it("answers http-500 and http-503 with plain text", async () => {
    const h = await start({
      faults: [
        { kind: "http-500", count: 1 },
        { kind: "http-503", count: 1 },
      ],
    });
    const first = await h.call("ping");
    expect([first.status, first.text]).toEqual([500, "Internal Server Error"]);
    const second = await h.call("ping");
    expect([second.status, second.text]).toEqual([503, "Service Unavailable"]);
    expect((await h.call("ping")).response.code).toBe(1000);
  });

  it("answers rate-limit-text with exactly `User-Agent Rate Limit` over HTTP 200", async () => {
    const h = await start({ faults: [{ kind: "rate-limit-text", count: 1 }] });
    const answer = await h.call("ping");
    expect([answer.status, answer.text]).toEqual([200, "User-Agent Rate Limit"]);
  });

  it("answers protection-page with an HTML page that has a doctype and says protection", async () => {
    const h = await start({ faults: [{ kind: "protection-page", count: 1 }] });
    const answer = await h.call("ping");
    expect(answer.status).toBe(200);
    expect(answer.text).toMatch(/^<!DOCTYPE html>/i);
    expect(answer.text).toMatch(/protection/i);
  });

  it("answers code-4000 with a proper WAPI envelope", async () => {
    const h = await start({ faults: [{ kind: "code-4000", count: 1 }] });
    const answer = await h.call("ping", undefined, { clTRID: "c-4000" });
    expect(answer.response).toMatchObject({ code: 4000, result: "Internal error", clTRID: "c-4000", command: "ping" });
  });

  it("answers wapi-code with the given WAPI code and its result text, only for the targeted command", async () => {
    const h = await start({ faults: [{ command: "dns-domain-add", kind: "wapi-code", code: 2322 }] });
    expect((await h.call("ping")).response.code).toBe(1000);
    const answer = await h.call("dns-domain-add", { name: "example.com", type: "primary" }, { clTRID: "c-2322" });
    expect(answer.response).toMatchObject({
      code: 2322,
      result: "Maximum number of DNS domains exceeded",
      clTRID: "c-2322",
      command: "dns-domain-add",
    });
    expect(h.running.simulator.dump().requestLog.at(-1)).toMatchObject({
      command: "dns-domain-add",
      code: 2322,
      fault: "wapi-code",
    });
  });

  it("refuses a wapi-code fault without a code, saying what to give", () => {
    const parsed = faultSpecSchema.safeParse({ kind: "wapi-code" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`)).toEqual([
      "code: is required for wapi-code: the WAPI error code to answer with",
    ]);
    expect(faultSpecSchema.safeParse({ kind: "wapi-code", code: 1000 }).error?.issues[0]?.message).toBe(
      "must be a WAPI error code, 2000 to 5999",
    );
  });

  it("drops the connection without answering", async () => {
    const h = await start({ faults: [{ kind: "drop", count: 1 }] });
    await expect(h.call("ping")).rejects.toThrow();
    expect((await h.call("ping")).response.code).toBe(1000);
  });

  it("adds latency through the injected clock and then answers normally", async () => {
    const h = await start({ faults: [{ kind: "latency", latencyMs: 90_000, count: 1 }] });
    const answer = await h.call("ping");
    expect(answer.response.code).toBe(1000);
    expect(answer.response["timestamp"]).toBe(Date.parse("2026-01-15T10:31:30Z") / 1000);
  });
});

describe("fault selection", () => {
  it("targets one command, leaving others alone", async () => {
    const h = await start({ faults: [{ command: "dns-domains-list", kind: "http-503" }] });
    expect((await h.call("ping")).response.code).toBe(1000);
    expect((await h.call("dns-domains-list")).status).toBe(503);
    expect((await h.call("dns-domains-list")).status).toBe(503);
  });

  it("does not count fault answers as invalid requests or toward the hourly limit", async () => {
    const h = await start({ rateLimit: 1, invalidBlock: { threshold: 0 }, faults: [{ kind: "http-500", count: 3 }] });
    for (let i = 0; i < 3; i += 1) expect((await h.call("ping")).status).toBe(500);
    expect((await h.call("ping")).response.code).toBe(1000);
    expect(h.running.simulator.dump().requestLog.map((entry) => entry.fault)).toEqual([
      "http-500",
      "http-500",
      "http-500",
      null,
    ]);
  });

  it("fires rate-based faults from a seeded PRNG, repeatably", () => {
    const run = (seed: number) => {
      const injector = new FaultInjector([faultSpecSchema.parse({ kind: "http-500", rate: 0.3 })], seed);
      return Array.from({ length: 200 }, () => injector.decide("ping").terminal === "http-500");
    };
    const first = run(42);
    expect(run(42)).toEqual(first);
    expect(run(43)).not.toEqual(first);
    const hits = first.filter(Boolean).length;
    expect(hits).toBeGreaterThan(40);
    expect(hits).toBeLessThan(80);
  });

  it("combines rate and count: fires with the rate until the count is used up", () => {
    const injector = new FaultInjector([faultSpecSchema.parse({ kind: "drop", rate: 0.5, count: 2 })], 7);
    const fired = Array.from({ length: 50 }, () => injector.decide(undefined).terminal).filter((kind) => kind !== null);
    expect(fired).toEqual(["drop", "drop"]);
    expect(injector.snapshot()).toEqual([]);
  });

  it("adds latency before a terminal fault", () => {
    const injector = new FaultInjector(
      [faultSpecSchema.parse({ kind: "latency", latencyMs: 250 }), faultSpecSchema.parse({ kind: "http-503" })],
      1,
    );
    expect(injector.decide("ping")).toEqual({ latencyMs: 250, terminal: "http-503", code: null });
  });

  it("adds and clears faults at run time", async () => {
    const h = await start();
    h.running.simulator.addFault({ kind: "http-500" });
    expect((await h.call("ping")).status).toBe(500);
    h.running.simulator.clearFaults();
    expect((await h.call("ping")).status).toBe(200);
    expect(() => h.running.simulator.addFault({ kind: "explode" as never })).toThrow(/must be one of latency/);
  });
});
