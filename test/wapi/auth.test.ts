import { describe, expect, it } from "vitest";
import { wapiAuth } from "../../src/wapi/auth.js";
import { pragueHour } from "../../src/wapi/prague-hour.js";

// Vectors from docs/reference/wapi.md#authentication (WEDOS KB and IANA Europe/Prague).
describe("wapiAuth", () => {
  it("matches the WEDOS knowledge-base vector (tester / 123456 at 11:30 Prague)", () => {
    expect(wapiAuth("tester", "123456", Date.parse("2026-01-01T10:30:00Z"))).toBe(
      "ac28237e80e68efa3bfd07f42dca3d41c5986e01",
    );
  });

  it.each([
    ["2026-01-01T08:30:00Z", "09", "68782a69ff7316fe873a2bd872586a0b7df291e6"],
    ["2026-01-01T23:00:00Z", "00", "7fbabaadd1d5f19b05a15bae52132f70cb902dad"],
    ["2026-07-01T22:15:00Z", "00", "7fbabaadd1d5f19b05a15bae52132f70cb902dad"],
    ["2026-03-29T00:59:59Z", "01", "ac816ac0bde510aec27f067a2d1dc88ab1709304"],
    ["2026-03-29T01:00:00Z", "03", "090577312438c5da2e9ecac52078554bf448d821"],
    ["2026-10-25T00:59:59Z", "02", "184f82583ca7d21d37f9ed1ab3d2257375ec601b"],
    ["2026-10-25T01:00:00Z", "02", "184f82583ca7d21d37f9ed1ab3d2257375ec601b"],
  ])("at %s the Prague hour is %s and the hash %s", (instant, hour, hash) => {
    const at = Date.parse(instant);
    expect(pragueHour(at)).toBe(hour);
    expect(wapiAuth("tester", "123456", at)).toBe(hash);
  });

  it("matches the realistic-login vector", () => {
    expect(wapiAuth("owner@example.test", "not-a-real-secret", Date.parse("2026-01-01T12:00:00Z"))).toBe(
      "ee0051fb256eaf59d6c2193edb4011363e4c3481",
    );
  });

  it("does not depend on the machine's time zone", () => {
    const original = process.env.TZ;
    try {
      const hours = ["UTC", "America/New_York", "Asia/Tokyo"].map((tz) => {
        process.env.TZ = tz; // Node applies a changed TZ at once to local-time functions
        return pragueHour(Date.parse("2026-07-01T22:15:00Z"));
      });
      expect(hours).toEqual(["00", "00", "00"]);
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});
