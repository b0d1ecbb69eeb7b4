import { describe, expect, it } from "vitest";
import { RequestLog } from "../../src/simulator/request-log.js";

describe("the simulator's request log", () => {
  it("keeps the newest 5000 entries but counts every request answered", () => {
    const log = new RequestLog();
    for (let i = 0; i < 5003; i++)
      log.add({
        time: "2026-01-15T10:30:00.000Z",
        ip: "127.0.0.1",
        command: i === 5002 ? "ping" : "dns-rows-list",
        code: 1000,
        clTRID: null,
        test: false,
        fault: null,
        detail: null,
      });
    expect(log.total()).toBe(5003);
    expect(log.snapshot()).toHaveLength(5000);
    expect(log.snapshot().at(-1)?.command).toBe("ping");
  });
});
