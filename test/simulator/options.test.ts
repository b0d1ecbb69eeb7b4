import { describe, expect, it } from "vitest";
import { parseSimulatorOptions, startSimulator } from "../../src/simulator/index.js";

describe("simulator options", () => {
  it("fills in the documented defaults", () => {
    const options = parseSimulatorOptions({ login: "a@example.test", password: "pw" });
    expect(options).toMatchObject({
      host: "127.0.0.1",
      port: 0,
      allowIps: [],
      rateLimit: 1000,
      rowLimit: 1000,
      domainLimit: 1000,
      clTRIDMaxLength: 64,
      maxRequestBytes: 1024 * 1024,
      strictTtl: true,
      txtMaxLength: 4096,
      rejectLongTxtStrings: false,
      listShape: "rotate",
      invalidBlock: { threshold: 10, blockSecondsPerExcess: 60, windowSeconds: 3600 },
      wgpActivationDelaySeconds: 60,
      credit: 5000,
      faults: [],
    });
  });

  it("names every bad field at once", () => {
    expect(() =>
      parseSimulatorOptions({
        password: "",
        port: 70_000,
        allowIps: ["1.2.3", "192.0.2."],
        listShape: "tree",
        credit: -1,
      }),
    ).toThrow(
      new RegExp(
        [
          "invalid simulator options: login: .*",
          "password: is required: the WAPI password the simulator accepts",
          "port: must be a TCP port 0–65535",
          "allowIps.0: must be an IPv4 or IPv6 address, or an IPv4 prefix ending in a dot such as 1.2.3.",
          "listShape: .*",
          "credit: must not be negative",
        ].join("; "),
      ),
    );
  });

  it("rejects a clock that is not a Clock", () => {
    expect(() => parseSimulatorOptions({ login: "a", password: "b", clock: Date })).toThrow(
      "clock: must be a Clock (an object with now() and sleep(ms))",
    );
  });

  it("starts on an ephemeral loopback port and reports its URL", async () => {
    const running = await startSimulator({ login: "a@example.test", password: "pw" });
    try {
      expect(running.port).toBeGreaterThan(0);
      expect(running.url).toBe(`http://127.0.0.1:${running.port}/wapi/json`);
    } finally {
      await running.close();
    }
  });

  it("fails clearly when the port is taken", async () => {
    const first = await startSimulator({ login: "a", password: "b" });
    try {
      await expect(startSimulator({ login: "a", password: "b", port: first.port })).rejects.toThrow(
        `simulator cannot listen on 127.0.0.1:${first.port}`,
      );
    } finally {
      await first.close();
    }
  });
});
