import { describe, expect, it } from "vitest";
import { REASON_CODES, decodeReason, encodeReason, reason } from "../../src/model/reason.js";
import { timeFormatter } from "../../src/web/i18n/format.js";
import { translator, type Language } from "../../src/web/i18n/index.js";
import { reasonView } from "../../src/web/view-models/reason.js";

const DETAIL =
  'WAPI dns-domain-add: WEDOS refused the request (code 2322 "Maximum number of DNS domains exceeded") at /var/lib/wedos-panel/db.sqlite\n    at Object.run (/opt/wedos-panel/build/lib/x.js:1:1)';
const PARAMS = {
  command: "dns-domain-add",
  wapiCode: 2322,
  result: "Maximum number of DNS domains exceeded",
  count: 3,
  job: 7,
  // A spending limit's refusal (spend-limit, spend-limit-reseller).
  limit: "500.00",
  price: "70.00",
  currency: "CZK",
  name: "bob",
};
const reader = (level: "user" | "reseller" | "admin", language: Language = "en") => ({
  t: translator(language),
  identity: { level },
});

describe("a reason for each reader", () => {
  it("gives customers and resellers words without a WAPI code, command, WEDOS's English, path or stack", () => {
    for (const code of REASON_CODES)
      for (const level of ["user", "reseller"] as const)
        for (const language of ["en", "cs"] as const) {
          const view = reasonView(reader(level, language), reason(code, DETAIL, PARAMS));
          expect(view?.details, code).toBeUndefined();
          expect(view?.text.length, code).toBeGreaterThan(10);
          for (const secret of ["2322", "dns-domain-add", "WAPI", "Maximum", "/var/", "Object.run", "{"])
            expect(view?.text, `${code} ${level} ${language}`).not.toContain(secret);
        }
  });

  it("gives admins their words and the stored details", () => {
    const view = reasonView(reader("admin"), reason("wedos-zone-limit", DETAIL, PARAMS));
    expect(view).toEqual({
      text: "The WEDOS account has reached its limit of DNS zones: ask WEDOS support to raise it, then retry the job.",
      details: DETAIL,
    });
    // WEDOS's own words for a code without a translation: the admin reads them in English, customers not at all.
    const unknown = reason("wedos-refused", "…", { command: "dns-row-add", wapiCode: 2999, result: "Strange" });
    expect(reasonView(reader("admin"), unknown)?.text).toContain("WEDOS refused the request: Strange.");
    expect(reasonView(reader("user"), unknown)?.text).toBe(
      "WEDOS did not accept the change. Your provider has been told.",
    );
  });

  it("says a reseller, not the customer, that the server's administrator was told", () => {
    const internal = reason("internal", DETAIL);
    expect(reasonView(reader("user", "cs"), internal)?.text).toBe(
      "Na tomto serveru se něco pokazilo. Váš poskytovatel o tom ví.",
    );
    expect(reasonView(reader("reseller"), internal)?.text).toBe(
      "Something went wrong on this server. The server's administrator has been told.",
    );
  });

  it("is stored as a code with parameters and read back; a row without a code is shown to admins only", () => {
    const stored = reason("records-not-synced", "3 record(s) not synced; see the domain's records", { count: 3 });
    expect(decodeReason(encodeReason(stored), stored.detail)).toEqual(stored);
    const old = decodeReason(null, "ENOENT: no such file or directory, open '/x/big.test.db'");
    expect(old?.code).toBe("unrecorded");
    expect(reasonView(reader("admin"), old)?.text).toBe("ENOENT: no such file or directory, open '/x/big.test.db'");
    expect(reasonView(reader("user"), old)?.text).toBe(
      "Something went wrong on this server. Your provider has been told.",
    );
    // A code a newer version wrote, or a damaged column, reads like a row without one.
    expect(decodeReason('{"code":"from-the-future"}', "text")?.code).toBe("unrecorded");
    expect(decodeReason("{not json", "text")?.code).toBe("unrecorded");
    expect(decodeReason(null, null)).toBeUndefined();
  });
});

describe("dates and times", () => {
  it("cs: day. month. year hour:minute in Prague time, winter and summer", () => {
    const time = timeFormatter("cs");
    expect(time(Date.parse("2026-12-04T21:05:00Z"))).toBe("4. 12. 2026 22:05");
    expect(time(Date.parse("2026-07-01T20:05:00Z"))).toBe("1. 7. 2026 22:05");
    expect(time(null, "nikdy")).toBe("nikdy");
  });

  it("en: the month in words, 24-hour time, in UTC", () => {
    const time = timeFormatter("en");
    expect(time(Date.parse("2026-12-04T21:05:00Z"))).toBe("4 Dec 2026, 21:05");
    expect(time(Date.parse("2026-07-01T09:00:00Z"))).toBe("1 Jul 2026, 09:00");
    expect(time(undefined, "never")).toBe("never");
    expect(translator("en").time(Date.parse("2026-07-01T09:00:00Z"))).toBe("1 Jul 2026, 09:00");
  });
});
