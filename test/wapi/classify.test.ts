import { describe, expect, it } from "vitest";
import { ipFromResult, resultError } from "../../src/wapi/classify.js";

const NOW = Date.parse("2026-03-10T13:20:00Z"); // 14:20 in Prague (CET)

describe("resultError", () => {
  it.each([
    [
      2050,
      "Authentication failure",
      "stop",
      'WAPI ping: WEDOS rejected the credentials (code 2050 "Authentication failure"); check wapi.login and the WAPI password (set in the WEDOS customer administration under WAPI, not the login password) and that this server\'s clock is correct, since the auth hash uses the current Prague hour; requests stay paused until the configuration changes or the cool-down passes',
    ],
    [
      2051,
      "Access not allowed from this IP address (2001:db8::1)",
      "stop",
      'WAPI ping: WEDOS does not accept requests from this server\'s IP address 2001:db8::1 (code 2051 "Access not allowed from this IP address (2001:db8::1)"); add 2001:db8::1 to the allowed IPs in the WEDOS customer administration (WAPI settings), or set wapi.ipFamily to "ipv4" if only the IPv4 address is allowed',
    ],
    [
      2052,
      "IP address temporarily blocked",
      "stop",
      'WAPI ping: WEDOS has temporarily blocked this server\'s IP address after too many failed requests (code 2052 "IP address temporarily blocked"); requests stay paused so the block can expire — find the failing requests in the audit log before resuming',
    ],
    [
      2006,
      "Requests limit exceeded",
      "retryable",
      'WAPI ping: the WEDOS limit of requests per hour is used up (code 2006 "Requests limit exceeded"); requests resume at 15:00 Prague time',
    ],
    [
      4000,
      "Internal error",
      "retryable",
      'WAPI ping: WEDOS failed internally (code 4000 "Internal error"); the request will be retried later',
    ],
    [
      5003,
      "Out of order",
      "retryable",
      'WAPI ping: WEDOS failed internally (code 5003 "Out of order"); the request will be retried later',
    ],
    [
      2316,
      "Record already exists",
      "permanent",
      'WAPI ping: WEDOS refused the request (code 2316 "Record already exists"); the record already exists at WEDOS; re-read the zone before adding',
    ],
    [
      3309,
      "Row ID does not exist",
      "permanent",
      'WAPI ping: WEDOS refused the request (code 3309 "Row ID does not exist"); the row no longer exists at WEDOS; re-read the zone before changing it',
    ],
    [
      2314,
      "Invalid record data",
      "permanent",
      'WAPI ping: WEDOS refused the request (code 2314 "Invalid record data"); the request data is invalid; this is a bug unless the data came from the panel, in which case fix the data',
    ],
    [
      3223,
      "Access denied",
      "permanent",
      'WAPI ping: WEDOS refused the request (code 3223 "Access denied"); the object\'s current state at WEDOS does not allow this; re-read it and check the WEDOS administration',
    ],
    [
      2283,
      "Invalid amount or insufficient credit",
      "permanent",
      'WAPI ping: WEDOS refused the request (code 2283 "Invalid amount or insufficient credit"); the WEDOS credit account cannot pay for this (locked, inactive or too little credit); top up or unlock the credit account in the WEDOS administration',
    ],
    [
      1001,
      "Request pending",
      "permanent",
      'WAPI ping: unexpected success code 1001 "Request pending" for this command; report it to the wedos-panel maintainers',
    ],
  ] as const)("classifies %i", (code, result, failureClass, message) => {
    const error = resultError("ping", { code, result }, NOW);
    expect(error.failureClass).toBe(failureClass);
    expect(error.retryable).toBe(failureClass === "retryable");
    expect(error.message).toBe(message);
    expect(error.code).toBe(`wapi_${code}`);
  });

  it("asks for a retry at the next hour after 2006", () => {
    expect(resultError("ping", { code: 2006, result: "Requests limit exceeded" }, NOW).retryAt).toBe(
      Date.parse("2026-03-10T14:00:00Z"),
    );
  });

  it("keeps the IP WEDOS saw for 2051", () => {
    expect(
      resultError("ping", { code: 2051, result: "Access not allowed from this IP address (192.0.2.7)" }, NOW).seenIp,
    ).toBe("192.0.2.7");
  });
});

describe("ipFromResult", () => {
  it.each([
    ["Access not allowed from this IP address (2001:db8::1)", "2001:db8::1"],
    ["Access not allowed from this IP address (192.0.2.7)", "192.0.2.7"],
    ["Access not allowed from this IP address", undefined],
  ])("reads %s", (text, ip) => {
    expect(ipFromResult(text)).toBe(ip);
  });
});
