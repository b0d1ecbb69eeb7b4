import { afterEach, describe, expect, it } from "vitest";
import { AllowList, InvalidRequestTracker } from "../../src/simulator/access.js";
import { canonicalIp } from "../../src/simulator/ip-address.js";
import { authAt, startHarness, type Harness } from "./wapi-test-client.js";

describe("allow-list in WEDOS syntax", () => {
  const cases: Array<[string[], string, boolean]> = [
    [[], "127.0.0.1", true],
    [[], "::1", true],
    [[], "::ffff:127.0.0.1", true],
    [[], "0:0:0:0:0:0:0:1", true],
    [[], "127.0.0.2", false],
    [[], "192.0.2.1", false],
    [["192.0.2.10"], "192.0.2.10", true],
    [["192.0.2.10"], "192.0.2.100", false],
    [["192.0.2."], "192.0.2.100", true],
    [["192.0.2."], "::ffff:192.0.2.7", true],
    [["192.0.2."], "192.0.20.1", false],
    [["10."], "10.1.2.3", true],
    [["2001:db8::1"], "2001:DB8:0:0:0:0:0:1", true],
    [["2001:db8::1"], "2001:db8::2", false],
    [["192.0.2.10"], "127.0.0.1", false],
  ];

  it.each(cases)("%j allows %s: %s", (entries, ip, allowed) => {
    expect(new AllowList(entries).allows(ip)).toBe(allowed);
  });

  it("normalises IPv4-mapped IPv6 to plain IPv4", () => {
    expect(canonicalIp("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(canonicalIp("::FFFF:198.51.100.4")).toBe("198.51.100.4");
  });
});

describe("invalid-request penalty", () => {
  const policy = { threshold: 10, blockSecondsPerExcess: 60, windowSeconds: 3600 };

  it("blocks 1 minute per invalid request beyond 10, extending while blocked", () => {
    const tracker = new InvalidRequestTracker(policy);
    const t0 = Date.parse("2026-01-15T10:00:00Z");
    for (let i = 0; i < 10; i += 1) tracker.recordInvalid("192.0.2.1", t0);
    expect(tracker.isBlocked("192.0.2.1", t0)).toBe(false);
    tracker.recordInvalid("192.0.2.1", t0); // 11th
    expect(tracker.isBlocked("192.0.2.1", t0 + 59_999)).toBe(true);
    expect(tracker.isBlocked("192.0.2.1", t0 + 60_000)).toBe(false);
    tracker.recordInvalid("192.0.2.1", t0 + 30_000); // 12th, while blocked: one more minute
    expect(tracker.isBlocked("192.0.2.1", t0 + 119_999)).toBe(true);
    expect(tracker.isBlocked("192.0.2.1", t0 + 120_000)).toBe(false);
    expect(tracker.isBlocked("192.0.2.2", t0)).toBe(false);
  });

  it("forgets invalid requests older than the window", () => {
    const tracker = new InvalidRequestTracker(policy);
    const t0 = Date.parse("2026-01-15T10:00:00Z");
    for (let i = 0; i < 10; i += 1) tracker.recordInvalid("192.0.2.1", t0);
    tracker.recordInvalid("192.0.2.1", t0 + 3_600_001);
    expect(tracker.isBlocked("192.0.2.1", t0 + 3_600_001)).toBe(false);
    expect(tracker.snapshot(t0 + 3_600_001)["192.0.2.1"]).toEqual({ invalidCount: 1, blockedUntil: null });
  });
});

describe("access over HTTP", () => {
  let harness: Harness;
  afterEach(() => harness.close());

  it("answers a caller outside the allow-list with 2051 naming its address", async () => {
    harness = await startHarness({ allowIps: ["192.0.2.10", "198.51.100."] });
    const answer = await harness.call("ping");
    expect(answer.response.code).toBe(2051);
    expect(answer.response.result).toBe("Access not allowed from this IP address (127.0.0.1)");
  });

  it("checks the allow-list before the envelope and auth", async () => {
    harness = await startHarness({ allowIps: ["192.0.2.10"] });
    expect((await harness.postRequestField("{broken")).response.code).toBe(2051);
    expect((await harness.call("ping", undefined, { auth: "wrong" })).response.code).toBe(2051);
  });

  it("allows loopback by default and listed prefixes", async () => {
    harness = await startHarness({ allowIps: ["127.0.0."] });
    expect((await harness.call("ping")).response.code).toBe(1000);
  });

  it("limits requests per account per clock hour with 2006, then lets the next hour through", async () => {
    harness = await startHarness({ rateLimit: 3 });
    harness.clock.set("2026-01-15T10:59:00Z");
    for (let i = 0; i < 3; i += 1) expect((await harness.call("ping")).response.code).toBe(1000);
    const over = await harness.call("ping");
    expect(over.response).toMatchObject({ code: 2006, result: "Requests limit exceeded" });
    harness.clock.set("2026-01-15T11:00:00Z");
    expect((await harness.call("ping")).response.code).toBe(1000);
    expect(harness.running.simulator.dump().requestCounts).toEqual({
      "owner@example.test": { "2026-01-15T10": 4, "2026-01-15T11": 1 },
    });
  });

  it("does not count requests that fail auth against the account's hourly limit", async () => {
    harness = await startHarness({ rateLimit: 1 });
    await harness.call("ping", undefined, { auth: "bad" });
    expect((await harness.call("ping")).response.code).toBe(1000);
  });

  it("escalates to 2052 after more than 10 invalid requests and extends the block", async () => {
    harness = await startHarness({ invalidBlock: { threshold: 10 } });
    for (let i = 0; i < 10; i += 1)
      expect((await harness.call("ping", undefined, { auth: "bad" })).response.code).toBe(2050);
    // The 11th invalid request is still answered normally; it starts a one-minute block.
    expect((await harness.call("no-such-command")).response.code).toBe(2010);
    const blocked = await harness.call("ping");
    expect(blocked.response).toMatchObject({
      code: 2052,
      result: "IP address temporarily blocked due to too many failed requests",
    });
    // Blocked at 10:30:00 for 1 minute, extended by the 2052 request to 10:32:00.
    expect(harness.running.simulator.dump().access["127.0.0.1"]).toEqual({
      invalidCount: 12,
      blockedUntil: "2026-01-15T10:32:00.000Z",
    });
    harness.clock.advance(119_000);
    expect((await harness.call("ping")).response.code).toBe(2052);
    harness.clock.advance(181_000); // past 10:33:00
    const answer = await harness.call("ping", undefined, { auth: authAt(harness.clock.now()) });
    expect(answer.response.code).toBe(1000);
  });

  it("counts every error code as invalid, including 3222 and 2316", async () => {
    harness = await startHarness({ invalidBlock: { threshold: 1 } });
    await harness.call("dns-domain-info", { name: "missing.test" });
    await harness.call("dns-domain-info", { name: "missing.test" });
    expect((await harness.call("ping")).response.code).toBe(2052);
  });

  it("records requests in the log with their codes", async () => {
    harness = await startHarness();
    await harness.call("ping", undefined, { clTRID: "c-1" });
    await harness.call("dns-domain-info", { name: "missing.test" });
    const log = harness.running.simulator.dump().requestLog;
    expect(log.map((entry) => [entry.command, entry.code, entry.ip])).toEqual([
      ["ping", 1000, "127.0.0.1"],
      ["dns-domain-info", 3222, "127.0.0.1"],
    ]);
    expect(log[0]?.clTRID).toBe("c-1");
    expect(log[1]?.detail).toContain("missing.test");
  });
});
