import { describe, expect, it } from "vitest";
import { DNS_REASONS, knownDnsReason, type DnsReasonKey } from "../../src/provisioning/dns-reasons.js";

describe("the tasks' fixed DNS reasons", () => {
  it("are recognised from their stored text, with their count", () => {
    for (const key of Object.keys(DNS_REASONS) as DnsReasonKey[])
      expect(knownDnsReason(DNS_REASONS[key](3))?.key, key).toBe(key);
    expect(knownDnsReason("12 record(s) not synced; see the domain's records")).toEqual({
      key: "recordsNotSynced",
      count: 12,
    });
  });

  it("leave a reason with details of its own (an error from WEDOS) unrecognised", () => {
    expect(
      knownDnsReason(
        'WAPI dns-domain-add: WEDOS refused the request (code 2322 "Maximum number of DNS domains exceeded")',
      ),
    ).toBeUndefined();
    expect(knownDnsReason("waiting to retry: the hosting package does not include WEDOS DNS")).toBeUndefined();
  });
});
