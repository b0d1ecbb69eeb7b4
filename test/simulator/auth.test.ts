import { afterEach, describe, expect, it } from "vitest";
import { expectedAuth } from "../../src/simulator/auth.js";
import { formatPragueDateTime, pragueHourText } from "../../src/simulator/prague-hour.js";
import { authAt, LOGIN, PASSWORD, pragueHourByIntl, sha1, startHarness, type Harness } from "./wapi-test-client.js";

// docs/reference/wapi.md#authentication: the KB vector and the DST and boundary vectors, all for tester / 123456.
const VECTORS = [
  { at: "2026-01-15T10:30:00Z", hour: "11", auth: "ac28237e80e68efa3bfd07f42dca3d41c5986e01" },
  { at: "2026-01-01T08:30:00Z", hour: "09", auth: "68782a69ff7316fe873a2bd872586a0b7df291e6" },
  { at: "2026-01-01T23:00:00Z", hour: "00", auth: "7fbabaadd1d5f19b05a15bae52132f70cb902dad" },
  { at: "2026-07-01T22:15:00Z", hour: "00", auth: "7fbabaadd1d5f19b05a15bae52132f70cb902dad" },
  { at: "2026-03-29T00:59:59Z", hour: "01", auth: "ac816ac0bde510aec27f067a2d1dc88ab1709304" },
  { at: "2026-03-29T01:00:00Z", hour: "03", auth: "090577312438c5da2e9ecac52078554bf448d821" },
  { at: "2026-10-25T00:59:59Z", hour: "02", auth: "184f82583ca7d21d37f9ed1ab3d2257375ec601b" },
  { at: "2026-10-25T01:00:00Z", hour: "02", auth: "184f82583ca7d21d37f9ed1ab3d2257375ec601b" },
];

describe("Prague hour by the EU rule", () => {
  it.each(VECTORS)("$at is hour $hour in Prague", ({ at, hour }) => {
    expect(pragueHourText(Date.parse(at))).toBe(hour);
  });

  it("agrees with the IANA zone every 15 minutes across 2025–2027, DST switches included", () => {
    const disagreements: string[] = [];
    for (let ms = Date.parse("2025-01-01T00:00:00Z"); ms < Date.parse("2028-01-01T00:00:00Z"); ms += 900_000) {
      if (pragueHourText(ms) !== pragueHourByIntl(ms)) disagreements.push(new Date(ms).toISOString());
    }
    expect(disagreements).toEqual([]);
  });

  it("formats WEDOS dates in Prague local time", () => {
    expect(formatPragueDateTime(Date.parse("2026-07-01T22:15:09Z"))).toBe("2026-07-02 00:15:09");
    expect(formatPragueDateTime(Date.parse("2026-01-01T08:05:00Z"))).toBe("2026-01-01 09:05:00");
  });
});

describe("auth hash", () => {
  it.each(VECTORS)("tester/123456 at $at gives $auth", ({ at, auth }) => {
    expect(expectedAuth("tester", "123456", Date.parse(at))).toBe(auth);
  });

  it("matches the realistic-login vector", () => {
    expect(expectedAuth("owner@example.test", "not-a-real-secret", Date.parse("2026-01-01T12:00:00Z"))).toBe(
      "ee0051fb256eaf59d6c2193edb4011363e4c3481",
    );
  });
});

describe("auth over HTTP", () => {
  let harness: Harness;
  afterEach(() => harness.close());

  it("accepts the KB vector at 11:30 Prague time", async () => {
    harness = await startHarness({ login: "tester", password: "123456" });
    const answer = await harness.call("ping", undefined, {
      user: "tester",
      auth: "ac28237e80e68efa3bfd07f42dca3d41c5986e01",
    });
    expect(answer.response.code).toBe(1000);
  });

  it("accepts the spring-forward hour 03 right after 01:00 UTC", async () => {
    harness = await startHarness({ login: "tester", password: "123456" });
    harness.clock.set("2026-03-29T01:00:00Z");
    const answer = await harness.call("ping", undefined, {
      user: "tester",
      auth: "090577312438c5da2e9ecac52078554bf448d821",
    });
    expect(answer.response.code).toBe(1000);
  });

  const rejected: Array<[string, (now: number) => { user?: string; auth: string }]> = [
    ["an unpadded hour (libdns's bug) at 09:xx", () => ({ auth: sha1(LOGIN + sha1(PASSWORD) + "9") })],
    ["uppercase hex", (now) => ({ auth: authAt(now).toUpperCase() })],
    ["the previous hour", (now) => ({ auth: authAt(now - 3_600_000) })],
    ["the next hour", (now) => ({ auth: authAt(now + 3_600_000) })],
    ["a differently cased login", (now) => ({ user: LOGIN.toUpperCase(), auth: authAt(now, LOGIN.toUpperCase()) })],
    ["another login", (now) => ({ user: "other@example.test", auth: authAt(now, "other@example.test") })],
    ["a wrong password", (now) => ({ auth: authAt(now, LOGIN, "wrong-password") })],
    [
      "the UTC hour instead of the Prague hour",
      (now) => ({
        auth: sha1(LOGIN + sha1(PASSWORD) + new Date(now).toISOString().slice(11, 13)),
      }),
    ],
  ];

  it.each(rejected)("rejects %s with 2050", async (_label, build) => {
    harness = await startHarness();
    harness.clock.set("2026-01-15T08:10:00Z"); // 09:10 Prague
    const overrides = build(harness.clock.now());
    const answer = await harness.call("ping", undefined, overrides);
    expect(answer.response.code).toBe(2050);
    expect(answer.response.result).toBe("Authentication failure");
  });
});
