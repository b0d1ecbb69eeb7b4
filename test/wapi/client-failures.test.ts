import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  WapiBudgetError,
  WapiDecodeError,
  WapiError,
  WapiHttpError,
  WapiPausedError,
  WapiResultError,
  WapiTransportError,
} from "../../src/wapi/errors.js";
import { PASSWORD, startWedosHarness, type WedosHarness } from "../support/wedos-harness.js";

let h: WedosHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function failure(promise: Promise<unknown>): Promise<WapiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof WapiError)) throw new Error(`expected a WapiError, got ${String(error)}`);
  return error;
}

describe("front-end and transport failures", () => {
  it.each([
    [
      "drop",
      WapiTransportError,
      "retryable",
      (origin: string) =>
        `WAPI ping: no answer from ${origin} (ECONNRESET: the other side closed the connection); check this server's network connection to WEDOS`,
    ],
    [
      "http-500",
      WapiHttpError,
      "retryable",
      (origin: string) =>
        `WAPI ping: HTTP 500 from ${origin}/wapi/json; WEDOS's front end is failing, the request will be retried later`,
    ],
    [
      "http-503",
      WapiHttpError,
      "retryable",
      (origin: string) =>
        `WAPI ping: HTTP 503 from ${origin}/wapi/json; WEDOS's front end is failing, the request will be retried later`,
    ],
    [
      "rate-limit-text",
      WapiDecodeError,
      "retryable",
      () =>
        `WAPI ping: WEDOS's front end answered "User-Agent Rate Limit" instead of JSON; the request will be retried later`,
    ],
    [
      "protection-page",
      WapiDecodeError,
      "retryable",
      () =>
        "WAPI ping: WEDOS's front end answered with an HTML protection page instead of JSON; the request will be retried later, and if this persists ask WEDOS support to unblock this server's IP",
    ],
    [
      "code-4000",
      WapiResultError,
      "retryable",
      () => 'WAPI ping: WEDOS failed internally (code 4000 "Internal error"); the request will be retried later',
    ],
  ] as const)(
    "%s becomes a %s (%s) with a message that says what happened",
    async (kind, type, failureClass, message) => {
      h = await startWedosHarness({ simulator: { faults: [{ command: "ping", kind, count: 1 }] } });
      const error = await failure(h.wapi.account.ping());
      expect(error).toBeInstanceOf(type);
      expect(error.failureClass).toBe(failureClass);
      expect(error.message).toBe(message(new URL(h.sim.url).origin));
      // The fault was one-off: the next request goes through, and nothing paused sending.
      await expect(h.wapi.account.ping()).resolves.toBeUndefined();
    },
  );

  it("reports a refused connection as a transport error", async () => {
    const port = await freePort();
    h = await startWedosHarness({});
    const { createWapi } = await import("../../src/wapi/index.js");
    const wapi = createWapi(
      { ...h.config, wapi: { ...h.config.wapi, url: `http://127.0.0.1:${port}/wapi/json` } },
      h.db,
      h.clock,
    );
    const error = await failure(wapi.account.ping());
    await wapi.close();
    expect(error).toBeInstanceOf(WapiTransportError);
    expect(error.message).toMatch(
      new RegExp(
        `^WAPI ping: no answer from http://127\\.0\\.0\\.1:${port} \\(.*ECONNREFUSED.*\\); check this server's network connection to WEDOS$`,
      ),
    );
  });
});

describe("stop answers pause sending", () => {
  it("after a 2050 nothing more is sent, and the password appears nowhere", async () => {
    h = await startWedosHarness({ password: "wrong-password-1" });
    const first = await failure(h.wapi.account.ping());
    expect(first).toBeInstanceOf(WapiResultError);
    expect(first.failureClass).toBe("stop");
    const second = await failure(h.wapi.dns.domainsList());
    expect(second).toBeInstanceOf(WapiPausedError);
    expect(second.message).toMatch(
      /^WAPI dns-domains-list not sent: requests to WEDOS are paused — WEDOS rejected the credentials \(code 2050/,
    );
    expect(h.requestsSeen()).toBe(1);
    expect(h.invalidSeen()).toBe(1);
    const log = JSON.stringify(h.wapi.calls.latest(10));
    expect(log).not.toContain("wrong-password-1");
    expect(log).not.toContain(PASSWORD);
  });

  it("2051 names the IP address WEDOS saw", async () => {
    h = await startWedosHarness({ simulator: { allowIps: ["192.0.2.1"] } });
    const error = await failure(h.wapi.account.ping());
    expect(error).toBeInstanceOf(WapiResultError);
    expect((error as WapiResultError).seenIp).toBe("127.0.0.1");
    expect(error.message).toBe(
      'WAPI ping: WEDOS does not accept requests from this server\'s IP address 127.0.0.1 (code 2051 "Access not allowed from this IP address (127.0.0.1)"); add 127.0.0.1 to the allowed IPs in the WEDOS customer administration (WAPI settings), or set wapi.ipFamily to "ipv4" if only the IPv4 address is allowed',
    );
    expect(h.wapi.circuit.status()).toMatchObject({ reason: "ip-not-allowed", seenIp: "127.0.0.1" });
  });

  it("2006 pauses until the next hour, then sending resumes by itself", async () => {
    h = await startWedosHarness({ simulator: { rateLimit: 2 } });
    await h.wapi.account.ping();
    await h.wapi.account.ping();
    const limited = await failure(h.wapi.account.ping());
    expect(limited).toBeInstanceOf(WapiResultError);
    expect(limited.retryAt).toBe(Date.parse("2026-03-10T14:00:00Z"));
    expect(await failure(h.wapi.account.ping())).toBeInstanceOf(WapiPausedError);
    expect(h.requestsSeen()).toBe(3);
    h.clock.set("2026-03-10T14:00:00Z");
    await expect(h.wapi.account.ping()).resolves.toBeUndefined();
  });

  it("stops after 5 rejected requests in an hour, well before WEDOS would block the IP", async () => {
    h = await startWedosHarness();
    await h.wapi.dns.domainAdd({ name: "example.test" });
    for (let i = 0; i < 5; i++)
      expect(await failure(h.wapi.dns.rowDelete({ domain: "example.test", rowId: `${900 + i}` }))).toBeInstanceOf(
        WapiResultError,
      );
    const paused = await failure(h.wapi.dns.rowsList("example.test"));
    expect(paused).toBeInstanceOf(WapiPausedError);
    expect(paused.message).toContain(
      "5 requests were rejected by WEDOS (or went unanswered) in the last hour, and wapi.rejectedFuse allows 5",
    );
    expect(h.invalidSeen()).toBe(5);
    expect(h.sim.simulator.dump().access["127.0.0.1"]?.blockedUntil ?? null).toBeNull();
  });
});

describe("the hourly budget in front of the client", () => {
  it("refuses interactive work over the budget without sending anything", async () => {
    h = await startWedosHarness({ wapi: { hourlyLimit: 2, interactiveReserve: 1 } });
    await h.wapi.account.ping({ lane: "interactive" });
    await h.wapi.account.ping({ lane: "interactive" });
    const error = await failure(h.wapi.account.ping({ lane: "interactive" }));
    expect(error).toBeInstanceOf(WapiBudgetError);
    expect(h.requestsSeen()).toBe(2);
  });

  it("makes background work wait for the next hour", async () => {
    h = await startWedosHarness({ wapi: { hourlyLimit: 2, interactiveReserve: 1 } });
    await h.wapi.account.ping({ lane: "background" });
    await h.wapi.account.ping({ lane: "background" });
    expect(new Date(h.clock.now()).toISOString()).toBe("2026-03-10T14:00:00.000Z");
    expect(h.requestsSeen()).toBe(2);
  });

  it("records every request sent in the audit log", async () => {
    h = await startWedosHarness();
    await h.wapi.dns.domainAdd({ name: "example.test" }, { lane: "lifecycle" });
    await failure(h.wapi.dns.domainAdd({ name: "example.test" }, { lane: "lifecycle" }));
    expect(
      h.wapi.calls
        .latest(10)
        .map(({ command, domain, lane, outcome, wapiCode }) => ({ command, domain, lane, outcome, wapiCode })),
    ).toEqual([
      { command: "dns-domain-add", domain: "example.test", lane: "lifecycle", outcome: "permanent", wapiCode: 3303 },
      { command: "dns-domain-add", domain: "example.test", lane: "lifecycle", outcome: "success", wapiCode: 1000 },
    ]);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
